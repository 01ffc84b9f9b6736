//! The `stream` executor: polls the input and repartition topics, feeds each record to the task of its
//! partition, steps the tasks' dataflows, checkpoints (sending what crosses the job's exchanges), emits,
//! and stops on a signal or once idle.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use rdkafka::consumer::{BaseConsumer, Consumer, ConsumerContext, Rebalance};
use rdkafka::message::{Headers, Message};
use rdkafka::{ClientContext, Offset, TopicPartitionList};

use super::changelog::{Changelog, Choice, Replica, HANDOVER_TIMEOUT};
use super::client::{
    client_config, ensure_topics, partition_count, OutputProducer, REQUEST_TIMEOUT,
};
use super::config::{ConfigFile, StreamArgs, StreamConfig};
use super::error::StreamError;
use super::job::{JobFactory, SinkMode, StreamJob};
use super::metrics::Progress;
use super::output::WATERMARK_HEADER;
use super::repartition::RepartitionTopics;
use super::store::TaskStore;
use super::task::{OutputTopics, PushOutcome, Task, TaskId};

/// How many records are polled into one chunk before the tasks step.
const MAX_CHUNK: usize = 4096;
/// How long one poll waits for records when none are buffered.
const POLL_WAIT: Duration = Duration::from_millis(100);
/// How long a task waits for another instance to release its store file after a rebalance, when the
/// instances share a state directory (redb's file lock lets one instance hold a task at a time).
const STORE_HANDOVER_TIMEOUT: Duration = Duration::from_secs(60);

/// What a stream run did, for the caller and for tests.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct StreamSummary {
    /// Input records fed to the job.
    pub records_in: u64,
    /// Output messages written.
    pub messages_out: u64,
    /// Messages written to repartition topics.
    pub repartitioned: u64,
    /// Malformed input records sent to the dead-letter topic.
    pub dead_letters: u64,
    /// The most live operator-state entries the tasks held at once (sampled after every step).
    pub peak_state_entries: usize,
    /// Live operator-state entries when the job stopped.
    pub final_state_entries: usize,
    /// Size of the tasks' state files when the job stopped, in bytes.
    pub final_state_bytes: u64,
    /// From the call to the first poll: clients, topics (created when missing) and, without a group,
    /// every task's restore (from its store or its changelog).
    pub startup: Duration,
}

/// Runs `factory`'s job in stream mode until SIGINT/SIGTERM, or until idle with `--until-idle`.
/// `script_emit_interval` is the script's `pigc.emit_interval`, if it sets one. With `--write-config
/// FILE` it only writes the job's default config file (see [`ConfigFile::render_default`]) and returns
/// an empty summary.
pub fn run_stream<F: JobFactory>(
    factory: &F,
    args: &StreamArgs,
    script_emit_interval: Option<Duration>,
) -> Result<StreamSummary, StreamError> {
    if let Some(reasons) = factory.batch_only() {
        return Err(StreamError::BatchOnly(reasons));
    }
    if let Some(path) = &args.write_config {
        write_default_config(factory, path)?;
        return Ok(StreamSummary::default());
    }
    let config = StreamConfig::resolve(args, script_emit_interval)?;
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM] {
        signal_hook::flag::register(signal, Arc::clone(&stop)).map_err(|source| {
            StreamError::Io {
                what: "cannot install the signal handler".into(),
                source,
            }
        })?;
    }
    let started = Instant::now();
    StreamRun::new(factory, config, stop)?.run(started)
}

/// Writes the config file binding each of the job's LOAD and STORE locations to a topic of the same
/// name (the config-gen step of a Samza-style deployment), for the user to edit.
fn write_default_config<F: JobFactory>(factory: &F, path: &Path) -> Result<(), StreamError> {
    let mut locations: Vec<String> = factory.sources().into_iter().map(|s| s.location).collect();
    locations.extend(factory.sinks().into_iter().map(|s| s.location));
    let text = ConfigFile::render_default(locations.iter().map(String::as_str));
    std::fs::write(path, text).map_err(|source| StreamError::Io {
        what: format!("cannot write config file {}", path.display()),
        source,
    })
}

