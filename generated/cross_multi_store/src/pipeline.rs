use pigc_runtime as rt;
/// Rows read by `sizes`: {size: chararray,mult: int}
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
pub struct Sizes {
    #[serde(default)]
    pub size: Option<String>,
    #[serde(default)]
    pub mult: Option<i32>,
}
impl rt::format::TextRecord for Sizes {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            size: r.chararray(),
            mult: r.int(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.size);
        w.field(&self.mult);
    }
}
impl rt::data::PigText for Sizes {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.size, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.mult, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Sizes {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            size: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            mult: t.get(1).and_then(<i32 as rt::data::FromValue>::from_value),
        })
    }
}
/// Rows read by `colors`: {color: chararray,code: int}
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
pub struct Colors {
    #[serde(default)]
    pub color: Option<String>,
    #[serde(default)]
    pub code: Option<i32>,
}
impl rt::format::TextRecord for Colors {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            color: r.chararray(),
            code: r.int(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.color);
        w.field(&self.code);
    }
}
impl rt::data::PigText for Colors {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.color, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.code, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Colors {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            color: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            code: t.get(1).and_then(<i32 as rt::data::FromValue>::from_value),
        })
    }
}
/// Rows of `crossed`: {sizes::size: chararray,sizes::mult: int,colors::color: chararray,colors::code: int}
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
pub struct Crossed {
    #[serde(rename = "sizes::size", default)]
    pub sizes_size: Option<String>,
    #[serde(rename = "sizes::mult", default)]
    pub sizes_mult: Option<i32>,
    #[serde(rename = "colors::color", default)]
    pub colors_color: Option<String>,
    #[serde(rename = "colors::code", default)]
    pub colors_code: Option<i32>,
}
impl rt::format::TextRecord for Crossed {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            sizes_size: r.chararray(),
            sizes_mult: r.int(),
            colors_color: r.chararray(),
            colors_code: r.int(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.sizes_size);
        w.field(&self.sizes_mult);
        w.field(&self.colors_color);
        w.field(&self.colors_code);
    }
}
impl rt::data::PigText for Crossed {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.sizes_size, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.sizes_mult, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.colors_color, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.colors_code, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Crossed {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            sizes_size: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            sizes_mult: t.get(1).and_then(<i32 as rt::data::FromValue>::from_value),
            colors_color: t.get(2).and_then(<String as rt::data::FromValue>::from_value),
            colors_code: t.get(3).and_then(<i32 as rt::data::FromValue>::from_value),
        })
    }
}
/// Rows of `variants`: {sku: chararray,weight: int,sizes::size: chararray,colors::color: chararray}
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
pub struct Variants {
    #[serde(default)]
    pub sku: Option<String>,
    #[serde(default)]
    pub weight: Option<i32>,
    #[serde(rename = "sizes::size", default)]
    pub sizes_size: Option<String>,
    #[serde(rename = "colors::color", default)]
    pub colors_color: Option<String>,
}
impl rt::format::TextRecord for Variants {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            sku: r.chararray(),
            weight: r.int(),
            sizes_size: r.chararray(),
            colors_color: r.chararray(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.sku);
        w.field(&self.weight);
        w.field(&self.sizes_size);
        w.field(&self.colors_color);
    }
}
impl rt::data::PigText for Variants {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.sku, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.weight, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.sizes_size, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.colors_color, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Variants {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            sku: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            weight: t.get(1).and_then(<i32 as rt::data::FromValue>::from_value),
            sizes_size: t.get(2).and_then(<String as rt::data::FromValue>::from_value),
            colors_color: t.get(3).and_then(<String as rt::data::FromValue>::from_value),
        })
    }
}
/// Per-group results of `counts` (group key, then one column per aggregate)
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
pub struct CountsGroup {
    pub group: String,
    pub acc0: i64,
    pub acc1: i64,
}
impl rt::format::TextRecord for CountsGroup {
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
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.group);
        w.field(&self.acc0);
        w.field(&self.acc1);
    }
}
impl rt::data::PigText for CountsGroup {
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
impl rt::data::FromValue for CountsGroup {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            group: t.get(0).and_then(<String as rt::data::FromValue>::from_value)?,
            acc0: t.get(1).and_then(<i64 as rt::data::FromValue>::from_value)?,
            acc1: t.get(2).and_then(<i64 as rt::data::FromValue>::from_value)?,
        })
    }
}
/// Rows of `counts`: {n_rows: long,n_with_sku: long}
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
pub struct Counts {
    pub n_rows: i64,
    pub n_with_sku: i64,
}
impl rt::format::TextRecord for Counts {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            n_rows: r
                .long()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `n_rows` is null but may not be",
                ))?,
            n_with_sku: r
                .long()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `n_with_sku` is null but may not be",
                ))?,
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.n_rows);
        w.field(&self.n_with_sku);
    }
}
impl rt::data::PigText for Counts {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.n_rows, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.n_with_sku, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Counts {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            n_rows: t.get(0).and_then(<i64 as rt::data::FromValue>::from_value)?,
            n_with_sku: t.get(1).and_then(<i64 as rt::data::FromValue>::from_value)?,
        })
    }
}
/// Upsert keys of `out_counts`
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
pub struct CountsKey {}
impl rt::format::TextRecord for CountsKey {
    fn read(
        _r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {})
    }
    fn write(&self, _w: &mut rt::format::FieldWriter<'_>) {}
}
impl rt::data::PigText for CountsKey {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        out.push(b')');
    }
}
impl rt::data::FromValue for CountsKey {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let _t = v.to_tuple()?;
        Some(Self {})
    }
}
/// The dataflow of `script.pig`, generated by pigc: pass `build` to `pigc_runtime::cli::main`.
pub fn build(df: &mut rt::dataflow::Dataflow) {
    // script.pig:3: sizes = LOAD
    let sizes = df.source::<Sizes, _>("sizes.txt", rt::format::PigStorage::new(b'\t'));
    // script.pig:4: colors = LOAD
    let colors_by_key = df
        .source::<Colors, _>("colors.txt", rt::format::PigStorage::new(b'\t'))
        // script.pig:4: colors = (repartition)
        .exchange("colors.exchange.2b96b365", |_| ());
    // script.pig:3: sizes = (repartition)
    let crossed = sizes
        .exchange("sizes.exchange.2d5057fe", |_| ())
        // script.pig:6: crossed = CROSS (state: both inputs' rows)
        .cross(
            "crossed.cross.de328529",
            &colors_by_key,
            |l, r| Crossed {
                sizes_size: l.size.clone(),
                sizes_mult: l.mult,
                colors_color: r.color.clone(),
                colors_code: r.code,
            },
        );
    // script.pig:7: STORE INTO 'out_cross'
    crossed.sink("out_cross", rt::format::PigStorage::new(b','));
    // script.pig:9: variants = FOREACH
    let variants = crossed
        .map(|r| Variants {
            sku: r
                .sizes_size
                .as_deref()
                .and_then(|v1| {
                    r
                        .colors_color
                        .as_deref()
                        .map(|v2| rt::builtins::string::concat(&[v1, "-", v2]))
                }),
            weight: rt::data::ops::mul(r.sizes_mult, r.colors_code),
            sizes_size: r.sizes_size.clone(),
            colors_color: r.colors_color.clone(),
        });
    // script.pig:10: STORE INTO 'out_variants'
    variants.sink("out_variants", rt::format::PigStorage::new(b','));
    // script.pig:11: STORE INTO 'out_variants_tab'
    variants.sink("out_variants_tab", rt::format::PigStorage::new(b'\t'));
    // script.pig:13: heavy = FILTER
    variants
        .filter(|r| rt::data::ops::ge(r.weight, Some(4i32)) == Some(true))
        // script.pig:14: STORE INTO 'out_heavy'
        .sink("out_heavy", rt::format::PigStorage::new(b':'));
    // script.pig:9: variants = (repartition)
    variants
        .exchange("variants.exchange.b1e94691", |_| ())
        // script.pig:17: counts = GROUP + FOREACH (aggregate) (state: per group: row count, CountStar:sum, Count:sum)
        .key_by(|_| ())
        .aggregate(
            "counts.aggregate.5e94d10f",
            (
                rt::operators::count_star(),
                rt::operators::count(|r: &Variants| r.sku.as_deref().is_some()),
            ),
            |_, (v0, v1)| CountsGroup {
                group: String::from("all"),
                acc0: v0,
                acc1: v1,
            },
        )
        .map(|r| Counts {
            n_rows: r.acc0,
            n_with_sku: r.acc1,
        })
        // script.pig:18: STORE INTO 'out_counts'
        .sink_upsert(
            "out_counts",
            rt::format::PigStorage::new(b','),
            |_| CountsKey {},
            rt::format::PigStorage::new(b','),
        );
}
