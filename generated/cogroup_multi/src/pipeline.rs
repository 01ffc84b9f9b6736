use pigc_runtime as rt;
/// Rows read by `a`: {user: chararray,x: int}
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
pub struct A {
    #[serde(default)]
    pub user: Option<String>,
    #[serde(default)]
    pub x: Option<i32>,
}
impl rt::format::TextRecord for A {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            user: r.chararray(),
            x: r.int(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.user);
        w.field(&self.x);
    }
}
impl rt::data::PigText for A {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.user, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.x, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for A {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            user: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            x: t.get(1).and_then(<i32 as rt::data::FromValue>::from_value),
        })
    }
}
/// Rows read by `b`: {user: chararray,y: int}
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
pub struct B {
    #[serde(default)]
    pub user: Option<String>,
    #[serde(default)]
    pub y: Option<i32>,
}
impl rt::format::TextRecord for B {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            user: r.chararray(),
            y: r.int(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.user);
        w.field(&self.y);
    }
}
impl rt::data::PigText for B {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.user, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.y, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for B {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            user: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            y: t.get(1).and_then(<i32 as rt::data::FromValue>::from_value),
        })
    }
}
/// Rows read by `c`: {user: chararray,z: chararray}
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
pub struct C {
    #[serde(default)]
    pub user: Option<String>,
    #[serde(default)]
    pub z: Option<String>,
}
impl rt::format::TextRecord for C {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            user: r.chararray(),
            z: r.chararray(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.user);
        w.field(&self.z);
    }
}
impl rt::data::PigText for C {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.user, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.z, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for C {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            user: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            z: t.get(1).and_then(<String as rt::data::FromValue>::from_value),
        })
    }
}
/// Groups of `cg3`: {group: chararray,a: {(user: chararray,x: int)},b: {(user: chararray,y: int)},c: {(user: chararray,z: chararray)}}
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
pub struct Cg3 {
    #[serde(default)]
    pub group: Option<String>,
    pub a: rt::data::Bag<A>,
    pub b: rt::data::Bag<B>,
    pub c: rt::data::Bag<C>,
}
impl rt::format::TextRecord for Cg3 {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            group: r.chararray(),
            a: r
                .bag::<A>()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `a` is null but may not be",
                ))?,
            b: r
                .bag::<B>()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `b` is null but may not be",
                ))?,
            c: r
                .bag::<C>()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `c` is null but may not be",
                ))?,
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.group);
        w.field(&self.a);
        w.field(&self.b);
        w.field(&self.c);
    }
}
impl rt::data::PigText for Cg3 {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.group, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.a, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.b, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.c, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Cg3 {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            group: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            a: t.get(1).and_then(<rt::data::Bag<A> as rt::data::FromValue>::from_value)?,
            b: t.get(2).and_then(<rt::data::Bag<B> as rt::data::FromValue>::from_value)?,
            c: t.get(3).and_then(<rt::data::Bag<C> as rt::data::FromValue>::from_value)?,
        })
    }
}
/// A row of one input of `cg3`, tagged with its COGROUP key
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
pub struct Cg3Tagged {
    #[serde(default)]
    pub key: Option<String>,
    #[serde(default)]
    pub null_key_of: Option<i32>,
    #[serde(default)]
    pub a: Option<A>,
    #[serde(default)]
    pub b: Option<B>,
    #[serde(default)]
    pub c: Option<C>,
}
impl rt::format::TextRecord for Cg3Tagged {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            key: r.chararray(),
            null_key_of: r.int(),
            a: r.cast::<A>(),
            b: r.cast::<B>(),
            c: r.cast::<C>(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.key);
        w.field(&self.null_key_of);
        w.field(&self.a);
        w.field(&self.b);
        w.field(&self.c);
    }
}
impl rt::data::PigText for Cg3Tagged {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.key, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.null_key_of, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.a, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.b, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.c, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Cg3Tagged {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            key: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            null_key_of: t.get(1).and_then(<i32 as rt::data::FromValue>::from_value),
            a: t.get(2).and_then(<A as rt::data::FromValue>::from_value),
            b: t.get(3).and_then(<B as rt::data::FromValue>::from_value),
            c: t.get(4).and_then(<C as rt::data::FromValue>::from_value),
        })
    }
}
/// Rows of `per_user`: {user: chararray,n_a: long,n_b: long,n_c: long,sum_x: long,sum_y: long}
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
pub struct PerUser {
    #[serde(default)]
    pub user: Option<String>,
    pub n_a: i64,
    pub n_b: i64,
    pub n_c: i64,
    #[serde(default)]
    pub sum_x: Option<i64>,
    #[serde(default)]
    pub sum_y: Option<i64>,
}
impl rt::format::TextRecord for PerUser {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            user: r.chararray(),
            n_a: r
                .long()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `n_a` is null but may not be",
                ))?,
            n_b: r
                .long()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `n_b` is null but may not be",
                ))?,
            n_c: r
                .long()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `n_c` is null but may not be",
                ))?,
            sum_x: r.long(),
            sum_y: r.long(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.user);
        w.field(&self.n_a);
        w.field(&self.n_b);
        w.field(&self.n_c);
        w.field(&self.sum_x);
        w.field(&self.sum_y);
    }
}
impl rt::data::PigText for PerUser {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.user, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.n_a, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.n_b, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.n_c, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.sum_x, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.sum_y, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for PerUser {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            user: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            n_a: t.get(1).and_then(<i64 as rt::data::FromValue>::from_value)?,
            n_b: t.get(2).and_then(<i64 as rt::data::FromValue>::from_value)?,
            n_c: t.get(3).and_then(<i64 as rt::data::FromValue>::from_value)?,
            sum_x: t.get(4).and_then(<i64 as rt::data::FromValue>::from_value),
            sum_y: t.get(5).and_then(<i64 as rt::data::FromValue>::from_value),
        })
    }
}
/// Rows of `inner_out`: {user: chararray,n_a: long,n_b: long,n_c: long}
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
pub struct InnerOut {
    #[serde(default)]
    pub user: Option<String>,
    pub n_a: i64,
    pub n_b: i64,
    pub n_c: i64,
}
impl rt::format::TextRecord for InnerOut {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            user: r.chararray(),
            n_a: r
                .long()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `n_a` is null but may not be",
                ))?,
            n_b: r
                .long()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `n_b` is null but may not be",
                ))?,
            n_c: r
                .long()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `n_c` is null but may not be",
                ))?,
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.user);
        w.field(&self.n_a);
        w.field(&self.n_b);
        w.field(&self.n_c);
    }
}
impl rt::data::PigText for InnerOut {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.user, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.n_a, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.n_b, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.n_c, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for InnerOut {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            user: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            n_a: t.get(1).and_then(<i64 as rt::data::FromValue>::from_value)?,
            n_b: t.get(2).and_then(<i64 as rt::data::FromValue>::from_value)?,
            n_c: t.get(3).and_then(<i64 as rt::data::FromValue>::from_value)?,
        })
    }
}
/// Groups of `everything`: {group: chararray,a: {(user: chararray,x: int)},b: {(user: chararray,y: int)},c: {(user: chararray,z: chararray)}}
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
pub struct Everything {
    pub group: String,
    pub a: rt::data::Bag<A>,
    pub b: rt::data::Bag<B>,
    pub c: rt::data::Bag<C>,
}
impl rt::format::TextRecord for Everything {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            group: r
                .chararray()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `group` is null but may not be",
                ))?,
            a: r
                .bag::<A>()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `a` is null but may not be",
                ))?,
            b: r
                .bag::<B>()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `b` is null but may not be",
                ))?,
            c: r
                .bag::<C>()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `c` is null but may not be",
                ))?,
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.group);
        w.field(&self.a);
        w.field(&self.b);
        w.field(&self.c);
    }
}
impl rt::data::PigText for Everything {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.group, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.a, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.b, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.c, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Everything {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            group: t.get(0).and_then(<String as rt::data::FromValue>::from_value)?,
            a: t.get(1).and_then(<rt::data::Bag<A> as rt::data::FromValue>::from_value)?,
            b: t.get(2).and_then(<rt::data::Bag<B> as rt::data::FromValue>::from_value)?,
            c: t.get(3).and_then(<rt::data::Bag<C> as rt::data::FromValue>::from_value)?,
        })
    }
}
/// A row of one input of `everything`, tagged with its COGROUP key
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
pub struct EverythingTagged {
    #[serde(default)]
    pub a: Option<A>,
    #[serde(default)]
    pub b: Option<B>,
    #[serde(default)]
    pub c: Option<C>,
}
impl rt::format::TextRecord for EverythingTagged {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            a: r.cast::<A>(),
            b: r.cast::<B>(),
            c: r.cast::<C>(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.a);
        w.field(&self.b);
        w.field(&self.c);
    }
}
impl rt::data::PigText for EverythingTagged {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.a, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.b, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.c, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for EverythingTagged {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            a: t.get(0).and_then(<A as rt::data::FromValue>::from_value),
            b: t.get(1).and_then(<B as rt::data::FromValue>::from_value),
            c: t.get(2).and_then(<C as rt::data::FromValue>::from_value),
        })
    }
}
/// Rows of `totals`: {scope: chararray,n_a: long,n_b: long,n_c: long,sum_x: long,sum_y: long}
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
pub struct Totals {
    pub scope: String,
    pub n_a: i64,
    pub n_b: i64,
    pub n_c: i64,
    #[serde(default)]
    pub sum_x: Option<i64>,
    #[serde(default)]
    pub sum_y: Option<i64>,
}
impl rt::format::TextRecord for Totals {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            scope: r
                .chararray()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `scope` is null but may not be",
                ))?,
            n_a: r
                .long()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `n_a` is null but may not be",
                ))?,
            n_b: r
                .long()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `n_b` is null but may not be",
                ))?,
            n_c: r
                .long()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `n_c` is null but may not be",
                ))?,
            sum_x: r.long(),
            sum_y: r.long(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.scope);
        w.field(&self.n_a);
        w.field(&self.n_b);
        w.field(&self.n_c);
        w.field(&self.sum_x);
        w.field(&self.sum_y);
    }
}
impl rt::data::PigText for Totals {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.scope, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.n_a, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.n_b, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.n_c, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.sum_x, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.sum_y, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Totals {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            scope: t.get(0).and_then(<String as rt::data::FromValue>::from_value)?,
            n_a: t.get(1).and_then(<i64 as rt::data::FromValue>::from_value)?,
            n_b: t.get(2).and_then(<i64 as rt::data::FromValue>::from_value)?,
            n_c: t.get(3).and_then(<i64 as rt::data::FromValue>::from_value)?,
            sum_x: t.get(4).and_then(<i64 as rt::data::FromValue>::from_value),
            sum_y: t.get(5).and_then(<i64 as rt::data::FromValue>::from_value),
        })
    }
}
/// Upsert keys of `out_totals`
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
pub struct TotalsKey {
    pub scope: String,
}
impl rt::format::TextRecord for TotalsKey {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            scope: r
                .chararray()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `scope` is null but may not be",
                ))?,
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.scope);
    }
}
impl rt::data::PigText for TotalsKey {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.scope, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for TotalsKey {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            scope: t.get(0).and_then(<String as rt::data::FromValue>::from_value)?,
        })
    }
}
/// The dataflow of `script.pig`, generated by pigc: pass `build` to `pigc_runtime::cli::main`.
pub fn build(df: &mut rt::dataflow::Dataflow) {
    // script.pig:4: a = LOAD
    let a = df.source::<A, _>("a.txt", rt::format::PigStorage::new(b'\t'));
    // script.pig:5: b = LOAD
    let b = df.source::<B, _>("b.txt", rt::format::PigStorage::new(b'\t'));
    // script.pig:6: c = LOAD
    let c = df.source::<C, _>("c.txt", rt::format::PigStorage::new(b'\t'));
    // script.pig:4: a = (repartition)
    let a_by_key = a.exchange("a.exchange.aff3ca8e", |r| (r.user.clone(),));
    // script.pig:5: b = (repartition)
    let b_by_key = b.exchange("b.exchange.040c330d", |r| (r.user.clone(),));
    // script.pig:6: c = (repartition)
    let c_by_key = c.exchange("c.exchange.077c29ba", |r| (r.user.clone(),));
    // script.pig:8: cg3 = COGROUP (state: per key: every input's bag)
    a_by_key
        .map(|r| {
            let k = r.user.clone();
            Cg3Tagged {
                null_key_of: k.is_none().then_some(0i32),
                key: k,
                a: Some(r.clone()),
                b: None,
                c: None,
            }
        })
        .union_many([
            &b_by_key
                .map(|r| {
                    let k = r.user.clone();
                    Cg3Tagged {
                        null_key_of: k.is_none().then_some(1i32),
                        key: k,
                        a: None,
                        b: Some(r.clone()),
                        c: None,
                    }
                }),
            &c_by_key
                .map(|r| {
                    let k = r.user.clone();
                    Cg3Tagged {
                        null_key_of: k.is_none().then_some(2i32),
                        key: k,
                        a: None,
                        b: None,
                        c: Some(r.clone()),
                    }
                }),
        ])
        .key_by(|r| (r.key.clone(), r.null_key_of))
        .aggregate(
            "cg3.cogroup.30f145e9",
            (
                rt::operators::bag(
                    |r: &Cg3Tagged| r.a.clone(),
                    |rows: &[A]| rt::data::Bag::from_vec(rows.to_vec()),
                ),
                rt::operators::bag(
                    |r: &Cg3Tagged| r.b.clone(),
                    |rows: &[B]| rt::data::Bag::from_vec(rows.to_vec()),
                ),
                rt::operators::bag(
                    |r: &Cg3Tagged| r.c.clone(),
                    |rows: &[C]| rt::data::Bag::from_vec(rows.to_vec()),
                ),
            ),
            |k, (b0, b1, b2)| Cg3 {
                group: k.0.clone(),
                a: b0,
                b: b1,
                c: b2,
            },
        )
        // script.pig:9: per_user = FOREACH
        .map(|r| PerUser {
            user: r.group.clone(),
            n_a: {
                let b = &r.a;
                b.len() as i64
            },
            n_b: {
                let b = &r.b;
                b.len() as i64
            },
            n_c: {
                let b = &r.c;
                b.len() as i64
            },
            sum_x: {
                let b = &r.a;
                rt::builtins::aggregate::sum_int(b.iter().map(|t1| t1.x))
            },
            sum_y: {
                let b = &r.b;
                rt::builtins::aggregate::sum_int(b.iter().map(|t1| t1.y))
            },
        })
        // script.pig:11: STORE INTO 'out_per_user'
        .sink("out_per_user", rt::format::PigStorage::new(b','));
    // script.pig:13: cg_inner = COGROUP (state: per key: every input's bag)
    a_by_key
        .map(|r| {
            let k = r.user.clone();
            Cg3Tagged {
                null_key_of: k.is_none().then_some(0i32),
                key: k,
                a: Some(r.clone()),
                b: None,
                c: None,
            }
        })
        .union_many([
            &b_by_key
                .map(|r| {
                    let k = r.user.clone();
                    Cg3Tagged {
                        null_key_of: k.is_none().then_some(1i32),
                        key: k,
                        a: None,
                        b: Some(r.clone()),
                        c: None,
                    }
                }),
            &c_by_key
                .map(|r| {
                    let k = r.user.clone();
                    Cg3Tagged {
                        null_key_of: k.is_none().then_some(2i32),
                        key: k,
                        a: None,
                        b: None,
                        c: Some(r.clone()),
                    }
                }),
        ])
        .key_by(|r| (r.key.clone(), r.null_key_of))
        .aggregate(
            "cg_inner.cogroup.198ad2e6",
            (
                rt::operators::bag(
                    |r: &Cg3Tagged| r.a.clone(),
                    |rows: &[A]| rt::data::Bag::from_vec(rows.to_vec()),
                ),
                rt::operators::bag(
                    |r: &Cg3Tagged| r.b.clone(),
                    |rows: &[B]| rt::data::Bag::from_vec(rows.to_vec()),
                ),
                rt::operators::bag(
                    |r: &Cg3Tagged| r.c.clone(),
                    |rows: &[C]| rt::data::Bag::from_vec(rows.to_vec()),
                ),
            ),
            |k, (b0, b1, b2)| Cg3 {
                group: k.0.clone(),
                a: b0,
                b: b1,
                c: b2,
            },
        )
        .filter(|g| !g.a.is_empty() && !g.c.is_empty())
        // script.pig:14: inner_out = FOREACH
        .map(|r| InnerOut {
            user: r.group.clone(),
            n_a: {
                let b = &r.a;
                b.len() as i64
            },
            n_b: {
                let b = &r.b;
                b.len() as i64
            },
            n_c: {
                let b = &r.c;
                b.len() as i64
            },
        })
        // script.pig:16: STORE INTO 'out_inner'
        .sink("out_inner", rt::format::PigStorage::new(b','));
    // script.pig:5: b = (repartition)
    let b_by_key_2 = b.exchange("b.exchange.5d72ab18", |_| ());
    // script.pig:6: c = (repartition)
    let c_by_key_2 = c.exchange("c.exchange.9ec4521f", |_| ());
    // script.pig:4: a = (repartition)
    a.exchange("a.exchange.c5d0d7d8", |_| ())
        // script.pig:18: everything = COGROUP (state: per key: every input's bag)
        .map(|r| EverythingTagged {
            a: Some(r.clone()),
            b: None,
            c: None,
        })
        .union_many([
            &b_by_key_2
                .map(|r| EverythingTagged {
                    a: None,
                    b: Some(r.clone()),
                    c: None,
                }),
            &c_by_key_2
                .map(|r| EverythingTagged {
                    a: None,
                    b: None,
                    c: Some(r.clone()),
                }),
        ])
        .key_by(|_| ())
        .aggregate(
            "everything.cogroup.f78ce4d7",
            (
                rt::operators::bag(
                    |r: &EverythingTagged| r.a.clone(),
                    |rows: &[A]| rt::data::Bag::from_vec(rows.to_vec()),
                ),
                rt::operators::bag(
                    |r: &EverythingTagged| r.b.clone(),
                    |rows: &[B]| rt::data::Bag::from_vec(rows.to_vec()),
                ),
                rt::operators::bag(
                    |r: &EverythingTagged| r.c.clone(),
                    |rows: &[C]| rt::data::Bag::from_vec(rows.to_vec()),
                ),
            ),
            |_, (b0, b1, b2)| Everything {
                group: String::from("all"),
                a: b0,
                b: b1,
                c: b2,
            },
        )
        // script.pig:19: totals = FOREACH
        .map(|r| Totals {
            scope: r.group.clone(),
            n_a: {
                let b = &r.a;
                b.len() as i64
            },
            n_b: {
                let b = &r.b;
                b.len() as i64
            },
            n_c: {
                let b = &r.c;
                b.len() as i64
            },
            sum_x: {
                let b = &r.a;
                rt::builtins::aggregate::sum_int(b.iter().map(|t1| t1.x))
            },
            sum_y: {
                let b = &r.b;
                rt::builtins::aggregate::sum_int(b.iter().map(|t1| t1.y))
            },
        })
        // script.pig:21: STORE INTO 'out_totals'
        .sink_upsert(
            "out_totals",
            rt::format::PigStorage::new(b','),
            |r| TotalsKey {
                scope: r.scope.clone(),
            },
            rt::format::PigStorage::new(b','),
        );
}
