use pigc_runtime as rt;
/// Rows read by `sales`: {product: chararray,region: chararray,year: int,amount: long}
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
    pub product: Option<String>,
    #[serde(default)]
    pub region: Option<String>,
    #[serde(default)]
    pub year: Option<i32>,
    #[serde(default)]
    pub amount: Option<i64>,
}
impl rt::format::TextRecord for Sales {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            product: r.chararray(),
            region: r.chararray(),
            year: r.int(),
            amount: r.long(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.product);
        w.field(&self.region);
        w.field(&self.year);
        w.field(&self.amount);
    }
}
impl rt::data::PigText for Sales {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.product, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.region, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.year, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.amount, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Sales {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            product: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            region: t.get(1).and_then(<String as rt::data::FromValue>::from_value),
            year: t.get(2).and_then(<i32 as rt::data::FromValue>::from_value),
            amount: t.get(3).and_then(<i64 as rt::data::FromValue>::from_value),
        })
    }
}
/// Tuples of `cubed_group`: {product: chararray,region: chararray}
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
pub struct CubedGroup {
    #[serde(default)]
    pub product: Option<String>,
    #[serde(default)]
    pub region: Option<String>,
}
impl rt::format::TextRecord for CubedGroup {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            product: r.chararray(),
            region: r.chararray(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.product);
        w.field(&self.region);
    }
}
impl rt::data::PigText for CubedGroup {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.product, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.region, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for CubedGroup {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            product: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            region: t.get(1).and_then(<String as rt::data::FromValue>::from_value),
        })
    }
}
/// Tuples of `cubed_cube_item`: {product: chararray,region: chararray,year: int,amount: long}
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
pub struct CubedCubeItem {
    #[serde(default)]
    pub product: Option<String>,
    #[serde(default)]
    pub region: Option<String>,
    #[serde(default)]
    pub year: Option<i32>,
    #[serde(default)]
    pub amount: Option<i64>,
}
impl rt::format::TextRecord for CubedCubeItem {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            product: r.chararray(),
            region: r.chararray(),
            year: r.int(),
            amount: r.long(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.product);
        w.field(&self.region);
        w.field(&self.year);
        w.field(&self.amount);
    }
}
impl rt::data::PigText for CubedCubeItem {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.product, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.region, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.year, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.amount, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for CubedCubeItem {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            product: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            region: t.get(1).and_then(<String as rt::data::FromValue>::from_value),
            year: t.get(2).and_then(<i32 as rt::data::FromValue>::from_value),
            amount: t.get(3).and_then(<i64 as rt::data::FromValue>::from_value),
        })
    }
}
/// Groups of `cubed` (group tuple, bag of rows)
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
pub struct Cubed {
    pub group: CubedGroup,
    pub cube: rt::data::Bag<CubedCubeItem>,
}
impl rt::format::TextRecord for Cubed {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            group: r
                .cast::<CubedGroup>()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `group` is null but may not be",
                ))?,
            cube: r
                .bag::<CubedCubeItem>()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `cube` is null but may not be",
                ))?,
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.group);
        w.field(&self.cube);
    }
}
impl rt::data::PigText for Cubed {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.group, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.cube, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Cubed {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            group: t.get(0).and_then(<CubedGroup as rt::data::FromValue>::from_value)?,
            cube: t
                .get(1)
                .and_then(
                    <rt::data::Bag<CubedCubeItem> as rt::data::FromValue>::from_value,
                )?,
        })
    }
}
/// Rows of `cube_totals`: {product: chararray,region: chararray,n: long,total: long}
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
pub struct CubeTotals {
    #[serde(default)]
    pub product: Option<String>,
    #[serde(default)]
    pub region: Option<String>,
    pub n: i64,
    #[serde(default)]
    pub total: Option<i64>,
}
impl rt::format::TextRecord for CubeTotals {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            product: r.chararray(),
            region: r.chararray(),
            n: r
                .long()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `n` is null but may not be",
                ))?,
            total: r.long(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.product);
        w.field(&self.region);
        w.field(&self.n);
        w.field(&self.total);
    }
}
impl rt::data::PigText for CubeTotals {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.product, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.region, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.n, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.total, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for CubeTotals {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            product: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            region: t.get(1).and_then(<String as rt::data::FromValue>::from_value),
            n: t.get(2).and_then(<i64 as rt::data::FromValue>::from_value)?,
            total: t.get(3).and_then(<i64 as rt::data::FromValue>::from_value),
        })
    }
}
/// Tuples of `rolled_group`: {region: chararray,year: int}
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
pub struct RolledGroup {
    #[serde(default)]
    pub region: Option<String>,
    #[serde(default)]
    pub year: Option<i32>,
}
impl rt::format::TextRecord for RolledGroup {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            region: r.chararray(),
            year: r.int(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.region);
        w.field(&self.year);
    }
}
impl rt::data::PigText for RolledGroup {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.region, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.year, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for RolledGroup {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            region: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            year: t.get(1).and_then(<i32 as rt::data::FromValue>::from_value),
        })
    }
}
/// Tuples of `rolled_cube_item`: {region: chararray,year: int,product: chararray,amount: long}
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
pub struct RolledCubeItem {
    #[serde(default)]
    pub region: Option<String>,
    #[serde(default)]
    pub year: Option<i32>,
    #[serde(default)]
    pub product: Option<String>,
    #[serde(default)]
    pub amount: Option<i64>,
}
impl rt::format::TextRecord for RolledCubeItem {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            region: r.chararray(),
            year: r.int(),
            product: r.chararray(),
            amount: r.long(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.region);
        w.field(&self.year);
        w.field(&self.product);
        w.field(&self.amount);
    }
}
impl rt::data::PigText for RolledCubeItem {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.region, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.year, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.product, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.amount, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for RolledCubeItem {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            region: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            year: t.get(1).and_then(<i32 as rt::data::FromValue>::from_value),
            product: t.get(2).and_then(<String as rt::data::FromValue>::from_value),
            amount: t.get(3).and_then(<i64 as rt::data::FromValue>::from_value),
        })
    }
}
/// Groups of `rolled` (group tuple, bag of rows)
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
pub struct Rolled {
    pub group: RolledGroup,
    pub cube: rt::data::Bag<RolledCubeItem>,
}
impl rt::format::TextRecord for Rolled {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            group: r
                .cast::<RolledGroup>()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `group` is null but may not be",
                ))?,
            cube: r
                .bag::<RolledCubeItem>()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `cube` is null but may not be",
                ))?,
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.group);
        w.field(&self.cube);
    }
}
impl rt::data::PigText for Rolled {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.group, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.cube, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Rolled {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            group: t.get(0).and_then(<RolledGroup as rt::data::FromValue>::from_value)?,
            cube: t
                .get(1)
                .and_then(
                    <rt::data::Bag<RolledCubeItem> as rt::data::FromValue>::from_value,
                )?,
        })
    }
}
/// Rows of `rollup_stats`: {group::region: chararray,group::year: int,n_region: long,biggest: long}
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
pub struct RollupStats {
    #[serde(rename = "group::region", default)]
    pub group_region: Option<String>,
    #[serde(rename = "group::year", default)]
    pub group_year: Option<i32>,
    pub n_region: i64,
    #[serde(default)]
    pub biggest: Option<i64>,
}
impl rt::format::TextRecord for RollupStats {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            group_region: r.chararray(),
            group_year: r.int(),
            n_region: r
                .long()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `n_region` is null but may not be",
                ))?,
            biggest: r.long(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.group_region);
        w.field(&self.group_year);
        w.field(&self.n_region);
        w.field(&self.biggest);
    }
}
impl rt::data::PigText for RollupStats {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.group_region, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.group_year, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.n_region, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.biggest, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for RollupStats {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            group_region: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            group_year: t.get(1).and_then(<i32 as rt::data::FromValue>::from_value),
            n_region: t.get(2).and_then(<i64 as rt::data::FromValue>::from_value)?,
            biggest: t.get(3).and_then(<i64 as rt::data::FromValue>::from_value),
        })
    }
}
/// Tuples of `mixed_group`: {product: chararray,region: chararray,year: int}
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
pub struct MixedGroup {
    #[serde(default)]
    pub product: Option<String>,
    #[serde(default)]
    pub region: Option<String>,
    #[serde(default)]
    pub year: Option<i32>,
}
impl rt::format::TextRecord for MixedGroup {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            product: r.chararray(),
            region: r.chararray(),
            year: r.int(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.product);
        w.field(&self.region);
        w.field(&self.year);
    }
}
impl rt::data::PigText for MixedGroup {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.product, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.region, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.year, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for MixedGroup {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            product: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            region: t.get(1).and_then(<String as rt::data::FromValue>::from_value),
            year: t.get(2).and_then(<i32 as rt::data::FromValue>::from_value),
        })
    }
}
/// Groups of `mixed` (group tuple, bag of rows)
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
pub struct Mixed {
    pub group: MixedGroup,
    pub cube: rt::data::Bag<CubedCubeItem>,
}
impl rt::format::TextRecord for Mixed {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            group: r
                .cast::<MixedGroup>()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `group` is null but may not be",
                ))?,
            cube: r
                .bag::<CubedCubeItem>()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `cube` is null but may not be",
                ))?,
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.group);
        w.field(&self.cube);
    }
}
impl rt::data::PigText for Mixed {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.group, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.cube, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Mixed {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            group: t.get(0).and_then(<MixedGroup as rt::data::FromValue>::from_value)?,
            cube: t
                .get(1)
                .and_then(
                    <rt::data::Bag<CubedCubeItem> as rt::data::FromValue>::from_value,
                )?,
        })
    }
}
/// Rows of `mixed_totals`: {group::product: chararray,group::region: chararray,group::year: int,n: long,total: long}
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
pub struct MixedTotals {
    #[serde(rename = "group::product", default)]
    pub group_product: Option<String>,
    #[serde(rename = "group::region", default)]
    pub group_region: Option<String>,
    #[serde(rename = "group::year", default)]
    pub group_year: Option<i32>,
    pub n: i64,
    #[serde(default)]
    pub total: Option<i64>,
}
impl rt::format::TextRecord for MixedTotals {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            group_product: r.chararray(),
            group_region: r.chararray(),
            group_year: r.int(),
            n: r
                .long()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `n` is null but may not be",
                ))?,
            total: r.long(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.group_product);
        w.field(&self.group_region);
        w.field(&self.group_year);
        w.field(&self.n);
        w.field(&self.total);
    }
}
impl rt::data::PigText for MixedTotals {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.group_product, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.group_region, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.group_year, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.n, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.total, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for MixedTotals {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            group_product: t
                .get(0)
                .and_then(<String as rt::data::FromValue>::from_value),
            group_region: t.get(1).and_then(<String as rt::data::FromValue>::from_value),
            group_year: t.get(2).and_then(<i32 as rt::data::FromValue>::from_value),
            n: t.get(3).and_then(<i64 as rt::data::FromValue>::from_value)?,
            total: t.get(4).and_then(<i64 as rt::data::FromValue>::from_value),
        })
    }
}
/// The dataflow of `script.pig`, generated by pigc: pass `build` to `pigc_runtime::cli::main`.
pub fn build(df: &mut rt::dataflow::Dataflow) {
    // script.pig:5: sales = LOAD
    let sales_by_key = df
        .source::<Sales, _>("sales.txt", rt::format::PigStorage::new(b'\t'))
        // script.pig:5: sales = (repartition)
        .exchange("sales.exchange.668188a4", |_| ());
    // script.pig:8: cubed = CUBE (state: per grouping-set key: the bag of rows)
    sales_by_key
        .cube(
            "cubed.cube.b723c25f",
            |r| {
                let d0 = Some(
                    r.product.clone().unwrap_or_else(|| String::from("unknown")),
                );
                let d1 = Some(
                    r.region.clone().unwrap_or_else(|| String::from("unknown")),
                );
                [
                    (
                        CubedGroup {
                            product: d0.clone(),
                            region: d1.clone(),
                        },
                        CubedCubeItem {
                            product: d0.clone(),
                            region: d1.clone(),
                            year: r.year,
                            amount: r.amount,
                        },
                    ),
                    (
                        CubedGroup {
                            product: d0.clone(),
                            region: None,
                        },
                        CubedCubeItem {
                            product: d0.clone(),
                            region: None,
                            year: r.year,
                            amount: r.amount,
                        },
                    ),
                    (
                        CubedGroup {
                            product: None,
                            region: d1.clone(),
                        },
                        CubedCubeItem {
                            product: None,
                            region: d1.clone(),
                            year: r.year,
                            amount: r.amount,
                        },
                    ),
                    (
                        CubedGroup {
                            product: None,
                            region: None,
                        },
                        CubedCubeItem {
                            product: None,
                            region: None,
                            year: r.year,
                            amount: r.amount,
                        },
                    ),
                ]
            },
            |k, rows| Cubed {
                group: k.clone(),
                cube: rows,
            },
        )
        // script.pig:9: cube_totals = FOREACH
        .map(|r| CubeTotals {
            product: r.group.product.clone(),
            region: r.group.region.clone(),
            n: {
                let b = &r.cube;
                b.len() as i64
            },
            total: {
                let b = &r.cube;
                rt::builtins::aggregate::sum_long(b.iter().map(|t1| t1.amount))
            },
        })
        // script.pig:11: STORE INTO 'out_cube'
        .sink("out_cube", rt::format::PigStorage::new(b','));
    // script.pig:13: rolled = CUBE (state: per grouping-set key: the bag of rows)
    sales_by_key
        .cube(
            "rolled.cube.10b35304",
            |r| {
                let d0 = Some(
                    r.region.clone().unwrap_or_else(|| String::from("unknown")),
                );
                let d1 = r.year;
                [
                    (
                        RolledGroup {
                            region: d0.clone(),
                            year: d1,
                        },
                        RolledCubeItem {
                            region: d0.clone(),
                            year: d1,
                            product: r.product.clone(),
                            amount: r.amount,
                        },
                    ),
                    (
                        RolledGroup {
                            region: d0.clone(),
                            year: None,
                        },
                        RolledCubeItem {
                            region: d0.clone(),
                            year: None,
                            product: r.product.clone(),
                            amount: r.amount,
                        },
                    ),
                    (
                        RolledGroup {
                            region: None,
                            year: None,
                        },
                        RolledCubeItem {
                            region: None,
                            year: None,
                            product: r.product.clone(),
                            amount: r.amount,
                        },
                    ),
                ]
            },
            |k, rows| Rolled {
                group: k.clone(),
                cube: rows,
            },
        )
        // script.pig:14: rollup_stats = FOREACH
        .map(|r| RollupStats {
            group_region: r.group.region.clone(),
            group_year: r.group.year,
            n_region: {
                let b = &r.cube;
                rt::builtins::aggregate::count(b.iter().map(|t1| t1.region.as_deref()))
            },
            biggest: {
                let b = &r.cube;
                rt::builtins::aggregate::max(b.iter().map(|t1| t1.amount))
            },
        })
        // script.pig:16: STORE INTO 'out_rollup'
        .sink("out_rollup", rt::format::PigStorage::new(b','));
    // script.pig:18: mixed = CUBE (state: per grouping-set key: the bag of rows)
    sales_by_key
        .cube(
            "mixed.cube.5dc940cb",
            |r| {
                let d0 = Some(
                    r.product.clone().unwrap_or_else(|| String::from("unknown")),
                );
                let d1 = Some(
                    r.region.clone().unwrap_or_else(|| String::from("unknown")),
                );
                let d2 = r.year;
                [
                    (
                        MixedGroup {
                            product: d0.clone(),
                            region: d1.clone(),
                            year: d2,
                        },
                        CubedCubeItem {
                            product: d0.clone(),
                            region: d1.clone(),
                            year: d2,
                            amount: r.amount,
                        },
                    ),
                    (
                        MixedGroup {
                            product: d0.clone(),
                            region: d1.clone(),
                            year: None,
                        },
                        CubedCubeItem {
                            product: d0.clone(),
                            region: d1.clone(),
                            year: None,
                            amount: r.amount,
                        },
                    ),
                    (
                        MixedGroup {
                            product: d0.clone(),
                            region: None,
                            year: None,
                        },
                        CubedCubeItem {
                            product: d0.clone(),
                            region: None,
                            year: None,
                            amount: r.amount,
                        },
                    ),
                    (
                        MixedGroup {
                            product: None,
                            region: d1.clone(),
                            year: d2,
                        },
                        CubedCubeItem {
                            product: None,
                            region: d1.clone(),
                            year: d2,
                            amount: r.amount,
                        },
                    ),
                    (
                        MixedGroup {
                            product: None,
                            region: d1.clone(),
                            year: None,
                        },
                        CubedCubeItem {
                            product: None,
                            region: d1.clone(),
                            year: None,
                            amount: r.amount,
                        },
                    ),
                    (
                        MixedGroup {
                            product: None,
                            region: None,
                            year: None,
                        },
                        CubedCubeItem {
                            product: None,
                            region: None,
                            year: None,
                            amount: r.amount,
                        },
                    ),
                ]
            },
            |k, rows| Mixed {
                group: k.clone(),
                cube: rows,
            },
        )
        // script.pig:19: mixed_totals = FOREACH
        .map(|r| MixedTotals {
            group_product: r.group.product.clone(),
            group_region: r.group.region.clone(),
            group_year: r.group.year,
            n: {
                let b = &r.cube;
                b.len() as i64
            },
            total: {
                let b = &r.cube;
                rt::builtins::aggregate::sum_long(b.iter().map(|t1| t1.amount))
            },
        })
        // script.pig:21: STORE INTO 'out_mixed'
        .sink("out_mixed", rt::format::PigStorage::new(b','));
}
