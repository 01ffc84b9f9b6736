use pigc_runtime as rt;
/// Rows read by `v`: {id: int,user: chararray,start_s: chararray,end_s: chararray,epoch_ms: long}
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
pub struct V {
    #[serde(default)]
    pub id: Option<i32>,
    #[serde(default)]
    pub start_s: Option<String>,
    #[serde(default)]
    pub end_s: Option<String>,
    #[serde(default)]
    pub epoch_ms: Option<i64>,
}
impl rt::format::TextRecord for V {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        let field_id = r.int();
        r.skip();
        let field_start_s = r.chararray();
        let field_end_s = r.chararray();
        let field_epoch_ms = r.long();
        Ok(Self {
            id: field_id,
            start_s: field_start_s,
            end_s: field_end_s,
            epoch_ms: field_epoch_ms,
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.id);
        w.field(&self.start_s);
        w.field(&self.end_s);
        w.field(&self.epoch_ms);
    }
}
impl rt::data::PigText for V {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.id, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.start_s, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.end_s, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.epoch_ms, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for V {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            id: t.get(0).and_then(<i32 as rt::data::FromValue>::from_value),
            start_s: t.get(1).and_then(<String as rt::data::FromValue>::from_value),
            end_s: t.get(2).and_then(<String as rt::data::FromValue>::from_value),
            epoch_ms: t.get(3).and_then(<i64 as rt::data::FromValue>::from_value),
        })
    }
}
/// Rows of `parts`: {id: int,y: int,mo: int,d: int,h: int,days: long,days_back: long,start_fmt: chararray,end_fmt: chararray}
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
pub struct Parts {
    #[serde(default)]
    pub id: Option<i32>,
    #[serde(default)]
    pub y: Option<i32>,
    #[serde(default)]
    pub mo: Option<i32>,
    #[serde(default)]
    pub d: Option<i32>,
    #[serde(default)]
    pub h: Option<i32>,
    #[serde(default)]
    pub days: Option<i64>,
    #[serde(default)]
    pub days_back: Option<i64>,
    #[serde(default)]
    pub start_fmt: Option<String>,
    #[serde(default)]
    pub end_fmt: Option<String>,
}
impl rt::format::TextRecord for Parts {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            id: r.int(),
            y: r.int(),
            mo: r.int(),
            d: r.int(),
            h: r.int(),
            days: r.long(),
            days_back: r.long(),
            start_fmt: r.chararray(),
            end_fmt: r.chararray(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.id);
        w.field(&self.y);
        w.field(&self.mo);
        w.field(&self.d);
        w.field(&self.h);
        w.field(&self.days);
        w.field(&self.days_back);
        w.field(&self.start_fmt);
        w.field(&self.end_fmt);
    }
}
impl rt::data::PigText for Parts {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.id, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.y, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.mo, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.d, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.h, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.days, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.days_back, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.start_fmt, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.end_fmt, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Parts {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            id: t.get(0).and_then(<i32 as rt::data::FromValue>::from_value),
            y: t.get(1).and_then(<i32 as rt::data::FromValue>::from_value),
            mo: t.get(2).and_then(<i32 as rt::data::FromValue>::from_value),
            d: t.get(3).and_then(<i32 as rt::data::FromValue>::from_value),
            h: t.get(4).and_then(<i32 as rt::data::FromValue>::from_value),
            days: t.get(5).and_then(<i64 as rt::data::FromValue>::from_value),
            days_back: t.get(6).and_then(<i64 as rt::data::FromValue>::from_value),
            start_fmt: t.get(7).and_then(<String as rt::data::FromValue>::from_value),
            end_fmt: t.get(8).and_then(<String as rt::data::FromValue>::from_value),
        })
    }
}
/// Rows of `epochs`: {id: int,ts: datetime,ts_fmt: chararray,y: int}
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
pub struct Epochs {
    #[serde(default)]
    pub id: Option<i32>,
    #[serde(default, with = "::pigc_runtime::format::json::opt_datetime")]
    pub ts: Option<rt::data::DateTime>,
    #[serde(default)]
    pub ts_fmt: Option<String>,
    #[serde(default)]
    pub y: Option<i32>,
}
impl rt::format::TextRecord for Epochs {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            id: r.int(),
            ts: r.datetime(),
            ts_fmt: r.chararray(),
            y: r.int(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.id);
        w.field(&self.ts);
        w.field(&self.ts_fmt);
        w.field(&self.y);
    }
}
impl rt::data::PigText for Epochs {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.id, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.ts, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.ts_fmt, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.y, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Epochs {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            id: t.get(0).and_then(<i32 as rt::data::FromValue>::from_value),
            ts: t
                .get(1)
                .and_then(<rt::data::DateTime as rt::data::FromValue>::from_value),
            ts_fmt: t.get(2).and_then(<String as rt::data::FromValue>::from_value),
            y: t.get(3).and_then(<i32 as rt::data::FromValue>::from_value),
        })
    }
}
/// The dataflow of `script.pig`, generated by pigc: pass `build` to `pigc_runtime::cli::main`.
pub fn build(df: &mut rt::dataflow::Dataflow) {
    // script.pig:3: v = LOAD
    let v = df.source::<V, _>("visits.txt", rt::format::PigStorage::new(b'\t'));
    // script.pig:7: known = FILTER
    v.filter(|r| r.start_s.is_some() && r.end_s.is_some())
        // script.pig:10: parts = FOREACH
        .map(|r| Parts {
            id: r.id,
            y: r
                .start_s
                .as_deref()
                .and_then(|v1| rt::builtins::datetime::to_date_format(
                    v1,
                    "yyyy-MM-dd HH:mm:ss",
                ))
                .as_ref()
                .map(rt::builtins::datetime::get_year),
            mo: r
                .start_s
                .as_deref()
                .and_then(|v1| rt::builtins::datetime::to_date_format(
                    v1,
                    "yyyy-MM-dd HH:mm:ss",
                ))
                .as_ref()
                .map(rt::builtins::datetime::get_month),
            d: r
                .start_s
                .as_deref()
                .and_then(|v1| rt::builtins::datetime::to_date_format(
                    v1,
                    "yyyy-MM-dd HH:mm:ss",
                ))
                .as_ref()
                .map(rt::builtins::datetime::get_day),
            h: r
                .start_s
                .as_deref()
                .and_then(|v1| rt::builtins::datetime::to_date_format(
                    v1,
                    "yyyy-MM-dd HH:mm:ss",
                ))
                .as_ref()
                .map(rt::builtins::datetime::get_hour),
            days: r
                .end_s
                .as_deref()
                .and_then(|v1| rt::builtins::datetime::to_date_format(v1, "yyyy-MM-dd"))
                .as_ref()
                .and_then(|v3| {
                    r
                        .start_s
                        .as_deref()
                        .and_then(|v2| rt::builtins::datetime::to_date_format(
                            v2,
                            "yyyy-MM-dd HH:mm:ss",
                        ))
                        .as_ref()
                        .map(|v4| rt::builtins::datetime::days_between(v3, v4))
                }),
            days_back: r
                .start_s
                .as_deref()
                .and_then(|v1| rt::builtins::datetime::to_date_format(
                    v1,
                    "yyyy-MM-dd HH:mm:ss",
                ))
                .as_ref()
                .and_then(|v3| {
                    r
                        .end_s
                        .as_deref()
                        .and_then(|v2| rt::builtins::datetime::to_date_format(
                            v2,
                            "yyyy-MM-dd",
                        ))
                        .as_ref()
                        .map(|v4| rt::builtins::datetime::days_between(v3, v4))
                }),
            start_fmt: r
                .start_s
                .as_deref()
                .and_then(|v1| rt::builtins::datetime::to_date_format(
                    v1,
                    "yyyy-MM-dd HH:mm:ss",
                ))
                .as_ref()
                .and_then(|v2| rt::builtins::datetime::to_string_format(
                    v2,
                    "yyyy/MM/dd",
                )),
            end_fmt: r
                .end_s
                .as_deref()
                .and_then(|v1| rt::builtins::datetime::to_date_format(v1, "yyyy-MM-dd"))
                .as_ref()
                .and_then(|v2| rt::builtins::datetime::to_string_format(
                    v2,
                    "dd.MM.yyyy",
                )),
        })
        // script.pig:14: STORE INTO 'out_parts'
        .sink("out_parts", rt::format::PigStorage::new(b','));
    // script.pig:17: epochs = FOREACH
    v.map(|r| Epochs {
            id: r.id,
            ts: r.epoch_ms.and_then(rt::builtins::datetime::to_date_millis),
            ts_fmt: r
                .epoch_ms
                .and_then(rt::builtins::datetime::to_date_millis)
                .as_ref()
                .and_then(|v2| rt::builtins::datetime::to_string_format(
                    v2,
                    "yyyy-MM-dd HH:mm:ss.SSS",
                )),
            y: r
                .epoch_ms
                .and_then(rt::builtins::datetime::to_date_millis)
                .as_ref()
                .map(rt::builtins::datetime::get_year),
        })
        // script.pig:20: STORE INTO 'out_epochs'
        .sink("out_epochs", rt::format::PigStorage::new(b'\t'));
}
