use pigc_runtime as rt;
/// Rows read by `views`: {page: chararray,user: chararray,dur: int}
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
pub struct Views {
    #[serde(default)]
    pub page: Option<String>,
    #[serde(default)]
    pub user: Option<String>,
    #[serde(default)]
    pub dur: Option<i32>,
}
impl rt::format::TextRecord for Views {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            page: r.chararray(),
            user: r.chararray(),
            dur: r.int(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.page);
        w.field(&self.user);
        w.field(&self.dur);
    }
}
impl rt::data::PigText for Views {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.page, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.user, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.dur, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Views {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            page: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            user: t.get(1).and_then(<String as rt::data::FromValue>::from_value),
            dur: t.get(2).and_then(<i32 as rt::data::FromValue>::from_value),
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
    #[serde(default)]
    pub group: Option<String>,
    pub acc0: i64,
    pub acc1: i64,
    pub acc2: i64,
    #[serde(default)]
    pub acc3: Option<i64>,
    pub acc4: rt::data::Bag<Views>,
}
impl rt::format::TextRecord for StatsGroup {
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
            acc4: r
                .bag::<Views>()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `acc4` is null but may not be",
                ))?,
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.group);
        w.field(&self.acc0);
        w.field(&self.acc1);
        w.field(&self.acc2);
        w.field(&self.acc3);
        w.field(&self.acc4);
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
        out.push(b',');
        rt::data::PigText::write_text(&self.acc3, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.acc4, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for StatsGroup {
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
                .and_then(<rt::data::Bag<Views> as rt::data::FromValue>::from_value)?,
        })
    }
}
/// Tuples built by `projection`
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
pub struct Projection {
    #[serde(default)]
    pub user: Option<String>,
}
impl rt::format::TextRecord for Projection {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self { user: r.chararray() })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.user);
    }
}
impl rt::data::PigText for Projection {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.user, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Projection {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            user: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
        })
    }
}
/// Tuples built by `projection`
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
pub struct Projection2 {
    #[serde(default)]
    pub user: Option<String>,
    #[serde(default)]
    pub dur: Option<i32>,
}
impl rt::format::TextRecord for Projection2 {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            user: r.chararray(),
            dur: r.int(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.user);
        w.field(&self.dur);
    }
}
impl rt::data::PigText for Projection2 {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.user, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.dur, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Projection2 {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            user: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            dur: t.get(1).and_then(<i32 as rt::data::FromValue>::from_value),
        })
    }
}
/// Rows of `stats`: {page: chararray,n_views: long,n_users: long,n_user_values: long,n_long: long,long_time: long,top: {(user: chararray,dur: int)}}
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
    #[serde(default)]
    pub page: Option<String>,
    pub n_views: i64,
    pub n_users: i64,
    pub n_user_values: i64,
    pub n_long: i64,
    #[serde(default)]
    pub long_time: Option<i64>,
    pub top: rt::data::Bag<Projection2>,
}
impl rt::format::TextRecord for Stats {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            page: r.chararray(),
            n_views: r
                .long()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `n_views` is null but may not be",
                ))?,
            n_users: r
                .long()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `n_users` is null but may not be",
                ))?,
            n_user_values: r
                .long()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `n_user_values` is null but may not be",
                ))?,
            n_long: r
                .long()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `n_long` is null but may not be",
                ))?,
            long_time: r.long(),
            top: r
                .bag::<Projection2>()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `top` is null but may not be",
                ))?,
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.page);
        w.field(&self.n_views);
        w.field(&self.n_users);
        w.field(&self.n_user_values);
        w.field(&self.n_long);
        w.field(&self.long_time);
        w.field(&self.top);
    }
}
impl rt::data::PigText for Stats {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.page, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.n_views, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.n_users, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.n_user_values, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.n_long, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.long_time, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.top, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Stats {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            page: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            n_views: t.get(1).and_then(<i64 as rt::data::FromValue>::from_value)?,
            n_users: t.get(2).and_then(<i64 as rt::data::FromValue>::from_value)?,
            n_user_values: t.get(3).and_then(<i64 as rt::data::FromValue>::from_value)?,
            n_long: t.get(4).and_then(<i64 as rt::data::FromValue>::from_value)?,
            long_time: t.get(5).and_then(<i64 as rt::data::FromValue>::from_value),
            top: t
                .get(6)
                .and_then(
                    <rt::data::Bag<Projection2> as rt::data::FromValue>::from_value,
                )?,
        })
    }
}
/// Upsert keys of `out_page_stats`
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
pub struct StatsKey {
    #[serde(default)]
    pub page: Option<String>,
}
impl rt::format::TextRecord for StatsKey {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self { page: r.chararray() })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.page);
    }
}
impl rt::data::PigText for StatsKey {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.page, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for StatsKey {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            page: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
        })
    }
}
/// Per-group results of `tops` (group key, then one column per aggregate)
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
pub struct TopsGroup {
    #[serde(default)]
    pub group: Option<String>,
    pub acc0: rt::data::Bag<Views>,
}
impl rt::format::TextRecord for TopsGroup {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            group: r.chararray(),
            acc0: r
                .bag::<Views>()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `acc0` is null but may not be",
                ))?,
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.group);
        w.field(&self.acc0);
    }
}
impl rt::data::PigText for TopsGroup {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.group, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.acc0, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for TopsGroup {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            group: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            acc0: t
                .get(1)
                .and_then(<rt::data::Bag<Views> as rt::data::FromValue>::from_value)?,
        })
    }
}
/// Rows of `tops`: {best::page: chararray,best::user: chararray,best::dur: int}
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
pub struct Tops {
    #[serde(rename = "best::page", default)]
    pub best_page: Option<String>,
    #[serde(rename = "best::user", default)]
    pub best_user: Option<String>,
    #[serde(rename = "best::dur", default)]
    pub best_dur: Option<i32>,
}
impl rt::format::TextRecord for Tops {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            best_page: r.chararray(),
            best_user: r.chararray(),
            best_dur: r.int(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.best_page);
        w.field(&self.best_user);
        w.field(&self.best_dur);
    }
}
impl rt::data::PigText for Tops {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.best_page, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.best_user, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.best_dur, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Tops {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            best_page: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            best_user: t.get(1).and_then(<String as rt::data::FromValue>::from_value),
            best_dur: t.get(2).and_then(<i32 as rt::data::FromValue>::from_value),
        })
    }
}
/// The dataflow of `script.pig`, generated by pigc: pass `build` to `pigc_runtime::cli::main`.
pub fn build(df: &mut rt::dataflow::Dataflow) {
    // script.pig:3: views = LOAD
    let views_by_key = df
        .source::<Views, _>("views.txt", rt::format::PigStorage::new(b'\t'))
        // script.pig:3: views = (repartition)
        .exchange("views.exchange.4e213516", |r| (r.page.clone(),));
    // script.pig:6: stats = GROUP + FOREACH (aggregate) (state: per group: row count, CountStar:sum, CountDistinct:multiset, Count:sum, Sum:sum, Bag:multiset)
    views_by_key
        .key_by(|r| r.page.clone())
        .aggregate(
            "stats.aggregate.4a7a4abe",
            (
                rt::operators::count_star(),
                rt::operators::count_distinct(|r: &Views| r.user.clone()),
                rt::operators::count(|r: &Views| {
                    rt::data::ops::ge(r.dur, Some(10i32)) == Some(true)
                        && r.page.as_deref().is_some()
                }),
                rt::operators::sum(|r: &Views| {
                    if rt::data::ops::ge(r.dur, Some(10i32)) == Some(true) {
                        r.dur.map(i64::from)
                    } else {
                        None
                    }
                }),
                rt::operators::bag(
                    |r: &Views| Some(r.clone()),
                    |rows: &[Views]| rt::data::Bag::from_vec(rows.to_vec()),
                ),
            ),
            |k, (v0, v1, v2, v3, v4)| StatsGroup {
                group: k.clone(),
                acc0: v0,
                acc1: v1,
                acc2: v2,
                acc3: v3,
                acc4: v4,
            },
        )
        .map(|r| {
            let users = r
                .acc4
                .iter()
                .map(|t1| Projection {
                    user: t1.user.clone(),
                })
                .collect::<rt::data::Bag<_>>();
            let uniq = {
                let mut v = users.clone().into_vec();
                v.sort();
                v.dedup();
                rt::data::Bag::from_vec(v)
            };
            let sorted = {
                let mut v = r.acc4.clone().into_vec();
                v.sort_by(|a, b| {
                    Ord::cmp(&b.dur, &a.dur)
                        .then_with(|| Ord::cmp(&a.user.as_deref(), &b.user.as_deref()))
                });
                rt::data::Bag::from_vec(v)
            };
            let top2 = sorted
                .clone()
                .into_iter()
                .take(usize::try_from(2i64).unwrap_or(0))
                .collect::<rt::data::Bag<_>>();
            Stats {
                page: r.group.clone(),
                n_views: r.acc0,
                n_users: r.acc1,
                n_user_values: {
                    let b = &uniq;
                    b.len() as i64
                },
                n_long: r.acc2,
                long_time: r.acc3,
                top: top2
                    .iter()
                    .map(|t1| Projection2 {
                        user: t1.user.clone(),
                        dur: t1.dur,
                    })
                    .collect::<rt::data::Bag<_>>(),
            }
        })
        // script.pig:16: STORE INTO 'out_page_stats'
        .sink_upsert(
            "out_page_stats",
            rt::format::PigStorage::new(b','),
            |r| StatsKey { page: r.page.clone() },
            rt::format::PigStorage::new(b','),
        );
    // script.pig:18: tops = GROUP + FOREACH (aggregate) (state: per group: row count, Bag:multiset)
    views_by_key
        .key_by(|r| r.page.clone())
        .aggregate(
            "tops.aggregate.2f205f3f",
            (
                rt::operators::bag(
                    |r: &Views| Some(r.clone()),
                    |rows: &[Views]| rt::data::Bag::from_vec(rows.to_vec()),
                ),
            ),
            |k, (v0,)| TopsGroup {
                group: k.clone(),
                acc0: v0,
            },
        )
        .flat_map(|r| {
            let sorted = {
                let mut v = r.acc0.clone().into_vec();
                v.sort_by(|a, b| {
                    Ord::cmp(&b.dur, &a.dur)
                        .then_with(|| Ord::cmp(&a.user.as_deref(), &b.user.as_deref()))
                });
                rt::data::Bag::from_vec(v)
            };
            let best = sorted
                .clone()
                .into_iter()
                .take(usize::try_from(2i64).unwrap_or(0))
                .collect::<rt::data::Bag<_>>();
            let mut out = Vec::new();
            for t1 in best.iter() {
                out.push(Tops {
                    best_page: t1.page.clone(),
                    best_user: t1.user.clone(),
                    best_dur: t1.dur,
                });
            }
            out
        })
        // script.pig:23: STORE INTO 'out_top_views'
        .sink("out_top_views", rt::format::PigStorage::new(b','));
}
