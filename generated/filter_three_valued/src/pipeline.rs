use pigc_runtime as rt;
/// Rows read by `people`: {id: int,name: chararray,age: int,city: chararray,active: boolean}
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
pub struct People {
    #[serde(default)]
    pub id: Option<i32>,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub age: Option<i32>,
    #[serde(default)]
    pub city: Option<String>,
    #[serde(default)]
    pub active: Option<bool>,
}
impl rt::format::TextRecord for People {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            id: r.int(),
            name: r.chararray(),
            age: r.int(),
            city: r.chararray(),
            active: r.boolean(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.id);
        w.field(&self.name);
        w.field(&self.age);
        w.field(&self.city);
        w.field(&self.active);
    }
}
impl rt::data::PigText for People {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.id, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.name, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.age, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.city, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.active, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for People {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            id: t.get(0).and_then(<i32 as rt::data::FromValue>::from_value),
            name: t.get(1).and_then(<String as rt::data::FromValue>::from_value),
            age: t.get(2).and_then(<i32 as rt::data::FromValue>::from_value),
            city: t.get(3).and_then(<String as rt::data::FromValue>::from_value),
            active: t.get(4).and_then(<bool as rt::data::FromValue>::from_value),
        })
    }
}
/// Rows of `projected`: {name: chararray,city: chararray,next_age: int}
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
pub struct Projected {
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub city: Option<String>,
    #[serde(default)]
    pub next_age: Option<i32>,
}
impl rt::format::TextRecord for Projected {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            name: r.chararray(),
            city: r.chararray(),
            next_age: r.int(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.name);
        w.field(&self.city);
        w.field(&self.next_age);
    }
}
impl rt::data::PigText for Projected {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.name, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.city, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.next_age, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Projected {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            name: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            city: t.get(1).and_then(<String as rt::data::FromValue>::from_value),
            next_age: t.get(2).and_then(<i32 as rt::data::FromValue>::from_value),
        })
    }
}
/// Rows of `both_ids`: {id: int,name: chararray}
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
pub struct BothIds {
    #[serde(default)]
    pub id: Option<i32>,
    #[serde(default)]
    pub name: Option<String>,
}
impl rt::format::TextRecord for BothIds {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            id: r.int(),
            name: r.chararray(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.id);
        w.field(&self.name);
    }
}
impl rt::data::PigText for BothIds {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.id, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.name, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for BothIds {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            id: t.get(0).and_then(<i32 as rt::data::FromValue>::from_value),
            name: t.get(1).and_then(<String as rt::data::FromValue>::from_value),
        })
    }
}
/// The dataflow of `script.pig`, generated by pigc: pass `build` to `pigc_runtime::cli::main`.
pub fn build(df: &mut rt::dataflow::Dataflow) {
    // script.pig:3: people = LOAD
    let people = df
        .source::<People, _>("people.txt", rt::format::PigStorage::new(b'\t'));
    // script.pig:7: projected = FOREACH
    people
        .map(|r| Projected {
            name: r.name.clone(),
            city: r.city.clone(),
            next_age: rt::data::ops::add(r.age, Some(1i32)),
        })
        // script.pig:8: STORE INTO 'out_projection'
        .sink("out_projection", rt::format::PigStorage::new(b','));
    // script.pig:10: both = FILTER
    people
        .filter(|r| {
            rt::data::ops::and(
                rt::data::ops::gt(r.age, Some(30i32)),
                rt::data::ops::eq(r.city.as_deref(), Some("Paris")),
            ) == Some(true)
        })
        // script.pig:11: both_ids = FOREACH
        .map(|r| BothIds {
            id: r.id,
            name: r.name.clone(),
        })
        // script.pig:12: STORE INTO 'out_and'
        .sink("out_and", rt::format::PigStorage::new(b','));
    // script.pig:14: either = FILTER
    people
        .filter(|r| {
            rt::data::ops::or(
                rt::data::ops::gt(r.age, Some(40i32)),
                rt::data::ops::eq(r.city.as_deref(), Some("Paris")),
            ) == Some(true)
        })
        // script.pig:15: either_ids = FOREACH
        .map(|r| BothIds {
            id: r.id,
            name: r.name.clone(),
        })
        // script.pig:16: STORE INTO 'out_or'
        .sink("out_or", rt::format::PigStorage::new(b','));
    // script.pig:18: not_over = FILTER
    people
        .filter(|r| {
            rt::data::ops::not(rt::data::ops::gt(r.age, Some(30i32))) == Some(true)
        })
        // script.pig:19: not_over_ids = FOREACH
        .map(|r| BothIds {
            id: r.id,
            name: r.name.clone(),
        })
        // script.pig:20: STORE INTO 'out_not'
        .sink("out_not", rt::format::PigStorage::new(b','));
    // script.pig:22: elsewhere = FILTER
    people
        .filter(|r| rt::data::ops::ne(r.city.as_deref(), Some("Paris")) == Some(true))
        // script.pig:23: elsewhere_ids = FOREACH
        .map(|r| BothIds {
            id: r.id,
            name: r.name.clone(),
        })
        // script.pig:24: STORE INTO 'out_neq'
        .sink("out_neq", rt::format::PigStorage::new(b','));
    // script.pig:26: missing = FILTER
    people
        .filter(|r| r.age.is_none() || r.city.is_none())
        // script.pig:27: missing_ids = FOREACH
        .map(|r| BothIds {
            id: r.id,
            name: r.name.clone(),
        })
        // script.pig:28: STORE INTO 'out_missing'
        .sink("out_missing", rt::format::PigStorage::new(b','));
    // script.pig:31: young_parisians_excluded = FILTER
    people
        .filter(|r| {
            rt::data::ops::not(
                rt::data::ops::and(
                    rt::data::ops::eq(r.city.as_deref(), Some("Paris")),
                    rt::data::ops::lt(r.age, Some(40i32)),
                ),
            ) == Some(true)
        })
        // script.pig:32: excluded_ids = FOREACH
        .map(|r| BothIds {
            id: r.id,
            name: r.name.clone(),
        })
        // script.pig:33: STORE INTO 'out_not_and'
        .sink("out_not_and", rt::format::PigStorage::new(b','));
    // script.pig:36: act = FILTER
    people
        .filter(|r| r.active == Some(true))
        // script.pig:37: STORE INTO 'out_active'
        .sink("out_active", rt::format::PigStorage::new(b'\t'));
    // script.pig:39: inact = FILTER
    people
        .filter(|r| rt::data::ops::not(r.active) == Some(true))
        // script.pig:40: inact_ids = FOREACH
        .map(|r| BothIds {
            id: r.id,
            name: r.name.clone(),
        })
        // script.pig:41: STORE INTO 'out_inactive'
        .sink("out_inactive", rt::format::PigStorage::new(b','));
}
