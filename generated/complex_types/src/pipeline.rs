use pigc_runtime as rt;
/// Tuples of `t`: {num: int,word: chararray}
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
pub struct T {
    #[serde(default)]
    pub num: Option<i32>,
    #[serde(default)]
    pub word: Option<String>,
}
impl rt::format::TextRecord for T {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            num: r.int(),
            word: r.chararray(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.num);
        w.field(&self.word);
    }
}
impl rt::data::PigText for T {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.num, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.word, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for T {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            num: t.get(0).and_then(<i32 as rt::data::FromValue>::from_value),
            word: t.get(1).and_then(<String as rt::data::FromValue>::from_value),
        })
    }
}
/// Tuples of `b_item`: {x: int}
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
pub struct BItem {
    #[serde(default)]
    pub x: Option<i32>,
}
impl rt::format::TextRecord for BItem {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self { x: r.int() })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.x);
    }
}
impl rt::data::PigText for BItem {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.x, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for BItem {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            x: t.get(0).and_then(<i32 as rt::data::FromValue>::from_value),
        })
    }
}
/// Rows read by `profiles`: {id: int,m: map[],t: (num: int,word: chararray),b: {(x: int)}}
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
pub struct Profiles {
    #[serde(default)]
    pub id: Option<i32>,
    #[serde(default)]
    pub m: Option<rt::data::PigMap>,
    #[serde(default)]
    pub t: Option<T>,
    #[serde(default)]
    pub b: Option<rt::data::Bag<BItem>>,
}
impl rt::format::TextRecord for Profiles {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            id: r.int(),
            m: r.map(),
            t: r.cast::<T>(),
            b: r.bag::<BItem>(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.id);
        w.field(&self.m);
        w.field(&self.t);
        w.field(&self.b);
    }
}
impl rt::data::PigText for Profiles {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.id, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.m, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.t, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.b, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Profiles {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            id: t.get(0).and_then(<i32 as rt::data::FromValue>::from_value),
            m: t.get(1).and_then(<rt::data::PigMap as rt::data::FromValue>::from_value),
            t: t.get(2).and_then(<T as rt::data::FromValue>::from_value),
            b: t
                .get(3)
                .and_then(<rt::data::Bag<BItem> as rt::data::FromValue>::from_value),
        })
    }
}
/// Rows of `lookups`: {id: int,city: chararray,lang: chararray,num: int,word: chararray,n: long,total: long}
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
pub struct Lookups {
    #[serde(default)]
    pub id: Option<i32>,
    #[serde(default)]
    pub city: Option<String>,
    #[serde(default)]
    pub lang: Option<String>,
    #[serde(default)]
    pub num: Option<i32>,
    #[serde(default)]
    pub word: Option<String>,
    #[serde(default)]
    pub n: Option<i64>,
    #[serde(default)]
    pub total: Option<i64>,
}
impl rt::format::TextRecord for Lookups {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            id: r.int(),
            city: r.chararray(),
            lang: r.chararray(),
            num: r.int(),
            word: r.chararray(),
            n: r.long(),
            total: r.long(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.id);
        w.field(&self.city);
        w.field(&self.lang);
        w.field(&self.num);
        w.field(&self.word);
        w.field(&self.n);
        w.field(&self.total);
    }
}
impl rt::data::PigText for Lookups {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.id, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.city, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.lang, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.num, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.word, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.n, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.total, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Lookups {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            id: t.get(0).and_then(<i32 as rt::data::FromValue>::from_value),
            city: t.get(1).and_then(<String as rt::data::FromValue>::from_value),
            lang: t.get(2).and_then(<String as rt::data::FromValue>::from_value),
            num: t.get(3).and_then(<i32 as rt::data::FromValue>::from_value),
            word: t.get(4).and_then(<String as rt::data::FromValue>::from_value),
            n: t.get(5).and_then(<i64 as rt::data::FromValue>::from_value),
            total: t.get(6).and_then(<i64 as rt::data::FromValue>::from_value),
        })
    }
}
/// Tuples built by `totuple`
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
pub struct Totuple {
    #[serde(default)]
    pub id: Option<i32>,
    #[serde(default)]
    pub word: Option<String>,
}
impl rt::format::TextRecord for Totuple {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            id: r.int(),
            word: r.chararray(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.id);
        w.field(&self.word);
    }
}
impl rt::data::PigText for Totuple {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.id, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.word, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Totuple {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            id: t.get(0).and_then(<i32 as rt::data::FromValue>::from_value),
            word: t.get(1).and_then(<String as rt::data::FromValue>::from_value),
        })
    }
}
/// Rows of `built`: {id: int,city_map: map[chararray],pair: (id: int,word: chararray)}
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
pub struct Built {
    #[serde(default)]
    pub id: Option<i32>,
    pub city_map: rt::data::PigMap,
    pub pair: Totuple,
}
impl rt::format::TextRecord for Built {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            id: r.int(),
            city_map: r
                .map()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `city_map` is null but may not be",
                ))?,
            pair: r
                .cast::<Totuple>()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `pair` is null but may not be",
                ))?,
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.id);
        w.field(&self.city_map);
        w.field(&self.pair);
    }
}
impl rt::data::PigText for Built {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.id, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.city_map, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.pair, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Built {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            id: t.get(0).and_then(<i32 as rt::data::FromValue>::from_value),
            city_map: t
                .get(1)
                .and_then(<rt::data::PigMap as rt::data::FromValue>::from_value)?,
            pair: t.get(2).and_then(<Totuple as rt::data::FromValue>::from_value)?,
        })
    }
}
/// Rows of `passthrough`: {id: int,b: {(x: int)}}
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
pub struct Passthrough {
    #[serde(default)]
    pub id: Option<i32>,
    #[serde(default)]
    pub b: Option<rt::data::Bag<BItem>>,
}
impl rt::format::TextRecord for Passthrough {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            id: r.int(),
            b: r.bag::<BItem>(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.id);
        w.field(&self.b);
    }
}
impl rt::data::PigText for Passthrough {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.id, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.b, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Passthrough {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            id: t.get(0).and_then(<i32 as rt::data::FromValue>::from_value),
            b: t
                .get(1)
                .and_then(<rt::data::Bag<BItem> as rt::data::FromValue>::from_value),
        })
    }
}
/// Rows of `items`: {id: int,x: int}
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
pub struct Items {
    #[serde(default)]
    pub id: Option<i32>,
    #[serde(default)]
    pub x: Option<i32>,
}
impl rt::format::TextRecord for Items {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self { id: r.int(), x: r.int() })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.id);
        w.field(&self.x);
    }
}
impl rt::data::PigText for Items {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.id, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.x, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Items {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            id: t.get(0).and_then(<i32 as rt::data::FromValue>::from_value),
            x: t.get(1).and_then(<i32 as rt::data::FromValue>::from_value),
        })
    }
}
/// The dataflow of `script.pig`, generated by pigc: pass `build` to `pigc_runtime::cli::main`.
pub fn build(df: &mut rt::dataflow::Dataflow) {
    // script.pig:3: profiles = LOAD
    let profiles = df
        .source::<Profiles, _>("profiles.txt", rt::format::PigStorage::new(b'\t'));
    // script.pig:6: lookups = FOREACH
    profiles
        .map(|r| Lookups {
            id: r.id,
            city: r
                .m
                .as_ref()
                .and_then(|m| m.get("city"))
                .filter(|v| !v.is_null())
                .cloned()
                .and_then(|v1| <String as rt::data::FromValue>::from_value(&v1)),
            lang: r
                .m
                .as_ref()
                .and_then(|m| m.get("lang"))
                .filter(|v| !v.is_null())
                .cloned()
                .and_then(|v1| <String as rt::data::FromValue>::from_value(&v1)),
            num: r.t.as_ref().and_then(|t1| t1.num),
            word: r.t.as_ref().and_then(|t1| t1.word.clone()),
            n: r.b.as_ref().map(rt::builtins::collection::size_bag),
            total: r
                .b
                .as_ref()
                .and_then(|b| rt::builtins::aggregate::sum_int(b.iter().map(|t1| t1.x))),
        })
        // script.pig:8: STORE INTO 'out_lookups'
        .sink("out_lookups", rt::format::PigStorage::new(b','));
    // script.pig:10: with_city = FILTER
    profiles
        .filter(|r| {
            r
                .m
                .as_ref()
                .and_then(|m| m.get("city"))
                .filter(|v| !v.is_null())
                .cloned()
                .as_ref()
                .is_some()
        })
        // script.pig:11: built = FOREACH
        .map(|r| Built {
            id: r.id,
            city_map: rt::builtins::collection::to_map([
                (
                    Some(String::from("city")),
                    rt::data::Value::from(
                        r
                            .m
                            .as_ref()
                            .and_then(|m| m.get("city"))
                            .filter(|v| !v.is_null())
                            .cloned()
                            .and_then(|v2| <String as rt::data::FromValue>::from_value(
                                &v2,
                            )),
                    ),
                ),
            ]),
            pair: Totuple {
                id: r.id,
                word: r.t.as_ref().and_then(|t2| t2.word.clone()),
            },
        })
        // script.pig:13: STORE INTO 'out_built'
        .sink("out_built", rt::format::PigStorage::new(b'\t'));
    // script.pig:15: passthrough = FOREACH
    profiles
        .map(|r| Passthrough {
            id: r.id,
            b: r.b.clone(),
        })
        // script.pig:16: STORE INTO 'out_bags'
        .sink("out_bags", rt::format::PigStorage::new(b'\t'));
    // script.pig:18: items = FOREACH
    profiles
        .flat_map(|r| {
            let mut out = Vec::new();
            for t1 in r.b.as_ref().into_iter().flatten() {
                out.push(Items { id: r.id, x: t1.x });
            }
            out
        })
        // script.pig:19: STORE INTO 'out_items'
        .sink("out_items", rt::format::PigStorage::new(b','));
}
