use pigc_runtime as rt;
/// Tuples of `tags_item`: {tag: chararray}
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
pub struct TagsItem {
    #[serde(default)]
    pub tag: Option<String>,
}
impl rt::format::TextRecord for TagsItem {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self { tag: r.chararray() })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.tag);
    }
}
impl rt::data::PigText for TagsItem {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.tag, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for TagsItem {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            tag: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
        })
    }
}
/// Rows read by `ev`: {user: chararray,n: int,score: double,tags: {(tag: chararray)}}
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
pub struct Ev {
    #[serde(default)]
    pub user: Option<String>,
    #[serde(default)]
    pub n: Option<i32>,
    #[serde(default)]
    pub score: Option<rt::data::Double>,
    #[serde(default)]
    pub tags: Option<rt::data::Bag<TagsItem>>,
}
impl rt::format::TextRecord for Ev {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            user: r.chararray(),
            n: r.int(),
            score: r.double(),
            tags: r.bag::<TagsItem>(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.user);
        w.field(&self.n);
        w.field(&self.score);
        w.field(&self.tags);
    }
}
impl rt::data::PigText for Ev {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.user, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.n, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.score, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.tags, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Ev {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            user: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            n: t.get(1).and_then(<i32 as rt::data::FromValue>::from_value),
            score: t
                .get(2)
                .and_then(<rt::data::Double as rt::data::FromValue>::from_value),
            tags: t
                .get(3)
                .and_then(<rt::data::Bag<TagsItem> as rt::data::FromValue>::from_value),
        })
    }
}
/// Rows of `enriched`: {user: chararray,n: int,twice: double,tags: {(tag: chararray)}}
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
pub struct Enriched {
    #[serde(default)]
    pub user: Option<String>,
    #[serde(default)]
    pub n: Option<i32>,
    #[serde(default)]
    pub twice: Option<rt::data::Double>,
    #[serde(default)]
    pub tags: Option<rt::data::Bag<TagsItem>>,
}
impl rt::format::TextRecord for Enriched {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            user: r.chararray(),
            n: r.int(),
            twice: r.double(),
            tags: r.bag::<TagsItem>(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.user);
        w.field(&self.n);
        w.field(&self.twice);
        w.field(&self.tags);
    }
}
impl rt::data::PigText for Enriched {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.user, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.n, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.twice, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.tags, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Enriched {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            user: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            n: t.get(1).and_then(<i32 as rt::data::FromValue>::from_value),
            twice: t
                .get(2)
                .and_then(<rt::data::Double as rt::data::FromValue>::from_value),
            tags: t
                .get(3)
                .and_then(<rt::data::Bag<TagsItem> as rt::data::FromValue>::from_value),
        })
    }
}
/// Per-group results of `user_summary` (group key, then one column per aggregate)
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
pub struct UserSummaryGroup {
    #[serde(default)]
    pub group: Option<String>,
    pub acc0: i64,
    #[serde(default)]
    pub acc1: Option<i64>,
    #[serde(default)]
    pub acc2: Option<rt::data::Double>,
}
impl rt::format::TextRecord for UserSummaryGroup {
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
            acc1: r.long(),
            acc2: r.double(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.group);
        w.field(&self.acc0);
        w.field(&self.acc1);
        w.field(&self.acc2);
    }
}
impl rt::data::PigText for UserSummaryGroup {
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
impl rt::data::FromValue for UserSummaryGroup {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            group: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            acc0: t.get(1).and_then(<i64 as rt::data::FromValue>::from_value)?,
            acc1: t.get(2).and_then(<i64 as rt::data::FromValue>::from_value),
            acc2: t
                .get(3)
                .and_then(<rt::data::Double as rt::data::FromValue>::from_value),
        })
    }
}
/// Rows of `user_summary`: {user: chararray,events: long,total_n: long,best: double}
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
pub struct UserSummary {
    #[serde(default)]
    pub user: Option<String>,
    pub events: i64,
    #[serde(default)]
    pub total_n: Option<i64>,
    #[serde(default)]
    pub best: Option<rt::data::Double>,
}
impl rt::format::TextRecord for UserSummary {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            user: r.chararray(),
            events: r
                .long()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `events` is null but may not be",
                ))?,
            total_n: r.long(),
            best: r.double(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.user);
        w.field(&self.events);
        w.field(&self.total_n);
        w.field(&self.best);
    }
}
impl rt::data::PigText for UserSummary {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.user, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.events, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.total_n, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.best, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for UserSummary {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            user: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            events: t.get(1).and_then(<i64 as rt::data::FromValue>::from_value)?,
            total_n: t.get(2).and_then(<i64 as rt::data::FromValue>::from_value),
            best: t
                .get(3)
                .and_then(<rt::data::Double as rt::data::FromValue>::from_value),
        })
    }
}
/// Upsert keys of `out_user_summary`
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
pub struct UserSummaryKey {
    #[serde(default)]
    pub user: Option<String>,
}
impl rt::format::TextRecord for UserSummaryKey {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self { user: r.chararray() })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.user);
    }
}
impl rt::data::PigText for UserSummaryKey {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.user, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for UserSummaryKey {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            user: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
        })
    }
}
/// Rows of `tag_rows`: {user: chararray,tag: chararray}
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
pub struct TagRows {
    #[serde(default)]
    pub user: Option<String>,
    #[serde(default)]
    pub tag: Option<String>,
}
impl rt::format::TextRecord for TagRows {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            user: r.chararray(),
            tag: r.chararray(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.user);
        w.field(&self.tag);
    }
}
impl rt::data::PigText for TagRows {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.user, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.tag, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for TagRows {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            user: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            tag: t.get(1).and_then(<String as rt::data::FromValue>::from_value),
        })
    }
}
/// Per-group results of `tag_stats` (group key, then one column per aggregate)
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
pub struct TagStatsGroup {
    #[serde(default)]
    pub group: Option<String>,
    pub acc0: i64,
    pub acc1: i64,
}
impl rt::format::TextRecord for TagStatsGroup {
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
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.group);
        w.field(&self.acc0);
        w.field(&self.acc1);
    }
}
impl rt::data::PigText for TagStatsGroup {
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
impl rt::data::FromValue for TagStatsGroup {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            group: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            acc0: t.get(1).and_then(<i64 as rt::data::FromValue>::from_value)?,
            acc1: t.get(2).and_then(<i64 as rt::data::FromValue>::from_value)?,
        })
    }
}
/// Rows of `tag_stats`: {tag: chararray,uses: long,users: long}
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
pub struct TagStats {
    #[serde(default)]
    pub tag: Option<String>,
    pub uses: i64,
    pub users: i64,
}
impl rt::format::TextRecord for TagStats {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            tag: r.chararray(),
            uses: r
                .long()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `uses` is null but may not be",
                ))?,
            users: r
                .long()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `users` is null but may not be",
                ))?,
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.tag);
        w.field(&self.uses);
        w.field(&self.users);
    }
}
impl rt::data::PigText for TagStats {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.tag, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.uses, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.users, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for TagStats {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            tag: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            uses: t.get(1).and_then(<i64 as rt::data::FromValue>::from_value)?,
            users: t.get(2).and_then(<i64 as rt::data::FromValue>::from_value)?,
        })
    }
}
/// The dataflow of `script.pig`, generated by pigc: pass `build` to `pigc_runtime::cli::main`.
pub fn build(df: &mut rt::dataflow::Dataflow) {
    // script.pig:3: ev = LOAD
    let ev = df.source::<Ev, _>("events.json", rt::format::JsonLines);
    // script.pig:6: enriched = FOREACH
    ev.map(|r| Enriched {
            user: r.user.clone(),
            n: if r.n.is_none() { Some(0i32) } else { r.n },
            twice: rt::data::ops::mul(r.score, Some(rt::data::Double(2f64))),
            tags: r.tags.clone(),
        })
        // script.pig:7: STORE INTO 'out_enriched'
        .sink("out_enriched", rt::format::JsonLines);
    // script.pig:3: ev = (repartition)
    ev.exchange("ev.exchange.98c03287", |r| (r.user.clone(),))
        // script.pig:10: user_summary = GROUP + FOREACH (aggregate) (state: per group: row count, CountStar:sum, Sum:sum, Max:multiset)
        .key_by(|r| r.user.clone())
        .aggregate(
            "user_summary.aggregate.ef7cb4bd",
            (
                rt::operators::count_star(),
                rt::operators::sum(|r: &Ev| r.n.map(i64::from)),
                rt::operators::max(|r: &Ev| r.score),
            ),
            |k, (v0, v1, v2)| UserSummaryGroup {
                group: k.clone(),
                acc0: v0,
                acc1: v1,
                acc2: v2,
            },
        )
        .map(|r| UserSummary {
            user: r.group.clone(),
            events: r.acc0,
            total_n: r.acc1,
            best: r.acc2,
        })
        // script.pig:12: STORE INTO 'out_user_summary'
        .sink_upsert(
            "out_user_summary",
            rt::format::JsonLines,
            |r| UserSummaryKey {
                user: r.user.clone(),
            },
            rt::format::JsonLines,
        );
    // script.pig:14: tag_rows = FOREACH
    ev.flat_map(|r| {
            let mut out = Vec::new();
            for t1 in r.tags.as_ref().into_iter().flatten() {
                out.push(TagRows {
                    user: r.user.clone(),
                    tag: t1.tag.clone(),
                });
            }
            out
        })
        // script.pig:14: tag_rows = (repartition)
        .exchange("tag_rows.exchange.7402a32e", |r| (r.tag.clone(),))
        // script.pig:16: tag_stats = GROUP + FOREACH (aggregate) (state: per group: row count, CountStar:sum, CountDistinct:multiset)
        .key_by(|r| r.tag.clone())
        .aggregate(
            "tag_stats.aggregate.bc0f010b",
            (
                rt::operators::count_star(),
                rt::operators::count_distinct(|r: &TagRows| r.user.clone()),
            ),
            |k, (v0, v1)| TagStatsGroup {
                group: k.clone(),
                acc0: v0,
                acc1: v1,
            },
        )
        .map(|r| TagStats {
            tag: r.group.clone(),
            uses: r.acc0,
            users: r.acc1,
        })
        // script.pig:20: STORE INTO 'out_tag_stats'
        .sink_upsert(
            "out_tag_stats",
            rt::format::JsonLines,
            |r| TagsItem { tag: r.tag.clone() },
            rt::format::JsonLines,
        );
}
