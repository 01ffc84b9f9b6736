use pigc_runtime as rt;
/// Rows read by `clicks`: {user: chararray,page: chararray}
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
pub struct Clicks {
    #[serde(default)]
    pub user: Option<String>,
    #[serde(default)]
    pub page: Option<String>,
}
impl rt::format::TextRecord for Clicks {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            user: r.chararray(),
            page: r.chararray(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.user);
        w.field(&self.page);
    }
}
impl rt::data::PigText for Clicks {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.user, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.page, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Clicks {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            user: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            page: t.get(1).and_then(<String as rt::data::FromValue>::from_value),
        })
    }
}
/// Rows read by `buys`: {user: chararray,amount: int}
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
pub struct Buys {
    #[serde(default)]
    pub user: Option<String>,
    #[serde(default)]
    pub amount: Option<i32>,
}
impl rt::format::TextRecord for Buys {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            user: r.chararray(),
            amount: r.int(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.user);
        w.field(&self.amount);
    }
}
impl rt::data::PigText for Buys {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.user, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.amount, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Buys {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            user: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            amount: t.get(1).and_then(<i32 as rt::data::FromValue>::from_value),
        })
    }
}
/// Groups of `cg`: {group: chararray,clicks: {(user: chararray,page: chararray)},buys: {(user: chararray,amount: int)}}
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
pub struct Cg {
    #[serde(default)]
    pub group: Option<String>,
    pub clicks: rt::data::Bag<Clicks>,
    pub buys: rt::data::Bag<Buys>,
}
impl rt::format::TextRecord for Cg {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            group: r.chararray(),
            clicks: r
                .bag::<Clicks>()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `clicks` is null but may not be",
                ))?,
            buys: r
                .bag::<Buys>()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `buys` is null but may not be",
                ))?,
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.group);
        w.field(&self.clicks);
        w.field(&self.buys);
    }
}
impl rt::data::PigText for Cg {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.group, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.clicks, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.buys, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Cg {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            group: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            clicks: t
                .get(1)
                .and_then(<rt::data::Bag<Clicks> as rt::data::FromValue>::from_value)?,
            buys: t
                .get(2)
                .and_then(<rt::data::Bag<Buys> as rt::data::FromValue>::from_value)?,
        })
    }
}
/// Rows of `summary`: {user: chararray,n_clicks: long,n_buys: long,spent: long}
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
pub struct Summary {
    #[serde(default)]
    pub user: Option<String>,
    pub n_clicks: i64,
    pub n_buys: i64,
    #[serde(default)]
    pub spent: Option<i64>,
}
impl rt::format::TextRecord for Summary {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            user: r.chararray(),
            n_clicks: r
                .long()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `n_clicks` is null but may not be",
                ))?,
            n_buys: r
                .long()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `n_buys` is null but may not be",
                ))?,
            spent: r.long(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.user);
        w.field(&self.n_clicks);
        w.field(&self.n_buys);
        w.field(&self.spent);
    }
}
impl rt::data::PigText for Summary {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.user, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.n_clicks, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.n_buys, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.spent, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Summary {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            user: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            n_clicks: t.get(1).and_then(<i64 as rt::data::FromValue>::from_value)?,
            n_buys: t.get(2).and_then(<i64 as rt::data::FromValue>::from_value)?,
            spent: t.get(3).and_then(<i64 as rt::data::FromValue>::from_value),
        })
    }
}
/// Rows of `browsed_only_out`: {user: chararray,n_clicks: long}
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
pub struct BrowsedOnlyOut {
    #[serde(default)]
    pub user: Option<String>,
    pub n_clicks: i64,
}
impl rt::format::TextRecord for BrowsedOnlyOut {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            user: r.chararray(),
            n_clicks: r
                .long()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `n_clicks` is null but may not be",
                ))?,
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.user);
        w.field(&self.n_clicks);
    }
}
impl rt::data::PigText for BrowsedOnlyOut {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.user, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.n_clicks, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for BrowsedOnlyOut {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            user: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            n_clicks: t.get(1).and_then(<i64 as rt::data::FromValue>::from_value)?,
        })
    }
}
/// Rows of `both_out`: {user: chararray,n_clicks: long,spent: long}
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
pub struct BothOut {
    #[serde(default)]
    pub user: Option<String>,
    pub n_clicks: i64,
    #[serde(default)]
    pub spent: Option<i64>,
}
impl rt::format::TextRecord for BothOut {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            user: r.chararray(),
            n_clicks: r
                .long()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `n_clicks` is null but may not be",
                ))?,
            spent: r.long(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.user);
        w.field(&self.n_clicks);
        w.field(&self.spent);
    }
}
impl rt::data::PigText for BothOut {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.user, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.n_clicks, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.spent, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for BothOut {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            user: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            n_clicks: t.get(1).and_then(<i64 as rt::data::FromValue>::from_value)?,
            spent: t.get(2).and_then(<i64 as rt::data::FromValue>::from_value),
        })
    }
}
/// Rows of `inner_out`: {user: chararray,n_clicks: long,n_buys: long}
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
    pub n_clicks: i64,
    pub n_buys: i64,
}
impl rt::format::TextRecord for InnerOut {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            user: r.chararray(),
            n_clicks: r
                .long()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `n_clicks` is null but may not be",
                ))?,
            n_buys: r
                .long()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `n_buys` is null but may not be",
                ))?,
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.user);
        w.field(&self.n_clicks);
        w.field(&self.n_buys);
    }
}
impl rt::data::PigText for InnerOut {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.user, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.n_clicks, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.n_buys, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for InnerOut {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            user: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            n_clicks: t.get(1).and_then(<i64 as rt::data::FromValue>::from_value)?,
            n_buys: t.get(2).and_then(<i64 as rt::data::FromValue>::from_value)?,
        })
    }
}
/// The dataflow of `script.pig`, generated by pigc: pass `build` to `pigc_runtime::cli::main`.
pub fn build(df: &mut rt::dataflow::Dataflow) {
    // script.pig:4: clicks = LOAD
    let clicks = df
        .source::<Clicks, _>("clicks.txt", rt::format::PigStorage::new(b'\t'));
    // script.pig:4: clicks = (repartition)
    let clicks_by_key = clicks
        .exchange("clicks.exchange.eb851a28", |r| (r.user.clone(),));
    // script.pig:5: buys = LOAD
    let buys_by_key = df
        .source::<Buys, _>("buys.txt", rt::format::PigStorage::new(b'\t'))
        // script.pig:5: buys = (repartition)
        .exchange("buys.exchange.c6483ec2", |r| (r.user.clone(),));
    // script.pig:7: cg = COGROUP (state: per key: every input's bag)
    let cg = clicks_by_key
        .key_by(|r| {
            let k = r.user.clone();
            let tag = k.is_none().then_some(0u8);
            (k, tag)
        })
        .cogroup(
            "cg.cogroup.0a3a0b64",
            buys_by_key
                .key_by(|r| {
                    let k = r.user.clone();
                    let tag = k.is_none().then_some(1u8);
                    (k, tag)
                }),
            |k, xs, ys| Cg {
                group: k.0.clone(),
                clicks: rt::data::Bag::from_vec(xs.to_vec()),
                buys: rt::data::Bag::from_vec(ys.to_vec()),
            },
        );
    // script.pig:8: summary = FOREACH
    cg.map(|r| Summary {
            user: r.group.clone(),
            n_clicks: {
                let b = &r.clicks;
                b.len() as i64
            },
            n_buys: {
                let b = &r.buys;
                b.len() as i64
            },
            spent: {
                let b = &r.buys;
                rt::builtins::aggregate::sum_int(b.iter().map(|t1| t1.amount))
            },
        })
        // script.pig:10: STORE INTO 'out_summary'
        .sink("out_summary", rt::format::PigStorage::new(b','));
    // script.pig:12: browsed_only = FILTER
    cg.filter(|r| {
            (!rt::builtins::collection::is_empty_bag(&r.clicks))
                && rt::builtins::collection::is_empty_bag(&r.buys)
        })
        // script.pig:13: browsed_only_out = FOREACH
        .map(|r| BrowsedOnlyOut {
            user: r.group.clone(),
            n_clicks: {
                let b = &r.clicks;
                b.len() as i64
            },
        })
        // script.pig:14: STORE INTO 'out_browsed_not_bought'
        .sink("out_browsed_not_bought", rt::format::PigStorage::new(b','));
    // script.pig:16: both = FILTER
    cg.filter(|r| {
            (!rt::builtins::collection::is_empty_bag(&r.clicks))
                && (!rt::builtins::collection::is_empty_bag(&r.buys))
        })
        // script.pig:17: both_out = FOREACH
        .map(|r| BothOut {
            user: r.group.clone(),
            n_clicks: {
                let b = &r.clicks;
                b.len() as i64
            },
            spent: {
                let b = &r.buys;
                rt::builtins::aggregate::sum_int(b.iter().map(|t1| t1.amount))
            },
        })
        // script.pig:18: STORE INTO 'out_browsed_and_bought'
        .sink("out_browsed_and_bought", rt::format::PigStorage::new(b','));
    // script.pig:20: cg_inner = COGROUP (state: per key: every input's bag)
    clicks_by_key
        .key_by(|r| {
            let k = r.user.clone();
            let tag = k.is_none().then_some(0u8);
            (k, tag)
        })
        .cogroup(
            "cg_inner.cogroup.56d85286",
            buys_by_key
                .key_by(|r| {
                    let k = r.user.clone();
                    let tag = k.is_none().then_some(1u8);
                    (k, tag)
                }),
            |k, xs, ys| Cg {
                group: k.0.clone(),
                clicks: rt::data::Bag::from_vec(xs.to_vec()),
                buys: rt::data::Bag::from_vec(ys.to_vec()),
            },
        )
        .filter(|g| !g.clicks.is_empty())
        // script.pig:21: inner_out = FOREACH
        .map(|r| InnerOut {
            user: r.group.clone(),
            n_clicks: {
                let b = &r.clicks;
                b.len() as i64
            },
            n_buys: {
                let b = &r.buys;
                b.len() as i64
            },
        })
        // script.pig:23: STORE INTO 'out_cogroup_inner'
        .sink("out_cogroup_inner", rt::format::PigStorage::new(b','));
}
