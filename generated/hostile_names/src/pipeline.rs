use pigc_runtime as rt;
/// Rows read by `fn`: {self: chararray,Self: int,crate: chararray,super: double,type: chararray}
#[derive(
    Debug,
    Clone,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    serde::Serialize,
    serde::Deserialize
)]
pub struct Fn2 {
    #[serde(rename = "self", default)]
    pub self_: Option<String>,
    #[serde(rename = "Self", default)]
    pub self_2: Option<i32>,
    #[serde(rename = "crate", default)]
    pub crate_: Option<String>,
    #[serde(rename = "super", default)]
    pub super_: Option<rt::data::Double>,
    #[serde(default)]
    pub r#type: Option<String>,
}
impl rt::format::TextRecord for Fn2 {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            self_: r.chararray(),
            self_2: r.int(),
            crate_: r.chararray(),
            super_: r.double(),
            r#type: r.chararray(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.self_);
        w.field(&self.self_2);
        w.field(&self.crate_);
        w.field(&self.super_);
        w.field(&self.r#type);
    }
}
impl rt::data::PigText for Fn2 {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.self_, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.self_2, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.crate_, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.super_, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.r#type, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Fn2 {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            self_: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            self_2: t.get(1).and_then(<i32 as rt::data::FromValue>::from_value),
            crate_: t.get(2).and_then(<String as rt::data::FromValue>::from_value),
            super_: t
                .get(3)
                .and_then(<rt::data::Double as rt::data::FromValue>::from_value),
            r#type: t.get(4).and_then(<String as rt::data::FromValue>::from_value),
        })
    }
}
/// Rows of `match`: {Option: chararray,String: chararray,Some: chararray,None: chararray,impl: int,_: double}
#[derive(
    Debug,
    Clone,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    serde::Serialize,
    serde::Deserialize
)]
pub struct Match {
    #[serde(rename = "Option", default)]
    pub option: Option<String>,
    #[serde(rename = "String", default)]
    pub string: Option<String>,
    #[serde(rename = "Some", default)]
    pub some: Option<String>,
    #[serde(rename = "None", default)]
    pub none: Option<String>,
    #[serde(default)]
    pub r#impl: Option<i32>,
    #[serde(rename = "_", default)]
    pub field: Option<rt::data::Double>,
}
impl rt::format::TextRecord for Match {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            option: r.chararray(),
            string: r.chararray(),
            some: r.chararray(),
            none: r.chararray(),
            r#impl: r.int(),
            field: r.double(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.option);
        w.field(&self.string);
        w.field(&self.some);
        w.field(&self.none);
        w.field(&self.r#impl);
        w.field(&self.field);
    }
}
impl rt::data::PigText for Match {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.option, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.string, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.some, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.none, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.r#impl, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.field, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Match {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            option: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            string: t.get(1).and_then(<String as rt::data::FromValue>::from_value),
            some: t.get(2).and_then(<String as rt::data::FromValue>::from_value),
            none: t.get(3).and_then(<String as rt::data::FromValue>::from_value),
            r#impl: t.get(4).and_then(<i32 as rt::data::FromValue>::from_value),
            field: t
                .get(5)
                .and_then(<rt::data::Double as rt::data::FromValue>::from_value),
        })
    }
}
/// Per-group results of `await` (group key, then one column per aggregate)
#[derive(
    Debug,
    Clone,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    serde::Serialize,
    serde::Deserialize
)]
pub struct AwaitGroup {
    #[serde(default)]
    pub group: Option<String>,
    pub acc0: i64,
    #[serde(default)]
    pub acc1: Option<rt::data::Double>,
}
impl rt::format::TextRecord for AwaitGroup {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            group: r.chararray(),
            acc0: r
                .long()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `acc0` is null but may not be",
                ))?,
            acc1: r.double(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.group);
        w.field(&self.acc0);
        w.field(&self.acc1);
    }
}
impl rt::data::PigText for AwaitGroup {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.group, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.acc0, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.acc1, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for AwaitGroup {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            group: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            acc0: t.get(1).and_then(<i64 as rt::data::FromValue>::from_value)?,
            acc1: t
                .get(2)
                .and_then(<rt::data::Double as rt::data::FromValue>::from_value),
        })
    }
}
/// Rows of `await`: {struct: chararray,dyn: long,mod: double}
#[derive(
    Debug,
    Clone,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    serde::Serialize,
    serde::Deserialize
)]
pub struct Await {
    #[serde(default)]
    pub r#struct: Option<String>,
    pub r#dyn: i64,
    #[serde(default)]
    pub r#mod: Option<rt::data::Double>,
}
impl rt::format::TextRecord for Await {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            r#struct: r.chararray(),
            r#dyn: r
                .long()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `dyn` is null but may not be",
                ))?,
            r#mod: r.double(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.r#struct);
        w.field(&self.r#dyn);
        w.field(&self.r#mod);
    }
}
impl rt::data::PigText for Await {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.r#struct, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.r#dyn, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.r#mod, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Await {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            r#struct: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            r#dyn: t.get(1).and_then(<i64 as rt::data::FromValue>::from_value)?,
            r#mod: t
                .get(2)
                .and_then(<rt::data::Double as rt::data::FromValue>::from_value),
        })
    }
}
/// Upsert keys of `out_grouped`
#[derive(
    Debug,
    Clone,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    serde::Serialize,
    serde::Deserialize
)]
pub struct AwaitKey {
    #[serde(default)]
    pub r#struct: Option<String>,
}
impl rt::format::TextRecord for AwaitKey {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self { r#struct: r.chararray() })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.r#struct);
    }
}
impl rt::data::PigText for AwaitKey {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.r#struct, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for AwaitKey {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            r#struct: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
        })
    }
}
/// Rows of `df`: {r: int,Box: chararray}
#[derive(
    Debug,
    Clone,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    serde::Serialize,
    serde::Deserialize
)]
pub struct Df {
    #[serde(default)]
    pub r: Option<i32>,
    #[serde(rename = "Box", default)]
    pub r#box: Option<String>,
}
impl rt::format::TextRecord for Df {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            r: r.int(),
            r#box: r.chararray(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.r);
        w.field(&self.r#box);
    }
}
impl rt::data::PigText for Df {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.r, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.r#box, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Df {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            r: t.get(0).and_then(<i32 as rt::data::FromValue>::from_value),
            r#box: t.get(1).and_then(<String as rt::data::FromValue>::from_value),
        })
    }
}
/// A MATCHES pattern of the script, compiled once (an invalid pattern matches nothing: null).
static PATTERN: std::sync::LazyLock<Option<rt::data::pattern::FullMatch>> = std::sync::LazyLock::new(||
rt::data::pattern::FullMatch::new(".*\\\\.*").ok());
/// The dataflow of `script.pig`, generated by pigc: pass `build` to `pigc_runtime::cli::main`.
pub fn build(df: &mut rt::dataflow::Dataflow) {
    // script.pig:5: fn = LOAD
    let r#fn = df.source::<Fn2, _>("données.txt", rt::format::PigStorage::new(b'\t'));
    // script.pig:8: match = FOREACH
    r#fn.map(|r| Match {
            option: r.self_.clone(),
            string: r
                .r#type
                .as_deref()
                .map(|v1| rt::builtins::string::concat(&[v1, "\"#'*/ {} \\ é"])),
            some: match PATTERN.as_ref().and_then(|p| p.matches(r.crate_.as_deref())) {
                Some(true) => Some(String::from("has \\ backslash")),
                Some(false) => Some(String::from("no \"backslash\"")),
                None => None,
            },
            none: r
                .self_
                .as_deref()
                .and_then(|v1| rt::builtins::string::regex_extract(
                    v1,
                    "\"(\\w+)\"",
                    1i32,
                )),
            r#impl: rt::data::ops::add(r.self_2, Some(1i32)),
            field: rt::data::ops::mul(r.super_, Some(rt::data::Double(2f64))),
        })
        // script.pig:15: STORE INTO 'out_ключ"#'
        .sink("out_ключ\"#", rt::format::PigStorage::new(b'|'));
    // script.pig:17: loop = FILTER
    r#fn.filter(|r| {
            rt::data::ops::and(
                rt::data::ops::ne(r.crate_.as_deref(), Some("\"#")),
                Some(r.self_.is_some()),
            ) == Some(true)
        })
        // script.pig:18: STORE INTO 'out_filtered'
        .sink("out_filtered", rt::format::PigStorage::new(b','));
    // script.pig:5: fn = (repartition)
    r#fn.exchange(
            "fn.exchange.7c832dc8",
            |r| (
                match rt::data::ops::gt(r.self_2, Some(1i32)) {
                    Some(true) => Some(String::from("große \"Zahl\"")),
                    Some(false) => Some(String::from("klein\\")),
                    None => None,
                },
            ),
        )
        // script.pig:21: await = GROUP + FOREACH (aggregate) (state: per group: row count, Count:sum, Sum:sum)
        .key_by(|r| match rt::data::ops::gt(r.self_2, Some(1i32)) {
            Some(true) => Some(String::from("große \"Zahl\"")),
            Some(false) => Some(String::from("klein\\")),
            None => None,
        })
        .aggregate(
            "await.aggregate.a3ce0faf",
            (
                rt::operators::count(|r: &Fn2| r.self_.as_deref().is_some()),
                rt::operators::sum(|r: &Fn2| r.super_),
            ),
            |k, (v0, v1)| AwaitGroup {
                group: k.clone(),
                acc0: v0,
                acc1: v1,
            },
        )
        .map(|r| Await {
            r#struct: r.group.clone(),
            r#dyn: r.acc0,
            r#mod: r.acc1,
        })
        // script.pig:22: STORE INTO 'out_grouped'
        .sink_upsert(
            "out_grouped",
            rt::format::PigStorage::new(b','),
            |r| AwaitKey {
                r#struct: r.r#struct.clone(),
            },
            rt::format::PigStorage::new(b','),
        );
    // script.pig:24: rt = FILTER
    r#fn.filter(|r| rt::data::ops::ge(r.self_2, Some(2i32)) == Some(true))
        // script.pig:25: df = FOREACH
        .map(|r| Df {
            r: r.self_2,
            r#box: r.r#type.clone(),
        })
        // script.pig:26: STORE INTO 'out_rt'
        .sink("out_rt", rt::format::PigStorage::new(b','));
}
