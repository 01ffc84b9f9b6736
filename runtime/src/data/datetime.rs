//! Pig's `datetime`.
//!
//! Pig's DateTime is a Joda-Time `DateTime`: an instant in milliseconds plus a time zone. We use
//! `chrono::DateTime<FixedOffset>`: the instant plus the UTC offset it was read or built with. Two datetimes
//! compare, hash and test equal by instant only (as Pig's `compareTo` does), and print with their offset.
//! A zone given by name (`America/New_York`, via `chrono-tz`'s IANA database) is resolved to its UTC offset
//! at the instant concerned. Differences from Pig: a datetime keeps that fixed offset, so calendar
//! arithmetic across a DST change (`AddDuration(dt, 'P1D')`) keeps the old offset where Joda would move to
//! the new one; and the default zone is UTC rather than the JVM's local zone (`pig.datetime.default.tz`).

use chrono::{FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone, Utc};

/// Pig's `datetime`: an instant with the UTC offset it is displayed in.
pub type DateTime = chrono::DateTime<FixedOffset>;

/// The UTC offset (zone used when none is given).
#[inline]
pub fn utc() -> FixedOffset {
    Utc.fix()
}

/// The datetime at `millis` milliseconds since the epoch, in UTC (Pig's `ToDate(long)`); `None` when out of
/// chrono's range.
pub fn from_epoch_millis(millis: i64) -> Option<DateTime> {
    utc().timestamp_millis_opt(millis).single()
}

/// Milliseconds since the epoch (Pig's `ToMilliSeconds`).
#[inline]
pub fn epoch_millis(dt: &DateTime) -> i64 {
    dt.timestamp_millis()
}

/// A time zone as `ToDate(…, zone)` names it: a fixed offset, or an IANA zone whose offset depends on the
/// instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zone {
    /// A fixed offset (`+08:00`, `UTC`).
    Fixed(FixedOffset),
    /// A named zone (`Europe/Paris`).
    Named(chrono_tz::Tz),
}

impl Zone {
    /// The datetime at local time `local` in this zone; for a local time that occurs twice (DST end) the
    /// earlier instant, as Joda; `None` for a local time that does not exist (DST start: Joda throws).
    pub fn from_local(&self, local: &NaiveDateTime) -> Option<DateTime> {
        match self {
            Zone::Fixed(offset) => offset.from_local_datetime(local).single(),
            Zone::Named(tz) => tz
                .from_local_datetime(local)
                .earliest()
                .map(|d| d.fixed_offset()),
        }
    }

    /// The same instant expressed in this zone.
    pub fn at(&self, instant: &DateTime) -> DateTime {
        match self {
            Zone::Fixed(offset) => instant.with_timezone(offset),
            Zone::Named(tz) => instant.with_timezone(tz).fixed_offset(),
        }
    }
}

/// Parses a zone as Joda's `DateTimeZone.forID` accepts it in `ToDate(…, zone)`: `Z`, `UTC`, `GMT`,
/// `+08:00`, `-0530`, `+08`, `UTC+08:00`/`GMT-05:00`, or an IANA name (`America/New_York`, any case).
pub fn parse_zone(zone: &str) -> Option<Zone> {
    parse_fixed_zone(zone).map(Zone::Fixed).or_else(|| {
        chrono_tz::Tz::from_str_insensitive(zone.trim())
            .ok()
            .map(Zone::Named)
    })
}

/// Parses a fixed-offset zone: `Z`, `UTC`, `GMT`, `+08:00`, `-0530`, `+08`, `UTC+08:00`, `GMT-05:00`.
pub fn parse_fixed_zone(zone: &str) -> Option<FixedOffset> {
    let z = zone.trim();
    let rest = if z.eq_ignore_ascii_case("z")
        || z.eq_ignore_ascii_case("utc")
        || z.eq_ignore_ascii_case("gmt")
    {
        return Some(utc());
    } else if let Some(r) = z.strip_prefix("UTC").or_else(|| z.strip_prefix("GMT")) {
        r
    } else {
        z
    };
    parse_offset(rest)
}

/// Parses `+HH`, `+HH:MM`, `+HHMM`, `+HH:MM:SS` (sign required).
fn parse_offset(s: &str) -> Option<FixedOffset> {
    let (sign, body) = match s.as_bytes().first()? {
        b'+' => (1, &s[1..]),
        b'-' => (-1, &s[1..]),
        _ => return None,
    };
    let digits: String = body.chars().filter(|c| *c != ':').collect();
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (h, m, sec) = match digits.len() {
        2 => (&digits[0..2], "0", "0"),
        4 => (&digits[0..2], &digits[2..4], "0"),
        6 => (&digits[0..2], &digits[2..4], &digits[4..6]),
        _ => return None,
    };
    let secs =
        h.parse::<i32>().ok()? * 3600 + m.parse::<i32>().ok()? * 60 + sec.parse::<i32>().ok()?;
    FixedOffset::east_opt(sign * secs)
}

/// Parses an ISO-8601 datetime as Joda's `ISODateTimeFormat.dateTimeParser()` does (Pig's `ToDate(string)`
/// and the bytearray→datetime cast): `2009-01-07`, `2009-01-07T01:07`, `2009-01-07T01:07:01.123+08:00`,
/// `2009-01-07T01:07:01Z`, … A string without an offset is taken in `default_zone`.
pub fn parse_iso(s: &str, default_zone: FixedOffset) -> Option<DateTime> {
    let s = s.trim();
    let (date_part, time_part) = match s.find('T') {
        Some(i) => (&s[..i], Some(&s[i + 1..])),
        None => (s, None),
    };
    let date = parse_iso_date(date_part)?;
    let Some(time_part) = time_part else {
        return default_zone
            .from_local_datetime(&date.and_time(NaiveTime::MIN))
            .single();
    };
    let zone_at = time_part.find(['Z', 'z', '+', '-']);
    let (clock, zone) = match zone_at {
        Some(i) => (&time_part[..i], Some(&time_part[i..])),
        None => (time_part, None),
    };
    let time = parse_iso_time(clock)?;
    let offset = match zone {
        Some(z) => parse_fixed_zone(z)?,
        None => default_zone,
    };
    offset
        .from_local_datetime(&NaiveDateTime::new(date, time))
        .single()
}

