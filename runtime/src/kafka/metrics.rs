//! The progress line a stream job logs every few seconds: records in/out per second, lag per partition,
//! state size and the time since the last checkpoint.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::time::{Duration, Instant};

use super::executor::StreamSummary;
use super::job::StreamJob;
use super::task::{Task, TaskId};

/// Rates and timestamps behind the progress line.
pub struct Progress {
    interval: Duration,
    window_start: Instant,
    in_window: u64,
    out_window: u64,
    last_checkpoint: Option<Instant>,
}

impl Progress {
    /// A progress logger writing every `interval`.
    pub fn new(interval: Duration) -> Self {
        Self {
            interval,
            window_start: Instant::now(),
            in_window: 0,
            out_window: 0,
            last_checkpoint: None,
        }
    }

    /// Counts records read.
    pub fn count_in(&mut self, records: u64) {
        self.in_window += records;
    }

    /// Counts messages written.
    pub fn count_out(&mut self, messages: u64) {
        self.out_window += messages;
    }

    /// Notes a completed checkpoint.
    pub fn checkpointed(&mut self) {
        self.last_checkpoint = Some(Instant::now());
    }

    /// True when the next line is due.
    pub fn due(&self) -> bool {
        self.window_start.elapsed() >= self.interval
    }

    /// Logs the line and starts a new window.
    pub fn log<J: StreamJob>(
        &mut self,
        summary: &StreamSummary,
        tasks: &BTreeMap<TaskId, Task<J>>,
        lag: &[(String, i32, i64)],
    ) {
        let seconds = self.window_start.elapsed().as_secs_f64().max(1e-3);
        let mut lag_text = String::new();
        for (topic, partition, behind) in lag {
            let _ = write!(lag_text, "{topic}/{partition}={behind} ");
        }
        let state_entries: usize = tasks.values().map(Task::state_entries).sum();
        let state_bytes: u64 = tasks.values().map(Task::store_bytes).sum();
        let since_checkpoint = self.last_checkpoint.map_or_else(
            || "never".to_owned(),
            |t| format!("{:.1}s ago", t.elapsed().as_secs_f64()),
        );
        tracing::info!(
            in_per_sec = format_args!("{:.0}", self.in_window as f64 / seconds),
            out_per_sec = format_args!("{:.0}", self.out_window as f64 / seconds),
            records_in = summary.records_in,
            dead_letters = summary.dead_letters,
            lag = lag_text.trim_end(),
            state_entries,
            state_bytes,
            last_checkpoint = since_checkpoint,
            "progress"
        );
        self.window_start = Instant::now();
        self.in_window = 0;
        self.out_window = 0;
    }
}
