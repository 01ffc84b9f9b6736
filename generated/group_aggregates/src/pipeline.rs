use pigc_runtime as rt;
/// Rows read by `sales`: {region: chararray,product: chararray,qty: int,price: double,customer: chararray}
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
pub struct Sales {
    #[serde(default)]
    pub region: Option<String>,
    #[serde(default)]
    pub product: Option<String>,
    #[serde(default)]
    pub qty: Option<i32>,
    #[serde(default)]
    pub price: Option<rt::data::Double>,
    #[serde(default)]
    pub customer: Option<String>,
}
impl rt::format::TextRecord for Sales {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            region: r.chararray(),
            product: r.chararray(),
            qty: r.int(),
            price: r.double(),
            customer: r.chararray(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.region);
        w.field(&self.product);
        w.field(&self.qty);
        w.field(&self.price);
        w.field(&self.customer);
    }
}
impl rt::data::PigText for Sales {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.region, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.product, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.qty, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.price, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.customer, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Sales {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            region: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            product: t.get(1).and_then(<String as rt::data::FromValue>::from_value),
            qty: t.get(2).and_then(<i32 as rt::data::FromValue>::from_value),
            price: t
                .get(3)
                .and_then(<rt::data::Double as rt::data::FromValue>::from_value),
            customer: t.get(4).and_then(<String as rt::data::FromValue>::from_value),
        })
    }
}
/// Per-group results of `per_region` (group key, then one column per aggregate)
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
pub struct PerRegionGroup {
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
    pub acc5: Option<rt::data::Double>,
    #[serde(default)]
    pub acc6: Option<rt::data::Double>,
    #[serde(default)]
    pub acc7: Option<rt::data::Double>,
    #[serde(default)]
    pub acc8: Option<rt::data::Double>,
    #[serde(default)]
    pub acc9: Option<String>,
}
impl rt::format::TextRecord for PerRegionGroup {
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
            acc5: r.double(),
            acc6: r.double(),
            acc7: r.double(),
            acc8: r.double(),
            acc9: r.chararray(),
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
    }
}
impl rt::data::PigText for PerRegionGroup {
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
        out.push(b')');
    }
}
impl rt::data::FromValue for PerRegionGroup {
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
            acc5: t
                .get(6)
                .and_then(<rt::data::Double as rt::data::FromValue>::from_value),
            acc6: t
                .get(7)
                .and_then(<rt::data::Double as rt::data::FromValue>::from_value),
            acc7: t
                .get(8)
                .and_then(<rt::data::Double as rt::data::FromValue>::from_value),
            acc8: t
                .get(9)
                .and_then(<rt::data::Double as rt::data::FromValue>::from_value),
            acc9: t.get(10).and_then(<String as rt::data::FromValue>::from_value),
        })
    }
}
/// Rows of `per_region`: {region: chararray,n_count: long,n_star: long,n_qty: long,total_qty: long,avg_qty: double,min_price: double,max_price: double,total_price: …
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
pub struct PerRegion {
    #[serde(default)]
    pub region: Option<String>,
    pub n_count: i64,
    pub n_star: i64,
    pub n_qty: i64,
    #[serde(default)]
    pub total_qty: Option<i64>,
    #[serde(default)]
    pub avg_qty: Option<rt::data::Double>,
    #[serde(default)]
    pub min_price: Option<rt::data::Double>,
    #[serde(default)]
    pub max_price: Option<rt::data::Double>,
    #[serde(default)]
    pub total_price: Option<rt::data::Double>,
    #[serde(default)]
    pub avg_price: Option<rt::data::Double>,
    #[serde(default)]
    pub last_product: Option<String>,
}
impl rt::format::TextRecord for PerRegion {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            region: r.chararray(),
            n_count: r
                .long()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `n_count` is null but may not be",
                ))?,
            n_star: r
                .long()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `n_star` is null but may not be",
                ))?,
            n_qty: r
                .long()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `n_qty` is null but may not be",
                ))?,
            total_qty: r.long(),
            avg_qty: r.double(),
            min_price: r.double(),
            max_price: r.double(),
            total_price: r.double(),
            avg_price: r.double(),
            last_product: r.chararray(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.region);
        w.field(&self.n_count);
        w.field(&self.n_star);
        w.field(&self.n_qty);
        w.field(&self.total_qty);
        w.field(&self.avg_qty);
        w.field(&self.min_price);
        w.field(&self.max_price);
        w.field(&self.total_price);
        w.field(&self.avg_price);
        w.field(&self.last_product);
    }
}
impl rt::data::PigText for PerRegion {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.region, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.n_count, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.n_star, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.n_qty, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.total_qty, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.avg_qty, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.min_price, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.max_price, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.total_price, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.avg_price, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.last_product, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for PerRegion {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            region: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            n_count: t.get(1).and_then(<i64 as rt::data::FromValue>::from_value)?,
            n_star: t.get(2).and_then(<i64 as rt::data::FromValue>::from_value)?,
            n_qty: t.get(3).and_then(<i64 as rt::data::FromValue>::from_value)?,
            total_qty: t.get(4).and_then(<i64 as rt::data::FromValue>::from_value),
            avg_qty: t
                .get(5)
                .and_then(<rt::data::Double as rt::data::FromValue>::from_value),
            min_price: t
                .get(6)
                .and_then(<rt::data::Double as rt::data::FromValue>::from_value),
            max_price: t
                .get(7)
                .and_then(<rt::data::Double as rt::data::FromValue>::from_value),
            total_price: t
                .get(8)
                .and_then(<rt::data::Double as rt::data::FromValue>::from_value),
            avg_price: t
                .get(9)
                .and_then(<rt::data::Double as rt::data::FromValue>::from_value),
            last_product: t.get(10).and_then(<String as rt::data::FromValue>::from_value),
        })
    }
}
/// Upsert keys of `out_per_region`
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
pub struct PerRegionKey {
    #[serde(default)]
    pub region: Option<String>,
}
impl rt::format::TextRecord for PerRegionKey {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self { region: r.chararray() })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.region);
    }
}
impl rt::data::PigText for PerRegionKey {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.region, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for PerRegionKey {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            region: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
        })
    }
}
/// Group keys of `per_pair_key`
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
pub struct PerPairKey {
    #[serde(default)]
    pub region: Option<String>,
    #[serde(default)]
    pub product: Option<String>,
}
impl rt::format::TextRecord for PerPairKey {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            region: r.chararray(),
            product: r.chararray(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.region);
        w.field(&self.product);
    }
}
impl rt::data::PigText for PerPairKey {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.region, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.product, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for PerPairKey {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            region: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            product: t.get(1).and_then(<String as rt::data::FromValue>::from_value),
        })
    }
}
/// Per-group results of `per_pair` (group key, then one column per aggregate)
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
pub struct PerPairGroup {
    pub group: PerPairKey,
    pub acc0: i64,
    #[serde(default)]
    pub acc1: Option<i64>,
}
impl rt::format::TextRecord for PerPairGroup {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            group: r
                .cast::<PerPairKey>()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `group` is null but may not be",
                ))?,
            acc0: r
                .long()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `acc0` is null but may not be",
                ))?,
            acc1: r.long(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.group);
        w.field(&self.acc0);
        w.field(&self.acc1);
    }
}
impl rt::data::PigText for PerPairGroup {
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
impl rt::data::FromValue for PerPairGroup {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            group: t.get(0).and_then(<PerPairKey as rt::data::FromValue>::from_value)?,
            acc0: t.get(1).and_then(<i64 as rt::data::FromValue>::from_value)?,
            acc1: t.get(2).and_then(<i64 as rt::data::FromValue>::from_value),
        })
    }
}
/// Rows of `per_pair`: {region: chararray,product: chararray,n: long,total_qty: long}
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
pub struct PerPair {
    #[serde(default)]
    pub region: Option<String>,
    #[serde(default)]
    pub product: Option<String>,
    pub n: i64,
    #[serde(default)]
    pub total_qty: Option<i64>,
}
impl rt::format::TextRecord for PerPair {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            region: r.chararray(),
            product: r.chararray(),
            n: r
                .long()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `n` is null but may not be",
                ))?,
            total_qty: r.long(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.region);
        w.field(&self.product);
        w.field(&self.n);
        w.field(&self.total_qty);
    }
}
impl rt::data::PigText for PerPair {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.region, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.product, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.n, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.total_qty, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for PerPair {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            region: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            product: t.get(1).and_then(<String as rt::data::FromValue>::from_value),
            n: t.get(2).and_then(<i64 as rt::data::FromValue>::from_value)?,
            total_qty: t.get(3).and_then(<i64 as rt::data::FromValue>::from_value),
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
    #[serde(default)]
    pub acc2: Option<i64>,
    #[serde(default)]
    pub acc3: Option<rt::data::Double>,
    #[serde(default)]
    pub acc4: Option<i32>,
    #[serde(default)]
    pub acc5: Option<i32>,
    #[serde(default)]
    pub acc6: Option<rt::data::Double>,
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
            acc2: r.long(),
            acc3: r.double(),
            acc4: r.int(),
            acc5: r.int(),
            acc6: r.double(),
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
            acc2: t.get(3).and_then(<i64 as rt::data::FromValue>::from_value),
            acc3: t
                .get(4)
                .and_then(<rt::data::Double as rt::data::FromValue>::from_value),
            acc4: t.get(5).and_then(<i32 as rt::data::FromValue>::from_value),
            acc5: t.get(6).and_then(<i32 as rt::data::FromValue>::from_value),
            acc6: t
                .get(7)
                .and_then(<rt::data::Double as rt::data::FromValue>::from_value),
        })
    }
}
/// Rows of `totals`: {scope: chararray,n_star: long,n_with_region: long,total_qty: long,avg_qty: double,max_qty: int,min_qty: int,total_price: double}
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
    pub n_star: i64,
    pub n_with_region: i64,
    #[serde(default)]
    pub total_qty: Option<i64>,
    #[serde(default)]
    pub avg_qty: Option<rt::data::Double>,
    #[serde(default)]
    pub max_qty: Option<i32>,
    #[serde(default)]
    pub min_qty: Option<i32>,
    #[serde(default)]
    pub total_price: Option<rt::data::Double>,
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
            n_star: r
                .long()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `n_star` is null but may not be",
                ))?,
            n_with_region: r
                .long()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `n_with_region` is null but may not be",
                ))?,
            total_qty: r.long(),
            avg_qty: r.double(),
            max_qty: r.int(),
            min_qty: r.int(),
            total_price: r.double(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.scope);
        w.field(&self.n_star);
        w.field(&self.n_with_region);
        w.field(&self.total_qty);
        w.field(&self.avg_qty);
        w.field(&self.max_qty);
        w.field(&self.min_qty);
        w.field(&self.total_price);
    }
}
impl rt::data::PigText for Totals {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.scope, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.n_star, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.n_with_region, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.total_qty, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.avg_qty, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.max_qty, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.min_qty, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.total_price, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Totals {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            scope: t.get(0).and_then(<String as rt::data::FromValue>::from_value)?,
            n_star: t.get(1).and_then(<i64 as rt::data::FromValue>::from_value)?,
            n_with_region: t.get(2).and_then(<i64 as rt::data::FromValue>::from_value)?,
            total_qty: t.get(3).and_then(<i64 as rt::data::FromValue>::from_value),
            avg_qty: t
                .get(4)
                .and_then(<rt::data::Double as rt::data::FromValue>::from_value),
            max_qty: t.get(5).and_then(<i32 as rt::data::FromValue>::from_value),
            min_qty: t.get(6).and_then(<i32 as rt::data::FromValue>::from_value),
            total_price: t
                .get(7)
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
    // script.pig:4: sales = LOAD
    let sales = df.source::<Sales, _>("sales.txt", rt::format::PigStorage::new(b'\t'));
    // script.pig:4: sales = (repartition)
    sales
        .exchange("sales.exchange.ecd5ec57", |r| (r.region.clone(),))
        // script.pig:8: per_region = GROUP + FOREACH (aggregate) (state: per group: row count, Count:sum, CountStar:sum, Count:sum, Sum:sum, Avg:sum, Min:multiset, Max:mu …
        .key_by(|r| r.region.clone())
        .aggregate(
            "per_region.aggregate.0dbae190",
            (
                rt::operators::count(|r: &Sales| r.region.as_deref().is_some()),
                rt::operators::count_star(),
                rt::operators::count(|r: &Sales| r.qty.is_some()),
                rt::operators::sum(|r: &Sales| r.qty.map(i64::from)),
                rt::operators::avg(|r: &Sales| r.qty.map(i64::from)),
                rt::operators::min(|r: &Sales| r.price),
                rt::operators::max(|r: &Sales| r.price),
                rt::operators::sum(|r: &Sales| r.price),
                rt::operators::avg(|r: &Sales| r.price),
                rt::operators::max(|r: &Sales| r.product.clone()),
            ),
            |k, (v0, v1, v2, v3, v4, v5, v6, v7, v8, v9)| PerRegionGroup {
                group: k.clone(),
                acc0: v0,
                acc1: v1,
                acc2: v2,
                acc3: v3,
                acc4: v4.map(rt::data::Double),
                acc5: v5,
                acc6: v6,
                acc7: v7,
                acc8: v8.map(rt::data::Double),
                acc9: v9,
            },
        )
        .map(|r| PerRegion {
            region: r.group.clone(),
            n_count: r.acc0,
            n_star: r.acc1,
            n_qty: r.acc2,
            total_qty: r.acc3,
            avg_qty: r.acc4,
            min_price: r.acc5,
            max_price: r.acc6,
            total_price: r.acc7,
            avg_price: r.acc8,
            last_product: r.acc9.clone(),
        })
        // script.pig:14: STORE INTO 'out_per_region'
        .sink_upsert(
            "out_per_region",
            rt::format::PigStorage::new(b','),
            |r| PerRegionKey {
                region: r.region.clone(),
            },
            rt::format::PigStorage::new(b','),
        );
    // script.pig:4: sales = (repartition)
    sales
        .exchange("sales.exchange.6130525e", |r| (r.region.clone(), r.product.clone()))
        // script.pig:17: per_pair = GROUP + FOREACH (aggregate) (state: per group: row count, CountStar:sum, Sum:sum)
        .key_by(|r| PerPairKey {
            region: r.region.clone(),
            product: r.product.clone(),
        })
        .aggregate(
            "per_pair.aggregate.5612397f",
            (
                rt::operators::count_star(),
                rt::operators::sum(|r: &Sales| r.qty.map(i64::from)),
            ),
            |k, (v0, v1)| PerPairGroup {
                group: k.clone(),
                acc0: v0,
                acc1: v1,
            },
        )
        .map(|r| PerPair {
            region: r.group.region.clone(),
            product: r.group.product.clone(),
            n: r.acc0,
            total_qty: r.acc1,
        })
        // script.pig:19: STORE INTO 'out_per_pair'
        .sink_upsert(
            "out_per_pair",
            rt::format::PigStorage::new(b','),
            |r| PerPairKey {
                region: r.region.clone(),
                product: r.product.clone(),
            },
            rt::format::PigStorage::new(b','),
        );
    // script.pig:4: sales = (repartition)
    sales
        .exchange("sales.exchange.668188a4", |_| ())
        // script.pig:22: totals = GROUP + FOREACH (aggregate) (state: per group: row count, CountStar:sum, Count:sum, Sum:sum, Avg:sum, Max:multiset, Min:multiset, Sum:su …
        .key_by(|_| ())
        .aggregate(
            "totals.aggregate.baf9ad5b",
            (
                rt::operators::count_star(),
                rt::operators::count(|r: &Sales| r.region.as_deref().is_some()),
                rt::operators::sum(|r: &Sales| r.qty.map(i64::from)),
                rt::operators::avg(|r: &Sales| r.qty.map(i64::from)),
                rt::operators::max(|r: &Sales| r.qty),
                rt::operators::min(|r: &Sales| r.qty),
                rt::operators::sum(|r: &Sales| r.price),
            ),
            |_, (v0, v1, v2, v3, v4, v5, v6)| TotalsGroup {
                group: String::from("all"),
                acc0: v0,
                acc1: v1,
                acc2: v2,
                acc3: v3.map(rt::data::Double),
                acc4: v4,
                acc5: v5,
                acc6: v6,
            },
        )
        .map(|r| Totals {
            scope: r.group.clone(),
            n_star: r.acc0,
            n_with_region: r.acc1,
            total_qty: r.acc2,
            avg_qty: r.acc3,
            max_qty: r.acc4,
            min_qty: r.acc5,
            total_price: r.acc6,
        })
        // script.pig:25: STORE INTO 'out_totals'
        .sink_upsert(
            "out_totals",
            rt::format::PigStorage::new(b','),
            |r| TotalsKey {
                scope: r.scope.clone(),
            },
            rt::format::PigStorage::new(b','),
        );
}
