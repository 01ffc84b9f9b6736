//! `SET` statements: the `pigc.*` keys later passes depend on, typed and checked, and every other key
//! kept as written.
//!
//! - `SET pigc.event_time 'alias.field';` — the event-time field (a datetime or long millis field).
//! - `SET pigc.retention '2d';` — how long keyed state is kept behind the watermark.
//! - `SET pigc.emit_interval '10m';` — how often a streaming job emits its changes.
//! - `SET pigc.unique 'alias.field[, alias.field…]';` — fields a LOAD declares unique (a key).
//! - `SET pigc.seed '42';` — the seed of RANDOM (an unsigned 64-bit integer; 0 when not set).
//!
//! Durations are a sequence of `<integer><unit>` with units `ms`, `s`, `m`, `h`, `d`, `w` (`1h30m`).

use super::NodeId;
use std::collections::BTreeMap;
use std::time::Duration;

/// The typed settings of a script.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Settings {
    /// `pigc.event_time`.
    pub event_time: Option<FieldRef>,
    /// `pigc.retention`.
    pub retention: Option<Duration>,
    /// `pigc.emit_interval`.
    pub emit_interval: Option<Duration>,
    /// `pigc.unique`: each a unique key of a relation.
    pub unique: Vec<FieldRef>,
    /// `pigc.seed`: RANDOM's seed.
    pub seed: Option<u64>,
    /// Every other `SET key value`, in key order (Pig's own settings such as `default_parallel`).
    pub other: BTreeMap<String, String>,
}

/// A field of a relation named in a setting (`alias.field`), resolved against the relation the alias
/// names at the end of the script.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldRef {
    /// The alias as written.
    pub alias: String,
    /// The field name as written.
    pub field: String,
    /// The relation.
    pub node: NodeId,
    /// The field's position in its schema.
    pub index: usize,
}

/// Parses a duration such as `10m`, `2d`, `1h30m`, `500ms`.
pub fn parse_duration(text: &str) -> Result<Duration, String> {
    let text = text.trim();
    if text.is_empty() {
        return Err("empty duration".to_string());
    }
    let mut total = Duration::ZERO;
    let mut rest = text;
    while !rest.is_empty() {
        let digits = rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len());
        if digits == 0 {
            return Err(format!(
                "invalid duration `{text}`: expected a number before `{rest}`"
            ));
        }
        let value: u64 = rest[..digits]
            .parse()
            .map_err(|_| format!("invalid duration `{text}`: number too large"))?;
        rest = &rest[digits..];
        let unit_len = rest
            .find(|c: char| c.is_ascii_digit())
            .unwrap_or(rest.len());
        let millis_per_unit: u64 = match &rest[..unit_len] {
            "ms" => 1,
            "s" => 1_000,
            "m" => 60_000,
            "h" => 3_600_000,
            "d" => 86_400_000,
            "w" => 604_800_000,
            "" => {
                return Err(format!(
                    "invalid duration `{text}`: missing unit (ms, s, m, h, d or w)"
                ))
            }
            unit => {
                return Err(format!(
                    "invalid duration `{text}`: unknown unit `{unit}` (use ms, s, m, h, d or w)"
                ))
            }
        };
        rest = &rest[unit_len..];
        let millis = value
            .checked_mul(millis_per_unit)
            .ok_or_else(|| format!("invalid duration `{text}`: too large"))?;
        total += Duration::from_millis(millis);
    }
    Ok(total)
}

/// Splits `alias.field` into its parts.
pub fn split_field_ref(text: &str) -> Option<(&str, &str)> {
    let (alias, field) = text.trim().split_once('.')?;
    let (alias, field) = (alias.trim(), field.trim());
    (!alias.is_empty() && !field.is_empty()).then_some((alias, field))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        assert_eq!(parse_duration("10m"), Ok(Duration::from_secs(600)));
        assert_eq!(parse_duration("1h30m"), Ok(Duration::from_secs(5400)));
        assert_eq!(parse_duration("2d"), Ok(Duration::from_secs(172_800)));
        assert_eq!(parse_duration("500ms"), Ok(Duration::from_millis(500)));
        assert!(parse_duration("10").is_err());
        assert!(parse_duration("10y").is_err());
        assert!(parse_duration("m").is_err());
    }

    #[test]
    fn field_refs() {
        assert_eq!(split_field_ref("events.ts"), Some(("events", "ts")));
        assert_eq!(split_field_ref("events"), None);
    }
}
