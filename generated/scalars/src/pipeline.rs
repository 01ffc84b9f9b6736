use pigc_runtime as rt;
/// Rows read by `x`: {region: chararray,amount: int}
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
pub struct X {
    #[serde(default)]
    pub region: Option<String>,
    #[serde(default)]
    pub amount: Option<i32>,
}
impl rt::format::TextRecord for X {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            region: r.chararray(),
            amount: r.int(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.region);
        w.field(&self.amount);
    }
}
impl rt::data::PigText for X {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.region, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.amount, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for X {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            region: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            amount: t.get(1).and_then(<i32 as rt::data::FromValue>::from_value),
        })
    }
}
/// Per-group results of `stats` (group key, then one column per aggregate)
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
pub struct StatsGroup {
    pub group: String,
    pub acc0: i64,
    #[serde(default)]
    pub acc1: Option<i64>,
    #[serde(default)]
    pub acc2: Option<i32>,
}
impl rt::format::TextRecord for StatsGroup {
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
            acc1: r.long(),
            acc2: r.int(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.group);
        w.field(&self.acc0);
        w.field(&self.acc1);
        w.field(&self.acc2);
    }
}
impl rt::data::PigText for StatsGroup {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.group, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.acc0, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.acc1, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.acc2, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for StatsGroup {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            group: t.get(0).and_then(<String as rt::data::FromValue>::from_value)?,
            acc0: t.get(1).and_then(<i64 as rt::data::FromValue>::from_value)?,
            acc1: t.get(2).and_then(<i64 as rt::data::FromValue>::from_value),
            acc2: t.get(3).and_then(<i32 as rt::data::FromValue>::from_value),
        })
    }
}
/// Rows of `stats`: {n: long,total: long,top: int}
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
pub struct Stats {
    pub n: i64,
    #[serde(default)]
    pub total: Option<i64>,
    #[serde(default)]
    pub top: Option<i32>,
}
impl rt::format::TextRecord for Stats {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            n: r
                .long()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `n` is null but may not be",
                ))?,
            total: r.long(),
            top: r.int(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.n);
        w.field(&self.total);
        w.field(&self.top);
    }
}
impl rt::data::PigText for Stats {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.n, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.total, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.top, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Stats {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            n: t.get(0).and_then(<i64 as rt::data::FromValue>::from_value)?,
            total: t.get(1).and_then(<i64 as rt::data::FromValue>::from_value),
            top: t.get(2).and_then(<i32 as rt::data::FromValue>::from_value),
        })
    }
}
/// Rows of `shares`: {region: chararray,amount: int,share: double}
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
pub struct Shares {
    #[serde(default)]
    pub region: Option<String>,
    #[serde(default)]
    pub amount: Option<i32>,
    #[serde(default)]
    pub share: Option<rt::data::Double>,
}
impl rt::format::TextRecord for Shares {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            region: r.chararray(),
            amount: r.int(),
            share: r.double(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.region);
        w.field(&self.amount);
        w.field(&self.share);
    }
}
impl rt::data::PigText for Shares {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.region, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.amount, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.share, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Shares {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            region: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            amount: t.get(1).and_then(<i32 as rt::data::FromValue>::from_value),
            share: t
                .get(2)
                .and_then(<rt::data::Double as rt::data::FromValue>::from_value),
        })
    }
}
/// Per-group results of `by_region` (group key, then one column per aggregate)
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
pub struct ByRegionGroup {
    #[serde(default)]
    pub group: Option<String>,
    #[serde(default)]
    pub acc0: Option<i64>,
}
impl rt::format::TextRecord for ByRegionGroup {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            group: r.chararray(),
            acc0: r.long(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.group);
        w.field(&self.acc0);
    }
}
impl rt::data::PigText for ByRegionGroup {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.group, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.acc0, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for ByRegionGroup {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            group: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            acc0: t.get(1).and_then(<i64 as rt::data::FromValue>::from_value),
        })
    }
}
/// Rows of `by_region`: {region: chararray,amount: long,share: double}
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
pub struct ByRegion {
    #[serde(default)]
    pub region: Option<String>,
    #[serde(default)]
    pub amount: Option<i64>,
    #[serde(default)]
    pub share: Option<rt::data::Double>,
}
impl rt::format::TextRecord for ByRegion {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            region: r.chararray(),
            amount: r.long(),
            share: r.double(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.region);
        w.field(&self.amount);
        w.field(&self.share);
    }
}
impl rt::data::PigText for ByRegion {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.region, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.amount, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.share, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for ByRegion {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            region: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            amount: t.get(1).and_then(<i64 as rt::data::FromValue>::from_value),
            share: t
                .get(2)
                .and_then(<rt::data::Double as rt::data::FromValue>::from_value),
        })
    }
}
/// Upsert keys of `out_by_region`
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
pub struct ByRegionKey {
    #[serde(default)]
    pub region: Option<String>,
}
impl rt::format::TextRecord for ByRegionKey {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self { region: r.chararray() })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.region);
    }
}
impl rt::data::PigText for ByRegionKey {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.region, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for ByRegionKey {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            region: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
        })
    }
}
/// Per-group results of `none_stats` (group key, then one column per aggregate)
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
pub struct NoneStatsGroup {
    pub group: String,
    #[serde(default)]
    pub acc0: Option<i64>,
}
impl rt::format::TextRecord for NoneStatsGroup {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            group: r
                .chararray()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `group` is null but may not be",
                ))?,
            acc0: r.long(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.group);
        w.field(&self.acc0);
    }
}
impl rt::data::PigText for NoneStatsGroup {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.group, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.acc0, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for NoneStatsGroup {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            group: t.get(0).and_then(<String as rt::data::FromValue>::from_value)?,
            acc0: t.get(1).and_then(<i64 as rt::data::FromValue>::from_value),
        })
    }
}
/// Rows of `none_stats`: {total: long}
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
pub struct NoneStats {
    #[serde(default)]
    pub total: Option<i64>,
}
impl rt::format::TextRecord for NoneStats {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self { total: r.long() })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.total);
    }
}
impl rt::data::PigText for NoneStats {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.total, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for NoneStats {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            total: t.get(0).and_then(<i64 as rt::data::FromValue>::from_value),
        })
    }
}
/// Rows of `nulls`: {region: chararray,below_top: int,plus: long}
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
pub struct Nulls {
    #[serde(default)]
    pub region: Option<String>,
    #[serde(default)]
    pub below_top: Option<i32>,
    #[serde(default)]
    pub plus: Option<i64>,
}
impl rt::format::TextRecord for Nulls {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            region: r.chararray(),
            below_top: r.int(),
            plus: r.long(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.region);
        w.field(&self.below_top);
        w.field(&self.plus);
    }
}
impl rt::data::PigText for Nulls {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.region, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.below_top, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.plus, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Nulls {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            region: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            below_top: t.get(1).and_then(<i32 as rt::data::FromValue>::from_value),
            plus: t.get(2).and_then(<i64 as rt::data::FromValue>::from_value),
        })
    }
}
/// The dataflow of `script.pig`, generated by pigc: pass `build` to `pigc_runtime::cli::main`.
pub fn build(df: &mut rt::dataflow::Dataflow) {
    // script.pig:4: x = LOAD
    let x = df.source::<X, _>("sales.txt", rt::format::PigStorage::new(b'\t'));
    // script.pig:4: x = (repartition)
    let x_by_key = x.exchange("x.exchange.6c7bd075", |_| ());
    // script.pig:5: stats = GROUP + FOREACH (aggregate) (state: per group: row count, CountStar:sum, Sum:sum, Max:multiset)
    let stats_by_key = x_by_key
        .key_by(|_| ())
        .aggregate(
            "stats.aggregate.7a613ad6",
            (
                rt::operators::count_star(),
                rt::operators::sum(|r: &X| r.amount.map(i64::from)),
                rt::operators::max(|r: &X| r.amount),
            ),
            |_, (v0, v1, v2)| StatsGroup {
                group: String::from("all"),
                acc0: v0,
                acc1: v1,
                acc2: v2,
            },
        )
        .map(|r| Stats {
            n: r.acc0,
            total: r.acc1,
            top: r.acc2,
        })
        // script.pig:5: stats = (repartition)
        .exchange("stats.exchange.89e79255", |_| ());
    // script.pig:8: shares = FOREACH
    x_by_key
        .with_scalar(
            "shares.map.11123319.scalar0",
            &stats_by_key,
            "stats (script.pig:5)",
        )
        .map(|r| Shares {
            region: r.region.clone(),
            amount: r.amount,
            share: rt::data::ops::div(
                r.amount.map(|v1| rt::data::Double(f64::from(v1))),
                r
                    .scalar
                    .as_ref()
                    .and_then(|sc| sc.total)
                    .map(|v2| rt::data::Double(v2 as f64)),
            ),
        })
        // script.pig:9: STORE INTO 'out_shares'
        .sink("out_shares", rt::format::PigStorage::new(b','));
    // script.pig:11: above = FILTER
    x_by_key
        .with_scalar(
            "above.filter.abc3740b.scalar0",
            &stats_by_key,
            "stats (script.pig:5)",
        )
        .filter(|r| {
            rt::data::ops::gt(
                rt::data::ops::mul(
                    r.amount.map(i64::from),
                    r.scalar.as_ref().map(|sc| sc.n),
                ),
                r.scalar.as_ref().and_then(|sc| sc.total),
            ) == Some(true)
        })
        .map(|r| r.row.clone())
        // script.pig:12: STORE INTO 'out_above_average'
        .sink("out_above_average", rt::format::PigStorage::new(b','));
    // script.pig:4: x = (repartition)
    x.exchange("x.exchange.19710bc2", |r| (r.region.clone(),))
        // script.pig:4: x = (repartition)
        .exchange("x.exchange.c0c9945b", |_| ())
        // script.pig:14: by_region = GROUP + FOREACH (aggregate) (state: per group: row count, Sum:sum)
        .key_by(|r| r.region.clone())
        .aggregate(
            "by_region.aggregate.5e4ab253",
            (rt::operators::sum(|r: &X| r.amount.map(i64::from)),),
            |k, (v0,)| ByRegionGroup {
                group: k.clone(),
                acc0: v0,
            },
        )
        .with_scalar(
            "by_region.aggregate.5e4ab253.scalar0",
            &stats_by_key,
            "stats (script.pig:5)",
        )
        .map(|r| ByRegion {
            region: r.group.clone(),
            amount: r.acc0,
            share: rt::data::ops::div(
                r.acc0.map(|v1| rt::data::Double(v1 as f64)),
                r
                    .scalar
                    .as_ref()
                    .and_then(|sc| sc.total)
                    .map(|v2| rt::data::Double(v2 as f64)),
            ),
        })
        // script.pig:16: STORE INTO 'out_by_region'
        .sink_upsert(
            "out_by_region",
            rt::format::PigStorage::new(b','),
            |r| ByRegionKey {
                region: r.region.clone(),
            },
            rt::format::PigStorage::new(b','),
        );
    // script.pig:18: none = FILTER
    let none_stats_by_key = x
        .filter(|r| rt::data::ops::gt(r.amount, Some(1000i32)) == Some(true))
        // script.pig:18: none = (repartition)
        .exchange("none.exchange.b205e737", |_| ())
        // script.pig:19: none_stats = GROUP + FOREACH (aggregate) (state: per group: row count, Sum:sum)
        .key_by(|_| ())
        .aggregate(
            "none_stats.aggregate.2571b0d7",
            (rt::operators::sum(|r: &X| r.amount.map(i64::from)),),
            |_, (v0,)| NoneStatsGroup {
                group: String::from("all"),
                acc0: v0,
            },
        )
        .map(|r| NoneStats { total: r.acc0 })
        // script.pig:19: none_stats = (repartition)
        .exchange("none_stats.exchange.e55f2351", |_| ());
    // script.pig:20: north = FILTER
    x.filter(|r| rt::data::ops::eq(r.region.as_deref(), Some("north")) == Some(true))
        // script.pig:20: north = (repartition)
        .exchange("north.exchange.c1efd114", |_| ())
        // script.pig:21: nulls = FOREACH
        .with_scalar("nulls.map.b1370684.scalar0", &stats_by_key, "stats (script.pig:5)")
        .with_scalar(
            "nulls.map.b1370684.scalar1",
            &none_stats_by_key,
            "none_stats (script.pig:19)",
        )
        .map(|r| Nulls {
            region: r.region.clone(),
            below_top: rt::data::ops::sub(
                r.row.scalar.as_ref().and_then(|sc| sc.top),
                r.amount,
            ),
            plus: rt::data::ops::add(
                r.amount.map(i64::from),
                r.scalar.as_ref().and_then(|sc| sc.total),
            ),
        })
        // script.pig:23: STORE INTO 'out_nulls'
        .sink("out_nulls", rt::format::PigStorage::new(b','));
    // script.pig:26: top_half = ORDER + LIMIT (top-n) (state: all rows, in sort order)
    x_by_key
        .top_n_scalar(
            "top_half.topn.19050b49",
            &stats_by_key,
            "stats (script.pig:5)",
            |scalar| rt::data::ops::div(scalar.map(|sc| sc.n), Some(2i64)),
            |r| (std::cmp::Reverse(r.amount), r.region.clone()),
        )
        // script.pig:26: top_half = (repartition)
        .exchange("top_half.exchange.b595985c", |_| ())
        // script.pig:27: STORE INTO 'out_top_half'
        .sink_sorted(
            "out_top_half",
            rt::format::PigStorage::new(b','),
            |a, b| {
                Ord::cmp(&b.amount, &a.amount)
                    .then_with(|| Ord::cmp(&a.region.as_deref(), &b.region.as_deref()))
            },
        );
    // script.pig:29: all_rows = LIMIT (state: all rows, in sort order)
    x_by_key
        .limit_scalar(
            "all_rows.limit.19bef9ba",
            &stats_by_key,
            "stats (script.pig:5)",
            |scalar| scalar.and_then(|sc| sc.top).map(i64::from),
        )
        // script.pig:30: STORE INTO 'out_all_rows'
        .sink("out_all_rows", rt::format::PigStorage::new(b','));
    // script.pig:32: sampled = SAMPLE
    x_by_key
        .sample_scalar(
            "sampled.sample.81429d70",
            &stats_by_key,
            "stats (script.pig:5)",
            |scalar| {
                rt::data::ops::div(
                        scalar.map(|sc| sc.n).map(|v1| rt::data::Double(v1 as f64)),
                        scalar.map(|sc| sc.n).map(|v2| rt::data::Double(v2 as f64)),
                    )
                    .map(|p| p.0)
            },
        )
        // script.pig:33: STORE INTO 'out_sampled'
        .sink("out_sampled", rt::format::PigStorage::new(b','));
}
