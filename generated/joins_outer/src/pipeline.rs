use pigc_runtime as rt;
/// Rows read by `orders`: {order_id: int,cust: chararray,amount: int}
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
    pub order_id: Option<i32>,
    #[serde(default)]
    pub cust: Option<String>,
    #[serde(default)]
    pub amount: Option<i32>,
}
impl rt::format::TextRecord for Orders {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            order_id: r.int(),
            cust: r.chararray(),
            amount: r.int(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.order_id);
        w.field(&self.cust);
        w.field(&self.amount);
    }
}
impl rt::data::PigText for Orders {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.order_id, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.cust, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.amount, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Orders {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            order_id: t.get(0).and_then(<i32 as rt::data::FromValue>::from_value),
            cust: t.get(1).and_then(<String as rt::data::FromValue>::from_value),
            amount: t.get(2).and_then(<i32 as rt::data::FromValue>::from_value),
        })
    }
}
/// Rows read by `customers`: {cust: chararray,name: chararray,country: chararray}
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
pub struct Customers {
    #[serde(default)]
    pub cust: Option<String>,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub country: Option<String>,
}
impl rt::format::TextRecord for Customers {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            cust: r.chararray(),
            name: r.chararray(),
            country: r.chararray(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.cust);
        w.field(&self.name);
        w.field(&self.country);
    }
}
impl rt::data::PigText for Customers {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.cust, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.name, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.country, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Customers {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            cust: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            name: t.get(1).and_then(<String as rt::data::FromValue>::from_value),
            country: t.get(2).and_then(<String as rt::data::FromValue>::from_value),
        })
    }
}
/// Rows of `inner_j`: {orders::order_id: int,orders::cust: chararray,orders::amount: int,customers::cust: chararray,customers::name: chararray,customers::country:  …
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
pub struct InnerJ {
    #[serde(rename = "orders::order_id", default)]
    pub orders_order_id: Option<i32>,
    #[serde(rename = "orders::cust", default)]
    pub orders_cust: Option<String>,
    #[serde(rename = "orders::amount", default)]
    pub orders_amount: Option<i32>,
    #[serde(rename = "customers::cust", default)]
    pub customers_cust: Option<String>,
    #[serde(rename = "customers::name", default)]
    pub customers_name: Option<String>,
    #[serde(rename = "customers::country", default)]
    pub customers_country: Option<String>,
}
impl rt::format::TextRecord for InnerJ {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            orders_order_id: r.int(),
            orders_cust: r.chararray(),
            orders_amount: r.int(),
            customers_cust: r.chararray(),
            customers_name: r.chararray(),
            customers_country: r.chararray(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.orders_order_id);
        w.field(&self.orders_cust);
        w.field(&self.orders_amount);
        w.field(&self.customers_cust);
        w.field(&self.customers_name);
        w.field(&self.customers_country);
    }
}
impl rt::data::PigText for InnerJ {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.orders_order_id, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.orders_cust, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.orders_amount, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.customers_cust, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.customers_name, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.customers_country, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for InnerJ {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            orders_order_id: t.get(0).and_then(<i32 as rt::data::FromValue>::from_value),
            orders_cust: t.get(1).and_then(<String as rt::data::FromValue>::from_value),
            orders_amount: t.get(2).and_then(<i32 as rt::data::FromValue>::from_value),
            customers_cust: t
                .get(3)
                .and_then(<String as rt::data::FromValue>::from_value),
            customers_name: t
                .get(4)
                .and_then(<String as rt::data::FromValue>::from_value),
            customers_country: t
                .get(5)
                .and_then(<String as rt::data::FromValue>::from_value),
        })
    }
}
/// Rows of `inner_out`: {order_id: int,name: chararray,amount: int}
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
    pub order_id: Option<i32>,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub amount: Option<i32>,
}
impl rt::format::TextRecord for InnerOut {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            order_id: r.int(),
            name: r.chararray(),
            amount: r.int(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.order_id);
        w.field(&self.name);
        w.field(&self.amount);
    }
}
impl rt::data::PigText for InnerOut {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.order_id, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.name, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.amount, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for InnerOut {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            order_id: t.get(0).and_then(<i32 as rt::data::FromValue>::from_value),
            name: t.get(1).and_then(<String as rt::data::FromValue>::from_value),
            amount: t.get(2).and_then(<i32 as rt::data::FromValue>::from_value),
        })
    }
}
/// Rows of `full_out`: {order_id: int,order_cust: chararray,customer_cust: chararray,name: chararray}
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
pub struct FullOut {
    #[serde(default)]
    pub order_id: Option<i32>,
    #[serde(default)]
    pub order_cust: Option<String>,
    #[serde(default)]
    pub customer_cust: Option<String>,
    #[serde(default)]
    pub name: Option<String>,
}
impl rt::format::TextRecord for FullOut {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            order_id: r.int(),
            order_cust: r.chararray(),
            customer_cust: r.chararray(),
            name: r.chararray(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.order_id);
        w.field(&self.order_cust);
        w.field(&self.customer_cust);
        w.field(&self.name);
    }
}
impl rt::data::PigText for FullOut {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.order_id, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.order_cust, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.customer_cust, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.name, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for FullOut {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            order_id: t.get(0).and_then(<i32 as rt::data::FromValue>::from_value),
            order_cust: t.get(1).and_then(<String as rt::data::FromValue>::from_value),
            customer_cust: t
                .get(2)
                .and_then(<String as rt::data::FromValue>::from_value),
            name: t.get(3).and_then(<String as rt::data::FromValue>::from_value),
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
        .exchange("orders.exchange.ee4e1e7b", |r| (r.cust.clone(),));
    // script.pig:4: customers = LOAD
    let customers_by_key = df
        .source::<Customers, _>("customers.txt", rt::format::PigStorage::new(b'\t'))
        // script.pig:4: customers = (repartition)
        .exchange("customers.exchange.b5f223e2", |r| (r.cust.clone(),));
    // script.pig:6: inner_j = JOIN (state: per key and side: multiset of rows)
    let inner_j = orders_by_key
        .key_by(|r| r.cust.clone())
        .join_inner(
            "inner_j.hashjoin.cedd3dd9",
            customers_by_key.key_by(|r| r.cust.clone()),
            |l, r| InnerJ {
                orders_order_id: l.order_id,
                orders_cust: l.cust.clone(),
                orders_amount: l.amount,
                customers_cust: r.cust.clone(),
                customers_name: r.name.clone(),
                customers_country: r.country.clone(),
            },
        );
    // script.pig:7: inner_out = FOREACH
    inner_j
        .map(|r| InnerOut {
            order_id: r.orders_order_id,
            name: r.customers_name.clone(),
            amount: r.orders_amount,
        })
        // script.pig:9: STORE INTO 'out_inner'
        .sink("out_inner", rt::format::PigStorage::new(b','));
    // script.pig:11: left_j = JOIN (state: per key and side: multiset of rows)
    orders_by_key
        .key_by(|r| r.cust.clone())
        .join_left(
            "left_j.hashjoin.9bb0173e",
            customers_by_key.key_by(|r| r.cust.clone()),
            |l, r| InnerJ {
                orders_order_id: l.order_id,
                orders_cust: l.cust.clone(),
                orders_amount: l.amount,
                customers_cust: r.and_then(|x| x.cust.clone()),
                customers_name: r.and_then(|x| x.name.clone()),
                customers_country: r.and_then(|x| x.country.clone()),
            },
        )
        // script.pig:12: left_out = FOREACH
        .map(|r| InnerOut {
            order_id: r.orders_order_id,
            name: r.customers_name.clone(),
            amount: r.orders_amount,
        })
        // script.pig:14: STORE INTO 'out_left'
        .sink("out_left", rt::format::PigStorage::new(b','));
    // script.pig:16: right_j = JOIN (state: per key and side: multiset of rows)
    orders_by_key
        .key_by(|r| r.cust.clone())
        .join_right(
            "right_j.hashjoin.86d37709",
            customers_by_key.key_by(|r| r.cust.clone()),
            |l, r| InnerJ {
                orders_order_id: l.and_then(|x| x.order_id),
                orders_cust: l.and_then(|x| x.cust.clone()),
                orders_amount: l.and_then(|x| x.amount),
                customers_cust: r.cust.clone(),
                customers_name: r.name.clone(),
                customers_country: r.country.clone(),
            },
        )
        // script.pig:17: right_out = FOREACH
        .map(|r| InnerOut {
            order_id: r.orders_order_id,
            name: r.customers_name.clone(),
            amount: r.orders_amount,
        })
        // script.pig:19: STORE INTO 'out_right'
        .sink("out_right", rt::format::PigStorage::new(b','));
    // script.pig:21: full_j = JOIN (state: per key and side: multiset of rows)
    orders_by_key
        .key_by(|r| r.cust.clone())
        .join_full(
            "full_j.hashjoin.00083fb4",
            customers_by_key.key_by(|r| r.cust.clone()),
            |l, r| InnerJ {
                orders_order_id: l.and_then(|x| x.order_id),
                orders_cust: l.and_then(|x| x.cust.clone()),
                orders_amount: l.and_then(|x| x.amount),
                customers_cust: r.and_then(|x| x.cust.clone()),
                customers_name: r.and_then(|x| x.name.clone()),
                customers_country: r.and_then(|x| x.country.clone()),
            },
        )
        // script.pig:22: full_out = FOREACH
        .map(|r| FullOut {
            order_id: r.orders_order_id,
            order_cust: r.orders_cust.clone(),
            customer_cust: r.customers_cust.clone(),
            name: r.customers_name.clone(),
        })
        // script.pig:24: STORE INTO 'out_full'
        .sink("out_full", rt::format::PigStorage::new(b','));
    // script.pig:27: STORE INTO 'out_inner_all_columns'
    inner_j.sink("out_inner_all_columns", rt::format::PigStorage::new(b','));
}