/// Topic names of a job's LOADs, STOREs and exchanges, and the inputs' dead-letter topics.
struct Topics {
    /// Input topic → indexes of the sources that read it.
    inputs: BTreeMap<String, Vec<usize>>,
    /// Input topic → its partition count.
    input_partitions: BTreeMap<String, i32>,
    /// Repartition topic → index of its exchange.
    exchanges: BTreeMap<String, usize>,
    /// Where tasks write.
    outputs: OutputTopics,
    /// Input topic → its dead-letter topic.
    dead_letters: BTreeMap<String, String>,
}

impl Topics {
    /// Resolves the bindings, reads the inputs' partition counts and creates the sink, dead-letter and
    /// repartition topics that do not exist yet.
    fn resolve<F: JobFactory, C: rdkafka::ClientContext>(
        factory: &F,
        config: &StreamConfig,
        client: &rdkafka::client::Client<C>,
    ) -> Result<Self, StreamError> {
        let mut inputs: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (index, source) in factory.sources().iter().enumerate() {
            inputs
                .entry(config.topic_of(&source.location).to_owned())
                .or_default()
                .push(index);
        }
        let sinks: Vec<String> = factory
            .sinks()
            .iter()
            .map(|sink| config.topic_of(&sink.location).to_owned())
            .collect();
        let dead_letters: BTreeMap<String, String> = inputs
            .keys()
            .map(|topic| (topic.clone(), format!("{topic}.dead-letter")))
            .collect();
        if inputs.is_empty() {
            return Err(StreamError::Config("the job has no LOAD to read".into()));
        }
        let mut input_partitions = BTreeMap::new();
        for topic in inputs.keys() {
            input_partitions.insert(topic.clone(), partition_count(client, topic)?);
        }
        let most = input_partitions.values().copied().max().unwrap_or(1);
        let mut created: Vec<&str> = sinks.iter().map(String::as_str).collect();
        created.extend(dead_letters.values().map(String::as_str));
        ensure_topics(config, &created, most)?;
        let repartition = RepartitionTopics::create(config, client, &factory.exchanges(), most)?;
        let exchanges = (0..)
            .zip(&repartition.topics)
            .map(|(index, topic)| (topic.clone(), index))
            .collect();
        let mut topics = Self {
            inputs,
            input_partitions,
            exchanges,
            outputs: OutputTopics {
                sinks,
                repartition,
                tasks: Vec::new(),
            },
            dead_letters,
        };
        topics.outputs.tasks = topics.all_tasks().iter().map(TaskId::to_string).collect();
        Ok(topics)
    }

    /// The task that reads partition `partition` of `topic`, if the job reads that topic.
    fn task_of(&self, topic: &str, partition: i32) -> Option<TaskId> {
        if self.exchanges.contains_key(topic) {
            Some(TaskId::Repartition { partition })
        } else {
            self.inputs.contains_key(topic).then(|| TaskId::Input {
                topic: topic.to_owned(),
                partition,
            })
        }
    }

    /// The (topic, partition) pairs task `id` reads.
    fn read_by<'a>(&'a self, id: &'a TaskId) -> Vec<(&'a str, i32)> {
        match id {
            TaskId::Input { topic, partition } => vec![(topic.as_str(), *partition)],
            TaskId::Repartition { partition } => self
                .outputs
                .repartition
                .topics
                .iter()
                .map(|t| (t.as_str(), *partition))
                .collect(),
        }
    }

    /// Every task of the job, when one instance runs them all.
    fn all_tasks(&self) -> Vec<TaskId> {
        let mut tasks = Vec::new();
        for (topic, &count) in &self.input_partitions {
            tasks.extend((0..count).map(|partition| TaskId::Input {
                topic: topic.clone(),
                partition,
            }));
        }
        if !self.exchanges.is_empty() {
            let count = self.outputs.repartition.partitions;
            tasks.extend((0..count).map(|partition| TaskId::Repartition { partition }));
        }
        tasks
    }

    /// Every topic the job consumes.
    fn consumed(&self) -> Vec<&str> {
        self.inputs
            .keys()
            .chain(self.exchanges.keys())
            .map(String::as_str)
            .collect()
    }
}

