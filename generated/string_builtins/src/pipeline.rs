use pigc_runtime as rt;
/// Rows read by `w`: {id: int,name: chararray,email: chararray,sentence: chararray,code: chararray}
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
pub struct W {
    #[serde(default)]
    pub id: Option<i32>,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub sentence: Option<String>,
    #[serde(default)]
    pub code: Option<String>,
}
impl rt::format::TextRecord for W {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            id: r.int(),
            name: r.chararray(),
            email: r.chararray(),
            sentence: r.chararray(),
            code: r.chararray(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.id);
        w.field(&self.name);
        w.field(&self.email);
        w.field(&self.sentence);
        w.field(&self.code);
    }
}
impl rt::data::PigText for W {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.id, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.name, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.email, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.sentence, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.code, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for W {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            id: t.get(0).and_then(<i32 as rt::data::FromValue>::from_value),
            name: t.get(1).and_then(<String as rt::data::FromValue>::from_value),
            email: t.get(2).and_then(<String as rt::data::FromValue>::from_value),
            sentence: t.get(3).and_then(<String as rt::data::FromValue>::from_value),
            code: t.get(4).and_then(<String as rt::data::FromValue>::from_value),
        })
    }
}
/// Rows of `cases`: {id: int,up: chararray,low: chararray,trimmed: chararray,contact: chararray,len: long}
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
pub struct Cases {
    #[serde(default)]
    pub id: Option<i32>,
    #[serde(default)]
    pub up: Option<String>,
    #[serde(default)]
    pub low: Option<String>,
    #[serde(default)]
    pub trimmed: Option<String>,
    #[serde(default)]
    pub contact: Option<String>,
    #[serde(default)]
    pub len: Option<i64>,
}
impl rt::format::TextRecord for Cases {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            id: r.int(),
            up: r.chararray(),
            low: r.chararray(),
            trimmed: r.chararray(),
            contact: r.chararray(),
            len: r.long(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.id);
        w.field(&self.up);
        w.field(&self.low);
        w.field(&self.trimmed);
        w.field(&self.contact);
        w.field(&self.len);
    }
}
impl rt::data::PigText for Cases {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.id, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.up, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.low, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.trimmed, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.contact, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.len, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Cases {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            id: t.get(0).and_then(<i32 as rt::data::FromValue>::from_value),
            up: t.get(1).and_then(<String as rt::data::FromValue>::from_value),
            low: t.get(2).and_then(<String as rt::data::FromValue>::from_value),
            trimmed: t.get(3).and_then(<String as rt::data::FromValue>::from_value),
            contact: t.get(4).and_then(<String as rt::data::FromValue>::from_value),
            len: t.get(5).and_then(<i64 as rt::data::FromValue>::from_value),
        })
    }
}
/// Rows of `pieces`: {id: int,prefix: chararray,rest: chararray,first_dash: int,dash_after_3: int,at: int,code_us: chararray,no_vowels: chararray}
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
pub struct Pieces {
    #[serde(default)]
    pub id: Option<i32>,
    #[serde(default)]
    pub prefix: Option<String>,
    #[serde(default)]
    pub rest: Option<String>,
    #[serde(default)]
    pub first_dash: Option<i32>,
    #[serde(default)]
    pub dash_after_3: Option<i32>,
    #[serde(default)]
    pub at: Option<i32>,
    #[serde(default)]
    pub code_us: Option<String>,
    #[serde(default)]
    pub no_vowels: Option<String>,
}
impl rt::format::TextRecord for Pieces {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            id: r.int(),
            prefix: r.chararray(),
            rest: r.chararray(),
            first_dash: r.int(),
            dash_after_3: r.int(),
            at: r.int(),
            code_us: r.chararray(),
            no_vowels: r.chararray(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.id);
        w.field(&self.prefix);
        w.field(&self.rest);
        w.field(&self.first_dash);
        w.field(&self.dash_after_3);
        w.field(&self.at);
        w.field(&self.code_us);
        w.field(&self.no_vowels);
    }
}
impl rt::data::PigText for Pieces {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.id, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.prefix, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.rest, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.first_dash, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.dash_after_3, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.at, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.code_us, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.no_vowels, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Pieces {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            id: t.get(0).and_then(<i32 as rt::data::FromValue>::from_value),
            prefix: t.get(1).and_then(<String as rt::data::FromValue>::from_value),
            rest: t.get(2).and_then(<String as rt::data::FromValue>::from_value),
            first_dash: t.get(3).and_then(<i32 as rt::data::FromValue>::from_value),
            dash_after_3: t.get(4).and_then(<i32 as rt::data::FromValue>::from_value),
            at: t.get(5).and_then(<i32 as rt::data::FromValue>::from_value),
            code_us: t.get(6).and_then(<String as rt::data::FromValue>::from_value),
            no_vowels: t.get(7).and_then(<String as rt::data::FromValue>::from_value),
        })
    }
}
/// Rows of `regex`: {id: int,domain: chararray,code_number: chararray,is_example: chararray,name_start: chararray}
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
pub struct Regex {
    #[serde(default)]
    pub id: Option<i32>,
    #[serde(default)]
    pub domain: Option<String>,
    #[serde(default)]
    pub code_number: Option<String>,
    #[serde(default)]
    pub is_example: Option<String>,
    #[serde(default)]
    pub name_start: Option<String>,
}
impl rt::format::TextRecord for Regex {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            id: r.int(),
            domain: r.chararray(),
            code_number: r.chararray(),
            is_example: r.chararray(),
            name_start: r.chararray(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.id);
        w.field(&self.domain);
        w.field(&self.code_number);
        w.field(&self.is_example);
        w.field(&self.name_start);
    }
}
impl rt::data::PigText for Regex {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.id, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.domain, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.code_number, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.is_example, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.name_start, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Regex {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            id: t.get(0).and_then(<i32 as rt::data::FromValue>::from_value),
            domain: t.get(1).and_then(<String as rt::data::FromValue>::from_value),
            code_number: t.get(2).and_then(<String as rt::data::FromValue>::from_value),
            is_example: t.get(3).and_then(<String as rt::data::FromValue>::from_value),
            name_start: t.get(4).and_then(<String as rt::data::FromValue>::from_value),
        })
    }
}
/// Rows of `splits`: {id: int,head_tail: (),parts: ()}
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
pub struct Splits {
    #[serde(default)]
    pub id: Option<i32>,
    #[serde(default)]
    pub head_tail: Option<rt::data::Tuple>,
    #[serde(default)]
    pub parts: Option<rt::data::Tuple>,
}
impl rt::format::TextRecord for Splits {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            id: r.int(),
            head_tail: r.tuple(),
            parts: r.tuple(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.id);
        w.field(&self.head_tail);
        w.field(&self.parts);
    }
}
impl rt::data::PigText for Splits {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.id, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.head_tail, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.parts, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Splits {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            id: t.get(0).and_then(<i32 as rt::data::FromValue>::from_value),
            head_tail: t
                .get(1)
                .and_then(<rt::data::Tuple as rt::data::FromValue>::from_value),
            parts: t
                .get(2)
                .and_then(<rt::data::Tuple as rt::data::FromValue>::from_value),
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
/// Rows of `tokens`: {id: int,word: chararray}
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
pub struct Tokens {
    #[serde(default)]
    pub id: Option<i32>,
    #[serde(default)]
    pub word: Option<String>,
}
impl rt::format::TextRecord for Tokens {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            id: r.int(),
            word: r.chararray(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.id);
        w.field(&self.word);
    }
}
impl rt::data::PigText for Tokens {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.id, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.word, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Tokens {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            id: t.get(0).and_then(<i32 as rt::data::FromValue>::from_value),
            word: t.get(1).and_then(<String as rt::data::FromValue>::from_value),
        })
    }
}
/// Per-group results of `word_counts` (group key, then one column per aggregate)
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
pub struct WordCountsGroup {
    #[serde(default)]
    pub group: Option<String>,
    pub acc0: i64,
}
impl rt::format::TextRecord for WordCountsGroup {
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
impl rt::data::PigText for WordCountsGroup {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.group, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.acc0, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for WordCountsGroup {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            group: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            acc0: t.get(1).and_then(<i64 as rt::data::FromValue>::from_value)?,
        })
    }
}
/// Rows of `word_counts`: {word: chararray,n: long}
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
pub struct WordCounts {
    #[serde(default)]
    pub word: Option<String>,
    pub n: i64,
}
impl rt::format::TextRecord for WordCounts {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            word: r.chararray(),
            n: r
                .long()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `n` is null but may not be",
                ))?,
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.word);
        w.field(&self.n);
    }
}
impl rt::data::PigText for WordCounts {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.word, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.n, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for WordCounts {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            word: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            n: t.get(1).and_then(<i64 as rt::data::FromValue>::from_value)?,
        })
    }
}
/// Upsert keys of `out_word_counts`
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
pub struct WordCountsKey {
    #[serde(default)]
    pub word: Option<String>,
}
impl rt::format::TextRecord for WordCountsKey {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self { word: r.chararray() })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.word);
    }
}
impl rt::data::PigText for WordCountsKey {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.word, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for WordCountsKey {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            word: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
        })
    }
}
/// A MATCHES pattern of the script, compiled once (an invalid pattern matches nothing: null).
static PATTERN: std::sync::LazyLock<Option<rt::data::pattern::FullMatch>> = std::sync::LazyLock::new(||
rt::data::pattern::FullMatch::new(".*@example[.](com|fr)").ok());
/// A MATCHES pattern of the script, compiled once (an invalid pattern matches nothing: null).
static PATTERN2: std::sync::LazyLock<Option<rt::data::pattern::FullMatch>> = std::sync::LazyLock::new(||
rt::data::pattern::FullMatch::new("[A-Z].*").ok());
/// The dataflow of `script.pig`, generated by pigc: pass `build` to `pigc_runtime::cli::main`.
pub fn build(df: &mut rt::dataflow::Dataflow) {
    // script.pig:3: w = LOAD
    let w = df.source::<W, _>("words.txt", rt::format::PigStorage::new(b'\t'));
    // script.pig:6: cases = FOREACH
    w.map(|r| Cases {
            id: r.id,
            up: r.name.as_deref().map(rt::builtins::string::upper),
            low: r.name.as_deref().map(rt::builtins::string::lower),
            trimmed: r.name.as_deref().map(rt::builtins::string::trim),
            contact: r
                .name
                .as_deref()
                .map(rt::builtins::string::trim)
                .as_deref()
                .and_then(|v2| {
                    r
                        .email
                        .as_deref()
                        .map(|v3| rt::builtins::string::concat(&[v2, "<", v3, ">"]))
                }),
            len: r.name.as_deref().map(rt::builtins::string::size_chararray),
        })
        // script.pig:8: STORE INTO 'out_case'
        .sink("out_case", rt::format::PigStorage::new(b'|'));
    // script.pig:10: pieces = FOREACH
    w.map(|r| Pieces {
            id: r.id,
            prefix: r
                .code
                .as_deref()
                .and_then(|v1| rt::builtins::string::substring(v1, 0i32, 2i32)),
            rest: r
                .code
                .as_deref()
                .and_then(|v1| rt::builtins::string::substring(v1, 3i32, 100i32)),
            first_dash: r
                .code
                .as_deref()
                .map(|v1| rt::builtins::string::indexof(v1, "-", 0i32)),
            dash_after_3: r
                .code
                .as_deref()
                .map(|v1| rt::builtins::string::indexof(v1, "-", 3i32)),
            at: r
                .email
                .as_deref()
                .map(|v1| rt::builtins::string::indexof(v1, "@", 0i32)),
            code_us: r
                .code
                .as_deref()
                .and_then(|v1| rt::builtins::string::replace(v1, "-", "_")),
            no_vowels: r
                .sentence
                .as_deref()
                .and_then(|v1| rt::builtins::string::replace(v1, "[aeiou]", "")),
        })
        // script.pig:14: STORE INTO 'out_pieces'
        .sink("out_pieces", rt::format::PigStorage::new(b'|'));
    // script.pig:16: regex = FOREACH
    w.map(|r| Regex {
            id: r.id,
            domain: r
                .email
                .as_deref()
                .and_then(|v1| rt::builtins::string::regex_extract(
                    v1,
                    "^([a-z.]+)@([a-z]+)[.]([a-z]+)$",
                    2i32,
                )),
            code_number: r
                .code
                .as_deref()
                .and_then(|v1| rt::builtins::string::regex_extract(
                    v1,
                    "^([A-Z]+)-([0-9]+)(-.*)?$",
                    2i32,
                )),
            is_example: match PATTERN
                .as_ref()
                .and_then(|p| p.matches(r.email.as_deref()))
            {
                Some(true) => Some(String::from("yes")),
                Some(false) => Some(String::from("no")),
                None => None,
            },
            name_start: match PATTERN2
                .as_ref()
                .and_then(|p| p.matches(r.name.as_deref()))
            {
                Some(true) => Some(String::from("ascii_cap")),
                Some(false) => Some(String::from("other")),
                None => None,
            },
        })
        // script.pig:21: STORE INTO 'out_regex'
        .sink("out_regex", rt::format::PigStorage::new(b'|'));
    // script.pig:23: splits = FOREACH
    w.map(|r| Splits {
            id: r.id,
            head_tail: r
                .code
                .as_deref()
                .and_then(|v1| rt::builtins::string::strsplit(v1, "-", 2i32)),
            parts: r
                .code
                .as_deref()
                .and_then(|v1| rt::builtins::string::strsplit(v1, "-", 0)),
        })
        // script.pig:24: STORE INTO 'out_split'
        .sink("out_split", rt::format::PigStorage::new(b'|'));
    // script.pig:26: tokens = FOREACH
    let tokens = w
        .flat_map(|r| {
            let mut out = Vec::new();
            for t1 in r
                .sentence
                .as_deref()
                .map(|v1| rt::builtins::string::tokenize(
                    v1,
                    rt::builtins::string::TOKENIZE_DELIMITERS,
                ))
                .and_then(|v2| <rt::data::Bag<
                    ResultItem,
                > as rt::data::FromValue>::from_value(&rt::data::Value::from(v2)))
                .as_ref()
                .into_iter()
                .flatten()
            {
                out.push(Tokens {
                    id: r.id,
                    word: t1.token.clone(),
                });
            }
            out
        });
    // script.pig:27: STORE INTO 'out_tokens'
    tokens.sink("out_tokens", rt::format::PigStorage::new(b'|'));
    // script.pig:26: tokens = (repartition)
    tokens
        .exchange("tokens.exchange.cddb4bfb", |r| (r.word.clone(),))
        // script.pig:30: word_counts = GROUP + FOREACH (aggregate) (state: per group: row count, Count:sum)
        .key_by(|r| r.word.clone())
        .aggregate(
            "word_counts.aggregate.823500b8",
            (rt::operators::count(|r: &Tokens| r.id.is_some()),),
            |k, (v0,)| WordCountsGroup {
                group: k.clone(),
                acc0: v0,
            },
        )
        .map(|r| WordCounts {
            word: r.group.clone(),
            n: r.acc0,
        })
        // script.pig:31: STORE INTO 'out_word_counts'
        .sink_upsert(
            "out_word_counts",
            rt::format::PigStorage::new(b'|'),
            |r| WordCountsKey {
                word: r.word.clone(),
            },
            rt::format::PigStorage::new(b'|'),
        );
}
