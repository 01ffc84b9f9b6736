use pigc_runtime as rt;
/// Rows read by `orders`: {customer: chararray,item: chararray,qty: int}
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
pub struct Orders {
    #[serde(default)]
    pub customer: Option<String>,
    #[serde(default)]
    pub item: Option<String>,
    #[serde(default)]
    pub qty: Option<i32>,
}
impl rt::format::TextRecord for Orders {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            customer: r.chararray(),
            item: r.chararray(),
            qty: r.int(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.customer);
        w.field(&self.item);
        w.field(&self.qty);
    }
}
impl rt::data::PigText for Orders {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.customer, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.item, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.qty, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Orders {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            customer: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            item: t.get(1).and_then(<String as rt::data::FromValue>::from_value),
            qty: t.get(2).and_then(<i32 as rt::data::FromValue>::from_value),
        })
    }
}
/// Per-group results of `top_orders` (group key, then one column per aggregate)
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
pub struct TopOrdersGroup {
    #[serde(default)]
    pub group: Option<String>,
    pub acc0: rt::data::Bag<Orders>,
}
impl rt::format::TextRecord for TopOrdersGroup {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            group: r.chararray(),
            acc0: r
                .bag::<Orders>()
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
impl rt::data::PigText for TopOrdersGroup {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.group, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.acc0, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for TopOrdersGroup {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            group: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            acc0: t
                .get(1)
                .and_then(<rt::data::Bag<Orders> as rt::data::FromValue>::from_value)?,
        })
    }
}
/// Rows of `top_orders`: {customer: chararray,item: chararray,qty: int,none: long}
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
pub struct TopOrders {
    #[serde(default)]
    pub customer: Option<String>,
    #[serde(default)]
    pub item: Option<String>,
    #[serde(default)]
    pub qty: Option<i32>,
    pub none: i64,
}
impl rt::format::TextRecord for TopOrders {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            customer: r.chararray(),
            item: r.chararray(),
            qty: r.int(),
            none: r
                .long()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `none` is null but may not be",
                ))?,
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.customer);
        w.field(&self.item);
        w.field(&self.qty);
        w.field(&self.none);
    }
}
impl rt::data::PigText for TopOrders {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.customer, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.item, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.qty, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.none, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for TopOrders {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            customer: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            item: t.get(1).and_then(<String as rt::data::FromValue>::from_value),
            qty: t.get(2).and_then(<i32 as rt::data::FromValue>::from_value),
            none: t.get(3).and_then(<i64 as rt::data::FromValue>::from_value)?,
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
    pub item: Option<String>,
}
impl rt::format::TextRecord for Projection {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self { item: r.chararray() })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.item);
    }
}
impl rt::data::PigText for Projection {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.item, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Projection {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            item: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
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
    pub item: Option<String>,
    #[serde(default)]
    pub qty: Option<i32>,
}
impl rt::format::TextRecord for Projection2 {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            item: r.chararray(),
            qty: r.int(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.item);
        w.field(&self.qty);
    }
}
impl rt::data::PigText for Projection2 {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.item, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.qty, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Projection2 {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            item: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            qty: t.get(1).and_then(<i32 as rt::data::FromValue>::from_value),
        })
    }
}
/// Rows of `summaries`: {customer: chararray,items: chararray,pairs: chararray,flat: ()}
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
pub struct Summaries {
    #[serde(default)]
    pub customer: Option<String>,
    pub items: String,
    pub pairs: String,
    pub flat: rt::data::Tuple,
}
impl rt::format::TextRecord for Summaries {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            customer: r.chararray(),
            items: r
                .chararray()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `items` is null but may not be",
                ))?,
            pairs: r
                .chararray()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `pairs` is null but may not be",
                ))?,
            flat: r
                .tuple()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `flat` is null but may not be",
                ))?,
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.customer);
        w.field(&self.items);
        w.field(&self.pairs);
        w.field(&self.flat);
    }
}
impl rt::data::PigText for Summaries {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.customer, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.items, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.pairs, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.flat, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Summaries {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            customer: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            items: t.get(1).and_then(<String as rt::data::FromValue>::from_value)?,
            pairs: t.get(2).and_then(<String as rt::data::FromValue>::from_value)?,
            flat: t
                .get(3)
                .and_then(<rt::data::Tuple as rt::data::FromValue>::from_value)?,
        })
    }
}
/// Upsert keys of `out_strings`
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
pub struct SummariesKey {
    #[serde(default)]
    pub customer: Option<String>,
}
impl rt::format::TextRecord for SummariesKey {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self { customer: r.chararray() })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.customer);
    }
}
impl rt::data::PigText for SummariesKey {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.customer, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for SummariesKey {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            customer: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
        })
    }
}
/// Rows read by `w1`: {customer: chararray,item: chararray}
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
pub struct W1 {
    #[serde(default)]
    pub customer: Option<String>,
    #[serde(default)]
    pub item: Option<String>,
}
impl rt::format::TextRecord for W1 {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            customer: r.chararray(),
            item: r.chararray(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.customer);
        w.field(&self.item);
    }
}
impl rt::data::PigText for W1 {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.customer, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.item, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for W1 {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            customer: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            item: t.get(1).and_then(<String as rt::data::FromValue>::from_value),
        })
    }
}
/// Rows read by `w2`: {customer: chararray,item: chararray}
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
pub struct W2 {
    #[serde(default)]
    pub customer: Option<String>,
    #[serde(default)]
    pub item: Option<String>,
}
impl rt::format::TextRecord for W2 {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            customer: r.chararray(),
            item: r.chararray(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.customer);
        w.field(&self.item);
    }
}
impl rt::data::PigText for W2 {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.customer, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.item, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for W2 {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            customer: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            item: t.get(1).and_then(<String as rt::data::FromValue>::from_value),
        })
    }
}
/// Groups of `weeks`: {group: chararray,w1: {(customer: chararray,item: chararray)},w2: {(customer: chararray,item: chararray)}}
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
pub struct Weeks {
    #[serde(default)]
    pub group: Option<String>,
    pub w1: rt::data::Bag<W1>,
    pub w2: rt::data::Bag<W2>,
}
impl rt::format::TextRecord for Weeks {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            group: r.chararray(),
            w1: r
                .bag::<W1>()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `w1` is null but may not be",
                ))?,
            w2: r
                .bag::<W2>()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `w2` is null but may not be",
                ))?,
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.group);
        w.field(&self.w1);
        w.field(&self.w2);
    }
}
impl rt::data::PigText for Weeks {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.group, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.w1, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.w2, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Weeks {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            group: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            w1: t
                .get(1)
                .and_then(<rt::data::Bag<W1> as rt::data::FromValue>::from_value)?,
            w2: t
                .get(2)
                .and_then(<rt::data::Bag<W2> as rt::data::FromValue>::from_value)?,
        })
    }
}
/// Rows of `changed`: {customer: chararray,item: chararray}
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
pub struct Changed {
    #[serde(default)]
    pub customer: Option<String>,
    #[serde(default)]
    pub item: Option<String>,
}
impl rt::format::TextRecord for Changed {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            customer: r.chararray(),
            item: r.chararray(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.customer);
        w.field(&self.item);
    }
}
impl rt::data::PigText for Changed {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.customer, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.item, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Changed {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            customer: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            item: t.get(1).and_then(<String as rt::data::FromValue>::from_value),
        })
    }
}
/// Rows of `diff_sizes`: {customer: chararray,n: long}
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
pub struct DiffSizes {
    #[serde(default)]
    pub customer: Option<String>,
    #[serde(default)]
    pub n: Option<i64>,
}
impl rt::format::TextRecord for DiffSizes {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            customer: r.chararray(),
            n: r.long(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.customer);
        w.field(&self.n);
    }
}
impl rt::data::PigText for DiffSizes {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.customer, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.n, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for DiffSizes {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            customer: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            n: t.get(1).and_then(<i64 as rt::data::FromValue>::from_value),
        })
    }
}
/// Tuples of `home`: {city: chararray,zip: int}
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
pub struct Home {
    #[serde(default)]
    pub city: Option<String>,
    #[serde(default)]
    pub zip: Option<i32>,
}
impl rt::format::TextRecord for Home {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            city: r.chararray(),
            zip: r.int(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.city);
        w.field(&self.zip);
    }
}
impl rt::data::PigText for Home {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.city, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.zip, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Home {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            city: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            zip: t.get(1).and_then(<i32 as rt::data::FromValue>::from_value),
        })
    }
}
/// Rows read by `people`: {name: chararray,home: (city: chararray,zip: int),work: (city: chararray,zip: int)}
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
    pub name: Option<String>,
    #[serde(default)]
    pub home: Option<Home>,
    #[serde(default)]
    pub work: Option<Home>,
}
impl rt::format::TextRecord for People {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            name: r.chararray(),
            home: r.cast::<Home>(),
            work: r.cast::<Home>(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.name);
        w.field(&self.home);
        w.field(&self.work);
    }
}
impl rt::data::PigText for People {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.name, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.home, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.work, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for People {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            name: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            home: t.get(1).and_then(<Home as rt::data::FromValue>::from_value),
            work: t.get(2).and_then(<Home as rt::data::FromValue>::from_value),
        })
    }
}
/// Rows of `places`: {name: chararray,places: {(city: chararray,zip: int)},in_unit: boolean}
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
pub struct Places {
    #[serde(default)]
    pub name: Option<String>,
    pub places: rt::data::Bag<Home>,
    pub in_unit: bool,
}
impl rt::format::TextRecord for Places {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            name: r.chararray(),
            places: r
                .bag::<Home>()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `places` is null but may not be",
                ))?,
            in_unit: r
                .boolean()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `in_unit` is null but may not be",
                ))?,
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.name);
        w.field(&self.places);
        w.field(&self.in_unit);
    }
}
impl rt::data::PigText for Places {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.name, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.places, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.in_unit, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Places {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            name: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            places: t
                .get(1)
                .and_then(<rt::data::Bag<Home> as rt::data::FromValue>::from_value)?,
            in_unit: t.get(2).and_then(<bool as rt::data::FromValue>::from_value)?,
        })
    }
}
/// The dataflow of `script.pig`, generated by pigc: pass `build` to `pigc_runtime::cli::main`.
pub fn build(df: &mut rt::dataflow::Dataflow) {
    // script.pig:3: orders = LOAD
    let orders = df
        .source::<Orders, _>("orders.txt", rt::format::PigStorage::new(b'\t'));
    // script.pig:3: orders = (repartition)
    let orders_by_key = orders
        .exchange("orders.exchange.7e210c47", |r| (r.customer.clone(),));
    // script.pig:6: top_orders = GROUP + FOREACH (aggregate) (state: per group: row count, Bag:multiset)
    orders_by_key
        .key_by(|r| r.customer.clone())
        .aggregate(
            "top_orders.aggregate.53989883",
            (
                rt::operators::bag(
                    |r: &Orders| Some(r.clone()),
                    |rows: &[Orders]| rt::data::Bag::from_vec(rows.to_vec()),
                ),
            ),
            |k, (v0,)| TopOrdersGroup {
                group: k.clone(),
                acc0: v0,
            },
        )
        .flat_map(|r| {
            let mut out = Vec::new();
            for t1 in rt::builtins::collection::top_by(
                    2i32,
                    &r.acc0,
                    |a, b| Ord::cmp(&a.qty, &b.qty),
                )
                .iter()
            {
                out.push(TopOrders {
                    customer: t1.customer.clone(),
                    item: t1.item.clone(),
                    qty: t1.qty,
                    none: rt::builtins::collection::size_bag(
                        &rt::builtins::collection::top_by(
                            0i32,
                            &r.acc0,
                            |a, b| Ord::cmp(&a.qty, &b.qty),
                        ),
                    ),
                });
            }
            out
        })
        // script.pig:7: STORE INTO 'out_top'
        .sink("out_top", rt::format::PigStorage::new(b','));
    // script.pig:9: summaries = GROUP + FOREACH (aggregate) (state: per group: row count, Bag:multiset)
    orders_by_key
        .key_by(|r| r.customer.clone())
        .aggregate(
            "summaries.aggregate.c5975c79",
            (
                rt::operators::bag(
                    |r: &Orders| Some(r.clone()),
                    |rows: &[Orders]| rt::data::Bag::from_vec(rows.to_vec()),
                ),
            ),
            |k, (v0,)| TopOrdersGroup {
                group: k.clone(),
                acc0: v0,
            },
        )
        .map(|r| {
            let sorted = {
                let mut v = r.acc0.clone().into_vec();
                v.sort_by(|a, b| {
                    Ord::cmp(&a.item.as_deref(), &b.item.as_deref())
                        .then_with(|| Ord::cmp(&a.qty, &b.qty))
                });
                rt::data::Bag::from_vec(v)
            };
            Summaries {
                customer: r.group.clone(),
                items: {
                    let mut j = rt::builtins::collection::FieldJoiner::new("|");
                    for t in sorted
                        .iter()
                        .map(|t1| Projection {
                            item: t1.item.clone(),
                        })
                        .collect::<rt::data::Bag<_>>()
                        .iter()
                    {
                        j.push(t.item.as_ref());
                    }
                    j.finish()
                },
                pairs: {
                    let mut j = rt::builtins::collection::FieldJoiner::new(
                        rt::builtins::collection::BAG_TO_STRING_DELIMITER,
                    );
                    for t in sorted
                        .iter()
                        .map(|t1| Projection2 {
                            item: t1.item.clone(),
                            qty: t1.qty,
                        })
                        .collect::<rt::data::Bag<_>>()
                        .iter()
                    {
                        j.push(t.item.as_ref());
                        j.push(t.qty.as_ref());
                    }
                    j.finish()
                },
                flat: rt::builtins::collection::bag_to_tuple_fields(
                    sorted
                        .iter()
                        .map(|t1| Projection2 {
                            item: t1.item.clone(),
                            qty: t1.qty,
                        })
                        .collect::<rt::data::Bag<_>>()
                        .iter()
                        .flat_map(|t| [
                            rt::data::Value::from(t.item.clone()),
                            rt::data::Value::from(t.qty),
                        ]),
                ),
            }
        })
        // script.pig:14: STORE INTO 'out_strings'
        .sink_upsert(
            "out_strings",
            rt::format::PigStorage::new(b','),
            |r| SummariesKey {
                customer: r.customer.clone(),
            },
            rt::format::PigStorage::new(b','),
        );
    // script.pig:16: w1 = LOAD
    let w1 = df.source::<W1, _>("week1.txt", rt::format::PigStorage::new(b','));
    // script.pig:17: w2 = LOAD
    let w2_by_key = df
        .source::<W2, _>("week2.txt", rt::format::PigStorage::new(b','))
        // script.pig:17: w2 = (repartition)
        .exchange("w2.exchange.78720bbd", |r| (r.customer.clone(),));
    // script.pig:16: w1 = (repartition)
    let weeks = w1
        .exchange("w1.exchange.56f3da79", |r| (r.customer.clone(),))
        // script.pig:18: weeks = COGROUP (state: per key: every input's bag)
        .key_by(|r| {
            let k = r.customer.clone();
            let tag = k.is_none().then_some(0u8);
            (k, tag)
        })
        .cogroup(
            "weeks.cogroup.ae9ed9c3",
            w2_by_key
                .key_by(|r| {
                    let k = r.customer.clone();
                    let tag = k.is_none().then_some(1u8);
                    (k, tag)
                }),
            |k, xs, ys| Weeks {
                group: k.0.clone(),
                w1: rt::data::Bag::from_vec(xs.to_vec()),
                w2: rt::data::Bag::from_vec(ys.to_vec()),
            },
        );
    // script.pig:19: changed = FOREACH
    weeks
        .flat_map(|r| {
            let mut out = Vec::new();
            for t1 in rt::builtins::collection::diff(
                    &r
                        .w1
                        .iter()
                        .map(|t1| Projection {
                            item: t1.item.clone(),
                        })
                        .collect::<rt::data::Bag<_>>(),
                    &r
                        .w2
                        .iter()
                        .map(|t2| Projection {
                            item: t2.item.clone(),
                        })
                        .collect::<rt::data::Bag<_>>(),
                )
                .iter()
            {
                out.push(Changed {
                    customer: r.group.clone(),
                    item: t1.item.clone(),
                });
            }
            out
        })
        // script.pig:20: STORE INTO 'out_diff_items'
        .sink("out_diff_items", rt::format::PigStorage::new(b','));
    // script.pig:21: diff_sizes = FOREACH
    weeks
        .map(|r| DiffSizes {
            customer: r.group.clone(),
            n: <rt::data::Bag<
                Changed,
            > as rt::data::FromValue>::from_value(
                    &rt::data::Value::from(
                        rt::builtins::collection::diff(
                            &{
                                let x1 = r.w1.clone();
                                x1.into_iter()
                                    .map(|t2| {
                                        let r3 = t2;
                                        rt::data::Tuple(
                                            Vec::from([
                                                rt::data::Value::from(r3.customer),
                                                rt::data::Value::from(r3.item),
                                            ]),
                                        )
                                    })
                                    .collect::<rt::data::Bag<rt::data::Tuple>>()
                            },
                            &{
                                let x4 = r.w2.clone();
                                x4.into_iter()
                                    .map(|t5| {
                                        let r6 = t5;
                                        rt::data::Tuple(
                                            Vec::from([
                                                rt::data::Value::from(r6.customer),
                                                rt::data::Value::from(r6.item),
                                            ]),
                                        )
                                    })
                                    .collect::<rt::data::Bag<rt::data::Tuple>>()
                            },
                        ),
                    ),
                )
                .as_ref()
                .map(rt::builtins::collection::size_bag),
        })
        // script.pig:22: STORE INTO 'out_diff_sizes'
        .sink("out_diff_sizes", rt::format::PigStorage::new(b','));
    // script.pig:24: people = LOAD
    df.source::<People, _>("people.txt", rt::format::PigStorage::new(b'\t'))
        // script.pig:26: places = FOREACH
        .map(|r| Places {
            name: r.name.clone(),
            places: rt::data::Bag::from_vec(
                Vec::from([
                    r
                        .home
                        .clone()
                        .map_or(
                            Home { city: None, zip: None },
                            |r1| Home { city: r1.city, zip: r1.zip },
                        ),
                    r
                        .work
                        .clone()
                        .map_or(
                            Home { city: None, zip: None },
                            |r2| Home { city: r2.city, zip: r2.zip },
                        ),
                ]),
            ),
            in_unit: rt::builtins::math::random(0u64, 1514u64, &r)
                < rt::data::Double(1f64),
        })
        // script.pig:27: STORE INTO 'out_places'
        .sink("out_places", rt::format::PigStorage::new(b','));
    // script.pig:28: mixed = FOREACH
    orders
        .flat_map(|r| {
            let mut out = Vec::new();
            for t1 in rt::builtins::collection::to_bag_values(
                    Vec::from([
                        rt::data::Value::from(r.item.clone()),
                        rt::data::Value::from(r.qty),
                    ]),
                )
                .iter()
            {
                out.push({
                    let mut xs = Vec::new();
                    xs.push(rt::data::Value::from(r.customer.clone()));
                    xs.extend(t1.fields().iter().cloned());
                    rt::data::Tuple(xs)
                });
            }
            out
        })
        // script.pig:29: STORE INTO 'out_mixed'
        .sink("out_mixed", rt::format::PigStorage::new(b','));
}