/// Partitions assigned and revoked by the group coordinator, queued for the run loop.
#[derive(Default)]
struct RebalanceContext {
    events: Mutex<Vec<RebalanceEvent>>,
}

impl RebalanceContext {
    fn has_events(&self) -> bool {
        self.events.lock().is_ok_and(|events| !events.is_empty())
    }
}

enum RebalanceEvent {
    Assigned(Vec<(String, i32)>),
    Revoked(Vec<(String, i32)>),
}

impl ClientContext for RebalanceContext {}

impl ConsumerContext for RebalanceContext {
    fn post_rebalance(&self, _: &BaseConsumer<Self>, rebalance: &Rebalance<'_>) {
        let event = match rebalance {
            Rebalance::Assign(list) => RebalanceEvent::Assigned(partitions_of(list)),
            Rebalance::Revoke(list) => RebalanceEvent::Revoked(partitions_of(list)),
            Rebalance::Error(err) => {
                tracing::warn!(%err, "rebalance error");
                return;
            }
        };
        if let Ok(mut events) = self.events.lock() {
            events.push(event);
        }
    }
}

fn partitions_of(list: &TopicPartitionList) -> Vec<(String, i32)> {
    list.elements()
        .iter()
        .map(|e| (e.topic().to_owned(), e.partition()))
        .collect()
}

struct StreamRun<'f, F: JobFactory> {
    factory: &'f F,
    config: StreamConfig,
    stop: Arc<AtomicBool>,
    topics: Topics,
    modes: Vec<SinkMode>,
    consumer: BaseConsumer<RebalanceContext>,
    /// A client of its own for watermark queries: on the consumer's connection they would wait behind
    /// its long-polling fetches (up to `fetch.wait.max.ms` each).
    watermarks: BaseConsumer,
    producer: OutputProducer,
    changelog: Changelog,
    tasks: BTreeMap<TaskId, Task<F::Job>>,
    progress: Progress,
    summary: StreamSummary,
}

impl<'f, F: JobFactory> StreamRun<'f, F> {
    fn new(
        factory: &'f F,
        config: StreamConfig,
        stop: Arc<AtomicBool>,
    ) -> Result<Self, StreamError> {
        let modes = factory.sinks().iter().map(|s| s.mode).collect();
        let mut consumer_config = client_config(&config);
        consumer_config
            .set("enable.auto.commit", "false")
            .set("enable.auto.offset.store", "false")
            .set("auto.offset.reset", "earliest")
            .set("enable.partition.eof", "false")
            // Range assignment gives one member partition q of every repartition topic (they all have
            // the same partition count), which is what a repartition task reads.
            .set("partition.assignment.strategy", "range");
        // Without --group the job assigns partitions itself; librdkafka still wants a group id.
        let group = config
            .group
            .clone()
            .unwrap_or_else(|| format!("pigc-standalone-{}", std::process::id()));
        consumer_config.set("group.id", &group);
        let consumer: BaseConsumer<RebalanceContext> = consumer_config
            .create_with_context(RebalanceContext::default())
            .map_err(StreamError::kafka("cannot create the consumer"))?;
        let watermarks: BaseConsumer = client_config(&config)
            .create()
            .map_err(StreamError::kafka("cannot create the watermark client"))?;
        let producer = OutputProducer::new(&config)?;
        let topics = Topics::resolve(factory, &config, consumer.client())?;
        let changelog = Changelog::create(
            &config,
            consumer.client(),
            &topics.input_partitions,
            if topics.exchanges.is_empty() {
                0
            } else {
                topics.outputs.repartition.partitions
            },
        )?;
        Ok(Self {
            factory,
            progress: Progress::new(config.log_interval),
            config,
            stop,
            topics,
            modes,
            consumer,
            watermarks,
            producer,
            changelog,
            tasks: BTreeMap::new(),
            summary: StreamSummary::default(),
        })
    }

