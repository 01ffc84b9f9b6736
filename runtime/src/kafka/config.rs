//! The `stream` command's options: the command line of the run contract (design.md §1) and the TOML
//! config file generated next to a crate, which binds LOAD/STORE locations to topics.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::Deserialize;

use super::error::StreamError;

/// Command-line options of `<bin> stream` (design.md §1).
#[derive(Debug, Clone, Default, clap::Args)]
pub struct StreamArgs {
    /// Kafka bootstrap servers, HOST:PORT[,HOST:PORT...] (or `brokers` in the config file).
    #[arg(long)]
    pub brokers: Option<String>,
    /// Binds a LOAD or STORE location to a topic: LOCATION=TOPIC (default: the location itself).
    #[arg(long = "topic", value_name = "LOCATION=TOPIC")]
    pub topics: Vec<String>,
    /// Consumer group id; instances with the same id share the input partitions.
    #[arg(long)]
    pub group: Option<String>,
    /// Directory of the durable state and checkpoints.
    #[arg(long, default_value = "pigc-state")]
    pub state_dir: PathBuf,
    /// A librdkafka property passed through to every client: KEY=VALUE.
    #[arg(long = "set", value_name = "KEY=VALUE")]
    pub properties: Vec<String>,
    /// Stop cleanly once every input is caught up and quiet for this long (e.g. `5s`).
    #[arg(long, value_parser = parse_duration)]
    pub until_idle: Option<Duration>,
    /// TOML file with `brokers`, `group`, `[topics]` and `[properties]` (command-line values win).
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// Overrides the script's `pigc.emit_interval`.
    #[arg(long, value_parser = parse_duration)]
    pub emit_interval: Option<Duration>,
    /// How often operator state and input offsets are checkpointed.
    #[arg(long, value_parser = parse_duration, default_value = "10s")]
    pub checkpoint_interval: Duration,
    /// How often a progress line is logged.
    #[arg(long, value_parser = parse_duration, default_value = "10s")]
    pub log_interval: Duration,
    /// Write a config file binding every LOAD and STORE location to a topic of the same name to this
    /// path, for editing and `--config`, and exit without running.
    #[arg(long, value_name = "FILE")]
    pub write_config: Option<PathBuf>,
}

/// The TOML config file: every field optional, command-line values take precedence.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigFile {
    /// Bootstrap servers.
    pub brokers: Option<String>,
    /// Consumer group id.
    pub group: Option<String>,
    /// LOCATION → topic.
    #[serde(default)]
    pub topics: BTreeMap<String, String>,
    /// librdkafka properties.
    #[serde(default)]
    pub properties: BTreeMap<String, String>,
}

impl ConfigFile {
    /// Reads and parses a config file.
    pub fn load(path: &Path) -> Result<Self, StreamError> {
        let text = std::fs::read_to_string(path).map_err(|source| StreamError::Io {
            what: format!("cannot read config file {}", path.display()),
            source,
        })?;
        toml::from_str(&text)
            .map_err(|err| StreamError::Config(format!("{}: {err}", path.display())))
    }

    /// A config file binding every location to the topic of the same name: what codegen writes next to
    /// a generated crate for its user to edit.
    pub fn render_default<'a>(locations: impl IntoIterator<Item = &'a str>) -> String {
        let mut out = String::from(
            "# Kafka bindings for `stream --config <this file>`; command-line options win.\n\
             # brokers = \"127.0.0.1:9092\"\n# group = \"my-job\"\n\n[topics]\n",
        );
        for location in locations {
            out.push_str(&format!("{location:?} = {location:?}\n"));
        }
        out.push_str("\n[properties]\n# \"fetch.wait.max.ms\" = \"100\"\n");
        out
    }
}

