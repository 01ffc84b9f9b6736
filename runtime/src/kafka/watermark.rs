//! Event-time watermarks across a job's tasks: what lets a repartition task evict state by retention
//! (design.md §4) without dropping a record that another input partition has not delivered yet.
//!
//! # The problem
//! An input task reads one partition, so the largest event time it has seen is a fair watermark for
//! the operators it runs: a record of that partition older than that minus the retention is late by
//! the script's own declaration. A repartition task gets records of every input partition, mixed;
//! taking the largest event time *it* has seen would let one partition that runs ahead evict the
//! groups a slower partition is still feeding. As Flink does across input channels, a repartition
//! task's watermark is instead the **minimum over its senders** of what each sender promises.
//!
//! # The protocol
//! Every task sends, on every repartition topic, to every partition, a watermark message ([`Mark`])
//! whenever what it promises for that topic changes. The message goes through the task's outbox after
//! the emission's changes, so a reader sees a sender's changes and marks in the order they were sent
//! (per sender and partition, see [`super::repartition`]), and skips re-sent ones with the same read
//! marks. What a sender promises on exchange `j`'s topic:
//! - an **input task**: [`Mark::At`] the largest event time of the records it sent through its
//!   exchanges (and any operator before them), or [`Mark::Idle`] with that time once it has caught up
//!   with its partition and read nothing for a whole checkpoint interval (Flink's idleness): an idle
//!   partition must not hold the others back, and what it reads next is new;
//! - a **repartition task**: the minimum it heard on the topics of exchanges `0..j`. The physical plan
//!   builds exchanges in topological order, so everything upstream of exchange `j` is among them; a
//!   repartition task never sends changes on exchange 0's topic and promises `Idle(None)` there.
//!   Using only lower-numbered topics keeps the promises acyclic, so tasks that feed each other cannot
//!   wait on each other.
//!
//! A reader knows every sender (every partition of every input topic, every repartition partition)
//! and has no watermark until it heard from each ([`SenderWatermarks::advance`]): a sender that has
//! not started yet holds eviction back rather than being overtaken. The minimum is taken over the
//! active senders; when every sender is idle, over the event times the idle ones reached (so a backfill
//! that reads everything before its first checkpoint still evicts). The watermark that evicts only
//! ever grows, and it is part of the task's checkpoint together with what it heard, so a restart
//! neither forgets nor re-derives it.
//!
//! Within one input partition records may still arrive out of event-time order: one that is older
//! than its own partition's watermark minus the retention is late, as in a job without repartitioning.

use std::collections::BTreeMap;

/// What a task promises about the event times of the records it will send on one repartition topic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// Its records from now on are at most the retention older than this event time (milliseconds).
    At(i64),
    /// It has caught up and is quiet, having reached this event time if it saw any: leave it out of
    /// the minimum while another sender is active, until it sends [`Mark::At`] again.
    Idle(Option<i64>),
}

impl Mark {
    /// The message value: the event time in decimal, or `idle` / `idle:<event time>`.
    pub fn encode(self) -> Vec<u8> {
        match self {
            Self::At(millis) => millis.to_string().into_bytes(),
            Self::Idle(None) => b"idle".to_vec(),
            Self::Idle(Some(millis)) => format!("idle:{millis}").into_bytes(),
        }
    }

    /// Reads a value written by [`encode`](Self::encode).
    pub fn decode(bytes: &[u8]) -> Option<Self> {
        let text = std::str::from_utf8(bytes).ok()?;
        match text.strip_prefix("idle") {
            Some("") => Some(Self::Idle(None)),
            Some(rest) => rest
                .strip_prefix(':')?
                .parse()
                .ok()
                .map(|t| Self::Idle(Some(t))),
            None => text.parse().ok().map(Self::At),
        }
    }
}

/// The minimum of several senders' marks: over the active ones if any is active, else over the idle
/// ones' event times.
#[derive(Debug, Clone, Copy, Default)]
struct MinMark {
    active: Option<i64>,
    idle: Option<i64>,
}

