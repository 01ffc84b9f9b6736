//! `ASSERT alias BY condition [, 'message']`: rows pass through unchanged; a row whose condition is not
//! true (false, or null: Pig's `Assert` unboxes the condition and fails on null too) is a violation.
//!
//! A violation stops the job: the operator reports it through [`Node::failure`], which the batch
//! executor checks after its step, so the job exits non-zero before it writes any STORE, and the stream
//! executor after every task step, so the run ends before that step's output or input offsets are
//! checkpointed. Within the step rows still pass through (a violation never drops data), and
//! violations are printed on standard error:
//! the first [`REPORTED_VIOLATIONS`] of each operator, then every violation whose number is a digit
//! followed by zeros (20, 30, …, 100, 200, …), with its number, so a persistent violation stays visible
//! without flooding the log.

use crate::data::PigText;
use crate::dataflow::{Cell, Node, Stream};
use crate::record::Record;

/// How many violations an operator prints on standard error before it thins them out.
pub const REPORTED_VIOLATIONS: u64 = 10;

/// Whether violation number `n` (from 1) is printed: the first [`REPORTED_VIOLATIONS`], then those whose
/// number is one digit followed by zeros.
fn reported(n: u64) -> bool {
    n <= REPORTED_VIOLATIONS || n % 10u64.pow(n.ilog10()) == 0
}

/// What a violation is reported as.
#[derive(Debug, Clone)]
struct Violations {
    /// Where the ASSERT is, e.g. `script.pig:12`.
    location: String,
    /// The ASSERT's message, if it has one.
    message: Option<String>,
    /// The first violation, as the full error text.
    first: Option<String>,
    /// Violations so far.
    count: u64,
}

impl Violations {
    fn record(&mut self, row: &impl PigText, condition: Option<bool>) {
        self.count += 1;
        let what = match &self.message {
            Some(m) => format!("Assertion violated: {m}"),
            None => "Assertion violated".to_owned(),
        };
        let why = if condition.is_none() {
            " (the condition is null)"
        } else {
            ""
        };
        let text = format!(
            "{what}{why} on row {} (ASSERT at {})",
            row.to_text(),
            self.location
        );
        if reported(self.count) {
            eprintln!("error: {text} (violation {} of this ASSERT)", self.count);
        }
        if self.first.is_none() {
            self.first = Some(text);
        }
    }

    fn failure(&self) -> Option<String> {
        let first = self.first.as_ref()?;
        Some(match self.count {
            1 => first.clone(),
            n => format!("{first}; {} more rows violate it", n - 1),
        })
    }
}

struct AssertNode<T, F> {
    input: Cell<T>,
    output: Cell<T>,
    condition: F,
    violations: Violations,
}

impl<T, F> Node for AssertNode<T, F>
where
    T: Record + PigText,
    F: Fn(&T) -> Option<bool> + Send,
{
    fn step(&mut self, _step: u64) {
        let input = self.input.lock();
        let mut out = self.output.lock();
        out.clear();
        for (row, weight) in input.iter() {
            if *weight > 0 {
                let holds = (self.condition)(row);
                if holds != Some(true) {
                    self.violations.record(row, holds);
                }
            }
            out.push((row.clone(), *weight));
        }
    }

    fn failure(&self) -> Option<String> {
        self.violations.failure()
    }
}

impl<'a, T: Record + PigText> Stream<'a, T> {
    /// `ASSERT … BY condition, 'message'`: passes every row through and reports each inserted row for
    /// which `condition` is not `Some(true)`. `location` names the statement (`script.pig:12`) in the
    /// error; `message` is the ASSERT's message, if any.
    pub fn assert(
        &self,
        location: &str,
        message: Option<&str>,
        condition: impl Fn(&T) -> Option<bool> + Send + 'static,
    ) -> Stream<'a, T> {
        let output = Cell::new();
        let df = self.dataflow();
        df.add_node(Box::new(AssertNode {
            input: self.cell().clone(),
            output: output.clone(),
            condition,
            violations: Violations {
                location: location.to_owned(),
                message: message.map(str::to_owned),
                first: None,
                count: 0,
            },
        }));
        Stream::from_cell(df, output).with_event_time(self.event_time_fn())
    }
}

#[cfg(test)]
mod tests {
    use crate::data::Tuple;
    use crate::data::Value;
    use crate::prelude::*;

    fn row(n: Option<i64>) -> Tuple {
        Tuple::new(vec![n.map_or(Value::Null, Value::Long)])
    }

    fn positive(t: &Tuple) -> Option<bool> {
        match t.get(0) {
            Some(Value::Long(n)) => Some(*n > 0),
            _ => None,
        }
    }

    #[test]
    fn violations_printed_thin_out_after_the_first_ten() {
        let printed: Vec<u64> = (1..=1000).filter(|n| super::reported(*n)).collect();
        assert_eq!(printed[..12], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 20, 30]);
        assert_eq!(printed.len(), 10 + 8 + 9 + 1);
        assert_eq!(printed.last(), Some(&1000));
    }

    #[test]
    fn rows_pass_through_and_a_holding_condition_is_no_failure() {
        let mut df = Dataflow::new();
        let (s, input) = df.input::<Tuple>("s");
        let out = s.assert("t.pig:3", Some("n > 0"), positive).output();
        input.push_all([(row(Some(1)), 1), (row(Some(2)), 2)]);
        df.step();
        assert_eq!(out.take(), vec![(row(Some(1)), 1), (row(Some(2)), 2)]);
        assert_eq!(df.failure(), None);
    }

    #[test]
    fn false_and_null_conditions_fail_the_job_and_keep_the_rows() {
        let mut df = Dataflow::new();
        let (s, input) = df.input::<Tuple>("s");
        let out = s.assert("t.pig:3", Some("n > 0"), positive).output();
        input.push_all([(row(Some(1)), 1), (row(Some(-4)), 1), (row(None), 1)]);
        df.step();
        assert_eq!(out.take().len(), 3);
        assert_eq!(
            df.failure().as_deref(),
            Some(
                "Assertion violated: n > 0 on row (-4) (ASSERT at t.pig:3); 1 more rows violate it"
            )
        );
    }

    #[test]
    fn a_null_condition_says_so_and_retractions_are_not_checked() {
        let mut df = Dataflow::new();
        let (s, input) = df.input::<Tuple>("s");
        let _out = s.assert("t.pig:9", None, positive).output();
        input.push_all([(row(Some(-1)), -1)]);
        df.step();
        assert_eq!(df.failure(), None);
        input.push_all([(row(None), 1)]);
        df.step();
        assert_eq!(
            df.failure().as_deref(),
            Some("Assertion violated (the condition is null) on row () (ASSERT at t.pig:9)")
        );
    }
}