/// Options resolved from the command line, the config file and the script's settings.
#[derive(Debug, Clone)]
pub struct StreamConfig {
    /// Bootstrap servers.
    pub brokers: String,
    /// Consumer group id, when the job runs as a member of a group.
    pub group: Option<String>,
    /// LOCATION → topic bindings (locations without one use their own name).
    pub topics: BTreeMap<String, String>,
    /// librdkafka properties for every client.
    pub properties: BTreeMap<String, String>,
    /// Durable state directory.
    pub state_dir: PathBuf,
    /// Stop once caught up and quiet this long.
    pub until_idle: Option<Duration>,
    /// How often output is emitted.
    pub emit_interval: Duration,
    /// How often a checkpoint is taken.
    pub checkpoint_interval: Duration,
    /// How often a progress line is logged.
    pub log_interval: Duration,
    /// Partitions of the repartition topics the job creates (`--set pigc.repartition.partitions=N`;
    /// default: the largest partition count of the input topics).
    pub repartition_partitions: Option<i32>,
    /// Overrides the script's `pigc.retention` (`--set pigc.retention=DURATION`).
    pub retention: Option<Duration>,
}

/// The `--set` key that sets [`StreamConfig::repartition_partitions`]; `--set` keys starting with
/// `pigc.` are the job's own, never passed to librdkafka.
pub const REPARTITION_PARTITIONS: &str = "pigc.repartition.partitions";

/// The `--set` key that sets [`StreamConfig::retention`].
pub const RETENTION: &str = "pigc.retention";

/// Pig's default `pigc.emit_interval` (design.md §4).
pub const DEFAULT_EMIT_INTERVAL: Duration = Duration::from_secs(600);

impl StreamConfig {
    /// Resolves `args` against its config file (if any) and the script's emit interval.
    pub fn resolve(
        args: &StreamArgs,
        script_emit_interval: Option<Duration>,
    ) -> Result<Self, StreamError> {
        let file = match &args.config {
            Some(path) => ConfigFile::load(path)?,
            None => ConfigFile::default(),
        };
        let brokers = args.brokers.clone().or(file.brokers).ok_or_else(|| {
            StreamError::Config("no brokers: pass --brokers HOST:PORT or set `brokers`".into())
        })?;
        let mut topics = file.topics;
        for binding in &args.topics {
            let (location, topic) = split_pair(binding, "--topic", "LOCATION=TOPIC")?;
            topics.insert(location, topic);
        }
        let mut properties = file.properties;
        for property in &args.properties {
            let (key, value) = split_pair(property, "--set", "KEY=VALUE")?;
            properties.insert(key, value);
        }
        let repartition_partitions = properties
            .remove(REPARTITION_PARTITIONS)
            .map(|text| match text.parse::<i32>() {
                Ok(n) if n > 0 => Ok(n),
                _ => Err(StreamError::Config(format!(
                    "{REPARTITION_PARTITIONS} must be a positive number, got {text:?}"
                ))),
            })
            .transpose()?;
        let retention = properties
            .remove(RETENTION)
            .map(|text| {
                parse_duration(&text).map_err(|e| StreamError::Config(format!("{RETENTION}: {e}")))
            })
            .transpose()?;
        if let Some(key) = properties.keys().find(|k| k.starts_with("pigc.")) {
            return Err(StreamError::Config(format!(
                "unknown job setting {key:?} (known: {REPARTITION_PARTITIONS}, {RETENTION})"
            )));
        }
        Ok(Self {
            brokers,
            group: args.group.clone().or(file.group),
            topics,
            properties,
            state_dir: args.state_dir.clone(),
            until_idle: args.until_idle,
            emit_interval: args
                .emit_interval
                .or(script_emit_interval)
                .unwrap_or(DEFAULT_EMIT_INTERVAL),
            checkpoint_interval: args.checkpoint_interval,
            log_interval: args.log_interval,
            repartition_partitions,
            retention,
        })
    }

    /// The topic bound to a LOAD/STORE location.
    pub fn topic_of<'a>(&'a self, location: &'a str) -> &'a str {
        self.topics.get(location).map_or(location, String::as_str)
    }
}

fn split_pair(text: &str, option: &str, shape: &str) -> Result<(String, String), StreamError> {
    match text.split_once('=') {
        Some((left, right)) if !left.is_empty() && !right.is_empty() => {
            Ok((left.to_owned(), right.to_owned()))
        }
        _ => Err(StreamError::Config(format!(
            "{option} expects {shape}, got {text:?}"
        ))),
    }
}

