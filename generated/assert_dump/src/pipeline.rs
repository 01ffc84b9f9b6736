use pigc_runtime as rt;
/// Rows read by `orders`: {id: int,customer: chararray,amount: double,note: chararray}
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
    pub id: Option<i32>,
    #[serde(default)]
    pub customer: Option<String>,
    #[serde(default)]
    pub amount: Option<rt::data::Double>,
    #[serde(default)]
    pub note: Option<String>,
}
impl rt::format::TextRecord for Orders {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            id: r.int(),
            customer: r.chararray(),
            amount: r.double(),
            note: r.chararray(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.id);
        w.field(&self.customer);
        w.field(&self.amount);
        w.field(&self.note);
    }
}
impl rt::data::PigText for Orders {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.id, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.customer, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.amount, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.note, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Orders {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            id: t.get(0).and_then(<i32 as rt::data::FromValue>::from_value),
            customer: t.get(1).and_then(<String as rt::data::FromValue>::from_value),
            amount: t
                .get(2)
                .and_then(<rt::data::Double as rt::data::FromValue>::from_value),
            note: t.get(3).and_then(<String as rt::data::FromValue>::from_value),
        })
    }
}
/// Per-group results of `per_customer` (group key, then one column per aggregate)
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
pub struct PerCustomerGroup {
    #[serde(default)]
    pub group: Option<String>,
    pub acc0: i64,
    #[serde(default)]
    pub acc1: Option<rt::data::Double>,
}
impl rt::format::TextRecord for PerCustomerGroup {
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
            acc1: r.double(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.group);
        w.field(&self.acc0);
        w.field(&self.acc1);
    }
}
impl rt::data::PigText for PerCustomerGroup {
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
impl rt::data::FromValue for PerCustomerGroup {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            group: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            acc0: t.get(1).and_then(<i64 as rt::data::FromValue>::from_value)?,
            acc1: t
                .get(2)
                .and_then(<rt::data::Double as rt::data::FromValue>::from_value),
        })
    }
}
/// Rows of `per_customer`: {customer: chararray,n: long,total: double}
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
pub struct PerCustomer {
    #[serde(default)]
    pub customer: Option<String>,
    pub n: i64,
    #[serde(default)]
    pub total: Option<rt::data::Double>,
}
impl rt::format::TextRecord for PerCustomer {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            customer: r.chararray(),
            n: r
                .long()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `n` is null but may not be",
                ))?,
            total: r.double(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.customer);
        w.field(&self.n);
        w.field(&self.total);
    }
}
impl rt::data::PigText for PerCustomer {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.customer, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.n, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.total, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for PerCustomer {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            customer: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            n: t.get(1).and_then(<i64 as rt::data::FromValue>::from_value)?,
            total: t
                .get(2)
                .and_then(<rt::data::Double as rt::data::FromValue>::from_value),
        })
    }
}
/// Upsert keys of `out_per_customer`
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
pub struct PerCustomerKey {
    #[serde(default)]
    pub customer: Option<String>,
}
impl rt::format::TextRecord for PerCustomerKey {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self { customer: r.chararray() })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.customer);
    }
}
impl rt::data::PigText for PerCustomerKey {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.customer, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for PerCustomerKey {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            customer: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
        })
    }
}
/// The dataflow of `script.pig`, generated by pigc: pass `build` to `pigc_runtime::cli::main`.
pub fn build(df: &mut rt::dataflow::Dataflow) {
    df.set(
        "pigc.batch_only",
        "script.pig:11: ORDER without LIMIT sorts the whole input, which cannot be maintained incrementally in stream mode",
    );
    // script.pig:5: orders = LOAD
    let named = df
        .source::<Orders, _>("orders.txt", rt::format::PigStorage::new(b'\t'))
        // script.pig:7: checked = ASSERT
        .assert(
            "script.pig:7",
            Some("amount must not be negative"),
            |r| rt::data::ops::ge(r.amount, Some(rt::data::Double(0f64))),
        )
        // script.pig:8: named = ASSERT
        .assert("script.pig:8", None, |r| Some(r.customer.is_some()));
    // script.pig:9: STORE INTO 'out_checked'
    named.sink("out_checked", rt::format::PigStorage::new(b','));
    // script.pig:12: DUMP by_amount
    named
        .sink_stdout_sorted(|a, b| {
            Ord::cmp(&b.amount, &a.amount).then_with(|| Ord::cmp(&a.id, &b.id))
        });
    // script.pig:8: named = (repartition)
    let per_customer = named
        .exchange("named.exchange.d17f89b4", |r| (r.customer.clone(),))
        // script.pig:15: per_customer = GROUP + FOREACH (aggregate) (state: per group: row count, Count:sum, Sum:sum)
        .key_by(|r| r.customer.clone())
        .aggregate(
            "per_customer.aggregate.7fadd534",
            (
                rt::operators::count(|r: &Orders| r.id.is_some()),
                rt::operators::sum(|r: &Orders| r.amount),
            ),
            |k, (v0, v1)| PerCustomerGroup {
                group: k.clone(),
                acc0: v0,
                acc1: v1,
            },
        )
        .map(|r| PerCustomer {
            customer: r.group.clone(),
            n: r.acc0,
            total: r.acc1,
        });
    // script.pig:17: DUMP per_customer
    per_customer.sink_stdout();
    // script.pig:18: STORE INTO 'out_per_customer'
    per_customer
        .sink_upsert(
            "out_per_customer",
            rt::format::PigStorage::new(b','),
            |r| PerCustomerKey {
                customer: r.customer.clone(),
            },
            rt::format::PigStorage::new(b','),
        );
}