    /// Polls, steps, checkpoints and emits until stopped.
    ///
    /// # When an operator fails the job
    /// A task whose step reports a failure ([`StreamJob::failure`]) ends the run at once with
    /// [`StreamError::JobFailed`], as Flink and Kafka Streams fail a job on an exception. Nothing
    /// is checkpointed or emitted on the way out, for any task of the instance: the failing task's step
    /// output, state and offsets since its last checkpoint are dropped, so no output or repartition
    /// topic sees anything of the failing step and a restart re-reads the input from that checkpoint and
    /// fails again at the same record. The other tasks are not given a final checkpoint either (Flink
    /// restarts every task from the last completed checkpoint; Kafka Streams closes its tasks dirty):
    /// what they emitted before stays, what they did since their last checkpoint is redone after a
    /// restart exactly once (outbox and read marks), and the failure path does no broker I/O that could
    /// hang or fail in turn. The cost is at most one checkpoint interval of rework. Only failures that
    /// no later input can undo stop the run (`StreamJob::failure`: ASSERT); a relation read as a scalar
    /// that has two rows or none at some step is logged, since only the whole input settles it.
    fn run(mut self, started: Instant) -> Result<StreamSummary, StreamError> {
        self.start_consuming()?;
        self.summary.startup = started.elapsed();
        let mut next_checkpoint = Instant::now() + self.config.checkpoint_interval;
        let mut next_emit = Instant::now() + self.config.emit_interval;
        let mut last_record = Instant::now();
        while !self.stop.load(Ordering::Relaxed) {
            let polled = self.poll_chunk()?;
            if polled > 0 {
                last_record = Instant::now();
            }
            for task in self.tasks.values_mut() {
                task.step()?;
            }
            if polled > 0 {
                let entries = self.tasks.values().map(Task::state_entries).sum();
                self.summary.peak_state_entries = self.summary.peak_state_entries.max(entries);
            }
            self.producer.poll();
            let now = Instant::now();
            if now >= next_emit {
                self.emit_all()?;
                next_emit = now + self.config.emit_interval;
                next_checkpoint = now + self.config.checkpoint_interval;
            } else if now >= next_checkpoint {
                self.checkpoint_all()?;
                next_checkpoint = now + self.config.checkpoint_interval;
            }
            if self.progress.due() {
                let lag = self.lag();
                self.progress.log(&self.summary, &self.tasks, &lag);
            }
            if let Some(idle) = self.config.until_idle {
                if last_record.elapsed() >= idle && !self.tasks.is_empty() {
                    if self.tasks.values().any(Task::has_repartition_output) {
                        // Not done while changes wait to cross an exchange: send them now.
                        self.checkpoint_all()?;
                        next_checkpoint = Instant::now() + self.config.checkpoint_interval;
                    } else if self.caught_up()? {
                        tracing::info!("inputs caught up and idle for {idle:?}: stopping");
                        break;
                    }
                }
            }
        }
        self.emit_all()?;
        for task in self.tasks.values() {
            task.release()?;
        }
        self.summary.final_state_entries = self.tasks.values().map(Task::state_entries).sum();
        self.summary.final_state_bytes = self.tasks.values().map(Task::store_bytes).sum();
        tracing::info!(
            records_in = self.summary.records_in,
            messages_out = self.summary.messages_out,
            repartitioned = self.summary.repartitioned,
            dead_letters = self.summary.dead_letters,
            "stream job stopped after a final checkpoint"
        );
        Ok(self.summary)
    }