/// Parses a duration as Pig settings write them: a number and a unit `ms`, `s`, `m`, `h` or `d`
/// (`500ms`, `10s`, `10m`, `2d`).
pub fn parse_duration(text: &str) -> Result<Duration, String> {
    let text = text.trim();
    let split = text
        .find(|c: char| !c.is_ascii_digit())
        .ok_or_else(|| format!("duration {text:?} has no unit (ms, s, m, h, d)"))?;
    let (number, unit) = text.split_at(split);
    let amount: u64 = number
        .parse()
        .map_err(|_| format!("duration {text:?} does not start with a number"))?;
    let millis_per_unit: u64 = match unit {
        "ms" => 1,
        "s" => 1_000,
        "m" => 60_000,
        "h" => 3_600_000,
        "d" => 86_400_000,
        _ => {
            return Err(format!(
                "duration {text:?}: unknown unit {unit:?} (ms, s, m, h, d)"
            ))
        }
    };
    amount
        .checked_mul(millis_per_unit)
        .map(Duration::from_millis)
        .ok_or_else(|| format!("duration {text:?} is too large"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_parse_with_units() {
        assert_eq!(parse_duration("500ms"), Ok(Duration::from_millis(500)));
        assert_eq!(parse_duration("10m"), Ok(Duration::from_secs(600)));
        assert_eq!(parse_duration("2d"), Ok(Duration::from_secs(172_800)));
        assert!(parse_duration("10").is_err());
        assert!(parse_duration("m").is_err());
        assert!(parse_duration("3w").is_err());
    }

    #[test]
    fn command_line_wins_over_config_file() {
        let dir = std::env::temp_dir().join(format!("pigc-config-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("stream.toml");
        std::fs::write(
            &path,
            "brokers = \"127.0.0.1:1\"\n[topics]\nin = \"t-in\"\nout = \"t-out\"\n\
             [properties]\n\"fetch.wait.max.ms\" = \"50\"\n",
        )
        .unwrap();
        let args = StreamArgs {
            config: Some(path),
            topics: vec!["out=t-other".into()],
            properties: vec![
                "linger.ms=5".into(),
                "pigc.repartition.partitions=6".into(),
                "pigc.retention=3d".into(),
            ],
            ..StreamArgs::default()
        };
        let config = StreamConfig::resolve(&args, Some(Duration::from_secs(1))).unwrap();
        assert_eq!(config.brokers, "127.0.0.1:1");
        assert_eq!(config.topic_of("in"), "t-in");
        assert_eq!(config.topic_of("out"), "t-other");
        assert_eq!(config.topic_of("unbound"), "unbound");
        assert_eq!(
            config.properties.len(),
            2,
            "pigc.* keys are not librdkafka's"
        );
        assert_eq!(config.repartition_partitions, Some(6));
        assert_eq!(config.retention, Some(Duration::from_secs(3 * 86_400)));
        assert_eq!(config.emit_interval, Duration::from_secs(1));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn generated_config_parses_back() {
        let text = ConfigFile::render_default(["data/events", "out"]);
        let file: ConfigFile = toml::from_str(&text).unwrap();
        assert_eq!(file.topics["data/events"], "data/events");
        assert!(file.brokers.is_none());
    }

    #[test]
    fn malformed_bindings_are_errors() {
        let args = StreamArgs {
            brokers: Some("127.0.0.1:1".into()),
            topics: vec!["no-equals".into()],
            ..StreamArgs::default()
        };
        assert!(matches!(
            StreamConfig::resolve(&args, None),
            Err(StreamError::Config(_))
        ));
        for setting in [
            "pigc.repartition.partitions=0",
            "pigc.retention=2",
            "pigc.unknown=1",
        ] {
            let args = StreamArgs {
                brokers: Some("127.0.0.1:1".into()),
                properties: vec![setting.into()],
                ..StreamArgs::default()
            };
            assert!(
                matches!(
                    StreamConfig::resolve(&args, None),
                    Err(StreamError::Config(_))
                ),
                "{setting}"
            );
        }
    }
}
