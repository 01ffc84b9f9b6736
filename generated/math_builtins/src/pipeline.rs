use pigc_runtime as rt;
/// Rows read by `m`: {id: int,i: int,d: double}
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
pub struct M {
    #[serde(default)]
    pub id: Option<i32>,
    #[serde(default)]
    pub i: Option<i32>,
    #[serde(default)]
    pub d: Option<rt::data::Double>,
}
impl rt::format::TextRecord for M {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            id: r.int(),
            i: r.int(),
            d: r.double(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.id);
        w.field(&self.i);
        w.field(&self.d);
    }
}
impl rt::data::PigText for M {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.id, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.i, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.d, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for M {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            id: t.get(0).and_then(<i32 as rt::data::FromValue>::from_value),
            i: t.get(1).and_then(<i32 as rt::data::FromValue>::from_value),
            d: t.get(2).and_then(<rt::data::Double as rt::data::FromValue>::from_value),
        })
    }
}
/// Rows of `r`: {id: int,abs_i: int,abs_d: double,round_d: long,ceil_d: double,floor_d: double,sqrt_d: double}
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
pub struct R {
    #[serde(default)]
    pub id: Option<i32>,
    #[serde(default)]
    pub abs_i: Option<i32>,
    #[serde(default)]
    pub abs_d: Option<rt::data::Double>,
    #[serde(default)]
    pub round_d: Option<i64>,
    #[serde(default)]
    pub ceil_d: Option<rt::data::Double>,
    #[serde(default)]
    pub floor_d: Option<rt::data::Double>,
    #[serde(default)]
    pub sqrt_d: Option<rt::data::Double>,
}
impl rt::format::TextRecord for R {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            id: r.int(),
            abs_i: r.int(),
            abs_d: r.double(),
            round_d: r.long(),
            ceil_d: r.double(),
            floor_d: r.double(),
            sqrt_d: r.double(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.id);
        w.field(&self.abs_i);
        w.field(&self.abs_d);
        w.field(&self.round_d);
        w.field(&self.ceil_d);
        w.field(&self.floor_d);
        w.field(&self.sqrt_d);
    }
}
impl rt::data::PigText for R {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.id, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.abs_i, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.abs_d, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.round_d, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.ceil_d, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.floor_d, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.sqrt_d, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for R {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            id: t.get(0).and_then(<i32 as rt::data::FromValue>::from_value),
            abs_i: t.get(1).and_then(<i32 as rt::data::FromValue>::from_value),
            abs_d: t
                .get(2)
                .and_then(<rt::data::Double as rt::data::FromValue>::from_value),
            round_d: t.get(3).and_then(<i64 as rt::data::FromValue>::from_value),
            ceil_d: t
                .get(4)
                .and_then(<rt::data::Double as rt::data::FromValue>::from_value),
            floor_d: t
                .get(5)
                .and_then(<rt::data::Double as rt::data::FromValue>::from_value),
            sqrt_d: t
                .get(6)
                .and_then(<rt::data::Double as rt::data::FromValue>::from_value),
        })
    }
}
/// Rows of `sq`: {id: int,root_of_square: double}
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
pub struct Sq {
    #[serde(default)]
    pub id: Option<i32>,
    #[serde(default)]
    pub root_of_square: Option<rt::data::Double>,
}
impl rt::format::TextRecord for Sq {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            id: r.int(),
            root_of_square: r.double(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.id);
        w.field(&self.root_of_square);
    }
}
impl rt::data::PigText for Sq {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.id, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.root_of_square, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Sq {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            id: t.get(0).and_then(<i32 as rt::data::FromValue>::from_value),
            root_of_square: t
                .get(1)
                .and_then(<rt::data::Double as rt::data::FromValue>::from_value),
        })
    }
}
/// The dataflow of `script.pig`, generated by pigc: pass `build` to `pigc_runtime::cli::main`.
pub fn build(df: &mut rt::dataflow::Dataflow) {
    // script.pig:3: m = LOAD
    let m = df.source::<M, _>("measures.txt", rt::format::PigStorage::new(b'\t'));
    // script.pig:5: r = FOREACH
    let r = m
        .map(|r| R {
            id: r.id,
            abs_i: r.i.map(rt::builtins::math::abs_int),
            abs_d: r.d.map(rt::builtins::math::abs_double),
            round_d: r.d.map(rt::builtins::math::round_double),
            ceil_d: r.d.map(rt::builtins::math::ceil),
            floor_d: r.d.map(rt::builtins::math::floor),
            sqrt_d: r.d.map(rt::builtins::math::sqrt),
        });
    // script.pig:7: STORE INTO 'out_math'
    r.sink("out_math", rt::format::PigStorage::new(b','));
    // script.pig:10: sq = FOREACH
    m.map(|r| Sq {
            id: r.id,
            root_of_square: rt::data::ops::mul(r.i, r.i)
                .map(|v1| rt::data::Double(f64::from(v1)))
                .map(rt::builtins::math::sqrt),
        })
        // script.pig:11: STORE INTO 'out_root_of_square'
        .sink("out_root_of_square", rt::format::PigStorage::new(b','));
}