impl MinMark {
    fn add(&mut self, mark: Mark) {
        let (slot, time) = match mark {
            Mark::At(t) => (&mut self.active, Some(t)),
            Mark::Idle(t) => (&mut self.idle, t),
        };
        if let Some(t) = time {
            *slot = Some(slot.map_or(t, |m| m.min(t)));
        }
    }

    fn mark(self) -> Mark {
        self.active.map_or(Mark::Idle(self.idle), Mark::At)
    }
}

/// What a task heard from its senders, and the watermark it evicts by.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SenderWatermarks {
    /// Every task that may send on the job's repartition topics (not stored: set when the task opens).
    senders: Vec<String>,
    /// Number of exchanges (repartition topics).
    exchanges: u32,
    /// Exchange → sending task → the last mark heard.
    heard: BTreeMap<u32, BTreeMap<String, Mark>>,
    /// The largest watermark evicted by so far.
    evicted_to: Option<i64>,
}

impl SenderWatermarks {
    /// Marks as stored in a checkpoint.
    pub fn from_entries(
        heard: impl IntoIterator<Item = ((u32, String), Mark)>,
        evicted_to: Option<i64>,
    ) -> Self {
        let mut marks = Self {
            evicted_to,
            ..Self::default()
        };
        for ((exchange, sender), mark) in heard {
            marks
                .heard
                .entry(exchange)
                .or_default()
                .insert(sender, mark);
        }
        marks
    }

