//! Kafka clients configured from the job's options: the input consumer, the output producer (which also
//! writes dead letters), topic creation and watermark queries.

use std::collections::HashSet;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use rdkafka::admin::{AdminClient, AdminOptions, NewTopic, TopicReplication};
use rdkafka::client::DefaultClientContext;
use rdkafka::config::ClientConfig;
use rdkafka::consumer::{BaseConsumer, Consumer};
use rdkafka::error::KafkaError;
use rdkafka::message::{Header, Message, OwnedHeaders};
use rdkafka::producer::{BaseProducer, BaseRecord, DeliveryResult, Producer, ProducerContext};
use rdkafka::types::RDKafkaErrorCode;
use rdkafka::{ClientContext, Offset, TopicPartitionList};

use super::config::StreamConfig;
use super::error::StreamError;
use super::output::{OutboxMessage, OutputOp};

/// How long one metadata or watermark request may take.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);

/// A client configuration with the job's brokers and `--set` properties.
pub fn client_config(config: &StreamConfig) -> ClientConfig {
    let mut client = ClientConfig::new();
    client.set("bootstrap.servers", &config.brokers);
    for (key, value) in &config.properties {
        client.set(key, value);
    }
    client
}

/// Creates the topics that do not exist yet, each with `partitions` partitions.
pub fn ensure_topics(
    config: &StreamConfig,
    topics: &[&str],
    partitions: i32,
) -> Result<(), StreamError> {
    let topics: Vec<(&str, i32)> = topics.iter().map(|&topic| (topic, partitions)).collect();
    ensure_topics_with(config, &topics, &[])
}

/// Creates the topics of `topics` (name, partition count) that do not exist yet, with the topic
/// configuration `settings` (e.g. `cleanup.policy=compact`).
pub fn ensure_topics_with(
    config: &StreamConfig,
    topics: &[(&str, i32)],
    settings: &[(&str, &str)],
) -> Result<(), StreamError> {
    let admin: AdminClient<DefaultClientContext> = client_config(config)
        .create()
        .map_err(StreamError::kafka("cannot create an admin client"))?;
    let mut missing = Vec::new();
    for &(topic, partitions) in topics {
        let metadata = admin
            .inner()
            .fetch_metadata(Some(topic), REQUEST_TIMEOUT)
            .map_err(StreamError::kafka(format!(
                "cannot read metadata of topic {topic}"
            )))?;
        let exists = metadata
            .topics()
            .iter()
            .any(|t| t.name() == topic && !t.partitions().is_empty());
        if !exists {
            let new_topic = NewTopic::new(topic, partitions, TopicReplication::Fixed(1));
            missing.push(settings.iter().fold(new_topic, |new_topic, &(key, value)| {
                new_topic.set(key, value)
            }));
        }
    }
    if missing.is_empty() {
        return Ok(());
    }
    let results = futures_executor::block_on(admin.create_topics(&missing, &AdminOptions::new()))
        .map_err(StreamError::kafka("cannot create topics"))?;
    for result in results {
        match result {
            Ok(_) | Err((_, RDKafkaErrorCode::TopicAlreadyExists)) => {}
            Err((topic, code)) => {
                return Err(StreamError::Kafka {
                    what: format!("cannot create topic {topic}"),
                    source: KafkaError::AdminOp(code),
                })
            }
        }
    }
    Ok(())
}