    /// Joins the group, or without one opens every task and assigns every partition at the stored
    /// offsets.
    fn start_consuming(&mut self) -> Result<(), StreamError> {
        if self.config.group.is_some() {
            let consumed = self.topics.consumed();
            return self
                .consumer
                .subscribe(&consumed)
                .map_err(StreamError::kafka("cannot subscribe to the input topics"));
        }
        let mut assignment = TopicPartitionList::new();
        let all = self.topics.all_tasks();
        self.open_tasks(&all)?;
        for id in all {
            for (topic, partition) in self.topics.read_by(&id) {
                let offset = self.tasks[&id]
                    .next_offset(topic)
                    .map_or(Offset::Beginning, Offset::Offset);
                assignment
                    .add_partition_offset(topic, partition, offset)
                    .map_err(StreamError::kafka("cannot build the assignment"))?;
            }
        }
        self.consumer
            .assign(&assignment)
            .map_err(StreamError::kafka("cannot assign the input partitions"))
    }

    /// Opens the tasks of `ids` not open yet: reads their changelogs (in a group, waiting for the
    /// previous owners to release them), then opens each with its local store and changelog.
    fn open_tasks(&mut self, ids: &[TaskId]) -> Result<(), StreamError> {
        let mut new: Vec<&TaskId> = ids
            .iter()
            .filter(|id| !self.tasks.contains_key(id))
            .collect();
        new.sort();
        new.dedup();
        if new.is_empty() {
            return Ok(());
        }
        let started = Instant::now();
        let handover = self.config.group.is_some().then_some(HANDOVER_TIMEOUT);
        let replicas = self.changelog.read(&new, handover)?;
        let read_in = started.elapsed();
        for (id, replica) in new.into_iter().zip(replicas) {
            self.open_task(id, &replica, read_in)?;
        }
        Ok(())
    }

    fn open_task(
        &mut self,
        id: &TaskId,
        replica: &Replica,
        read_in: Duration,
    ) -> Result<(), StreamError> {
        let started = Instant::now();
        let name = id.to_string();
        let deadline = Instant::now() + STORE_HANDOVER_TIMEOUT;
        let mut store = loop {
            match TaskStore::open(&self.config.state_dir, &name) {
                Ok(store) => break store,
                // In a group, the previous owner may still be writing its last checkpoint.
                Err(err) if self.config.group.is_some() && Instant::now() < deadline => {
                    tracing::debug!(task = %name, %err, "waiting for the task's store");
                    std::thread::sleep(Duration::from_millis(200));
                }
                Err(err) => return Err(err),
            }
        };
        let synced = store.sync(self.changelog.sink(id), replica)?;
        let (changelog_topic, changelog_partition) = self.changelog.partition_of(id);
        tracing::info!(
            task = %name,
            changelog = %format!("{changelog_topic}/{changelog_partition}"),
            choice = ?synced.choice,
            checkpoint = synced.position.seq,
            changelog_records = replica.records,
            changelog_bytes = replica.bytes,
            torn = replica.torn,
            restored_entries = synced.restored_entries,
            read_ms = read_in.as_millis() as u64,
            restore_ms = started.elapsed().as_millis() as u64,
            "{}",
            match synced.choice {
                Choice::Restore => "task state restored from its changelog",
                Choice::UpToDate => "task state: the local store is current",
                Choice::KeepLocal if synced.position.seq == 0 => "task starts afresh",
                Choice::KeepLocal => "task state: the local store is kept and snapshotted to its changelog",
            }
        );
        let mut job = self.factory.create();
        if let Some(retention) = self.config.retention {
            job.set_retention_ms(i64::try_from(retention.as_millis()).unwrap_or(i64::MAX))?;
        }
        let task = Task::open(
            id,
            job,
            store,
            &self.config,
            &self.topics.outputs,
            &self.modes,
            &self.producer,
        )?;
        self.tasks.insert(id.clone(), task);
        Ok(())
    }

