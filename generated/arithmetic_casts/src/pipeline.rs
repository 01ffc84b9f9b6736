use pigc_runtime as rt;
/// Rows read by `n`: {id: int,a: int,b: int,big: long,x: double,s: chararray,r1: bytearray,r2: bytearray}
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
pub struct N {
    #[serde(default)]
    pub id: Option<i32>,
    #[serde(default)]
    pub a: Option<i32>,
    #[serde(default)]
    pub b: Option<i32>,
    #[serde(default)]
    pub big: Option<i64>,
    #[serde(default)]
    pub x: Option<rt::data::Double>,
    #[serde(default)]
    pub s: Option<String>,
    #[serde(default)]
    pub r1: Option<rt::data::Bytes>,
    #[serde(default)]
    pub r2: Option<rt::data::Bytes>,
}
impl rt::format::TextRecord for N {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            id: r.int(),
            a: r.int(),
            b: r.int(),
            big: r.long(),
            x: r.double(),
            s: r.chararray(),
            r1: r.bytearray(),
            r2: r.bytearray(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.id);
        w.field(&self.a);
        w.field(&self.b);
        w.field(&self.big);
        w.field(&self.x);
        w.field(&self.s);
        w.field(&self.r1);
        w.field(&self.r2);
    }
}
impl rt::data::PigText for N {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.id, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.a, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.b, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.big, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.x, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.s, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.r1, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.r2, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for N {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            id: t.get(0).and_then(<i32 as rt::data::FromValue>::from_value),
            a: t.get(1).and_then(<i32 as rt::data::FromValue>::from_value),
            b: t.get(2).and_then(<i32 as rt::data::FromValue>::from_value),
            big: t.get(3).and_then(<i64 as rt::data::FromValue>::from_value),
            x: t.get(4).and_then(<rt::data::Double as rt::data::FromValue>::from_value),
            s: t.get(5).and_then(<String as rt::data::FromValue>::from_value),
            r1: t.get(6).and_then(<rt::data::Bytes as rt::data::FromValue>::from_value),
            r2: t.get(7).and_then(<rt::data::Bytes as rt::data::FromValue>::from_value),
        })
    }
}
/// Rows of `ints`: {id: int,quot: int,rem: int,half: double,total: long,doubled: long,neg: int}
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
pub struct Ints {
    #[serde(default)]
    pub id: Option<i32>,
    #[serde(default)]
    pub quot: Option<i32>,
    #[serde(default)]
    pub rem: Option<i32>,
    #[serde(default)]
    pub half: Option<rt::data::Double>,
    #[serde(default)]
    pub total: Option<i64>,
    #[serde(default)]
    pub doubled: Option<i64>,
    #[serde(default)]
    pub neg: Option<i32>,
}
impl rt::format::TextRecord for Ints {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            id: r.int(),
            quot: r.int(),
            rem: r.int(),
            half: r.double(),
            total: r.long(),
            doubled: r.long(),
            neg: r.int(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.id);
        w.field(&self.quot);
        w.field(&self.rem);
        w.field(&self.half);
        w.field(&self.total);
        w.field(&self.doubled);
        w.field(&self.neg);
    }
}
impl rt::data::PigText for Ints {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.id, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.quot, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.rem, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.half, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.total, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.doubled, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.neg, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Ints {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            id: t.get(0).and_then(<i32 as rt::data::FromValue>::from_value),
            quot: t.get(1).and_then(<i32 as rt::data::FromValue>::from_value),
            rem: t.get(2).and_then(<i32 as rt::data::FromValue>::from_value),
            half: t
                .get(3)
                .and_then(<rt::data::Double as rt::data::FromValue>::from_value),
            total: t.get(4).and_then(<i64 as rt::data::FromValue>::from_value),
            doubled: t.get(5).and_then(<i64 as rt::data::FromValue>::from_value),
            neg: t.get(6).and_then(<i32 as rt::data::FromValue>::from_value),
        })
    }
}
/// Rows of `dbls`: {id: int,ratio: double,scaled: double,x_int: int,x_long: long,x_plus: double,x_float: float}
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
pub struct Dbls {
    #[serde(default)]
    pub id: Option<i32>,
    #[serde(default)]
    pub ratio: Option<rt::data::Double>,
    #[serde(default)]
    pub scaled: Option<rt::data::Double>,
    #[serde(default)]
    pub x_int: Option<i32>,
    #[serde(default)]
    pub x_long: Option<i64>,
    #[serde(default)]
    pub x_plus: Option<rt::data::Double>,
    #[serde(default)]
    pub x_float: Option<rt::data::Float>,
}
impl rt::format::TextRecord for Dbls {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            id: r.int(),
            ratio: r.double(),
            scaled: r.double(),
            x_int: r.int(),
            x_long: r.long(),
            x_plus: r.double(),
            x_float: r.float(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.id);
        w.field(&self.ratio);
        w.field(&self.scaled);
        w.field(&self.x_int);
        w.field(&self.x_long);
        w.field(&self.x_plus);
        w.field(&self.x_float);
    }
}
impl rt::data::PigText for Dbls {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.id, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.ratio, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.scaled, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.x_int, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.x_long, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.x_plus, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.x_float, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Dbls {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            id: t.get(0).and_then(<i32 as rt::data::FromValue>::from_value),
            ratio: t
                .get(1)
                .and_then(<rt::data::Double as rt::data::FromValue>::from_value),
            scaled: t
                .get(2)
                .and_then(<rt::data::Double as rt::data::FromValue>::from_value),
            x_int: t.get(3).and_then(<i32 as rt::data::FromValue>::from_value),
            x_long: t.get(4).and_then(<i64 as rt::data::FromValue>::from_value),
            x_plus: t
                .get(5)
                .and_then(<rt::data::Double as rt::data::FromValue>::from_value),
            x_float: t
                .get(6)
                .and_then(<rt::data::Float as rt::data::FromValue>::from_value),
        })
    }
}
/// Rows of `casts`: {id: int,s_int: int,s_next: int,raw_sum: double,a_bang: chararray}
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
pub struct Casts {
    #[serde(default)]
    pub id: Option<i32>,
    #[serde(default)]
    pub s_int: Option<i32>,
    #[serde(default)]
    pub s_next: Option<i32>,
    #[serde(default)]
    pub raw_sum: Option<rt::data::Double>,
    #[serde(default)]
    pub a_bang: Option<String>,
}
impl rt::format::TextRecord for Casts {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            id: r.int(),
            s_int: r.int(),
            s_next: r.int(),
            raw_sum: r.double(),
            a_bang: r.chararray(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.id);
        w.field(&self.s_int);
        w.field(&self.s_next);
        w.field(&self.raw_sum);
        w.field(&self.a_bang);
    }
}
impl rt::data::PigText for Casts {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.id, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.s_int, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.s_next, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.raw_sum, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.a_bang, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Casts {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            id: t.get(0).and_then(<i32 as rt::data::FromValue>::from_value),
            s_int: t.get(1).and_then(<i32 as rt::data::FromValue>::from_value),
            s_next: t.get(2).and_then(<i32 as rt::data::FromValue>::from_value),
            raw_sum: t
                .get(3)
                .and_then(<rt::data::Double as rt::data::FromValue>::from_value),
            a_bang: t.get(4).and_then(<String as rt::data::FromValue>::from_value),
        })
    }
}
/// Rows of `conds`: {id: int,sign: chararray,sign3: chararray,b_name: chararray,a_or_zero: int}
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
pub struct Conds {
    #[serde(default)]
    pub id: Option<i32>,
    #[serde(default)]
    pub sign: Option<String>,
    #[serde(default)]
    pub sign3: Option<String>,
    #[serde(default)]
    pub b_name: Option<String>,
    #[serde(default)]
    pub a_or_zero: Option<i32>,
}
impl rt::format::TextRecord for Conds {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            id: r.int(),
            sign: r.chararray(),
            sign3: r.chararray(),
            b_name: r.chararray(),
            a_or_zero: r.int(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.id);
        w.field(&self.sign);
        w.field(&self.sign3);
        w.field(&self.b_name);
        w.field(&self.a_or_zero);
    }
}
impl rt::data::PigText for Conds {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.id, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.sign, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.sign3, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.b_name, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.a_or_zero, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Conds {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            id: t.get(0).and_then(<i32 as rt::data::FromValue>::from_value),
            sign: t.get(1).and_then(<String as rt::data::FromValue>::from_value),
            sign3: t.get(2).and_then(<String as rt::data::FromValue>::from_value),
            b_name: t.get(3).and_then(<String as rt::data::FromValue>::from_value),
            a_or_zero: t.get(4).and_then(<i32 as rt::data::FromValue>::from_value),
        })
    }
}
/// Rows of `bigger_ids`: {id: int}
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
pub struct BiggerIds {
    #[serde(default)]
    pub id: Option<i32>,
}
impl rt::format::TextRecord for BiggerIds {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self { id: r.int() })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.id);
    }
}
impl rt::data::PigText for BiggerIds {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.id, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for BiggerIds {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            id: t.get(0).and_then(<i32 as rt::data::FromValue>::from_value),
        })
    }
}
/// The dataflow of `script.pig`, generated by pigc: pass `build` to `pigc_runtime::cli::main`.
pub fn build(df: &mut rt::dataflow::Dataflow) {
    // script.pig:4: n = LOAD
    let n = df.source::<N, _>("nums.txt", rt::format::PigStorage::new(b'\t'));
    // script.pig:7: ints = FOREACH
    n.map(|r| Ints {
            id: r.id,
            quot: rt::data::ops::div(r.a, r.b),
            rem: rt::data::ops::rem(r.a, Some(3i32)),
            half: rt::data::ops::div(
                r.a.map(|v1| rt::data::Double(f64::from(v1))),
                Some(rt::data::Double(2f64)),
            ),
            total: rt::data::ops::add(r.a.map(i64::from), r.big),
            doubled: rt::data::ops::mul(r.big, Some(2i64)),
            neg: r.a.map(rt::data::ops::PigArith::pig_neg),
        })
        // script.pig:9: STORE INTO 'out_ints'
        .sink("out_ints", rt::format::PigStorage::new(b','));
    // script.pig:11: dbls = FOREACH
    n.map(|r| Dbls {
            id: r.id,
            ratio: rt::data::ops::div(
                r.x,
                r.b.map(|v1| rt::data::Double(f64::from(v1))),
            ),
            scaled: rt::data::ops::mul(
                r.x,
                r.a.map(|v1| rt::data::Double(f64::from(v1))),
            ),
            x_int: r.x.map(|v1| v1.0 as i32),
            x_long: r.x.map(|v1| v1.0 as i64),
            x_plus: rt::data::ops::add(r.x, Some(rt::data::Double(1f64))),
            x_float: r.x.map(|v1| rt::data::Float(v1.0 as f32)),
        })
        // script.pig:13: STORE INTO 'out_doubles'
        .sink("out_doubles", rt::format::PigStorage::new(b','));
    // script.pig:15: casts = FOREACH
    n.map(|r| Casts {
            id: r.id,
            s_int: r.s.clone().as_deref().and_then(rt::data::cast::text_to_int),
            s_next: rt::data::ops::add(
                r.s.clone().as_deref().and_then(rt::data::cast::text_to_int),
                Some(1i32),
            ),
            raw_sum: rt::data::ops::add(
                r
                    .r1
                    .clone()
                    .as_ref()
                    .map(rt::data::Bytes::as_slice)
                    .and_then(rt::data::cast::bytes_to_double),
                r
                    .r2
                    .clone()
                    .as_ref()
                    .map(rt::data::Bytes::as_slice)
                    .and_then(rt::data::cast::bytes_to_double),
            ),
            a_bang: r
                .a
                .map(|v1| rt::data::PigText::to_text(&v1))
                .as_deref()
                .map(|v2| rt::builtins::string::concat(&[v2, "!"])),
        })
        // script.pig:17: STORE INTO 'out_casts'
        .sink("out_casts", rt::format::PigStorage::new(b','));
    // script.pig:19: conds = FOREACH
    n.map(|r| Conds {
            id: r.id,
            sign: match rt::data::ops::gt(r.a, Some(0i32)) {
                Some(true) => Some(String::from("pos")),
                Some(false) => Some(String::from("nonpos")),
                None => None,
            },
            sign3: match rt::data::ops::lt(r.a, Some(0i32)) {
                Some(true) => Some(String::from("neg")),
                Some(false) => {
                    match rt::data::ops::eq(r.a, Some(0i32)) {
                        Some(true) => Some(String::from("zero")),
                        Some(false) => Some(String::from("pos")),
                        None => None,
                    }
                }
                None => None,
            },
            b_name: match rt::data::ops::eq(r.b, Some(2i32)) {
                Some(true) => Some(String::from("two")),
                Some(false) => {
                    match rt::data::ops::eq(r.b, Some(0i32)) {
                        Some(true) => Some(String::from("zero")),
                        Some(false) => Some(String::from("other")),
                        None => None,
                    }
                }
                None => None,
            },
            a_or_zero: if r.a.is_none() { Some(0i32) } else { r.a },
        })
        // script.pig:24: STORE INTO 'out_conds'
        .sink("out_conds", rt::format::PigStorage::new(b','));
    // script.pig:27: bigger = FILTER
    n.filter(|r| {
            rt::data::ops::gt(
                rt::data::ops::mul(r.x, Some(rt::data::Double(2f64))),
                r.a.map(|v1| rt::data::Double(f64::from(v1))),
            ) == Some(true)
        })
        // script.pig:28: bigger_ids = FOREACH
        .map(|r| BiggerIds { id: r.id })
        // script.pig:29: STORE INTO 'out_compare'
        .sink("out_compare", rt::format::PigStorage::new(b','));
}