    /// Every mark heard: (exchange, sending task, mark).
    pub fn entries(&self) -> impl Iterator<Item = (u32, &str, Mark)> + '_ {
        self.heard.iter().flat_map(|(&exchange, senders)| {
            senders
                .iter()
                .map(move |(sender, &mark)| (exchange, sender.as_str(), mark))
        })
    }

    /// The watermark evicted by so far, for the checkpoint.
    pub fn evicted_to(&self) -> Option<i64> {
        self.evicted_to
    }

    /// Declares the job's senders and number of exchanges (known from the topics' metadata).
    pub fn set_senders(&mut self, senders: Vec<String>, exchanges: usize) {
        self.senders = senders;
        self.exchanges = u32::try_from(exchanges).unwrap_or(u32::MAX);
    }

    /// Records `sender`'s latest mark on exchange `exchange`'s topic.
    pub fn observe(&mut self, exchange: usize, sender: &str, mark: Mark) {
        let exchange = u32::try_from(exchange).unwrap_or(u32::MAX);
        self.heard
            .entry(exchange)
            .or_default()
            .insert(sender.to_owned(), mark);
    }

    /// The minimum over every sender of what it promised on the topics of `exchanges` (over the
    /// active ones if any is active); `None` while a sender has not been heard from on one of them.
    /// With no topics at all it is `Idle(None)`: nothing will ever be sent.
    fn min_over(&self, exchanges: std::ops::Range<u32>) -> Option<Mark> {
        let mut min = MinMark::default();
        for exchange in exchanges {
            let heard = self.heard.get(&exchange);
            for sender in &self.senders {
                min.add(*heard.and_then(|h| h.get(sender))?);
            }
        }
        Some(min.mark())
    }

    /// What this (repartition) task promises on exchange `exchange`'s topic: the minimum it heard on
    /// the topics of the exchanges before it (see the [module docs](self)).
    pub fn forward(&self, exchange: usize) -> Option<Mark> {
        let exchange = u32::try_from(exchange).unwrap_or(u32::MAX);
        self.min_over(0..exchange.min(self.exchanges))
    }

    /// Recomputes the watermark to evict by from the marks heard: the minimum over every active sender
    /// on every topic once all have been heard from (when all are idle, over the event times they
    /// reached). Returns it when it grew past what was evicted by before ([`evicted_to`](Self::evicted_to)),
    /// which it then becomes; the watermark never goes back.
    pub fn advance(&mut self) -> Option<i64> {
        let Some(Mark::At(min) | Mark::Idle(Some(min))) = self.min_over(0..self.exchanges) else {
            return None;
        };
        if self.evicted_to.is_some_and(|evicted| evicted >= min) {
            return None;
        }
        self.evicted_to = Some(min);
        Some(min)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn senders() -> Vec<String> {
        vec!["in.e.0".into(), "in.e.1".into(), "x.0".into()]
    }

    #[test]
    fn marks_round_trip() {
        for mark in [
            Mark::At(-5),
            Mark::At(1_709_542_630_133),
            Mark::Idle(None),
            Mark::Idle(Some(-7)),
        ] {
            assert_eq!(Mark::decode(&mark.encode()), Some(mark));
        }
        for bad in [&b"soon"[..], b"idle:", b"idlex", b"idle:x", b"\xff"] {
            assert_eq!(Mark::decode(bad), None);
        }
    }

    /// The watermark is the minimum over every sender, waits for all of them, leaves idle ones out and
    /// never goes back.
    #[test]
    fn the_watermark_is_the_minimum_over_every_sender() {
        let mut w = SenderWatermarks::default();
        w.set_senders(senders(), 2);
        w.observe(0, "in.e.0", Mark::At(100));
        w.observe(0, "in.e.1", Mark::At(40));
        w.observe(0, "x.0", Mark::Idle(None));
        // Not heard from anyone on exchange 1's topic yet.
        assert_eq!(w.advance(), None);
        assert_eq!(w.evicted_to(), None);
        w.observe(1, "in.e.0", Mark::At(100));
        w.observe(1, "in.e.1", Mark::At(40));
        w.observe(1, "x.0", Mark::At(70));
        assert_eq!(w.advance(), Some(40));
        assert_eq!(w.evicted_to(), Some(40));
        // The slow partition catches up and goes quiet: the others decide.
        w.observe(0, "in.e.1", Mark::Idle(Some(40)));
        w.observe(1, "in.e.1", Mark::Idle(Some(40)));
        assert_eq!(w.advance(), Some(70));
        assert_eq!(w.evicted_to(), Some(70));
        // It wakes up behind: the watermark does not go back.
        w.observe(0, "in.e.1", Mark::At(50));
        assert_eq!(w.advance(), None);
        assert_eq!(w.evicted_to(), Some(70));
        // Everyone idle: the least event time they reached, but never back.
        for exchange in 0..2 {
            w.observe(exchange, "in.e.0", Mark::Idle(Some(300)));
            w.observe(exchange, "in.e.1", Mark::Idle(Some(200)));
            w.observe(exchange, "x.0", Mark::Idle(None));
        }
        assert_eq!(w.advance(), Some(200));
        assert_eq!(w.evicted_to(), Some(200));
        for s in senders() {
            w.observe(1, &s, Mark::Idle(None));
        }
        w.observe(0, "in.e.1", Mark::Idle(Some(90)));
        assert_eq!(w.advance(), None);
        assert_eq!(w.evicted_to(), Some(200));
        let restored = SenderWatermarks::from_entries(
            w.entries().map(|(x, s, m)| ((x, s.to_owned()), m)),
            w.evicted_to(),
        );
        assert_eq!(restored.evicted_to(), Some(200));
        assert_eq!(restored.heard, w.heard);
    }

    /// A repartition task forwards on exchange j only what it heard on the exchanges before j, so two
    /// repartition tasks feeding each other do not wait on each other.
    #[test]
    fn forwarding_uses_only_earlier_exchanges() {
        let mut w = SenderWatermarks::default();
        w.set_senders(senders(), 3);
        assert_eq!(w.forward(0), Some(Mark::Idle(None)));
        assert_eq!(w.forward(1), None);
        w.observe(0, "in.e.0", Mark::At(10));
        w.observe(0, "in.e.1", Mark::At(20));
        w.observe(0, "x.0", Mark::Idle(None));
        assert_eq!(w.forward(1), Some(Mark::At(10)));
        // All of exchange 0's senders idle: forwarded as idle, with the least time they reached.
        w.observe(0, "in.e.0", Mark::Idle(Some(15)));
        w.observe(0, "in.e.1", Mark::Idle(Some(20)));
        assert_eq!(w.forward(1), Some(Mark::Idle(Some(15))));
        w.observe(0, "in.e.0", Mark::At(10));
        // Exchange 1's topic is still silent, which holds back exchange 2 but not exchange 1.
        assert_eq!(w.forward(2), None);
        assert_eq!(w.forward(1), Some(Mark::At(10)));
    }
}