    /// Polls up to one chunk of records and feeds them to their tasks. Returns how many were polled.
    fn poll_chunk(&mut self) -> Result<usize, StreamError> {
        let mut polled = 0;
        let mut wait = POLL_WAIT;
        while polled < MAX_CHUNK {
            let Some(result) = self.consumer.poll(wait) else {
                break;
            };
            wait = Duration::ZERO;
            let message = match result {
                Ok(message) => message,
                Err(err) => {
                    tracing::warn!(%err, "consumer error");
                    continue;
                }
            };
            polled += 1;
            if self.consumer.context().has_events() {
                // The poll also rebalanced: set up the new tasks before feeding them (rare, so copy).
                let message = message.detach();
                self.handle_rebalance()?;
                let record = (message.topic(), message.partition(), message.offset());
                feed(
                    &mut self.tasks,
                    &self.topics,
                    &self.producer,
                    &mut self.summary,
                    record,
                    (message.key(), message.payload(), || is_watermark(&message)),
                )?;
            } else {
                let record = (message.topic(), message.partition(), message.offset());
                feed(
                    &mut self.tasks,
                    &self.topics,
                    &self.producer,
                    &mut self.summary,
                    record,
                    (message.key(), message.payload(), || is_watermark(&message)),
                )?;
            }
        }
        self.handle_rebalance()?;
        self.progress.count_in(polled as u64);
        Ok(polled)
    }

    /// Applies partition assignments and revocations the group coordinator made during a poll.
    fn handle_rebalance(&mut self) -> Result<(), StreamError> {
        let events = match self.consumer.context().events.lock() {
            Ok(mut events) => std::mem::take(&mut *events),
            Err(_) => return Ok(()),
        };
        for event in events {
            match event {
                RebalanceEvent::Revoked(partitions) => {
                    let mut ids: Vec<TaskId> = partitions
                        .iter()
                        .filter_map(|(topic, p)| self.topics.task_of(topic, *p))
                        .collect();
                    ids.sort();
                    ids.dedup();
                    for id in ids {
                        if let Some(mut task) = self.tasks.remove(&id) {
                            self.emit(&mut [&mut task], true)?;
                            task.release()?;
                            tracing::info!(
                                task = %id,
                                "partition revoked: state checkpointed and released"
                            );
                        }
                    }
                }
                RebalanceEvent::Assigned(partitions) => {
                    let ids: Vec<TaskId> = partitions
                        .iter()
                        .filter_map(|(topic, p)| self.topics.task_of(topic, *p))
                        .collect();
                    self.open_tasks(&ids)?;
                    for (topic, partition) in partitions {
                        let Some(id) = self.topics.task_of(&topic, partition) else {
                            continue;
                        };
                        if let Some(offset) = self.tasks[&id].next_offset(&topic) {
                            if let Err(err) = self.consumer.seek(
                                &topic,
                                partition,
                                Offset::Offset(offset),
                                REQUEST_TIMEOUT,
                            ) {
                                // Not fatal: records before the stored offset are skipped by the task.
                                tracing::debug!(%err, topic, partition, "seek after assignment failed");
                            }
                        }
                        tracing::info!(
                            task = %id,
                            topic,
                            "partition assigned"
                        );
                    }
                }
            }
        }
        Ok(())
    }

    /// Checkpoints `tasks`, sending what crosses their exchanges and, with `sinks`, emitting their
    /// output: every outbox is committed, the changelogs are flushed once, every outbox is queued, the
    /// producer is flushed once, then every outbox is cleared.
    fn emit(&mut self, tasks: &mut [&mut Task<F::Job>], sinks: bool) -> Result<(), StreamError> {
        let started = Instant::now();
        for task in tasks.iter_mut() {
            let idle = self.is_idle(task);
            let emitted = task.begin_emission(&self.topics.outputs, sinks, idle)?;
            self.summary.messages_out += emitted.messages;
            self.summary.repartitioned += emitted.repartitioned;
            self.progress.count_out(emitted.messages);
        }
        self.changelog.flush()?;
        for task in tasks.iter_mut() {
            task.send_emission(&self.topics.outputs, &self.producer)?;
        }
        self.producer.flush()?;
        for task in tasks.iter_mut() {
            task.finish_emission()?;
        }
        self.progress.checkpointed();
        tracing::debug!(elapsed = ?started.elapsed(), "emitted and checkpointed");
        Ok(())
    }

    fn emit_all(&mut self) -> Result<(), StreamError> {
        self.emit_every_task(true)
    }

    fn checkpoint_all(&mut self) -> Result<(), StreamError> {
        self.emit_every_task(false)
    }