/// `yyyy`, `yyyy-MM`, `yyyy-MM-dd` (Joda's date element of the ISO parser).
fn parse_iso_date(s: &str) -> Option<NaiveDate> {
    let mut parts = s.split('-');
    let (neg, first) = match parts.next()? {
        "" => (true, parts.next()?),
        p => (false, p),
    };
    let year: i32 = first.parse().ok()?;
    let year = if neg { -year } else { year };
    let month: u32 = match parts.next() {
        Some(m) => m.parse().ok()?,
        None => 1,
    };
    let day: u32 = match parts.next() {
        Some(d) => d.parse().ok()?,
        None => 1,
    };
    if parts.next().is_some() || !first.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    NaiveDate::from_ymd_opt(year, month, day)
}

/// `HH`, `HH:mm`, `HH:mm:ss`, `HH:mm:ss.SSS` (fraction of any length, truncated to nanoseconds).
fn parse_iso_time(s: &str) -> Option<NaiveTime> {
    let (hms, frac) = match s.find(['.', ',']) {
        Some(i) => (&s[..i], Some(&s[i + 1..])),
        None => (s, None),
    };
    let mut it = hms.split(':');
    let h: u32 = it.next()?.parse().ok()?;
    let m: u32 = it.next().map_or(Some(0), |v| v.parse().ok())?;
    let sec: u32 = it.next().map_or(Some(0), |v| v.parse().ok())?;
    if it.next().is_some() {
        return None;
    }
    let nanos = match frac {
        Some(f) if !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()) => {
            let mut digits: String = f.chars().take(9).collect();
            while digits.len() < 9 {
                digits.push('0');
            }
            digits.parse().ok()?
        }
        Some(_) => return None,
        None => 0,
    };
    NaiveTime::from_hms_nano_opt(h, m, sec, nanos)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_forms_parse() {
        let z = utc();
        let d = parse_iso("2009-01-07T01:07:01.123+08:00", z).unwrap();
        assert_eq!(d.to_rfc3339(), "2009-01-07T01:07:01.123+08:00");
        assert_eq!(
            parse_iso("2009-01-07", z).unwrap().to_rfc3339(),
            "2009-01-07T00:00:00+00:00"
        );
        assert_eq!(
            parse_iso("2009-01-07T01:07Z", z).unwrap().to_rfc3339(),
            "2009-01-07T01:07:00+00:00"
        );
        assert_eq!(
            parse_iso("2009", z).unwrap().to_rfc3339(),
            "2009-01-01T00:00:00+00:00"
        );
        assert!(parse_iso("2009-13-01", z).is_none());
        assert!(parse_iso("yesterday", z).is_none());
        assert!(parse_iso("2009-01-07T25:00", z).is_none());
    }

    #[test]
    fn zones_parse() {
        let fixed = |z: &str| parse_fixed_zone(z).unwrap().local_minus_utc();
        assert_eq!(fixed("+08:00"), 8 * 3600);
        assert_eq!(fixed("-0530"), -(5 * 3600 + 1800));
        assert_eq!(fixed("UTC"), 0);
        assert_eq!(fixed("GMT+01:00"), 3600);
        assert!(parse_fixed_zone("America/New_York").is_none());
        assert!(matches!(
            parse_zone("America/New_York"),
            Some(Zone::Named(_))
        ));
        assert!(matches!(parse_zone("europe/paris"), Some(Zone::Named(_))));
        assert!(matches!(parse_zone("+01:00"), Some(Zone::Fixed(_))));
        assert_eq!(parse_zone("Mars/Olympus"), None);
    }

    #[test]
    fn named_zones_resolve_the_offset_of_the_instant() {
        let ny = parse_zone("America/New_York").unwrap();
        let at = |m: u32, d: u32, h: u32, min: u32| {
            NaiveDate::from_ymd_opt(2024, m, d)
                .and_then(|d| d.and_hms_opt(h, min, 0))
                .unwrap()
        };
        let offset = |d: DateTime| d.offset().local_minus_utc();
        assert_eq!(offset(ny.from_local(&at(1, 15, 12, 0)).unwrap()), -5 * 3600);
        assert_eq!(offset(ny.from_local(&at(7, 15, 12, 0)).unwrap()), -4 * 3600);
        assert_eq!(ny.from_local(&at(3, 10, 2, 30)), None);
        let utc_noon = utc()
            .from_local_datetime(&at(7, 15, 12, 0))
            .single()
            .unwrap();
        assert_eq!(offset(ny.at(&utc_noon)), -4 * 3600);
    }

    #[test]
    fn equality_is_by_instant() {
        let a = parse_iso("2009-01-07T09:00:00+08:00", utc()).unwrap();
        let b = parse_iso("2009-01-07T01:00:00Z", utc()).unwrap();
        assert_eq!(a, b);
        assert_eq!(epoch_millis(&a), 1_231_290_000_000);
        assert_eq!(from_epoch_millis(1_231_290_000_000).unwrap(), a);
    }
}
