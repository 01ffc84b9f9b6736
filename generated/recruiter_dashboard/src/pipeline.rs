use pigc_runtime as rt;
/// Rows read by `raw`: {event_id: chararray,recruiter_id: chararray,event_type: chararray,session_id: chararray,ts: long,day: chararray}
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
pub struct Raw {
    #[serde(default)]
    pub event_id: Option<String>,
    #[serde(default)]
    pub recruiter_id: Option<String>,
    #[serde(default)]
    pub event_type: Option<String>,
    #[serde(default)]
    pub session_id: Option<String>,
    #[serde(default)]
    pub ts: Option<i64>,
    #[serde(default)]
    pub day: Option<String>,
}
impl rt::format::TextRecord for Raw {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            event_id: r.chararray(),
            recruiter_id: r.chararray(),
            event_type: r.chararray(),
            session_id: r.chararray(),
            ts: r.long(),
            day: r.chararray(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.event_id);
        w.field(&self.recruiter_id);
        w.field(&self.event_type);
        w.field(&self.session_id);
        w.field(&self.ts);
        w.field(&self.day);
    }
}
impl rt::data::PigText for Raw {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.event_id, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.recruiter_id, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.event_type, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.session_id, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.ts, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.day, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Raw {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            event_id: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            recruiter_id: t.get(1).and_then(<String as rt::data::FromValue>::from_value),
            event_type: t.get(2).and_then(<String as rt::data::FromValue>::from_value),
            session_id: t.get(3).and_then(<String as rt::data::FromValue>::from_value),
            ts: t.get(4).and_then(<i64 as rt::data::FromValue>::from_value),
            day: t.get(5).and_then(<String as rt::data::FromValue>::from_value),
        })
    }
}
/// Group keys of `daily_usage_key`
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
pub struct DailyUsageKey {
    #[serde(default)]
    pub recruiter_id: Option<String>,
    #[serde(default)]
    pub day: Option<String>,
}
impl rt::format::TextRecord for DailyUsageKey {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            recruiter_id: r.chararray(),
            day: r.chararray(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.recruiter_id);
        w.field(&self.day);
    }
}
impl rt::data::PigText for DailyUsageKey {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.recruiter_id, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.day, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for DailyUsageKey {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            recruiter_id: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            day: t.get(1).and_then(<String as rt::data::FromValue>::from_value),
        })
    }
}
/// Per-group results of `daily_usage` (group key, then one column per aggregate)
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
pub struct DailyUsageGroup {
    pub group: DailyUsageKey,
    pub acc0: i64,
    pub acc1: i64,
    pub acc2: i64,
    pub acc3: i64,
}
impl rt::format::TextRecord for DailyUsageGroup {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            group: r
                .cast::<DailyUsageKey>()
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
            acc3: r
                .long()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `acc3` is null but may not be",
                ))?,
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.group);
        w.field(&self.acc0);
        w.field(&self.acc1);
        w.field(&self.acc2);
        w.field(&self.acc3);
    }
}
impl rt::data::PigText for DailyUsageGroup {
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
        out.push(b')');
    }
}
impl rt::data::FromValue for DailyUsageGroup {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            group: t
                .get(0)
                .and_then(<DailyUsageKey as rt::data::FromValue>::from_value)?,
            acc0: t.get(1).and_then(<i64 as rt::data::FromValue>::from_value)?,
            acc1: t.get(2).and_then(<i64 as rt::data::FromValue>::from_value)?,
            acc2: t.get(3).and_then(<i64 as rt::data::FromValue>::from_value)?,
            acc3: t.get(4).and_then(<i64 as rt::data::FromValue>::from_value)?,
        })
    }
}
/// Rows of `daily_usage`: {recruiter_id: chararray,day: chararray,inmails_sent: long,inmails_accepted: long,profile_views: long,searches_performed: long}
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
pub struct DailyUsage {
    #[serde(default)]
    pub recruiter_id: Option<String>,
    #[serde(default)]
    pub day: Option<String>,
    pub inmails_sent: i64,
    pub inmails_accepted: i64,
    pub profile_views: i64,
    pub searches_performed: i64,
}
impl rt::format::TextRecord for DailyUsage {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            recruiter_id: r.chararray(),
            day: r.chararray(),
            inmails_sent: r
                .long()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `inmails_sent` is null but may not be",
                ))?,
            inmails_accepted: r
                .long()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `inmails_accepted` is null but may not be",
                ))?,
            profile_views: r
                .long()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `profile_views` is null but may not be",
                ))?,
            searches_performed: r
                .long()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `searches_performed` is null but may not be",
                ))?,
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.recruiter_id);
        w.field(&self.day);
        w.field(&self.inmails_sent);
        w.field(&self.inmails_accepted);
        w.field(&self.profile_views);
        w.field(&self.searches_performed);
    }
}
impl rt::data::PigText for DailyUsage {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.recruiter_id, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.day, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.inmails_sent, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.inmails_accepted, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.profile_views, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.searches_performed, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for DailyUsage {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            recruiter_id: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            day: t.get(1).and_then(<String as rt::data::FromValue>::from_value),
            inmails_sent: t.get(2).and_then(<i64 as rt::data::FromValue>::from_value)?,
            inmails_accepted: t
                .get(3)
                .and_then(<i64 as rt::data::FromValue>::from_value)?,
            profile_views: t.get(4).and_then(<i64 as rt::data::FromValue>::from_value)?,
            searches_performed: t
                .get(5)
                .and_then(<i64 as rt::data::FromValue>::from_value)?,
        })
    }
}
/// Per-group results of `active_days` (group key, then one column per aggregate)
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
pub struct ActiveDaysGroup {
    #[serde(default)]
    pub group: Option<String>,
    pub acc0: i64,
}
impl rt::format::TextRecord for ActiveDaysGroup {
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
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.group);
        w.field(&self.acc0);
    }
}
impl rt::data::PigText for ActiveDaysGroup {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.group, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.acc0, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for ActiveDaysGroup {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            group: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            acc0: t.get(1).and_then(<i64 as rt::data::FromValue>::from_value)?,
        })
    }
}
/// Rows of `active_days`: {recruiter_id: chararray,active_days: long}
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
pub struct ActiveDays {
    #[serde(default)]
    pub recruiter_id: Option<String>,
    pub active_days: i64,
}
impl rt::format::TextRecord for ActiveDays {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            recruiter_id: r.chararray(),
            active_days: r
                .long()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `active_days` is null but may not be",
                ))?,
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.recruiter_id);
        w.field(&self.active_days);
    }
}
impl rt::data::PigText for ActiveDays {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.recruiter_id, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.active_days, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for ActiveDays {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            recruiter_id: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            active_days: t.get(1).and_then(<i64 as rt::data::FromValue>::from_value)?,
        })
    }
}
/// Upsert keys of `out_active_days`
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
pub struct ActiveDaysKey {
    #[serde(default)]
    pub recruiter_id: Option<String>,
}
impl rt::format::TextRecord for ActiveDaysKey {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            recruiter_id: r.chararray(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.recruiter_id);
    }
}
impl rt::data::PigText for ActiveDaysKey {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.recruiter_id, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for ActiveDaysKey {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            recruiter_id: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
        })
    }
}
/// The dataflow of `script.pig`, generated by pigc: pass `build` to `pigc_runtime::cli::main`.
pub fn build(df: &mut rt::dataflow::Dataflow) {
    df.set("pigc.emit_interval", "1000ms");
    df.set_retention_ms(172800000i64);
    // script.pig:10: raw = LOAD
    let events = df
        .source::<Raw, _>("events.txt", rt::format::PigStorage::new(b'\t'))
        // script.pig:10: raw = (repartition)
        .event_time(|r| r.ts.unwrap_or_default())
        .exchange("raw.exchange.ea45d7ce", |r| r.clone())
        // script.pig:13: events = DISTINCT (state: per record: multiplicity)
        .distinct("events.distinct.e6065fb5");
    // script.pig:13: events = (repartition)
    events
        .event_time(|r| r.ts.unwrap_or_default())
        .exchange(
            "events.exchange.8116b26c",
            |r| (r.recruiter_id.clone(), r.day.clone()),
        )
        // script.pig:16: daily_usage = GROUP + FOREACH (aggregate) (state: per group: row count, Count:sum, Count:sum, Count:sum, CountDistinct:multiset)
        .key_by(|r| DailyUsageKey {
            recruiter_id: r.recruiter_id.clone(),
            day: r.day.clone(),
        })
        .aggregate(
            "daily_usage.aggregate.6e3e277a",
            (
                rt::operators::count(|r: &Raw| {
                    rt::data::ops::eq(r.event_type.as_deref(), Some("inmail_sent"))
                        == Some(true) && r.event_id.as_deref().is_some()
                }),
                rt::operators::count(|r: &Raw| {
                    rt::data::ops::eq(r.event_type.as_deref(), Some("inmail_accepted"))
                        == Some(true) && r.event_id.as_deref().is_some()
                }),
                rt::operators::count(|r: &Raw| {
                    rt::data::ops::eq(r.event_type.as_deref(), Some("profile_view"))
                        == Some(true) && r.event_id.as_deref().is_some()
                }),
                rt::operators::count_distinct(|r: &Raw| {
                    if rt::data::ops::eq(r.event_type.as_deref(), Some("search"))
                        == Some(true)
                    {
                        r.session_id.clone()
                    } else {
                        None
                    }
                }),
            ),
            |k, (v0, v1, v2, v3)| DailyUsageGroup {
                group: k.clone(),
                acc0: v0,
                acc1: v1,
                acc2: v2,
                acc3: v3,
            },
        )
        .map(|r| DailyUsage {
            recruiter_id: r.group.recruiter_id.clone(),
            day: r.group.day.clone(),
            inmails_sent: r.acc0,
            inmails_accepted: r.acc1,
            profile_views: r.acc2,
            searches_performed: r.acc3,
        })
        // script.pig:28: STORE INTO 'out_daily_usage'
        .sink_upsert(
            "out_daily_usage",
            rt::format::PigStorage::new(b'\t'),
            |r| DailyUsageKey {
                recruiter_id: r.recruiter_id.clone(),
                day: r.day.clone(),
            },
            rt::format::PigStorage::new(b'\t'),
        );
    // script.pig:30: recruiter_days = FOREACH
    events
        .map(|r| DailyUsageKey {
            recruiter_id: r.recruiter_id.clone(),
            day: r.day.clone(),
        })
        // script.pig:30: recruiter_days = (repartition)
        .exchange("recruiter_days.exchange.44aca32a", |r| (r.recruiter_id.clone(),))
        // script.pig:32: active_days = GROUP + FOREACH (aggregate) (state: per group: row count, CountDistinct:multiset)
        .key_by(|r| r.recruiter_id.clone())
        .aggregate(
            "active_days.aggregate.f22afa52",
            (rt::operators::count_distinct(|r: &DailyUsageKey| r.day.clone()),),
            |k, (v0,)| ActiveDaysGroup {
                group: k.clone(),
                acc0: v0,
            },
        )
        .map(|r| ActiveDays {
            recruiter_id: r.group.clone(),
            active_days: r.acc0,
        })
        // script.pig:36: STORE INTO 'out_active_days'
        .sink_upsert(
            "out_active_days",
            rt::format::PigStorage::new(b'\t'),
            |r| ActiveDaysKey {
                recruiter_id: r.recruiter_id.clone(),
            },
            rt::format::PigStorage::new(b'\t'),
        );
}