    fn emit_every_task(&mut self, sinks: bool) -> Result<(), StreamError> {
        let mut tasks = std::mem::take(&mut self.tasks);
        let result = self.emit(&mut tasks.values_mut().collect::<Vec<_>>(), sinks);
        self.tasks = tasks;
        result
    }

    /// Whether `task` reads an input partition, read nothing since its last emission and has caught up
    /// with the partition's end: its watermark then becomes idle (see [`super::watermark`]).
    fn is_idle(&self, task: &Task<F::Job>) -> bool {
        let TaskId::Input { topic, partition } = task.id() else {
            return false;
        };
        if !task.is_quiet() {
            return false;
        }
        match self
            .watermarks
            .fetch_watermarks(topic, *partition, REQUEST_TIMEOUT)
        {
            Ok((low, high)) => task.next_offset(topic).unwrap_or(low) >= high,
            Err(err) => {
                tracing::debug!(%err, topic, partition, "cannot read the end offset");
                false
            }
        }
    }

    /// Lag (end offset minus next offset) of every assigned partition.
    fn lag(&self) -> Vec<(String, i32, i64)> {
        let mut lag = Vec::new();
        for (id, task) in &self.tasks {
            for (topic, partition) in self.topics.read_by(id) {
                if let Ok((_, high)) =
                    self.watermarks
                        .fetch_watermarks(topic, partition, REQUEST_TIMEOUT)
                {
                    let next = task.next_offset(topic).unwrap_or(0);
                    lag.push((topic.to_owned(), partition, (high - next).max(0)));
                }
            }
        }
        lag
    }

    fn caught_up(&self) -> Result<bool, StreamError> {
        for (id, task) in &self.tasks {
            for (topic, partition) in self.topics.read_by(id) {
                let (low, high) = self
                    .watermarks
                    .fetch_watermarks(topic, partition, REQUEST_TIMEOUT)
                    .map_err(StreamError::kafka(format!(
                        "cannot read end offsets of {topic}"
                    )))?;
                let next = task.next_offset(topic).unwrap_or(low);
                if next < high {
                    return Ok(false);
                }
            }
        }
        Ok(true)
    }
}

/// Whether a repartition-topic message is a watermark rather than a change (see
/// [`super::watermark`]).
fn is_watermark(message: &impl Message) -> bool {
    message.headers().is_some_and(|headers| {
        headers.iter().any(|header| {
            header.key == "pigc.op" && header.value == Some(WATERMARK_HEADER.as_bytes())
        })
    })
}

/// Feeds one consumed record (topic, partition, offset) to its task; a malformed input record goes to
/// the dead-letter topic. `watermark` reads the headers of a repartition-topic message (only those can
/// be watermarks).
fn feed<J: StreamJob>(
    tasks: &mut BTreeMap<TaskId, Task<J>>,
    topics: &Topics,
    producer: &OutputProducer,
    summary: &mut StreamSummary,
    (topic, partition, offset): (&str, i32, i64),
    (key, payload, watermark): (Option<&[u8]>, Option<&[u8]>, impl FnOnce() -> bool),
) -> Result<(), StreamError> {
    let Some(task) = topics
        .task_of(topic, partition)
        .and_then(|id| tasks.get_mut(&id))
    else {
        return Ok(());
    };
    if let Some(&exchange) = topics.exchanges.get(topic) {
        task.push_exchange((topic, offset, exchange), key, payload, watermark())?;
        return Ok(());
    }
    let Some(sources) = topics.inputs.get(topic) else {
        return Ok(());
    };
    match task.push(topic, offset, sources, payload) {
        PushOutcome::Pushed => summary.records_in += 1,
        PushOutcome::AlreadyRead => {}
        PushOutcome::Malformed(reason) => {
            summary.dead_letters += 1;
            let dead_letter_topic = &topics.dead_letters[topic];
            producer.send_dead_letter(
                dead_letter_topic,
                payload,
                &reason,
                (topic, partition, offset),
            )?;
        }
    }
    Ok(())
}
