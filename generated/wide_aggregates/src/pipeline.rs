use pigc_runtime as rt;
/// Rows read by `m`: {k: chararray,a: int,b: long,c: double}
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
    pub k: Option<String>,
    #[serde(default)]
    pub a: Option<i32>,
    #[serde(default)]
    pub b: Option<i64>,
    #[serde(default)]
    pub c: Option<rt::data::Double>,
}
impl rt::format::TextRecord for M {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            k: r.chararray(),
            a: r.int(),
            b: r.long(),
            c: r.double(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.k);
        w.field(&self.a);
        w.field(&self.b);
        w.field(&self.c);
    }
}
impl rt::data::PigText for M {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.k, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.a, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.b, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.c, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for M {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            k: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            a: t.get(1).and_then(<i32 as rt::data::FromValue>::from_value),
            b: t.get(2).and_then(<i64 as rt::data::FromValue>::from_value),
            c: t.get(3).and_then(<rt::data::Double as rt::data::FromValue>::from_value),
        })
    }
}
/// Per-group results of `per_k` (group key, then one column per aggregate)
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
pub struct PerKGroup {
    #[serde(default)]
    pub group: Option<String>,
    pub acc0: i64,
    pub acc1: i64,
    pub acc2: i64,
    #[serde(default)]
    pub acc3: Option<i64>,
    #[serde(default)]
    pub acc4: Option<rt::data::Double>,
    #[serde(default)]
    pub acc5: Option<i32>,
    #[serde(default)]
    pub acc6: Option<i32>,
    pub acc7: i64,
    #[serde(default)]
    pub acc8: Option<i64>,
    #[serde(default)]
    pub acc9: Option<rt::data::Double>,
    #[serde(default)]
    pub acc10: Option<i64>,
    #[serde(default)]
    pub acc11: Option<i64>,
    pub acc12: i64,
    #[serde(default)]
    pub acc13: Option<rt::data::Double>,
    #[serde(default)]
    pub acc14: Option<rt::data::Double>,
    #[serde(default)]
    pub acc15: Option<rt::data::Double>,
    #[serde(default)]
    pub acc16: Option<rt::data::Double>,
}
impl rt::format::TextRecord for PerKGroup {
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
            acc1: r
                .long()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `acc1` is null but may not be",
                ))?,
            acc2: r
                .long()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `acc2` is null but may not be",
                ))?,
            acc3: r.long(),
            acc4: r.double(),
            acc5: r.int(),
            acc6: r.int(),
            acc7: r
                .long()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `acc7` is null but may not be",
                ))?,
            acc8: r.long(),
            acc9: r.double(),
            acc10: r.long(),
            acc11: r.long(),
            acc12: r
                .long()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `acc12` is null but may not be",
                ))?,
            acc13: r.double(),
            acc14: r.double(),
            acc15: r.double(),
            acc16: r.double(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.group);
        w.field(&self.acc0);
        w.field(&self.acc1);
        w.field(&self.acc2);
        w.field(&self.acc3);
        w.field(&self.acc4);
        w.field(&self.acc5);
        w.field(&self.acc6);
        w.field(&self.acc7);
        w.field(&self.acc8);
        w.field(&self.acc9);
        w.field(&self.acc10);
        w.field(&self.acc11);
        w.field(&self.acc12);
        w.field(&self.acc13);
        w.field(&self.acc14);
        w.field(&self.acc15);
        w.field(&self.acc16);
    }
}
impl rt::data::PigText for PerKGroup {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.group, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.acc0, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.acc1, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.acc2, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.acc3, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.acc4, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.acc5, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.acc6, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.acc7, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.acc8, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.acc9, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.acc10, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.acc11, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.acc12, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.acc13, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.acc14, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.acc15, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.acc16, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for PerKGroup {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            group: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            acc0: t.get(1).and_then(<i64 as rt::data::FromValue>::from_value)?,
            acc1: t.get(2).and_then(<i64 as rt::data::FromValue>::from_value)?,
            acc2: t.get(3).and_then(<i64 as rt::data::FromValue>::from_value)?,
            acc3: t.get(4).and_then(<i64 as rt::data::FromValue>::from_value),
            acc4: t
                .get(5)
                .and_then(<rt::data::Double as rt::data::FromValue>::from_value),
            acc5: t.get(6).and_then(<i32 as rt::data::FromValue>::from_value),
            acc6: t.get(7).and_then(<i32 as rt::data::FromValue>::from_value),
            acc7: t.get(8).and_then(<i64 as rt::data::FromValue>::from_value)?,
            acc8: t.get(9).and_then(<i64 as rt::data::FromValue>::from_value),
            acc9: t
                .get(10)
                .and_then(<rt::data::Double as rt::data::FromValue>::from_value),
            acc10: t.get(11).and_then(<i64 as rt::data::FromValue>::from_value),
            acc11: t.get(12).and_then(<i64 as rt::data::FromValue>::from_value),
            acc12: t.get(13).and_then(<i64 as rt::data::FromValue>::from_value)?,
            acc13: t
                .get(14)
                .and_then(<rt::data::Double as rt::data::FromValue>::from_value),
            acc14: t
                .get(15)
                .and_then(<rt::data::Double as rt::data::FromValue>::from_value),
            acc15: t
                .get(16)
                .and_then(<rt::data::Double as rt::data::FromValue>::from_value),
            acc16: t
                .get(17)
                .and_then(<rt::data::Double as rt::data::FromValue>::from_value),
        })
    }
}
/// Rows of `per_k`: {k: chararray,n: long,n_star: long,n_a: long,sum_a: long,avg_a: double,min_a: int,max_a: int,n_b: long,sum_b: long,avg_b: double,min_b: long,ma …
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
pub struct PerK {
    #[serde(default)]
    pub k: Option<String>,
    pub n: i64,
    pub n_star: i64,
    pub n_a: i64,
    #[serde(default)]
    pub sum_a: Option<i64>,
    #[serde(default)]
    pub avg_a: Option<rt::data::Double>,
    #[serde(default)]
    pub min_a: Option<i32>,
    #[serde(default)]
    pub max_a: Option<i32>,
    pub n_b: i64,
    #[serde(default)]
    pub sum_b: Option<i64>,
    #[serde(default)]
    pub avg_b: Option<rt::data::Double>,
    #[serde(default)]
    pub min_b: Option<i64>,
    #[serde(default)]
    pub max_b: Option<i64>,
    pub n_c: i64,
    #[serde(default)]
    pub sum_c: Option<rt::data::Double>,
    #[serde(default)]
    pub avg_c: Option<rt::data::Double>,
    #[serde(default)]
    pub min_c: Option<rt::data::Double>,
    #[serde(default)]
    pub max_c: Option<rt::data::Double>,
}
impl rt::format::TextRecord for PerK {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            k: r.chararray(),
            n: r
                .long()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `n` is null but may not be",
                ))?,
            n_star: r
                .long()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `n_star` is null but may not be",
                ))?,
            n_a: r
                .long()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `n_a` is null but may not be",
                ))?,
            sum_a: r.long(),
            avg_a: r.double(),
            min_a: r.int(),
            max_a: r.int(),
            n_b: r
                .long()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `n_b` is null but may not be",
                ))?,
            sum_b: r.long(),
            avg_b: r.double(),
            min_b: r.long(),
            max_b: r.long(),
            n_c: r
                .long()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `n_c` is null but may not be",
                ))?,
            sum_c: r.double(),
            avg_c: r.double(),
            min_c: r.double(),
            max_c: r.double(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.k);
        w.field(&self.n);
        w.field(&self.n_star);
        w.field(&self.n_a);
        w.field(&self.sum_a);
        w.field(&self.avg_a);
        w.field(&self.min_a);
        w.field(&self.max_a);
        w.field(&self.n_b);
        w.field(&self.sum_b);
        w.field(&self.avg_b);
        w.field(&self.min_b);
        w.field(&self.max_b);
        w.field(&self.n_c);
        w.field(&self.sum_c);
        w.field(&self.avg_c);
        w.field(&self.min_c);
        w.field(&self.max_c);
    }
}
impl rt::data::PigText for PerK {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.k, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.n, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.n_star, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.n_a, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.sum_a, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.avg_a, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.min_a, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.max_a, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.n_b, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.sum_b, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.avg_b, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.min_b, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.max_b, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.n_c, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.sum_c, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.avg_c, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.min_c, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.max_c, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for PerK {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            k: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            n: t.get(1).and_then(<i64 as rt::data::FromValue>::from_value)?,
            n_star: t.get(2).and_then(<i64 as rt::data::FromValue>::from_value)?,
            n_a: t.get(3).and_then(<i64 as rt::data::FromValue>::from_value)?,
            sum_a: t.get(4).and_then(<i64 as rt::data::FromValue>::from_value),
            avg_a: t
                .get(5)
                .and_then(<rt::data::Double as rt::data::FromValue>::from_value),
            min_a: t.get(6).and_then(<i32 as rt::data::FromValue>::from_value),
            max_a: t.get(7).and_then(<i32 as rt::data::FromValue>::from_value),
            n_b: t.get(8).and_then(<i64 as rt::data::FromValue>::from_value)?,
            sum_b: t.get(9).and_then(<i64 as rt::data::FromValue>::from_value),
            avg_b: t
                .get(10)
                .and_then(<rt::data::Double as rt::data::FromValue>::from_value),
            min_b: t.get(11).and_then(<i64 as rt::data::FromValue>::from_value),
            max_b: t.get(12).and_then(<i64 as rt::data::FromValue>::from_value),
            n_c: t.get(13).and_then(<i64 as rt::data::FromValue>::from_value)?,
            sum_c: t
                .get(14)
                .and_then(<rt::data::Double as rt::data::FromValue>::from_value),
            avg_c: t
                .get(15)
                .and_then(<rt::data::Double as rt::data::FromValue>::from_value),
            min_c: t
                .get(16)
                .and_then(<rt::data::Double as rt::data::FromValue>::from_value),
            max_c: t
                .get(17)
                .and_then(<rt::data::Double as rt::data::FromValue>::from_value),
        })
    }
}
/// Upsert keys of `out_per_k`
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
pub struct PerKKey {
    #[serde(default)]
    pub k: Option<String>,
}
impl rt::format::TextRecord for PerKKey {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self { k: r.chararray() })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.k);
    }
}
impl rt::data::PigText for PerKKey {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.k, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for PerKKey {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            k: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
        })
    }
}
/// Per-group results of `totals` (group key, then one column per aggregate)
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
pub struct TotalsGroup {
    pub group: String,
    pub acc0: i64,
    pub acc1: i64,
    pub acc2: i64,
    #[serde(default)]
    pub acc3: Option<i64>,
    #[serde(default)]
    pub acc4: Option<rt::data::Double>,
    #[serde(default)]
    pub acc5: Option<i32>,
    #[serde(default)]
    pub acc6: Option<i32>,
    pub acc7: i64,
    #[serde(default)]
    pub acc8: Option<i64>,
    #[serde(default)]
    pub acc9: Option<rt::data::Double>,
    #[serde(default)]
    pub acc10: Option<i64>,
    #[serde(default)]
    pub acc11: Option<i64>,
    pub acc12: i64,
    #[serde(default)]
    pub acc13: Option<rt::data::Double>,
    #[serde(default)]
    pub acc14: Option<rt::data::Double>,
    #[serde(default)]
    pub acc15: Option<rt::data::Double>,
    #[serde(default)]
    pub acc16: Option<rt::data::Double>,
}
impl rt::format::TextRecord for TotalsGroup {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            group: r
                .chararray()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `group` is null but may not be",
                ))?,
            acc0: r
                .long()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `acc0` is null but may not be",
                ))?,
            acc1: r
                .long()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `acc1` is null but may not be",
                ))?,
            acc2: r
                .long()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `acc2` is null but may not be",
                ))?,
            acc3: r.long(),
            acc4: r.double(),
            acc5: r.int(),
            acc6: r.int(),
            acc7: r
                .long()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `acc7` is null but may not be",
                ))?,
            acc8: r.long(),
            acc9: r.double(),
            acc10: r.long(),
            acc11: r.long(),
            acc12: r
                .long()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `acc12` is null but may not be",
                ))?,
            acc13: r.double(),
            acc14: r.double(),
            acc15: r.double(),
            acc16: r.double(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.group);
        w.field(&self.acc0);
        w.field(&self.acc1);
        w.field(&self.acc2);
        w.field(&self.acc3);
        w.field(&self.acc4);
        w.field(&self.acc5);
        w.field(&self.acc6);
        w.field(&self.acc7);
        w.field(&self.acc8);
        w.field(&self.acc9);
        w.field(&self.acc10);
        w.field(&self.acc11);
        w.field(&self.acc12);
        w.field(&self.acc13);
        w.field(&self.acc14);
        w.field(&self.acc15);
        w.field(&self.acc16);
    }
}
impl rt::data::PigText for TotalsGroup {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.group, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.acc0, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.acc1, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.acc2, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.acc3, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.acc4, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.acc5, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.acc6, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.acc7, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.acc8, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.acc9, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.acc10, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.acc11, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.acc12, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.acc13, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.acc14, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.acc15, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.acc16, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for TotalsGroup {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            group: t.get(0).and_then(<String as rt::data::FromValue>::from_value)?,
            acc0: t.get(1).and_then(<i64 as rt::data::FromValue>::from_value)?,
            acc1: t.get(2).and_then(<i64 as rt::data::FromValue>::from_value)?,
            acc2: t.get(3).and_then(<i64 as rt::data::FromValue>::from_value)?,
            acc3: t.get(4).and_then(<i64 as rt::data::FromValue>::from_value),
            acc4: t
                .get(5)
                .and_then(<rt::data::Double as rt::data::FromValue>::from_value),
            acc5: t.get(6).and_then(<i32 as rt::data::FromValue>::from_value),
            acc6: t.get(7).and_then(<i32 as rt::data::FromValue>::from_value),
            acc7: t.get(8).and_then(<i64 as rt::data::FromValue>::from_value)?,
            acc8: t.get(9).and_then(<i64 as rt::data::FromValue>::from_value),
            acc9: t
                .get(10)
                .and_then(<rt::data::Double as rt::data::FromValue>::from_value),
            acc10: t.get(11).and_then(<i64 as rt::data::FromValue>::from_value),
            acc11: t.get(12).and_then(<i64 as rt::data::FromValue>::from_value),
            acc12: t.get(13).and_then(<i64 as rt::data::FromValue>::from_value)?,
            acc13: t
                .get(14)
                .and_then(<rt::data::Double as rt::data::FromValue>::from_value),
            acc14: t
                .get(15)
                .and_then(<rt::data::Double as rt::data::FromValue>::from_value),
            acc15: t
                .get(16)
                .and_then(<rt::data::Double as rt::data::FromValue>::from_value),
            acc16: t
                .get(17)
                .and_then(<rt::data::Double as rt::data::FromValue>::from_value),
        })
    }
}
/// Rows of `totals`: {scope: chararray,n: long,n_star: long,n_a: long,sum_a: long,avg_a: double,min_a: int,max_a: int,n_b: long,sum_b: long,avg_b: double,min_b: lo …
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
pub struct Totals {
    pub scope: String,
    pub n: i64,
    pub n_star: i64,
    pub n_a: i64,
    #[serde(default)]
    pub sum_a: Option<i64>,
    #[serde(default)]
    pub avg_a: Option<rt::data::Double>,
    #[serde(default)]
    pub min_a: Option<i32>,
    #[serde(default)]
    pub max_a: Option<i32>,
    pub n_b: i64,
    #[serde(default)]
    pub sum_b: Option<i64>,
    #[serde(default)]
    pub avg_b: Option<rt::data::Double>,
    #[serde(default)]
    pub min_b: Option<i64>,
    #[serde(default)]
    pub max_b: Option<i64>,
    pub n_c: i64,
    #[serde(default)]
    pub sum_c: Option<rt::data::Double>,
    #[serde(default)]
    pub avg_c: Option<rt::data::Double>,
    #[serde(default)]
    pub min_c: Option<rt::data::Double>,
    #[serde(default)]
    pub max_c: Option<rt::data::Double>,
    #[serde(default)]
    pub a_per_row: Option<rt::data::Double>,
}
impl rt::format::TextRecord for Totals {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            scope: r
                .chararray()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `scope` is null but may not be",
                ))?,
            n: r
                .long()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `n` is null but may not be",
                ))?,
            n_star: r
                .long()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `n_star` is null but may not be",
                ))?,
            n_a: r
                .long()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `n_a` is null but may not be",
                ))?,
            sum_a: r.long(),
            avg_a: r.double(),
            min_a: r.int(),
            max_a: r.int(),
            n_b: r
                .long()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `n_b` is null but may not be",
                ))?,
            sum_b: r.long(),
            avg_b: r.double(),
            min_b: r.long(),
            max_b: r.long(),
            n_c: r
                .long()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `n_c` is null but may not be",
                ))?,
            sum_c: r.double(),
            avg_c: r.double(),
            min_c: r.double(),
            max_c: r.double(),
            a_per_row: r.double(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.scope);
        w.field(&self.n);
        w.field(&self.n_star);
        w.field(&self.n_a);
        w.field(&self.sum_a);
        w.field(&self.avg_a);
        w.field(&self.min_a);
        w.field(&self.max_a);
        w.field(&self.n_b);
        w.field(&self.sum_b);
        w.field(&self.avg_b);
        w.field(&self.min_b);
        w.field(&self.max_b);
        w.field(&self.n_c);
        w.field(&self.sum_c);
        w.field(&self.avg_c);
        w.field(&self.min_c);
        w.field(&self.max_c);
        w.field(&self.a_per_row);
    }
}
impl rt::data::PigText for Totals {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.scope, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.n, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.n_star, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.n_a, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.sum_a, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.avg_a, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.min_a, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.max_a, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.n_b, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.sum_b, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.avg_b, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.min_b, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.max_b, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.n_c, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.sum_c, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.avg_c, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.min_c, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.max_c, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.a_per_row, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Totals {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            scope: t.get(0).and_then(<String as rt::data::FromValue>::from_value)?,
            n: t.get(1).and_then(<i64 as rt::data::FromValue>::from_value)?,
            n_star: t.get(2).and_then(<i64 as rt::data::FromValue>::from_value)?,
            n_a: t.get(3).and_then(<i64 as rt::data::FromValue>::from_value)?,
            sum_a: t.get(4).and_then(<i64 as rt::data::FromValue>::from_value),
            avg_a: t
                .get(5)
                .and_then(<rt::data::Double as rt::data::FromValue>::from_value),
            min_a: t.get(6).and_then(<i32 as rt::data::FromValue>::from_value),
            max_a: t.get(7).and_then(<i32 as rt::data::FromValue>::from_value),
            n_b: t.get(8).and_then(<i64 as rt::data::FromValue>::from_value)?,
            sum_b: t.get(9).and_then(<i64 as rt::data::FromValue>::from_value),
            avg_b: t
                .get(10)
                .and_then(<rt::data::Double as rt::data::FromValue>::from_value),
            min_b: t.get(11).and_then(<i64 as rt::data::FromValue>::from_value),
            max_b: t.get(12).and_then(<i64 as rt::data::FromValue>::from_value),
            n_c: t.get(13).and_then(<i64 as rt::data::FromValue>::from_value)?,
            sum_c: t
                .get(14)
                .and_then(<rt::data::Double as rt::data::FromValue>::from_value),
            avg_c: t
                .get(15)
                .and_then(<rt::data::Double as rt::data::FromValue>::from_value),
            min_c: t
                .get(16)
                .and_then(<rt::data::Double as rt::data::FromValue>::from_value),
            max_c: t
                .get(17)
                .and_then(<rt::data::Double as rt::data::FromValue>::from_value),
            a_per_row: t
                .get(18)
                .and_then(<rt::data::Double as rt::data::FromValue>::from_value),
        })
    }
}
/// Upsert keys of `out_totals`
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
pub struct TotalsKey {
    pub scope: String,
}
impl rt::format::TextRecord for TotalsKey {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            scope: r
                .chararray()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `scope` is null but may not be",
                ))?,
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.scope);
    }
}
impl rt::data::PigText for TotalsKey {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.scope, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for TotalsKey {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            scope: t.get(0).and_then(<String as rt::data::FromValue>::from_value)?,
        })
    }
}
/// The dataflow of `script.pig`, generated by pigc: pass `build` to `pigc_runtime::cli::main`.
pub fn build(df: &mut rt::dataflow::Dataflow) {
    // script.pig:5: m = LOAD
    let m = df.source::<M, _>("metrics.txt", rt::format::PigStorage::new(b'\t'));
    // script.pig:5: m = (repartition)
    m.exchange("m.exchange.166b0a74", |r| (r.k.clone(),))
        // script.pig:8: per_k = GROUP + FOREACH (aggregate) (state: per group: row count, Count:sum, CountStar:sum, Count:sum, Sum:sum, Avg:sum, Min:multiset, Max:multise …
        .key_by(|r| r.k.clone())
        .aggregate(
            "per_k.aggregate.effaab7f",
            (
                (
                    rt::operators::count(|r: &M| r.k.as_deref().is_some()),
                    rt::operators::count_star(),
                    rt::operators::count(|r: &M| r.a.is_some()),
                    rt::operators::sum(|r: &M| r.a.map(i64::from)),
                    rt::operators::avg(|r: &M| r.a.map(i64::from)),
                    rt::operators::min(|r: &M| r.a),
                    rt::operators::max(|r: &M| r.a),
                    rt::operators::count(|r: &M| r.b.is_some()),
                    rt::operators::sum(|r: &M| r.b),
                    rt::operators::avg(|r: &M| r.b),
                    rt::operators::min(|r: &M| r.b),
                    rt::operators::max(|r: &M| r.b),
                ),
                (
                    rt::operators::count(|r: &M| r.c.is_some()),
                    rt::operators::sum(|r: &M| r.c),
                    rt::operators::avg(|r: &M| r.c),
                    rt::operators::min(|r: &M| r.c),
                    rt::operators::max(|r: &M| r.c),
                ),
            ),
            |
                k,
                (
                    (v0, v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11),
                    (v12, v13, v14, v15, v16),
                )|
            PerKGroup {
                group: k.clone(),
                acc0: v0,
                acc1: v1,
                acc2: v2,
                acc3: v3,
                acc4: v4.map(rt::data::Double),
                acc5: v5,
                acc6: v6,
                acc7: v7,
                acc8: v8,
                acc9: v9.map(rt::data::Double),
                acc10: v10,
                acc11: v11,
                acc12: v12,
                acc13: v13,
                acc14: v14.map(rt::data::Double),
                acc15: v15,
                acc16: v16,
            },
        )
        .map(|r| PerK {
            k: r.group.clone(),
            n: r.acc0,
            n_star: r.acc1,
            n_a: r.acc2,
            sum_a: r.acc3,
            avg_a: r.acc4,
            min_a: r.acc5,
            max_a: r.acc6,
            n_b: r.acc7,
            sum_b: r.acc8,
            avg_b: r.acc9,
            min_b: r.acc10,
            max_b: r.acc11,
            n_c: r.acc12,
            sum_c: r.acc13,
            avg_c: r.acc14,
            min_c: r.acc15,
            max_c: r.acc16,
        })
        // script.pig:12: STORE INTO 'out_per_k'
        .sink_upsert(
            "out_per_k",
            rt::format::PigStorage::new(b','),
            |r| PerKKey { k: r.k.clone() },
            rt::format::PigStorage::new(b','),
        );
    // script.pig:5: m = (repartition)
    m.exchange("m.exchange.93458e08", |_| ())
        // script.pig:15: totals = GROUP + FOREACH (aggregate) (state: per group: row count, Count:sum, CountStar:sum, Count:sum, Sum:sum, Avg:sum, Min:multiset, Max:multi …
        .key_by(|_| ())
        .aggregate(
            "totals.aggregate.203f7e87",
            (
                (
                    rt::operators::count(|r: &M| r.k.as_deref().is_some()),
                    rt::operators::count_star(),
                    rt::operators::count(|r: &M| r.a.is_some()),
                    rt::operators::sum(|r: &M| r.a.map(i64::from)),
                    rt::operators::avg(|r: &M| r.a.map(i64::from)),
                    rt::operators::min(|r: &M| r.a),
                    rt::operators::max(|r: &M| r.a),
                    rt::operators::count(|r: &M| r.b.is_some()),
                    rt::operators::sum(|r: &M| r.b),
                    rt::operators::avg(|r: &M| r.b),
                    rt::operators::min(|r: &M| r.b),
                    rt::operators::max(|r: &M| r.b),
                ),
                (
                    rt::operators::count(|r: &M| r.c.is_some()),
                    rt::operators::sum(|r: &M| r.c),
                    rt::operators::avg(|r: &M| r.c),
                    rt::operators::min(|r: &M| r.c),
                    rt::operators::max(|r: &M| r.c),
                ),
            ),
            |
                _,
                (
                    (v0, v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11),
                    (v12, v13, v14, v15, v16),
                )|
            TotalsGroup {
                group: String::from("all"),
                acc0: v0,
                acc1: v1,
                acc2: v2,
                acc3: v3,
                acc4: v4.map(rt::data::Double),
                acc5: v5,
                acc6: v6,
                acc7: v7,
                acc8: v8,
                acc9: v9.map(rt::data::Double),
                acc10: v10,
                acc11: v11,
                acc12: v12,
                acc13: v13,
                acc14: v14.map(rt::data::Double),
                acc15: v15,
                acc16: v16,
            },
        )
        .map(|r| Totals {
            scope: r.group.clone(),
            n: r.acc0,
            n_star: r.acc1,
            n_a: r.acc2,
            sum_a: r.acc3,
            avg_a: r.acc4,
            min_a: r.acc5,
            max_a: r.acc6,
            n_b: r.acc7,
            sum_b: r.acc8,
            avg_b: r.acc9,
            min_b: r.acc10,
            max_b: r.acc11,
            n_c: r.acc12,
            sum_c: r.acc13,
            avg_c: r.acc14,
            min_c: r.acc15,
            max_c: r.acc16,
            a_per_row: rt::data::ops::div(
                r.acc3.map(|v1| rt::data::Double(v1 as f64)),
                Some(rt::data::Double(r.acc1 as f64)),
            ),
        })
        // script.pig:20: STORE INTO 'out_totals'
        .sink_upsert(
            "out_totals",
            rt::format::PigStorage::new(b','),
            |r| TotalsKey {
                scope: r.scope.clone(),
            },
            rt::format::PigStorage::new(b','),
        );
}