/// Number of partitions of `topic`, waiting up to the request timeout for it to appear.
pub fn partition_count<C: ClientContext>(
    client: &rdkafka::client::Client<C>,
    topic: &str,
) -> Result<i32, StreamError> {
    let deadline = Instant::now() + REQUEST_TIMEOUT;
    loop {
        let metadata = client
            .fetch_metadata(Some(topic), REQUEST_TIMEOUT)
            .map_err(StreamError::kafka(format!(
                "cannot read metadata of topic {topic}"
            )))?;
        let count = metadata
            .topics()
            .iter()
            .find(|t| t.name() == topic)
            .map_or(0, |t| t.partitions().len());
        if count > 0 {
            return i32::try_from(count).map_err(|_| {
                StreamError::Config(format!("topic {topic} has too many partitions"))
            });
        }
        if Instant::now() >= deadline {
            return Err(StreamError::Config(format!(
                "input topic {topic} does not exist on the broker"
            )));
        }
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// Counts deliveries that failed, keeping the first error for the report.
#[derive(Default)]
pub struct DeliveryTracker {
    failed: AtomicU64,
    first_error: Mutex<Option<String>>,
}

impl ClientContext for DeliveryTracker {}

impl ProducerContext for DeliveryTracker {
    type DeliveryOpaque = ();

    fn delivery(&self, result: &DeliveryResult<'_>, _: ()) {
        if let Err((err, _)) = result {
            self.failed.fetch_add(1, Ordering::Relaxed);
            if let Ok(mut first) = self.first_error.lock() {
                first.get_or_insert_with(|| err.to_string());
            }
        }
    }
}

/// The job's producers: output messages and dead letters on one, repartition messages on another that
/// keeps their order across retries (one request in flight per connection), which the repartition
/// readers' dedupe relies on (see [`super::repartition`]).
pub struct OutputProducer {
    producer: BaseProducer<DeliveryTracker>,
    ordered: BaseProducer<DeliveryTracker>,
}

impl OutputProducer {
    /// Creates the producers (acks=all, unless `--set` says otherwise).
    pub fn new(config: &StreamConfig) -> Result<Self, StreamError> {
        let mut client = ClientConfig::new();
        // `consistent`: a key's messages always go to one partition, the empty key (an upsert keyed by a
        // single null field) included; librdkafka's default spreads empty keys at random, which would
        // let an older upsert of that key be read after a newer one.
        client
            .set("bootstrap.servers", &config.brokers)
            .set("acks", "all")
            .set("linger.ms", "5")
            .set("partitioner", "consistent");
        for (key, value) in &config.properties {
            client.set(key, value);
        }
        let producer = client
            .create_with_context(DeliveryTracker::default())
            .map_err(StreamError::kafka("cannot create the producer"))?;
        let mut ordered = client.clone();
        ordered.set("max.in.flight.requests.per.connection", "1");
        // Repartition messages are packed changes of a few record types, which lz4 shrinks several
        // times at little CPU cost: the broker stores and serves that much less (`--set
        // compression.type=…` chooses otherwise, for every producer).
        if !config.properties.contains_key("compression.type") {
            ordered.set("compression.type", "lz4");
        }
        let ordered = ordered
            .create_with_context(DeliveryTracker::default())
            .map_err(StreamError::kafka("cannot create the repartition producer"))?;
        Ok(Self { producer, ordered })
    }

    /// Queues one outbox message for `topic` (a repartition message for its partition).
    pub fn send_output(&self, topic: &str, message: &OutboxMessage) -> Result<(), StreamError> {
        let mut record: BaseRecord<'_, [u8], [u8]> = BaseRecord::to(topic).key(&message.key);
        if message.op != OutputOp::Delete {
            record = record.payload(&message.value);
        }
        if let Some(op) = message.op.header() {
            record = record.headers(OwnedHeaders::new().insert(Header {
                key: "pigc.op",
                value: Some(op),
            }));
        }
        if let Some(partition) = message.op.partition() {
            return enqueue(&self.ordered, record.partition(partition));
        }
        enqueue(&self.producer, record)
    }

    /// Queues a malformed input record for the dead-letter topic, with the reason and its origin in
    /// headers (`pigc.error`, `pigc.source.topic`, `pigc.source.partition`, `pigc.source.offset`).
    pub fn send_dead_letter(
        &self,
        topic: &str,
        payload: Option<&[u8]>,
        reason: &str,
        origin: (&str, i32, i64),
    ) -> Result<(), StreamError> {
        let (source_topic, partition, offset) = origin;
        let partition = partition.to_string();
        let offset = offset.to_string();
        let headers = OwnedHeaders::new()
            .insert(Header {
                key: "pigc.error",
                value: Some(reason),
            })
            .insert(Header {
                key: "pigc.source.topic",
                value: Some(source_topic),
            })
            .insert(Header {
                key: "pigc.source.partition",
                value: Some(&partition),
            })
            .insert(Header {
                key: "pigc.source.offset",
                value: Some(&offset),
            });
        let mut record: BaseRecord<'_, [u8], [u8]> = BaseRecord::to(topic).headers(headers);
        if let Some(payload) = payload {
            record = record.payload(payload);
        }
        enqueue(&self.producer, record)
    }

    /// Serves delivery reports without waiting (the run loop calls it once per iteration).
    pub fn poll(&self) {
        self.producer.poll(Duration::ZERO);
        self.ordered.poll(Duration::ZERO);
    }

    /// Waits until every queued message is acknowledged; fails if any was not delivered.
    pub fn flush(&self) -> Result<(), StreamError> {
        for producer in [&self.ordered, &self.producer] {
            producer
                .flush(Duration::from_secs(60))
                .map_err(StreamError::kafka("output was not acknowledged in time"))?;
            let context = producer.context();
            let failed = context.failed.swap(0, Ordering::Relaxed);
            if failed > 0 {
                let first = context
                    .first_error
                    .lock()
                    .ok()
                    .and_then(|mut e| e.take())
                    .unwrap_or_default();
                return Err(StreamError::Delivery(failed, first));
            }
        }
        Ok(())
    }
}

fn enqueue(
    producer: &BaseProducer<DeliveryTracker>,
    mut record: BaseRecord<'_, [u8], [u8]>,
) -> Result<(), StreamError> {
    loop {
        match producer.send(record) {
            Ok(()) => return Ok(()),
            Err((KafkaError::MessageProduction(RDKafkaErrorCode::QueueFull), back)) => {
                record = back;
                producer.poll(Duration::from_millis(5));
            }
            Err((err, _)) => {
                return Err(StreamError::Kafka {
                    what: "cannot queue an output message".into(),
                    source: err,
                })
            }
        }
    }
}

/// How long a topic read back must stay quiet to count as read to its end. Tansu's high watermarks are
/// not reliable (they can lag the last offset), so reads back end on silence, not on watermarks.
const READ_BACK_QUIET: Duration = Duration::from_millis(1500);

/// Keys starting with `id_prefix` among the messages of `topics`: the record ids an interrupted emission
/// already delivered. Reads every partition from its start (only after a crash during an emission).
pub fn keys_written_since(
    config: &StreamConfig,
    topics: &[String],
    id_prefix: &[u8],
) -> Result<HashSet<Vec<u8>>, StreamError> {
    let consumer: BaseConsumer = client_config(config)
        .set("group.id", "pigc-outbox-recovery")
        .set("enable.auto.commit", "false")
        .set("enable.partition.eof", "false")
        .create()
        .map_err(StreamError::kafka("cannot create the recovery consumer"))?;
    let mut assignment = TopicPartitionList::new();
    for topic in topics {
        for partition in 0..partition_count(consumer.client(), topic)? {
            assignment
                .add_partition_offset(topic, partition, Offset::Beginning)
                .map_err(StreamError::kafka("cannot build the recovery assignment"))?;
        }
    }
    consumer
        .assign(&assignment)
        .map_err(StreamError::kafka("cannot assign the recovery consumer"))?;
    let mut keys = HashSet::new();
    let mut last_message = Instant::now();
    while last_message.elapsed() < READ_BACK_QUIET {
        let Some(result) = consumer.poll(Duration::from_millis(100)) else {
            continue;
        };
        let message = result.map_err(StreamError::kafka("cannot read back output"))?;
        last_message = Instant::now();
        if let Some(key) = message.key().filter(|k| k.starts_with(id_prefix)) {
            keys.insert(key.to_vec());
        }
    }
    Ok(keys)
}
