use pigc_runtime as rt;
/// Rows read by `players`: {name: chararray,team: chararray,score: int,time: double}
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
pub struct Players {
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub team: Option<String>,
    #[serde(default)]
    pub score: Option<i32>,
    #[serde(default)]
    pub time: Option<rt::data::Double>,
}
impl rt::format::TextRecord for Players {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            name: r.chararray(),
            team: r.chararray(),
            score: r.int(),
            time: r.double(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.name);
        w.field(&self.team);
        w.field(&self.score);
        w.field(&self.time);
    }
}
impl rt::data::PigText for Players {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.name, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.team, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.score, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.time, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Players {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            name: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            team: t.get(1).and_then(<String as rt::data::FromValue>::from_value),
            score: t.get(2).and_then(<i32 as rt::data::FromValue>::from_value),
            time: t
                .get(3)
                .and_then(<rt::data::Double as rt::data::FromValue>::from_value),
        })
    }
}
/// Per-group results of `team_totals` (group key, then one column per aggregate)
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
pub struct TeamTotalsGroup {
    #[serde(default)]
    pub group: Option<String>,
    #[serde(default)]
    pub acc0: Option<i64>,
    #[serde(default)]
    pub acc1: Option<rt::data::Double>,
}
impl rt::format::TextRecord for TeamTotalsGroup {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            group: r.chararray(),
            acc0: r.long(),
            acc1: r.double(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.group);
        w.field(&self.acc0);
        w.field(&self.acc1);
    }
}
impl rt::data::PigText for TeamTotalsGroup {
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
impl rt::data::FromValue for TeamTotalsGroup {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            group: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            acc0: t.get(1).and_then(<i64 as rt::data::FromValue>::from_value),
            acc1: t
                .get(2)
                .and_then(<rt::data::Double as rt::data::FromValue>::from_value),
        })
    }
}
/// Rows of `team_totals`: {team: chararray,total: long,slowest: double}
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
pub struct TeamTotals {
    #[serde(default)]
    pub team: Option<String>,
    #[serde(default)]
    pub total: Option<i64>,
    #[serde(default)]
    pub slowest: Option<rt::data::Double>,
}
impl rt::format::TextRecord for TeamTotals {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            team: r.chararray(),
            total: r.long(),
            slowest: r.double(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.team);
        w.field(&self.total);
        w.field(&self.slowest);
    }
}
impl rt::data::PigText for TeamTotals {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.team, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.total, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.slowest, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for TeamTotals {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            team: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            total: t.get(1).and_then(<i64 as rt::data::FromValue>::from_value),
            slowest: t
                .get(2)
                .and_then(<rt::data::Double as rt::data::FromValue>::from_value),
        })
    }
}
/// The dataflow of `script.pig`, generated by pigc: pass `build` to `pigc_runtime::cli::main`.
pub fn build(df: &mut rt::dataflow::Dataflow) {
    df.set(
        "pigc.batch_only",
        "script.pig:6: ORDER without LIMIT sorts the whole input, which cannot be maintained incrementally in stream mode",
    );
    // script.pig:3: players = LOAD
    let players = df
        .source::<Players, _>("players.txt", rt::format::PigStorage::new(b'\t'));
    // script.pig:7: STORE INTO 'out_ranked'
    players
        .sink_sorted(
            "out_ranked",
            rt::format::PigStorage::new(b','),
            |a, b| {
                Ord::cmp(&b.score, &a.score)
                    .then_with(|| Ord::cmp(&a.time, &b.time))
                    .then_with(|| Ord::cmp(&a.name.as_deref(), &b.name.as_deref()))
            },
        );
    // script.pig:3: players = (repartition)
    players
        .exchange("players.exchange.35331dc3", |_| ())
        // script.pig:9: podium = ORDER + LIMIT (top-n) (state: all rows, in sort order)
        .top_n(
            "podium.topn.aafec14f",
            3,
            |r| (std::cmp::Reverse(r.score), r.time, r.name.clone()),
        )
        // script.pig:10: STORE INTO 'out_top3'
        .sink_sorted(
            "out_top3",
            rt::format::PigStorage::new(b','),
            |a, b| {
                Ord::cmp(&b.score, &a.score)
                    .then_with(|| Ord::cmp(&a.time, &b.time))
                    .then_with(|| Ord::cmp(&a.name.as_deref(), &b.name.as_deref()))
            },
        );
    // script.pig:13: STORE INTO 'out_by_team'
    players
        .sink_sorted(
            "out_by_team",
            rt::format::PigStorage::new(b','),
            |a, b| {
                Ord::cmp(&a.team.as_deref(), &b.team.as_deref())
                    .then_with(|| Ord::cmp(&a.score, &b.score))
                    .then_with(|| Ord::cmp(&b.name.as_deref(), &a.name.as_deref()))
            },
        );
    // script.pig:3: players = (repartition)
    players
        .exchange("players.exchange.39a1939f", |r| (r.team.clone(),))
        // script.pig:16: team_totals = GROUP + FOREACH (aggregate) (state: per group: row count, Sum:sum, Max:multiset)
        .key_by(|r| r.team.clone())
        .aggregate(
            "team_totals.aggregate.c2d65ade",
            (
                rt::operators::sum(|r: &Players| r.score.map(i64::from)),
                rt::operators::max(|r: &Players| r.time),
            ),
            |k, (v0, v1)| TeamTotalsGroup {
                group: k.clone(),
                acc0: v0,
                acc1: v1,
            },
        )
        .map(|r| TeamTotals {
            team: r.group.clone(),
            total: r.acc0,
            slowest: r.acc1,
        })
        // script.pig:19: STORE INTO 'out_team_ranking'
        .sink_sorted(
            "out_team_ranking",
            rt::format::PigStorage::new(b','),
            |a, b| Ord::cmp(&b.total, &a.total),
        );
}
