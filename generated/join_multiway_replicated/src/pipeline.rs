use pigc_runtime as rt;
/// Rows read by `users`: {uid: int,name: chararray,city_id: int}
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
pub struct Users {
    #[serde(default)]
    pub uid: Option<i32>,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub city_id: Option<i32>,
}
impl rt::format::TextRecord for Users {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            uid: r.int(),
            name: r.chararray(),
            city_id: r.int(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.uid);
        w.field(&self.name);
        w.field(&self.city_id);
    }
}
impl rt::data::PigText for Users {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.uid, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.name, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.city_id, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Users {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            uid: t.get(0).and_then(<i32 as rt::data::FromValue>::from_value),
            name: t.get(1).and_then(<String as rt::data::FromValue>::from_value),
            city_id: t.get(2).and_then(<i32 as rt::data::FromValue>::from_value),
        })
    }
}
/// Rows read by `cities`: {city_id: int,city: chararray}
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
pub struct Cities {
    #[serde(default)]
    pub city_id: Option<i32>,
    #[serde(default)]
    pub city: Option<String>,
}
impl rt::format::TextRecord for Cities {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            city_id: r.int(),
            city: r.chararray(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.city_id);
        w.field(&self.city);
    }
}
impl rt::data::PigText for Cities {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.city_id, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.city, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Cities {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            city_id: t.get(0).and_then(<i32 as rt::data::FromValue>::from_value),
            city: t.get(1).and_then(<String as rt::data::FromValue>::from_value),
        })
    }
}
/// Rows read by `purchases`: {uid: int,item: chararray,price: double}
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
pub struct Purchases {
    #[serde(default)]
    pub uid: Option<i32>,
    #[serde(default)]
    pub item: Option<String>,
    #[serde(default)]
    pub price: Option<rt::data::Double>,
}
impl rt::format::TextRecord for Purchases {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            uid: r.int(),
            item: r.chararray(),
            price: r.double(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.uid);
        w.field(&self.item);
        w.field(&self.price);
    }
}
impl rt::data::PigText for Purchases {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.uid, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.item, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.price, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Purchases {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            uid: t.get(0).and_then(<i32 as rt::data::FromValue>::from_value),
            item: t.get(1).and_then(<String as rt::data::FromValue>::from_value),
            price: t
                .get(2)
                .and_then(<rt::data::Double as rt::data::FromValue>::from_value),
        })
    }
}
/// Rows read by `loyalty`: {uid: int,tier: chararray}
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
pub struct Loyalty {
    #[serde(default)]
    pub uid: Option<i32>,
    #[serde(default)]
    pub tier: Option<String>,
}
impl rt::format::TextRecord for Loyalty {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            uid: r.int(),
            tier: r.chararray(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.uid);
        w.field(&self.tier);
    }
}
impl rt::data::PigText for Loyalty {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.uid, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.tier, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Loyalty {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            uid: t.get(0).and_then(<i32 as rt::data::FromValue>::from_value),
            tier: t.get(1).and_then(<String as rt::data::FromValue>::from_value),
        })
    }
}
/// Rows of `three`: {uid: int,name: chararray,city_id: int,uid: int,item: chararray,price: double}
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
pub struct Three {
    #[serde(default)]
    pub uid: Option<i32>,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub city_id: Option<i32>,
    #[serde(default)]
    pub uid_2: Option<i32>,
    #[serde(default)]
    pub item: Option<String>,
    #[serde(default)]
    pub price: Option<rt::data::Double>,
}
impl rt::format::TextRecord for Three {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            uid: r.int(),
            name: r.chararray(),
            city_id: r.int(),
            uid_2: r.int(),
            item: r.chararray(),
            price: r.double(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.uid);
        w.field(&self.name);
        w.field(&self.city_id);
        w.field(&self.uid_2);
        w.field(&self.item);
        w.field(&self.price);
    }
}
impl rt::data::PigText for Three {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.uid, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.name, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.city_id, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.uid_2, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.item, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.price, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Three {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            uid: t.get(0).and_then(<i32 as rt::data::FromValue>::from_value),
            name: t.get(1).and_then(<String as rt::data::FromValue>::from_value),
            city_id: t.get(2).and_then(<i32 as rt::data::FromValue>::from_value),
            uid_2: t.get(3).and_then(<i32 as rt::data::FromValue>::from_value),
            item: t.get(4).and_then(<String as rt::data::FromValue>::from_value),
            price: t
                .get(5)
                .and_then(<rt::data::Double as rt::data::FromValue>::from_value),
        })
    }
}
/// Rows of `three`: {users::uid: int,users::name: chararray,users::city_id: int,purchases::uid: int,purchases::item: chararray,purchases::price: double,loyalty::ui …
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
pub struct Three2 {
    #[serde(rename = "users::uid", default)]
    pub users_uid: Option<i32>,
    #[serde(rename = "users::name", default)]
    pub users_name: Option<String>,
    #[serde(rename = "users::city_id", default)]
    pub users_city_id: Option<i32>,
    #[serde(rename = "purchases::uid", default)]
    pub purchases_uid: Option<i32>,
    #[serde(rename = "purchases::item", default)]
    pub purchases_item: Option<String>,
    #[serde(rename = "purchases::price", default)]
    pub purchases_price: Option<rt::data::Double>,
    #[serde(rename = "loyalty::uid", default)]
    pub loyalty_uid: Option<i32>,
    #[serde(rename = "loyalty::tier", default)]
    pub loyalty_tier: Option<String>,
}
impl rt::format::TextRecord for Three2 {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            users_uid: r.int(),
            users_name: r.chararray(),
            users_city_id: r.int(),
            purchases_uid: r.int(),
            purchases_item: r.chararray(),
            purchases_price: r.double(),
            loyalty_uid: r.int(),
            loyalty_tier: r.chararray(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.users_uid);
        w.field(&self.users_name);
        w.field(&self.users_city_id);
        w.field(&self.purchases_uid);
        w.field(&self.purchases_item);
        w.field(&self.purchases_price);
        w.field(&self.loyalty_uid);
        w.field(&self.loyalty_tier);
    }
}
impl rt::data::PigText for Three2 {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.users_uid, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.users_name, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.users_city_id, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.purchases_uid, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.purchases_item, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.purchases_price, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.loyalty_uid, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.loyalty_tier, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Three2 {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            users_uid: t.get(0).and_then(<i32 as rt::data::FromValue>::from_value),
            users_name: t.get(1).and_then(<String as rt::data::FromValue>::from_value),
            users_city_id: t.get(2).and_then(<i32 as rt::data::FromValue>::from_value),
            purchases_uid: t.get(3).and_then(<i32 as rt::data::FromValue>::from_value),
            purchases_item: t
                .get(4)
                .and_then(<String as rt::data::FromValue>::from_value),
            purchases_price: t
                .get(5)
                .and_then(<rt::data::Double as rt::data::FromValue>::from_value),
            loyalty_uid: t.get(6).and_then(<i32 as rt::data::FromValue>::from_value),
            loyalty_tier: t.get(7).and_then(<String as rt::data::FromValue>::from_value),
        })
    }
}
/// Rows of `three_out`: {name: chararray,item: chararray,price: double,tier: chararray}
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
pub struct ThreeOut {
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub item: Option<String>,
    #[serde(default)]
    pub price: Option<rt::data::Double>,
    #[serde(default)]
    pub tier: Option<String>,
}
impl rt::format::TextRecord for ThreeOut {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            name: r.chararray(),
            item: r.chararray(),
            price: r.double(),
            tier: r.chararray(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.name);
        w.field(&self.item);
        w.field(&self.price);
        w.field(&self.tier);
    }
}
impl rt::data::PigText for ThreeOut {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.name, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.item, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.price, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.tier, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for ThreeOut {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            name: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            item: t.get(1).and_then(<String as rt::data::FromValue>::from_value),
            price: t
                .get(2)
                .and_then(<rt::data::Double as rt::data::FromValue>::from_value),
            tier: t.get(3).and_then(<String as rt::data::FromValue>::from_value),
        })
    }
}
/// Rows of `located`: {users::uid: int,users::name: chararray,users::city_id: int,cities::city_id: int,cities::city: chararray}
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
pub struct Located {
    #[serde(rename = "users::uid", default)]
    pub users_uid: Option<i32>,
    #[serde(rename = "users::name", default)]
    pub users_name: Option<String>,
    #[serde(rename = "users::city_id", default)]
    pub users_city_id: Option<i32>,
    #[serde(rename = "cities::city_id", default)]
    pub cities_city_id: Option<i32>,
    #[serde(rename = "cities::city", default)]
    pub cities_city: Option<String>,
}
impl rt::format::TextRecord for Located {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            users_uid: r.int(),
            users_name: r.chararray(),
            users_city_id: r.int(),
            cities_city_id: r.int(),
            cities_city: r.chararray(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.users_uid);
        w.field(&self.users_name);
        w.field(&self.users_city_id);
        w.field(&self.cities_city_id);
        w.field(&self.cities_city);
    }
}
impl rt::data::PigText for Located {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.users_uid, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.users_name, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.users_city_id, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.cities_city_id, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.cities_city, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Located {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            users_uid: t.get(0).and_then(<i32 as rt::data::FromValue>::from_value),
            users_name: t.get(1).and_then(<String as rt::data::FromValue>::from_value),
            users_city_id: t.get(2).and_then(<i32 as rt::data::FromValue>::from_value),
            cities_city_id: t.get(3).and_then(<i32 as rt::data::FromValue>::from_value),
            cities_city: t.get(4).and_then(<String as rt::data::FromValue>::from_value),
        })
    }
}
/// Rows of `located_out`: {name: chararray,city: chararray}
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
pub struct LocatedOut {
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub city: Option<String>,
}
impl rt::format::TextRecord for LocatedOut {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            name: r.chararray(),
            city: r.chararray(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.name);
        w.field(&self.city);
    }
}
impl rt::data::PigText for LocatedOut {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.name, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.city, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for LocatedOut {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            name: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            city: t.get(1).and_then(<String as rt::data::FromValue>::from_value),
        })
    }
}
/// Rows of `bought`: {purchases::uid: int,purchases::item: chararray,purchases::price: double,users::uid: int,users::name: chararray,users::city_id: int}
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
pub struct Bought {
    #[serde(rename = "purchases::uid", default)]
    pub purchases_uid: Option<i32>,
    #[serde(rename = "purchases::item", default)]
    pub purchases_item: Option<String>,
    #[serde(rename = "purchases::price", default)]
    pub purchases_price: Option<rt::data::Double>,
    #[serde(rename = "users::uid", default)]
    pub users_uid: Option<i32>,
    #[serde(rename = "users::name", default)]
    pub users_name: Option<String>,
    #[serde(rename = "users::city_id", default)]
    pub users_city_id: Option<i32>,
}
impl rt::format::TextRecord for Bought {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            purchases_uid: r.int(),
            purchases_item: r.chararray(),
            purchases_price: r.double(),
            users_uid: r.int(),
            users_name: r.chararray(),
            users_city_id: r.int(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.purchases_uid);
        w.field(&self.purchases_item);
        w.field(&self.purchases_price);
        w.field(&self.users_uid);
        w.field(&self.users_name);
        w.field(&self.users_city_id);
    }
}
impl rt::data::PigText for Bought {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.purchases_uid, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.purchases_item, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.purchases_price, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.users_uid, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.users_name, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.users_city_id, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Bought {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            purchases_uid: t.get(0).and_then(<i32 as rt::data::FromValue>::from_value),
            purchases_item: t
                .get(1)
                .and_then(<String as rt::data::FromValue>::from_value),
            purchases_price: t
                .get(2)
                .and_then(<rt::data::Double as rt::data::FromValue>::from_value),
            users_uid: t.get(3).and_then(<i32 as rt::data::FromValue>::from_value),
            users_name: t.get(4).and_then(<String as rt::data::FromValue>::from_value),
            users_city_id: t.get(5).and_then(<i32 as rt::data::FromValue>::from_value),
        })
    }
}
/// Rows of `bought_flat`: {uid: int,price: double,city_id: int}
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
pub struct BoughtFlat {
    #[serde(default)]
    pub uid: Option<i32>,
    #[serde(default)]
    pub price: Option<rt::data::Double>,
    #[serde(default)]
    pub city_id: Option<i32>,
}
impl rt::format::TextRecord for BoughtFlat {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            uid: r.int(),
            price: r.double(),
            city_id: r.int(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.uid);
        w.field(&self.price);
        w.field(&self.city_id);
    }
}
impl rt::data::PigText for BoughtFlat {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.uid, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.price, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.city_id, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for BoughtFlat {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            uid: t.get(0).and_then(<i32 as rt::data::FromValue>::from_value),
            price: t
                .get(1)
                .and_then(<rt::data::Double as rt::data::FromValue>::from_value),
            city_id: t.get(2).and_then(<i32 as rt::data::FromValue>::from_value),
        })
    }
}
/// Rows of `bought_where`: {bought_flat::uid: int,bought_flat::price: double,bought_flat::city_id: int,cities::city_id: int,cities::city: chararray}
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
pub struct BoughtWhere {
    #[serde(rename = "bought_flat::uid", default)]
    pub bought_flat_uid: Option<i32>,
    #[serde(rename = "bought_flat::price", default)]
    pub bought_flat_price: Option<rt::data::Double>,
    #[serde(rename = "bought_flat::city_id", default)]
    pub bought_flat_city_id: Option<i32>,
    #[serde(rename = "cities::city_id", default)]
    pub cities_city_id: Option<i32>,
    #[serde(rename = "cities::city", default)]
    pub cities_city: Option<String>,
}
impl rt::format::TextRecord for BoughtWhere {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            bought_flat_uid: r.int(),
            bought_flat_price: r.double(),
            bought_flat_city_id: r.int(),
            cities_city_id: r.int(),
            cities_city: r.chararray(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.bought_flat_uid);
        w.field(&self.bought_flat_price);
        w.field(&self.bought_flat_city_id);
        w.field(&self.cities_city_id);
        w.field(&self.cities_city);
    }
}
impl rt::data::PigText for BoughtWhere {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.bought_flat_uid, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.bought_flat_price, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.bought_flat_city_id, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.cities_city_id, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.cities_city, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for BoughtWhere {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            bought_flat_uid: t.get(0).and_then(<i32 as rt::data::FromValue>::from_value),
            bought_flat_price: t
                .get(1)
                .and_then(<rt::data::Double as rt::data::FromValue>::from_value),
            bought_flat_city_id: t
                .get(2)
                .and_then(<i32 as rt::data::FromValue>::from_value),
            cities_city_id: t.get(3).and_then(<i32 as rt::data::FromValue>::from_value),
            cities_city: t.get(4).and_then(<String as rt::data::FromValue>::from_value),
        })
    }
}
/// Rows of `spend_rows`: {city: chararray,price: double}
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
pub struct SpendRows {
    #[serde(default)]
    pub city: Option<String>,
    #[serde(default)]
    pub price: Option<rt::data::Double>,
}
impl rt::format::TextRecord for SpendRows {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            city: r.chararray(),
            price: r.double(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.city);
        w.field(&self.price);
    }
}
impl rt::data::PigText for SpendRows {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.city, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.price, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for SpendRows {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            city: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            price: t
                .get(1)
                .and_then(<rt::data::Double as rt::data::FromValue>::from_value),
        })
    }
}
/// Per-group results of `spend` (group key, then one column per aggregate)
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
pub struct SpendGroup {
    #[serde(default)]
    pub group: Option<String>,
    #[serde(default)]
    pub acc0: Option<rt::data::Double>,
    pub acc1: i64,
}
impl rt::format::TextRecord for SpendGroup {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            group: r.chararray(),
            acc0: r.double(),
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
impl rt::data::PigText for SpendGroup {
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
impl rt::data::FromValue for SpendGroup {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            group: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            acc0: t
                .get(1)
                .and_then(<rt::data::Double as rt::data::FromValue>::from_value),
            acc1: t.get(2).and_then(<i64 as rt::data::FromValue>::from_value)?,
        })
    }
}
/// Rows of `spend`: {city: chararray,total: double,n: long}
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
pub struct Spend {
    #[serde(default)]
    pub city: Option<String>,
    #[serde(default)]
    pub total: Option<rt::data::Double>,
    pub n: i64,
}
impl rt::format::TextRecord for Spend {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            city: r.chararray(),
            total: r.double(),
            n: r
                .long()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `n` is null but may not be",
                ))?,
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.city);
        w.field(&self.total);
        w.field(&self.n);
    }
}
impl rt::data::PigText for Spend {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.city, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.total, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.n, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Spend {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            city: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            total: t
                .get(1)
                .and_then(<rt::data::Double as rt::data::FromValue>::from_value),
            n: t.get(2).and_then(<i64 as rt::data::FromValue>::from_value)?,
        })
    }
}
/// Upsert keys of `out_spend_per_city`
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
pub struct SpendKey {
    #[serde(default)]
    pub city: Option<String>,
}
impl rt::format::TextRecord for SpendKey {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self { city: r.chararray() })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.city);
    }
}
impl rt::data::PigText for SpendKey {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.city, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for SpendKey {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            city: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
        })
    }
}
/// The dataflow of `script.pig`, generated by pigc: pass `build` to `pigc_runtime::cli::main`.
pub fn build(df: &mut rt::dataflow::Dataflow) {
    // script.pig:3: users = LOAD
    let users = df.source::<Users, _>("users.txt", rt::format::PigStorage::new(b'\t'));
    // script.pig:4: cities = LOAD
    let cities = df
        .source::<Cities, _>("cities.txt", rt::format::PigStorage::new(b'\t'));
    // script.pig:5: purchases = LOAD
    let purchases = df
        .source::<Purchases, _>("purchases.txt", rt::format::PigStorage::new(b'\t'));
    // script.pig:3: users = (repartition)
    let users_by_key = users.exchange("users.exchange.69f5fa1e", |r| (r.uid,));
    // script.pig:5: purchases = (repartition)
    let purchases_by_key = purchases
        .exchange("purchases.exchange.f7822ea9", |r| (r.uid,));
    // script.pig:6: loyalty = LOAD
    let loyalty_by_key = df
        .source::<Loyalty, _>("loyalty.txt", rt::format::PigStorage::new(b'\t'))
        // script.pig:6: loyalty = (repartition)
        .exchange("loyalty.exchange.e2bef722", |r| (r.uid,));
    // script.pig:8: three = JOIN (state: per key and side: multiset of rows)
    users_by_key
        .key_by(|r| r.uid)
        .join_inner(
            "three.hashjoin.d7fc8a99",
            purchases_by_key.key_by(|r| r.uid),
            |l, r| Three {
                uid: l.uid,
                name: l.name.clone(),
                city_id: l.city_id,
                uid_2: r.uid,
                item: r.item.clone(),
                price: r.price,
            },
        )
        // script.pig:8: three = JOIN (state: per key and side: multiset of rows)
        .key_by(|r| r.uid)
        .join_inner(
            "three.hashjoin.e8623ba0",
            loyalty_by_key.key_by(|r| r.uid),
            |l, r| Three2 {
                users_uid: l.uid,
                users_name: l.name.clone(),
                users_city_id: l.city_id,
                purchases_uid: l.uid_2,
                purchases_item: l.item.clone(),
                purchases_price: l.price,
                loyalty_uid: r.uid,
                loyalty_tier: r.tier.clone(),
            },
        )
        // script.pig:9: three_out = FOREACH
        .map(|r| ThreeOut {
            name: r.users_name.clone(),
            item: r.purchases_item.clone(),
            price: r.purchases_price,
            tier: r.loyalty_tier.clone(),
        })
        // script.pig:11: STORE INTO 'out_three_way'
        .sink("out_three_way", rt::format::PigStorage::new(b','));
    // script.pig:3: users = (repartition)
    let users_by_key_2 = users.exchange("users.exchange.e7fad112", |r| (r.city_id,));
    // script.pig:4: cities = (repartition)
    let cities_by_key = cities.exchange("cities.exchange.0d43ddc5", |r| (r.city_id,));
    // script.pig:14: located = JOIN (replicated) (state: per key: the table side's rows, and the streamed side's rows for exact retraction)
    users_by_key_2
        .key_by(|r| r.city_id)
        .join_inner(
            "located.lookupjoin.c5369dbf",
            cities_by_key.key_by(|r| r.city_id),
            |l, r| Located {
                users_uid: l.uid,
                users_name: l.name.clone(),
                users_city_id: l.city_id,
                cities_city_id: r.city_id,
                cities_city: r.city.clone(),
            },
        )
        // script.pig:15: located_out = FOREACH
        .map(|r| LocatedOut {
            name: r.users_name.clone(),
            city: r.cities_city.clone(),
        })
        // script.pig:16: STORE INTO 'out_replicated_inner'
        .sink("out_replicated_inner", rt::format::PigStorage::new(b','));
    // script.pig:18: maybe_located = JOIN (replicated) (state: per key: the table side's rows, and the streamed side's rows for exact retraction)
    users_by_key_2
        .key_by(|r| r.city_id)
        .join_left(
            "maybe_located.lookupjoin.f03e0f4b",
            cities_by_key.key_by(|r| r.city_id),
            |l, r| Located {
                users_uid: l.uid,
                users_name: l.name.clone(),
                users_city_id: l.city_id,
                cities_city_id: r.and_then(|x| x.city_id),
                cities_city: r.and_then(|x| x.city.clone()),
            },
        )
        // script.pig:19: maybe_out = FOREACH
        .map(|r| LocatedOut {
            name: r.users_name.clone(),
            city: r.cities_city.clone(),
        })
        // script.pig:20: STORE INTO 'out_replicated_left'
        .sink("out_replicated_left", rt::format::PigStorage::new(b','));
    // script.pig:22: bought = JOIN (state: per key and side: multiset of rows)
    purchases_by_key
        .key_by(|r| r.uid)
        .join_inner(
            "bought.hashjoin.61a0b04a",
            users_by_key.key_by(|r| r.uid),
            |l, r| Bought {
                purchases_uid: l.uid,
                purchases_item: l.item.clone(),
                purchases_price: l.price,
                users_uid: r.uid,
                users_name: r.name.clone(),
                users_city_id: r.city_id,
            },
        )
        // script.pig:23: bought_flat = FOREACH
        .map(|r| BoughtFlat {
            uid: r.purchases_uid,
            price: r.purchases_price,
            city_id: r.users_city_id,
        })
        // script.pig:23: bought_flat = (repartition)
        .exchange("bought_flat.exchange.89bb4140", |r| (r.city_id,))
        // script.pig:25: bought_where = JOIN (replicated) (state: per key: the table side's rows, and the streamed side's rows for exact retraction)
        .key_by(|r| r.city_id)
        .join_inner(
            "bought_where.lookupjoin.98615b8f",
            cities_by_key.key_by(|r| r.city_id),
            |l, r| BoughtWhere {
                bought_flat_uid: l.uid,
                bought_flat_price: l.price,
                bought_flat_city_id: l.city_id,
                cities_city_id: r.city_id,
                cities_city: r.city.clone(),
            },
        )
        // script.pig:26: spend_rows = FOREACH
        .map(|r| SpendRows {
            city: r.cities_city.clone(),
            price: r.bought_flat_price,
        })
        // script.pig:26: spend_rows = (repartition)
        .exchange("spend_rows.exchange.e3e6c56c", |r| (r.city.clone(),))
        // script.pig:28: spend = GROUP + FOREACH (aggregate) (state: per group: row count, Sum:sum, CountStar:sum)
        .key_by(|r| r.city.clone())
        .aggregate(
            "spend.aggregate.4a850f95",
            (rt::operators::sum(|r: &SpendRows| r.price), rt::operators::count_star()),
            |k, (v0, v1)| SpendGroup {
                group: k.clone(),
                acc0: v0,
                acc1: v1,
            },
        )
        .map(|r| Spend {
            city: r.group.clone(),
            total: r.acc0,
            n: r.acc1,
        })
        // script.pig:29: STORE INTO 'out_spend_per_city'
        .sink_upsert(
            "out_spend_per_city",
            rt::format::PigStorage::new(b','),
            |r| SpendKey { city: r.city.clone() },
            rt::format::PigStorage::new(b','),
        );
}
