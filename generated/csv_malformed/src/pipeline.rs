use pigc_runtime as rt;
/// Rows read by `readings`: {sensor: chararray,day: chararray,value: int,weight: double}
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
pub struct Readings {
    #[serde(default)]
    pub sensor: Option<String>,
    #[serde(default)]
    pub day: Option<String>,
    #[serde(default)]
    pub value: Option<i32>,
    #[serde(default)]
    pub weight: Option<rt::data::Double>,
}
impl rt::format::TextRecord for Readings {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            sensor: r.chararray(),
            day: r.chararray(),
            value: r.int(),
            weight: r.double(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.sensor);
        w.field(&self.day);
        w.field(&self.value);
        w.field(&self.weight);
    }
}
impl rt::data::PigText for Readings {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.sensor, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.day, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.value, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.weight, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Readings {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            sensor: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            day: t.get(1).and_then(<String as rt::data::FromValue>::from_value),
            value: t.get(2).and_then(<i32 as rt::data::FromValue>::from_value),
            weight: t
                .get(3)
                .and_then(<rt::data::Double as rt::data::FromValue>::from_value),
        })
    }
}
/// Rows of `parsed`: {sensor: chararray,day: chararray,value: int,weight: double}
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
pub struct Parsed {
    #[serde(default)]
    pub sensor: Option<String>,
    #[serde(default)]
    pub day: Option<String>,
    #[serde(default)]
    pub value: Option<i32>,
    #[serde(default)]
    pub weight: Option<rt::data::Double>,
}
impl rt::format::TextRecord for Parsed {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            sensor: r.chararray(),
            day: r.chararray(),
            value: r.int(),
            weight: r.double(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.sensor);
        w.field(&self.day);
        w.field(&self.value);
        w.field(&self.weight);
    }
}
impl rt::data::PigText for Parsed {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.sensor, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.day, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.value, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.weight, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Parsed {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            sensor: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            day: t.get(1).and_then(<String as rt::data::FromValue>::from_value),
            value: t.get(2).and_then(<i32 as rt::data::FromValue>::from_value),
            weight: t
                .get(3)
                .and_then(<rt::data::Double as rt::data::FromValue>::from_value),
        })
    }
}
/// Rows of `bad_keys`: {sensor: chararray,day: chararray}
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
pub struct BadKeys {
    #[serde(default)]
    pub sensor: Option<String>,
    #[serde(default)]
    pub day: Option<String>,
}
impl rt::format::TextRecord for BadKeys {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            sensor: r.chararray(),
            day: r.chararray(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.sensor);
        w.field(&self.day);
    }
}
impl rt::data::PigText for BadKeys {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.sensor, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.day, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for BadKeys {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            sensor: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            day: t.get(1).and_then(<String as rt::data::FromValue>::from_value),
        })
    }
}
/// Rows of `weighted`: {sensor: chararray,value: int,weighted_value: double}
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
pub struct Weighted {
    #[serde(default)]
    pub sensor: Option<String>,
    #[serde(default)]
    pub value: Option<i32>,
    #[serde(default)]
    pub weighted_value: Option<rt::data::Double>,
}
impl rt::format::TextRecord for Weighted {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            sensor: r.chararray(),
            value: r.int(),
            weighted_value: r.double(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.sensor);
        w.field(&self.value);
        w.field(&self.weighted_value);
    }
}
impl rt::data::PigText for Weighted {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.sensor, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.value, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.weighted_value, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Weighted {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            sensor: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            value: t.get(1).and_then(<i32 as rt::data::FromValue>::from_value),
            weighted_value: t
                .get(2)
                .and_then(<rt::data::Double as rt::data::FromValue>::from_value),
        })
    }
}
/// Per-group results of `per_sensor` (group key, then one column per aggregate)
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
pub struct PerSensorGroup {
    #[serde(default)]
    pub group: Option<String>,
    pub acc0: i64,
    #[serde(default)]
    pub acc1: Option<i64>,
    #[serde(default)]
    pub acc2: Option<rt::data::Double>,
}
impl rt::format::TextRecord for PerSensorGroup {
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
impl rt::data::PigText for PerSensorGroup {
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
impl rt::data::FromValue for PerSensorGroup {
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
/// Rows of `per_sensor`: {sensor: chararray,n: long,total: long,weighted_total: double}
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
pub struct PerSensor {
    #[serde(default)]
    pub sensor: Option<String>,
    pub n: i64,
    #[serde(default)]
    pub total: Option<i64>,
    #[serde(default)]
    pub weighted_total: Option<rt::data::Double>,
}
impl rt::format::TextRecord for PerSensor {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            sensor: r.chararray(),
            n: r
                .long()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `n` is null but may not be",
                ))?,
            total: r.long(),
            weighted_total: r.double(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.sensor);
        w.field(&self.n);
        w.field(&self.total);
        w.field(&self.weighted_total);
    }
}
impl rt::data::PigText for PerSensor {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.sensor, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.n, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.total, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.weighted_total, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for PerSensor {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            sensor: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            n: t.get(1).and_then(<i64 as rt::data::FromValue>::from_value)?,
            total: t.get(2).and_then(<i64 as rt::data::FromValue>::from_value),
            weighted_total: t
                .get(3)
                .and_then(<rt::data::Double as rt::data::FromValue>::from_value),
        })
    }
}
/// Upsert keys of `out_per_sensor`
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
pub struct PerSensorKey {
    #[serde(default)]
    pub sensor: Option<String>,
}
impl rt::format::TextRecord for PerSensorKey {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self { sensor: r.chararray() })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.sensor);
    }
}
impl rt::data::PigText for PerSensorKey {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.sensor, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for PerSensorKey {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            sensor: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
        })
    }
}
/// The dataflow of `script.pig`, generated by pigc: pass `build` to `pigc_runtime::cli::main`.
pub fn build(df: &mut rt::dataflow::Dataflow) {
    // script.pig:4: readings = LOAD
    let readings = df
        .source::<Readings, _>("readings.csv", rt::format::PigStorage::new(b','));
    // script.pig:7: parsed = FOREACH
    readings
        .map(|r| Parsed {
            sensor: r.sensor.clone(),
            day: r.day.clone(),
            value: r.value,
            weight: r.weight,
        })
        // script.pig:8: STORE INTO 'out_parsed'
        .sink("out_parsed", rt::format::PigStorage::new(b','));
    // script.pig:10: bad = FILTER
    readings
        .filter(|r| r.value.is_none() || r.weight.is_none())
        // script.pig:11: bad_keys = FOREACH
        .map(|r| BadKeys {
            sensor: r.sensor.clone(),
            day: r.day.clone(),
        })
        // script.pig:12: STORE INTO 'out_rejected'
        .sink("out_rejected", rt::format::PigStorage::new(b','));
    // script.pig:14: good = FILTER
    readings
        .filter(|r| r.value.is_some() && r.weight.is_some())
        // script.pig:15: weighted = FOREACH
        .map(|r| Weighted {
            sensor: r.sensor.clone(),
            value: r.value,
            weighted_value: rt::data::ops::mul(
                r.value.map(|v1| rt::data::Double(f64::from(v1))),
                r.weight,
            ),
        })
        // script.pig:15: weighted = (repartition)
        .exchange("weighted.exchange.651841a8", |r| (r.sensor.clone(),))
        // script.pig:17: per_sensor = GROUP + FOREACH (aggregate) (state: per group: row count, CountStar:sum, Sum:sum, Sum:sum)
        .key_by(|r| r.sensor.clone())
        .aggregate(
            "per_sensor.aggregate.7577427a",
            (
                rt::operators::count_star(),
                rt::operators::sum(|r: &Weighted| r.value.map(i64::from)),
                rt::operators::sum(|r: &Weighted| r.weighted_value),
            ),
            |k, (v0, v1, v2)| PerSensorGroup {
                group: k.clone(),
                acc0: v0,
                acc1: v1,
                acc2: v2,
            },
        )
        .map(|r| PerSensor {
            sensor: r.group.clone(),
            n: r.acc0,
            total: r.acc1,
            weighted_total: r.acc2,
        })
        // script.pig:19: STORE INTO 'out_per_sensor'
        .sink_upsert(
            "out_per_sensor",
            rt::format::PigStorage::new(b','),
            |r| PerSensorKey {
                sensor: r.sensor.clone(),
            },
            rt::format::PigStorage::new(b','),
        );
}
