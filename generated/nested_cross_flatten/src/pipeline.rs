use pigc_runtime as rt;
/// Rows read by `students`: {class: chararray,name: chararray,score: int}
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
pub struct Students {
    #[serde(default)]
    pub class: Option<String>,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub score: Option<i32>,
}
impl rt::format::TextRecord for Students {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            class: r.chararray(),
            name: r.chararray(),
            score: r.int(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.class);
        w.field(&self.name);
        w.field(&self.score);
    }
}
impl rt::data::PigText for Students {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.class, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.name, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.score, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Students {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            class: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            name: t.get(1).and_then(<String as rt::data::FromValue>::from_value),
            score: t.get(2).and_then(<i32 as rt::data::FromValue>::from_value),
        })
    }
}
/// Rows read by `teachers`: {class: chararray,teacher: chararray}
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
pub struct Teachers {
    #[serde(default)]
    pub class: Option<String>,
    #[serde(default)]
    pub teacher: Option<String>,
}
impl rt::format::TextRecord for Teachers {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            class: r.chararray(),
            teacher: r.chararray(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.class);
        w.field(&self.teacher);
    }
}
impl rt::data::PigText for Teachers {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.class, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.teacher, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Teachers {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            class: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            teacher: t.get(1).and_then(<String as rt::data::FromValue>::from_value),
        })
    }
}
/// Groups of `classes`: {group: chararray,students: {(class: chararray,name: chararray,score: int)},teachers: {(class: chararray,teacher: chararray)}}
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
pub struct Classes {
    #[serde(default)]
    pub group: Option<String>,
    pub students: rt::data::Bag<Students>,
    pub teachers: rt::data::Bag<Teachers>,
}
impl rt::format::TextRecord for Classes {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            group: r.chararray(),
            students: r
                .bag::<Students>()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `students` is null but may not be",
                ))?,
            teachers: r
                .bag::<Teachers>()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `teachers` is null but may not be",
                ))?,
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.group);
        w.field(&self.students);
        w.field(&self.teachers);
    }
}
impl rt::data::PigText for Classes {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.group, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.students, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.teachers, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Classes {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            group: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            students: t
                .get(1)
                .and_then(<rt::data::Bag<Students> as rt::data::FromValue>::from_value)?,
            teachers: t
                .get(2)
                .and_then(<rt::data::Bag<Teachers> as rt::data::FromValue>::from_value)?,
        })
    }
}
/// Tuples of a nested CROSS
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
    #[serde(rename = "students::class", default)]
    pub students_class: Option<String>,
    #[serde(rename = "students::name", default)]
    pub students_name: Option<String>,
    #[serde(rename = "students::score", default)]
    pub students_score: Option<i32>,
    #[serde(rename = "teachers::class", default)]
    pub teachers_class: Option<String>,
    #[serde(rename = "teachers::teacher", default)]
    pub teachers_teacher: Option<String>,
}
impl rt::format::TextRecord for Crossed {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            students_class: r.chararray(),
            students_name: r.chararray(),
            students_score: r.int(),
            teachers_class: r.chararray(),
            teachers_teacher: r.chararray(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.students_class);
        w.field(&self.students_name);
        w.field(&self.students_score);
        w.field(&self.teachers_class);
        w.field(&self.teachers_teacher);
    }
}
impl rt::data::PigText for Crossed {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.students_class, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.students_name, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.students_score, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.teachers_class, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.teachers_teacher, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Crossed {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            students_class: t
                .get(0)
                .and_then(<String as rt::data::FromValue>::from_value),
            students_name: t
                .get(1)
                .and_then(<String as rt::data::FromValue>::from_value),
            students_score: t.get(2).and_then(<i32 as rt::data::FromValue>::from_value),
            teachers_class: t
                .get(3)
                .and_then(<String as rt::data::FromValue>::from_value),
            teachers_teacher: t
                .get(4)
                .and_then(<String as rt::data::FromValue>::from_value),
        })
    }
}
/// Rows of `pairs`: {both::students::class: chararray,both::students::name: chararray,both::students::score: int,both::teachers::class: chararray,both::teachers::t …
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
pub struct Pairs {
    #[serde(rename = "both::students::class", default)]
    pub both_students_class: Option<String>,
    #[serde(rename = "both::students::name", default)]
    pub both_students_name: Option<String>,
    #[serde(rename = "both::students::score", default)]
    pub both_students_score: Option<i32>,
    #[serde(rename = "both::teachers::class", default)]
    pub both_teachers_class: Option<String>,
    #[serde(rename = "both::teachers::teacher", default)]
    pub both_teachers_teacher: Option<String>,
}
impl rt::format::TextRecord for Pairs {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            both_students_class: r.chararray(),
            both_students_name: r.chararray(),
            both_students_score: r.int(),
            both_teachers_class: r.chararray(),
            both_teachers_teacher: r.chararray(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.both_students_class);
        w.field(&self.both_students_name);
        w.field(&self.both_students_score);
        w.field(&self.both_teachers_class);
        w.field(&self.both_teachers_teacher);
    }
}
impl rt::data::PigText for Pairs {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.both_students_class, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.both_students_name, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.both_students_score, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.both_teachers_class, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.both_teachers_teacher, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Pairs {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            both_students_class: t
                .get(0)
                .and_then(<String as rt::data::FromValue>::from_value),
            both_students_name: t
                .get(1)
                .and_then(<String as rt::data::FromValue>::from_value),
            both_students_score: t
                .get(2)
                .and_then(<i32 as rt::data::FromValue>::from_value),
            both_teachers_class: t
                .get(3)
                .and_then(<String as rt::data::FromValue>::from_value),
            both_teachers_teacher: t
                .get(4)
                .and_then(<String as rt::data::FromValue>::from_value),
        })
    }
}
/// Tuples of a nested CROSS
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
pub struct Crossed2 {
    #[serde(rename = "passing::class", default)]
    pub passing_class: Option<String>,
    #[serde(rename = "passing::name", default)]
    pub passing_name: Option<String>,
    #[serde(rename = "passing::score", default)]
    pub passing_score: Option<i32>,
    #[serde(rename = "teachers::class", default)]
    pub teachers_class: Option<String>,
    #[serde(rename = "teachers::teacher", default)]
    pub teachers_teacher: Option<String>,
}
impl rt::format::TextRecord for Crossed2 {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            passing_class: r.chararray(),
            passing_name: r.chararray(),
            passing_score: r.int(),
            teachers_class: r.chararray(),
            teachers_teacher: r.chararray(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.passing_class);
        w.field(&self.passing_name);
        w.field(&self.passing_score);
        w.field(&self.teachers_class);
        w.field(&self.teachers_teacher);
    }
}
impl rt::data::PigText for Crossed2 {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.passing_class, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.passing_name, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.passing_score, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.teachers_class, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.teachers_teacher, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Crossed2 {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            passing_class: t
                .get(0)
                .and_then(<String as rt::data::FromValue>::from_value),
            passing_name: t.get(1).and_then(<String as rt::data::FromValue>::from_value),
            passing_score: t.get(2).and_then(<i32 as rt::data::FromValue>::from_value),
            teachers_class: t
                .get(3)
                .and_then(<String as rt::data::FromValue>::from_value),
            teachers_teacher: t
                .get(4)
                .and_then(<String as rt::data::FromValue>::from_value),
        })
    }
}
/// Tuples of a nested FOREACH
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
pub struct Nested {
    #[serde(rename = "passing::name", default)]
    pub passing_name: Option<String>,
    #[serde(rename = "teachers::teacher", default)]
    pub teachers_teacher: Option<String>,
}
impl rt::format::TextRecord for Nested {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            passing_name: r.chararray(),
            teachers_teacher: r.chararray(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.passing_name);
        w.field(&self.teachers_teacher);
    }
}
impl rt::data::PigText for Nested {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.passing_name, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.teachers_teacher, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Nested {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            passing_name: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            teachers_teacher: t
                .get(1)
                .and_then(<String as rt::data::FromValue>::from_value),
        })
    }
}
/// Rows of `counts`: {class: chararray,n_pairs: long,n_students: long,who: {(passing::name: chararray,teachers::teacher: chararray)}}
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
    #[serde(default)]
    pub class: Option<String>,
    pub n_pairs: i64,
    pub n_students: i64,
    pub who: rt::data::Bag<Nested>,
}
impl rt::format::TextRecord for Counts {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            class: r.chararray(),
            n_pairs: r
                .long()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `n_pairs` is null but may not be",
                ))?,
            n_students: r
                .long()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `n_students` is null but may not be",
                ))?,
            who: r
                .bag::<Nested>()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `who` is null but may not be",
                ))?,
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.class);
        w.field(&self.n_pairs);
        w.field(&self.n_students);
        w.field(&self.who);
    }
}
impl rt::data::PigText for Counts {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.class, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.n_pairs, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.n_students, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.who, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Counts {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            class: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            n_pairs: t.get(1).and_then(<i64 as rt::data::FromValue>::from_value)?,
            n_students: t.get(2).and_then(<i64 as rt::data::FromValue>::from_value)?,
            who: t
                .get(3)
                .and_then(<rt::data::Bag<Nested> as rt::data::FromValue>::from_value)?,
        })
    }
}
/// Rows read by `docs`: {topic: chararray,text: chararray}
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
pub struct Docs {
    #[serde(default)]
    pub topic: Option<String>,
    #[serde(default)]
    pub text: Option<String>,
}
impl rt::format::TextRecord for Docs {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            topic: r.chararray(),
            text: r.chararray(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.topic);
        w.field(&self.text);
    }
}
impl rt::data::PigText for Docs {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.topic, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.text, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Docs {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            topic: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            text: t.get(1).and_then(<String as rt::data::FromValue>::from_value),
        })
    }
}
/// Per-group results of `vocab` (group key, then one column per aggregate)
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
pub struct VocabGroup {
    #[serde(default)]
    pub group: Option<String>,
    pub acc0: rt::data::Bag<Docs>,
}
impl rt::format::TextRecord for VocabGroup {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            group: r.chararray(),
            acc0: r
                .bag::<Docs>()
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
impl rt::data::PigText for VocabGroup {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.group, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.acc0, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for VocabGroup {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            group: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            acc0: t
                .get(1)
                .and_then(<rt::data::Bag<Docs> as rt::data::FromValue>::from_value)?,
        })
    }
}
/// Tuples of `result_item`: {token: chararray}
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
pub struct ResultItem {
    #[serde(default)]
    pub token: Option<String>,
}
impl rt::format::TextRecord for ResultItem {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self { token: r.chararray() })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.token);
    }
}
impl rt::data::PigText for ResultItem {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.token, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for ResultItem {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            token: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
        })
    }
}
/// Tuples of a nested FOREACH
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
pub struct Nested2 {
    #[serde(default)]
    pub word: Option<String>,
}
impl rt::format::TextRecord for Nested2 {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self { word: r.chararray() })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.word);
    }
}
impl rt::data::PigText for Nested2 {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.word, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Nested2 {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            word: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
        })
    }
}
/// Rows of `vocab`: {topic: chararray,n_words: long,vocab: {(word: chararray)}}
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
pub struct Vocab {
    #[serde(default)]
    pub topic: Option<String>,
    pub n_words: i64,
    pub vocab: rt::data::Bag<Nested2>,
}
impl rt::format::TextRecord for Vocab {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            topic: r.chararray(),
            n_words: r
                .long()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `n_words` is null but may not be",
                ))?,
            vocab: r
                .bag::<Nested2>()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `vocab` is null but may not be",
                ))?,
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.topic);
        w.field(&self.n_words);
        w.field(&self.vocab);
    }
}
impl rt::data::PigText for Vocab {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.topic, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.n_words, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.vocab, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Vocab {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            topic: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            n_words: t.get(1).and_then(<i64 as rt::data::FromValue>::from_value)?,
            vocab: t
                .get(2)
                .and_then(<rt::data::Bag<Nested2> as rt::data::FromValue>::from_value)?,
        })
    }
}
/// Upsert keys of `out_vocab`
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
pub struct VocabKey {
    #[serde(default)]
    pub topic: Option<String>,
}
impl rt::format::TextRecord for VocabKey {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self { topic: r.chararray() })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.topic);
    }
}
impl rt::data::PigText for VocabKey {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.topic, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for VocabKey {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            topic: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
        })
    }
}
/// Tuples of a nested FOREACH
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
pub struct Nested3 {
    #[serde(default)]
    pub topic: Option<String>,
    #[serde(default)]
    pub word: Option<String>,
    #[serde(default)]
    pub len: Option<i64>,
}
impl rt::format::TextRecord for Nested3 {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            topic: r.chararray(),
            word: r.chararray(),
            len: r.long(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.topic);
        w.field(&self.word);
        w.field(&self.len);
    }
}
impl rt::data::PigText for Nested3 {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.topic, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.word, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.len, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Nested3 {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            topic: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            word: t.get(1).and_then(<String as rt::data::FromValue>::from_value),
            len: t.get(2).and_then(<i64 as rt::data::FromValue>::from_value),
        })
    }
}
/// Rows of `tagged`: {words::topic: chararray,words::word: chararray,words::len: long}
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
pub struct Tagged {
    #[serde(rename = "words::topic", default)]
    pub words_topic: Option<String>,
    #[serde(rename = "words::word", default)]
    pub words_word: Option<String>,
    #[serde(rename = "words::len", default)]
    pub words_len: Option<i64>,
}
impl rt::format::TextRecord for Tagged {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            words_topic: r.chararray(),
            words_word: r.chararray(),
            words_len: r.long(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.words_topic);
        w.field(&self.words_word);
        w.field(&self.words_len);
    }
}
impl rt::data::PigText for Tagged {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.words_topic, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.words_word, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.words_len, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Tagged {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            words_topic: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            words_word: t.get(1).and_then(<String as rt::data::FromValue>::from_value),
            words_len: t.get(2).and_then(<i64 as rt::data::FromValue>::from_value),
        })
    }
}
/// The dataflow of `script.pig`, generated by pigc: pass `build` to `pigc_runtime::cli::main`.
pub fn build(df: &mut rt::dataflow::Dataflow) {
    // script.pig:3: students = LOAD
    let students = df
        .source::<Students, _>("students.txt", rt::format::PigStorage::new(b'\t'));
    // script.pig:4: teachers = LOAD
    let teachers_by_key = df
        .source::<Teachers, _>("teachers.txt", rt::format::PigStorage::new(b'\t'))
        // script.pig:4: teachers = (repartition)
        .exchange("teachers.exchange.a990be09", |r| (r.class.clone(),));
    // script.pig:3: students = (repartition)
    let classes = students
        .exchange("students.exchange.558ba2c9", |r| (r.class.clone(),))
        // script.pig:5: classes = COGROUP (state: per key: every input's bag)
        .key_by(|r| {
            let k = r.class.clone();
            let tag = k.is_none().then_some(0u8);
            (k, tag)
        })
        .cogroup(
            "classes.cogroup.4ce7d925",
            teachers_by_key
                .key_by(|r| {
                    let k = r.class.clone();
                    let tag = k.is_none().then_some(1u8);
                    (k, tag)
                }),
            |k, xs, ys| Classes {
                group: k.0.clone(),
                students: rt::data::Bag::from_vec(xs.to_vec()),
                teachers: rt::data::Bag::from_vec(ys.to_vec()),
            },
        );
    // script.pig:7: pairs = FOREACH
    classes
        .flat_map(|r| {
            let both = {
                let mut out = Vec::new();
                for t1 in r.students.iter() {
                    for t2 in r.teachers.iter() {
                        out.push(Crossed {
                            students_class: t1.class.clone(),
                            students_name: t1.name.clone(),
                            students_score: t1.score,
                            teachers_class: t2.class.clone(),
                            teachers_teacher: t2.teacher.clone(),
                        });
                    }
                }
                rt::data::Bag::from_vec(out)
            };
            let mut out = Vec::new();
            for t1 in both.iter() {
                out.push(Pairs {
                    both_students_class: t1.students_class.clone(),
                    both_students_name: t1.students_name.clone(),
                    both_students_score: t1.students_score,
                    both_teachers_class: t1.teachers_class.clone(),
                    both_teachers_teacher: t1.teachers_teacher.clone(),
                });
            }
            out
        })
        // script.pig:11: STORE INTO 'out_pairs'
        .sink("out_pairs", rt::format::PigStorage::new(b','));
    // script.pig:13: counts = FOREACH
    classes
        .map(|r| {
            let passing = r
                .students
                .clone()
                .into_iter()
                .filter(|t| rt::data::ops::ge(t.score, Some(50i32)) == Some(true))
                .collect::<rt::data::Bag<_>>();
            let both = {
                let mut out = Vec::new();
                for t1 in passing.iter() {
                    for t2 in r.teachers.iter() {
                        out.push(Crossed2 {
                            passing_class: t1.class.clone(),
                            passing_name: t1.name.clone(),
                            passing_score: t1.score,
                            teachers_class: t2.class.clone(),
                            teachers_teacher: t2.teacher.clone(),
                        });
                    }
                }
                rt::data::Bag::from_vec(out)
            };
            let named = both
                .iter()
                .map(|t| Nested {
                    passing_name: t.passing_name.clone(),
                    teachers_teacher: t.teachers_teacher.clone(),
                })
                .collect::<rt::data::Bag<_>>();
            let ordered = {
                let mut v = named.clone().into_vec();
                v.sort_by(|a, b| {
                    Ord::cmp(&a.passing_name.as_deref(), &b.passing_name.as_deref())
                        .then_with(|| Ord::cmp(
                            &a.teachers_teacher.as_deref(),
                            &b.teachers_teacher.as_deref(),
                        ))
                });
                rt::data::Bag::from_vec(v)
            };
            Counts {
                class: r.group.clone(),
                n_pairs: {
                    let b = &both;
                    b.len() as i64
                },
                n_students: {
                    let b = &r.students;
                    b.len() as i64
                },
                who: ordered.clone(),
            }
        })
        // script.pig:21: STORE INTO 'out_counts'
        .sink("out_counts", rt::format::PigStorage::new(b','));
    // script.pig:23: docs = LOAD
    let docs_by_key = df
        .source::<Docs, _>("docs.txt", rt::format::PigStorage::new(b'\t'))
        // script.pig:23: docs = (repartition)
        .exchange("docs.exchange.a08af7ed", |r| (r.topic.clone(),));
    // script.pig:25: vocab = GROUP + FOREACH (aggregate) (state: per group: row count, Bag:multiset)
    docs_by_key
        .key_by(|r| r.topic.clone())
        .aggregate(
            "vocab.aggregate.e8fbf55c",
            (
                rt::operators::bag(
                    |r: &Docs| Some(r.clone()),
                    |rows: &[Docs]| rt::data::Bag::from_vec(rows.to_vec()),
                ),
            ),
            |k, (v0,)| VocabGroup {
                group: k.clone(),
                acc0: v0,
            },
        )
        .map(|r| {
            let words = {
                let mut out = Vec::new();
                for t in r.acc0.iter() {
                    for t1 in t
                        .text
                        .as_deref()
                        .map(|v1| rt::builtins::string::tokenize(
                            v1,
                            rt::builtins::string::TOKENIZE_DELIMITERS,
                        ))
                        .and_then(|v2| <rt::data::Bag<
                            ResultItem,
                        > as rt::data::FromValue>::from_value(
                            &rt::data::Value::from(v2),
                        ))
                        .as_ref()
                        .into_iter()
                        .flatten()
                    {
                        out.push(Nested2 { word: t1.token.clone() });
                    }
                }
                rt::data::Bag::from_vec(out)
            };
            let uniq = {
                let mut v = words.clone().into_vec();
                v.sort();
                v.dedup();
                rt::data::Bag::from_vec(v)
            };
            let sorted = {
                let mut v = uniq.clone().into_vec();
                v.sort_by(|a, b| Ord::cmp(&a.word.as_deref(), &b.word.as_deref()));
                rt::data::Bag::from_vec(v)
            };
            Vocab {
                topic: r.group.clone(),
                n_words: {
                    let b = &words;
                    b.len() as i64
                },
                vocab: sorted.clone(),
            }
        })
        // script.pig:31: STORE INTO 'out_vocab'
        .sink_upsert(
            "out_vocab",
            rt::format::PigStorage::new(b','),
            |r| VocabKey { topic: r.topic.clone() },
            rt::format::PigStorage::new(b','),
        );
    // script.pig:33: tagged = GROUP + FOREACH (aggregate) (state: per group: row count, Bag:multiset)
    docs_by_key
        .key_by(|r| r.topic.clone())
        .aggregate(
            "tagged.aggregate.be87d440",
            (
                rt::operators::bag(
                    |r: &Docs| Some(r.clone()),
                    |rows: &[Docs]| rt::data::Bag::from_vec(rows.to_vec()),
                ),
            ),
            |k, (v0,)| VocabGroup {
                group: k.clone(),
                acc0: v0,
            },
        )
        .flat_map(|r| {
            let words = {
                let mut out = Vec::new();
                for t in r.acc0.iter() {
                    for t1 in t
                        .text
                        .as_deref()
                        .map(|v1| rt::builtins::string::tokenize(
                            v1,
                            rt::builtins::string::TOKENIZE_DELIMITERS,
                        ))
                        .and_then(|v2| <rt::data::Bag<
                            ResultItem,
                        > as rt::data::FromValue>::from_value(
                            &rt::data::Value::from(v2),
                        ))
                        .as_ref()
                        .into_iter()
                        .flatten()
                    {
                        out.push(Nested3 {
                            topic: t.topic.clone(),
                            word: t1.token.clone(),
                            len: t
                                .text
                                .as_deref()
                                .map(rt::builtins::string::size_chararray),
                        });
                    }
                }
                rt::data::Bag::from_vec(out)
            };
            let mut out = Vec::new();
            for t1 in words.iter() {
                out.push(Tagged {
                    words_topic: t1.topic.clone(),
                    words_word: t1.word.clone(),
                    words_len: t1.len,
                });
            }
            out
        })
        // script.pig:37: STORE INTO 'out_words'
        .sink("out_words", rt::format::PigStorage::new(b','));
}
