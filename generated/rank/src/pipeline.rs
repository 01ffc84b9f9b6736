use pigc_runtime as rt;
/// Rows read by `scores`: {name: chararray,team: chararray,points: int}
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
pub struct Scores {
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub team: Option<String>,
    #[serde(default)]
    pub points: Option<i32>,
}
impl rt::format::TextRecord for Scores {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            name: r.chararray(),
            team: r.chararray(),
            points: r.int(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.name);
        w.field(&self.team);
        w.field(&self.points);
    }
}
impl rt::data::PigText for Scores {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.name, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.team, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.points, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Scores {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            name: t.get(0).and_then(<String as rt::data::FromValue>::from_value),
            team: t.get(1).and_then(<String as rt::data::FromValue>::from_value),
            points: t.get(2).and_then(<i32 as rt::data::FromValue>::from_value),
        })
    }
}
/// Rows of `numbered`: {rank_scores: long,name: chararray,team: chararray,points: int}
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
pub struct Numbered {
    pub rank_scores: i64,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub team: Option<String>,
    #[serde(default)]
    pub points: Option<i32>,
}
impl rt::format::TextRecord for Numbered {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            rank_scores: r
                .long()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `rank_scores` is null but may not be",
                ))?,
            name: r.chararray(),
            team: r.chararray(),
            points: r.int(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.rank_scores);
        w.field(&self.name);
        w.field(&self.team);
        w.field(&self.points);
    }
}
impl rt::data::PigText for Numbered {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.rank_scores, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.name, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.team, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.points, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for Numbered {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            rank_scores: t.get(0).and_then(<i64 as rt::data::FromValue>::from_value)?,
            name: t.get(1).and_then(<String as rt::data::FromValue>::from_value),
            team: t.get(2).and_then(<String as rt::data::FromValue>::from_value),
            points: t.get(3).and_then(<i32 as rt::data::FromValue>::from_value),
        })
    }
}
/// Rows of `podium_names`: {place: long,name: chararray}
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
pub struct PodiumNames {
    pub place: i64,
    #[serde(default)]
    pub name: Option<String>,
}
impl rt::format::TextRecord for PodiumNames {
    fn read(
        r: &mut rt::format::FieldReader<'_, '_>,
    ) -> Result<Self, rt::format::DecodeError> {
        Ok(Self {
            place: r
                .long()
                .ok_or_else(|| rt::format::DecodeError::new(
                    "field `place` is null but may not be",
                ))?,
            name: r.chararray(),
        })
    }
    fn write(&self, w: &mut rt::format::FieldWriter<'_>) {
        w.field(&self.place);
        w.field(&self.name);
    }
}
impl rt::data::PigText for PodiumNames {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        rt::data::PigText::write_text(&self.place, out);
        out.push(b',');
        rt::data::PigText::write_text(&self.name, out);
        out.push(b')');
    }
}
impl rt::data::FromValue for PodiumNames {
    fn from_value(v: &rt::data::Value) -> Option<Self> {
        let t = v.to_tuple()?;
        Some(Self {
            place: t.get(0).and_then(<i64 as rt::data::FromValue>::from_value)?,
            name: t.get(1).and_then(<String as rt::data::FromValue>::from_value),
        })
    }
}
/// The dataflow of `script.pig`, generated by pigc: pass `build` to `pigc_runtime::cli::main`.
pub fn build(df: &mut rt::dataflow::Dataflow) {
    df.set(
        "pigc.batch_only",
        "script.pig:6: RANK numbers the whole input, which cannot be maintained incrementally in stream mode",
    );
    // script.pig:4: scores = LOAD
    let scores_by_key = df
        .source::<Scores, _>("scores.txt", rt::format::PigStorage::new(b'\t'))
        // script.pig:4: scores = (repartition)
        .exchange("scores.exchange.b9645904", |_| ());
    // script.pig:6: numbered = RANK (state: all rows of the run (batch))
    scores_by_key
        .row_number(|n, r| Numbered {
            rank_scores: n,
            name: r.name.clone(),
            team: r.team.clone(),
            points: r.points,
        })
        // script.pig:7: STORE INTO 'out_numbered'
        .sink("out_numbered", rt::format::PigStorage::new(b','));
    // script.pig:9: by_points = RANK (state: all rows of the run (batch))
    let by_points = scores_by_key
        .rank(
            |r| (std::cmp::Reverse(r.points),),
            false,
            |n, r| Numbered {
                rank_scores: n,
                name: r.name.clone(),
                team: r.team.clone(),
                points: r.points,
            },
        );
    // script.pig:10: STORE INTO 'out_by_points'
    by_points.sink("out_by_points", rt::format::PigStorage::new(b','));
    // script.pig:12: dense = RANK (state: all rows of the run (batch))
    scores_by_key
        .rank(
            |r| (r.team.clone(), std::cmp::Reverse(r.points)),
            true,
            |n, r| Numbered {
                rank_scores: n,
                name: r.name.clone(),
                team: r.team.clone(),
                points: r.points,
            },
        )
        // script.pig:13: STORE INTO 'out_dense'
        .sink("out_dense", rt::format::PigStorage::new(b','));
    // script.pig:15: podium = FILTER
    by_points
        .filter(|r| r.rank_scores <= 2i64)
        // script.pig:16: podium_names = FOREACH
        .map(|r| PodiumNames {
            place: r.rank_scores,
            name: r.name.clone(),
        })
        // script.pig:17: STORE INTO 'out_podium'
        .sink("out_podium", rt::format::PigStorage::new(b','));
}
