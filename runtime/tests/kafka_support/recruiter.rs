//! The recruiter usage dashboard (`fixtures/e2e/recruiter_dashboard/script.pig`) written by hand against
//! the runtime's dataflow API, the way the code generator (#6) writes it: it lets the Kafka tests run the
//! real operators through the real run contract (`pigc_runtime::cli::run`) before codegen exists.

use pigc_runtime::format::{DecodeError, FieldReader, FieldWriter, PigStorage, TextRecord};
use pigc_runtime::prelude::*;
use serde::{Deserialize, Serialize};

/// `raw`'s schema: (event_id, recruiter_id, event_type, session_id, ts:long, day).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Event {
    event_id: Option<String>,
    recruiter_id: Option<String>,
    event_type: Option<String>,
    session_id: Option<String>,
    ts: Option<i64>,
    day: Option<String>,
}

impl TextRecord for Event {
    fn read(r: &mut FieldReader<'_, '_>) -> Result<Self, DecodeError> {
        Ok(Event {
            event_id: r.chararray(),
            recruiter_id: r.chararray(),
            event_type: r.chararray(),
            session_id: r.chararray(),
            ts: r.long(),
            day: r.chararray(),
        })
    }
    fn write(&self, w: &mut FieldWriter<'_>) {
        w.field(&self.event_id);
        w.field(&self.recruiter_id);
        w.field(&self.event_type);
        w.field(&self.session_id);
        w.field(&self.ts);
        w.field(&self.day);
    }
}

/// `daily_usage`'s schema, and (first two fields) its group key.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct DailyUsage {
    recruiter_id: Option<String>,
    day: Option<String>,
    inmails_sent: i64,
    inmails_accepted: i64,
    profile_views: i64,
    searches_performed: i64,
}

impl TextRecord for DailyUsage {
    fn read(r: &mut FieldReader<'_, '_>) -> Result<Self, DecodeError> {
        Ok(DailyUsage {
            recruiter_id: r.chararray(),
            day: r.chararray(),
            inmails_sent: r.long().unwrap_or(0),
            inmails_accepted: r.long().unwrap_or(0),
            profile_views: r.long().unwrap_or(0),
            searches_performed: r.long().unwrap_or(0),
        })
    }
    fn write(&self, w: &mut FieldWriter<'_>) {
        w.field(&self.recruiter_id);
        w.field(&self.day);
        w.field(&self.inmails_sent);
        w.field(&self.inmails_accepted);
        w.field(&self.profile_views);
        w.field(&self.searches_performed);
    }
}

/// The group key `(recruiter_id, day)`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct RecruiterDay {
    recruiter_id: Option<String>,
    day: Option<String>,
}

impl TextRecord for RecruiterDay {
    fn read(r: &mut FieldReader<'_, '_>) -> Result<Self, DecodeError> {
        Ok(RecruiterDay {
            recruiter_id: r.chararray(),
            day: r.chararray(),
        })
    }
    fn write(&self, w: &mut FieldWriter<'_>) {
        w.field(&self.recruiter_id);
        w.field(&self.day);
    }
}

/// `active_days`'s schema.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ActiveDays {
    recruiter_id: Option<String>,
    active_days: i64,
}

impl TextRecord for ActiveDays {
    fn read(r: &mut FieldReader<'_, '_>) -> Result<Self, DecodeError> {
        Ok(ActiveDays {
            recruiter_id: r.chararray(),
            active_days: r.long().unwrap_or(0),
        })
    }
    fn write(&self, w: &mut FieldWriter<'_>) {
        w.field(&self.recruiter_id);
        w.field(&self.active_days);
    }
}

/// The group key `recruiter_id`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Recruiter {
    recruiter_id: Option<String>,
}

impl TextRecord for Recruiter {
    fn read(r: &mut FieldReader<'_, '_>) -> Result<Self, DecodeError> {
        Ok(Recruiter {
            recruiter_id: r.chararray(),
        })
    }
    fn write(&self, w: &mut FieldWriter<'_>) {
        w.field(&self.recruiter_id);
    }
}

fn is(e: &Event, event_type: &str) -> bool {
    e.event_type.as_deref() == Some(event_type)
}

/// The script's dataflow.
pub fn build(df: &mut Dataflow) {
    // SET pigc.event_time 'events.ts'; SET pigc.retention '2d'; SET pigc.emit_interval '1s';
    df.set("pigc.emit_interval", "1s");
    df.set_retention_ms(2 * 24 * 3600 * 1000);
    let event_time = |e: &Event| e.ts.unwrap_or(i64::MIN);
    // raw = LOAD 'events.txt' USING PigStorage('\t') AS (...);
    let raw = df
        .source::<Event, _>("events.txt", PigStorage::new(b'\t'))
        .event_time(event_time);
    // events = DISTINCT raw;
    let events = raw.distinct("events").event_time(event_time);
    // by_recruiter_day = GROUP events BY (recruiter_id, day);
    // daily_usage = FOREACH by_recruiter_day { ... GENERATE FLATTEN(group), COUNT(sent), ... };
    let daily_usage = events
        .key_by(|e| RecruiterDay {
            recruiter_id: e.recruiter_id.clone(),
            day: e.day.clone(),
        })
        .aggregate(
            "daily_usage",
            (
                count(|e: &Event| is(e, "inmail_sent") && e.event_id.is_some()),
                count(|e: &Event| is(e, "inmail_accepted") && e.event_id.is_some()),
                count(|e: &Event| is(e, "profile_view") && e.event_id.is_some()),
                count_distinct(|e: &Event| {
                    if is(e, "search") {
                        e.session_id.clone()
                    } else {
                        None
                    }
                }),
            ),
            |key, (sent, accepted, views, searches)| DailyUsage {
                recruiter_id: key.recruiter_id.clone(),
                day: key.day.clone(),
                inmails_sent: sent,
                inmails_accepted: accepted,
                profile_views: views,
                searches_performed: searches,
            },
        );
    // STORE daily_usage INTO 'out_daily_usage' USING PigStorage('\t');
    daily_usage.sink_upsert(
        "out_daily_usage",
        PigStorage::new(b'\t'),
        |u: &DailyUsage| RecruiterDay {
            recruiter_id: u.recruiter_id.clone(),
            day: u.day.clone(),
        },
        PigStorage::new(b'\t'),
    );
    // recruiter_days = FOREACH events GENERATE recruiter_id, day; GROUP BY recruiter_id;
    // active_days = FOREACH by_recruiter { days = DISTINCT recruiter_days.day; GENERATE group, COUNT(days) };
    let active_days = events
        .key_by(|e| Recruiter {
            recruiter_id: e.recruiter_id.clone(),
        })
        .aggregate(
            "active_days",
            count_distinct(|e: &Event| e.day.clone()),
            |key, days| ActiveDays {
                recruiter_id: key.recruiter_id.clone(),
                active_days: days,
            },
        );
    // STORE active_days INTO 'out_active_days' USING PigStorage('\t');
    active_days.sink_upsert(
        "out_active_days",
        PigStorage::new(b'\t'),
        |a: &ActiveDays| Recruiter {
            recruiter_id: a.recruiter_id.clone(),
        },
        PigStorage::new(b'\t'),
    );
}
