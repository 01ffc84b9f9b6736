//! Pig's datetime functions (ToDate, ToString, ToUnixTime, ToMilliSeconds, CurrentTime, GetYear …
//! GetWeekYear, YearsBetween … MilliSecondsBetween, AddDuration, SubtractDuration).
//!
//! A datetime keeps the offset it was built with (see [`crate::data::datetime`]); the Get* functions read
//! fields in that offset, as Joda reads them in the DateTime's zone. Differences from Pig: a named zone is
//! resolved to a fixed offset (see [`crate::data::datetime`]), the default zone is UTC, and Joda format
//! patterns are translated to chrono for the common letters (see [`joda_to_chrono`]); a pattern using
//! another letter gives null.

use chrono::format::{Parsed, StrftimeItems};
use chrono::{Datelike, Duration, FixedOffset, Months, NaiveDateTime, TimeZone, Timelike, Utc};

use crate::data::datetime::{self, parse_iso, parse_zone, DateTime, Zone};
use crate::data::PigText;

/// `ToDate(millis)`: the instant `millis` ms after the epoch, in the default zone (UTC).
pub fn to_date_millis(millis: i64) -> Option<DateTime> {
    datetime::from_epoch_millis(millis)
}

/// `ToDate(iso)`: an ISO-8601 string (`2009-01-07`, `2009-01-07T01:07:01.123+08:00`; a space instead of
/// `T` is accepted, as Pig's `allowIso8601Space`); the offset in the string is kept. Null if unparsable.
pub fn to_date_iso(s: &str) -> Option<DateTime> {
    let fixed;
    let s = if s.len() > 10
        && s.as_bytes()[10] == b' '
        && s.is_char_boundary(10)
        && s.is_char_boundary(11)
    {
        fixed = format!("{}T{}", &s[..10], &s[11..]);
        fixed.as_str()
    } else {
        s
    };
    parse_iso(s, datetime::utc())
}

/// `ToDate(s, format)`: `s` parsed with a Joda pattern. Fields the pattern does not read default as in
/// Joda (1970-01-01T00:00:00.000); an offset read by `Z`/`ZZ` (`+0800`, `+08:00`, `Z`) fixes the instant,
/// and the result is expressed in the default zone (UTC), as Joda's `parseDateTime` without
/// `withOffsetParsed` does.
pub fn to_date_format(s: &str, format: &str) -> Option<DateTime> {
    parse_with_format(s, format, Zone::Fixed(datetime::utc()))
}

/// `ToDate(s, format, zone)`: as [`to_date_format`], with local times read in `zone` (`+08:00`, `UTC`,
/// `Europe/Paris`, …) and the result expressed in `zone`; null for an unknown zone.
pub fn to_date_format_zone(s: &str, format: &str, zone: &str) -> Option<DateTime> {
    parse_with_format(s, format, parse_zone(zone)?)
}

fn parse_with_format(s: &str, format: &str, zone: Zone) -> Option<DateTime> {
    let pattern = joda_to_chrono(format, Direction::Parse)?;
    let mut p = Parsed::new();
    chrono::format::parse(&mut p, s, StrftimeItems::new(&pattern)).ok()?;
    let has_year = p.year().is_some() || p.year_mod_100().is_some() || p.isoyear().is_some();
    if !has_year {
        p.set_year(1970).ok()?;
    }
    let by_week_or_ordinal = p.ordinal().is_some() || p.isoweek().is_some();
    if p.month().is_none() && !by_week_or_ordinal {
        p.set_month(1).ok()?;
    }
    if p.day().is_none() && !by_week_or_ordinal {
        p.set_day(1).ok()?;
    }
    match (p.hour_div_12(), p.hour_mod_12()) {
        (None, None) => p.set_hour(0).ok()?,
        (None, Some(_)) => p.set_ampm(false).ok()?,
        _ => {}
    }
    if p.minute().is_none() {
        p.set_minute(0).ok()?;
    }
    if p.second().is_none() {
        p.set_second(0).ok()?;
    }
    let local = p.to_naive_date().ok()?.and_time(p.to_naive_time().ok()?);
    let instant = match p.offset() {
        Some(secs) => FixedOffset::east_opt(secs)?
            .from_local_datetime(&local)
            .single()?,
        None => zone.from_local(&local)?,
    };
    Some(zone.at(&instant))
}

/// Whether a translated pattern parses or formats (chrono's permissive offset `%#z`, which also reads
/// `Z`, is for parsing only).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// For `ToDate`.
    Parse,
    /// For `ToString`.
    Format,
}

/// Translates a Joda-Time pattern to a chrono format string. Supported letters: `yyyy`/`yy`/`y` (year),
/// `M`/`MM`/`MMM`/`MMMM` (month), `d`/`dd`, `H`/`HH`, `h`/`hh`, `m`/`mm`, `s`/`ss`, `S…` (fraction, as
/// milliseconds for `SSS`), `a`, `E…` (day name), `D` (day of year), `Z` (`+0800`), `ZZ` (`+08:00`),
/// `'quoted text'` and any non-letter. Other letters (`z`, `G`, `w`, `x`, …) give `None`.
pub fn joda_to_chrono(joda: &str, direction: Direction) -> Option<String> {
    let chars: Vec<char> = joda.chars().collect();
    let mut out = String::with_capacity(joda.len() * 2);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\'' {
            // Quoted literal; '' is a single quote.
            if chars.get(i + 1) == Some(&'\'') {
                out.push('\'');
                i += 2;
                continue;
            }
            i += 1;
            while i < chars.len() {
                if chars[i] == '\'' {
                    if chars.get(i + 1) == Some(&'\'') {
                        out.push('\'');
                        i += 2;
                        continue;
                    }
                    break;
                }
                push_literal(&mut out, chars[i]);
                i += 1;
            }
            i += 1;
            continue;
        }
        if !c.is_ascii_alphabetic() {
            push_literal(&mut out, c);
            i += 1;
            continue;
        }
        let mut n = 1;
        while chars.get(i + n) == Some(&c) {
            n += 1;
        }
        let spec = match (c, n) {
            ('y' | 'Y', 2) => "%y",
            ('y' | 'Y', _) => "%Y",
            ('M', 1) => "%-m",
            ('M', 2) => "%m",
            ('M', 3) => "%b",
            ('M', _) => "%B",
            ('d', 1) => "%-d",
            ('d', _) => "%d",
            ('H', 1) => "%-H",
            ('H', _) => "%H",
            ('h', 1) => "%-I",
            ('h', _) => "%I",
            ('m', 1) => "%-M",
            ('m', _) => "%M",
            ('s', 1) => "%-S",
            ('s', _) => "%S",
            ('S', 1..=3) => "%3f",
            ('S', 4..=6) => "%6f",
            ('S', _) => "%9f",
            ('a', _) => "%p",
            ('E', 1..=3) => "%a",
            ('E', _) => "%A",
            ('D', _) => "%j",
            ('Z', _) if direction == Direction::Parse => "%#z",
            ('Z', 1) => "%z",
            ('Z', _) => "%:z",
            _ => return None,
        };
        out.push_str(spec);
        i += n;
    }
    Some(out)
}

fn push_literal(out: &mut String, c: char) {
    if c == '%' {
        out.push_str("%%");
    } else {
        out.push(c);
    }
}

/// `ToString(dt)`: the ISO form with milliseconds and offset (`2009-01-07T01:07:01.000Z`).
pub fn to_string(dt: &DateTime) -> String {
    dt.to_text()
}

/// `ToString(dt, format)`: formatted with a Joda pattern, in the datetime's offset. Null for an
/// unsupported pattern.
pub fn to_string_format(dt: &DateTime, format: &str) -> Option<String> {
    use std::fmt::Write;
    let pattern = joda_to_chrono(format, Direction::Format)?;
    let mut out = String::new();
    write!(out, "{}", dt.format(&pattern)).ok()?;
    Some(out)
}

/// `ToUnixTime(dt)`: seconds since the epoch, `getMillis() / 1000` (truncated toward zero).
pub fn to_unix_time(dt: &DateTime) -> i64 {
    dt.timestamp_millis() / 1000
}

/// `ToMilliSeconds(dt)`: milliseconds since the epoch.
pub fn to_milliseconds(dt: &DateTime) -> i64 {
    dt.timestamp_millis()
}

/// `CurrentTime()`: now, in UTC, truncated to milliseconds. Nondeterministic: batch and stream runs differ.
pub fn current_time() -> DateTime {
    let now = Utc::now().timestamp_millis();
    datetime::from_epoch_millis(now).unwrap_or_else(|| Utc::now().fixed_offset())
}

/// `GetYear(dt)`.
pub fn get_year(dt: &DateTime) -> i32 {
    dt.year()
}

/// `GetMonth(dt)`: 1–12.
pub fn get_month(dt: &DateTime) -> i32 {
    dt.month() as i32
}

/// `GetDay(dt)`: day of month, 1–31.
pub fn get_day(dt: &DateTime) -> i32 {
    dt.day() as i32
}

/// `GetHour(dt)`: 0–23.
pub fn get_hour(dt: &DateTime) -> i32 {
    dt.hour() as i32
}

/// `GetMinute(dt)`.
pub fn get_minute(dt: &DateTime) -> i32 {
    dt.minute() as i32
}

/// `GetSecond(dt)`.
pub fn get_second(dt: &DateTime) -> i32 {
    dt.second() as i32
}

/// `GetMilliSecond(dt)`: millisecond of the second.
pub fn get_millisecond(dt: &DateTime) -> i32 {
    (dt.timestamp_subsec_millis() % 1000) as i32
}

/// `GetWeek(dt)`: ISO week of the week-based year, 1–53.
pub fn get_week(dt: &DateTime) -> i32 {
    dt.iso_week().week() as i32
}

/// `GetWeekYear(dt)`: the ISO week-based year.
pub fn get_week_year(dt: &DateTime) -> i32 {
    dt.iso_week().year()
}

/// Whole months from `start` to `end` (Joda's `Months.monthsBetween`): the largest `n` (toward zero) such
/// that adding `n` months to `start` (day clamped to the month's end) does not pass `end`. Calendar fields
/// are read in `start`'s offset.
fn months_between_dt(start: &DateTime, end: &DateTime) -> i64 {
    let end_local = end.with_timezone(start.offset()).naive_local();
    let start_local = start.naive_local();
    let mut n = i64::from(end_local.year() - start_local.year()) * 12
        + i64::from(end_local.month() as i32 - start_local.month() as i32);
    let add = |n: i64| -> Option<NaiveDateTime> {
        let m = Months::new(u32::try_from(n.unsigned_abs()).ok()?);
        if n >= 0 {
            start_local.checked_add_months(m)
        } else {
            start_local.checked_sub_months(m)
        }
    };
    if end_local >= start_local {
        while n > 0 && add(n).is_none_or(|d| d > end_local) {
            n -= 1;
        }
    } else {
        while n < 0 && add(n).is_none_or(|d| d < end_local) {
            n += 1;
        }
    }
    n
}

/// `YearsBetween(dt1, dt2)`: whole years from `dt2` to `dt1` (positive when `dt1` is later).
pub fn years_between(dt1: &DateTime, dt2: &DateTime) -> i64 {
    months_between_dt(dt2, dt1) / 12
}

/// `MonthsBetween(dt1, dt2)`: whole months from `dt2` to `dt1`.
pub fn months_between(dt1: &DateTime, dt2: &DateTime) -> i64 {
    months_between_dt(dt2, dt1)
}

/// Milliseconds from `dt2` to `dt1`.
fn millis_between(dt1: &DateTime, dt2: &DateTime) -> i64 {
    dt1.timestamp_millis() - dt2.timestamp_millis()
}

/// `WeeksBetween(dt1, dt2)`: whole weeks from `dt2` to `dt1` (truncated toward zero).
pub fn weeks_between(dt1: &DateTime, dt2: &DateTime) -> i64 {
    millis_between(dt1, dt2) / (7 * 86_400_000)
}

/// `DaysBetween(dt1, dt2)`: whole days from `dt2` to `dt1` (fixed offsets have no DST, so a day is 24 h).
pub fn days_between(dt1: &DateTime, dt2: &DateTime) -> i64 {
    millis_between(dt1, dt2) / 86_400_000
}

/// `HoursBetween(dt1, dt2)`.
pub fn hours_between(dt1: &DateTime, dt2: &DateTime) -> i64 {
    millis_between(dt1, dt2) / 3_600_000
}

/// `MinutesBetween(dt1, dt2)`.
pub fn minutes_between(dt1: &DateTime, dt2: &DateTime) -> i64 {
    millis_between(dt1, dt2) / 60_000
}

/// `SecondsBetween(dt1, dt2)`.
pub fn seconds_between(dt1: &DateTime, dt2: &DateTime) -> i64 {
    millis_between(dt1, dt2) / 1000
}

/// `MilliSecondsBetween(dt1, dt2)`.
pub fn milliseconds_between(dt1: &DateTime, dt2: &DateTime) -> i64 {
    millis_between(dt1, dt2)
}

/// An ISO-8601 period (`P1Y2M3W4DT5H6M7.5S`), as Joda's `Period` parses it: each field may be negative.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Period {
    /// Years.
    pub years: i64,
    /// Months.
    pub months: i64,
    /// Weeks.
    pub weeks: i64,
    /// Days.
    pub days: i64,
    /// Hours.
    pub hours: i64,
    /// Minutes.
    pub minutes: i64,
    /// Seconds.
    pub seconds: i64,
    /// Milliseconds (the fraction of the seconds field).
    pub millis: i64,
}

impl Period {
    /// Parses `P[nY][nM][nW][nD][T[nH][nM][n[.fff]S]]`; `None` when malformed or empty.
    pub fn parse(s: &str) -> Option<Period> {
        let rest = s.trim().strip_prefix(['P', 'p'])?;
        let (date, time) = match rest.find(['T', 't']) {
            Some(i) => (&rest[..i], Some(&rest[i + 1..])),
            None => (rest, None),
        };
        let mut p = Period::default();
        let mut any = false;
        for (value, unit) in fields(date)? {
            any = true;
            let v: i64 = value.parse().ok()?;
            match unit {
                'Y' => p.years = v,
                'M' => p.months = v,
                'W' => p.weeks = v,
                'D' => p.days = v,
                _ => return None,
            }
        }
        if let Some(time) = time {
            for (value, unit) in fields(time)? {
                any = true;
                match unit {
                    'H' => p.hours = value.parse().ok()?,
                    'M' => p.minutes = value.parse().ok()?,
                    'S' => {
                        let (secs, frac) = match value.find(['.', ',']) {
                            Some(i) => (&value[..i], &value[i + 1..]),
                            None => (value, ""),
                        };
                        p.seconds = if secs.is_empty() || secs == "-" {
                            0
                        } else {
                            secs.parse().ok()?
                        };
                        if !frac.is_empty() {
                            let mut ms: String = frac.chars().take(3).collect();
                            while ms.len() < 3 {
                                ms.push('0');
                            }
                            let ms: i64 = ms.parse().ok()?;
                            p.millis = if value.starts_with('-') { -ms } else { ms };
                        }
                    }
                    _ => return None,
                }
            }
        }
        any.then_some(p)
    }

    fn negated(self) -> Period {
        Period {
            years: -self.years,
            months: -self.months,
            weeks: -self.weeks,
            days: -self.days,
            hours: -self.hours,
            minutes: -self.minutes,
            seconds: -self.seconds,
            millis: -self.millis,
        }
    }

    /// `dt` plus this period: years, months (day clamped to the month's end), weeks and days on the local
    /// calendar, then hours, minutes, seconds and milliseconds — Joda's order.
    pub fn add_to(self, dt: &DateTime) -> Option<DateTime> {
        let offset = *dt.offset();
        let mut local = dt.naive_local();
        local = add_months(local, self.years.checked_mul(12)?)?;
        local = add_months(local, self.months)?;
        local = local.checked_add_signed(Duration::try_days(
            self.weeks.checked_mul(7)?.checked_add(self.days)?,
        )?)?;
        let precise = Duration::try_hours(self.hours)?
            .checked_add(&Duration::try_minutes(self.minutes)?)?
            .checked_add(&Duration::try_seconds(self.seconds)?)?
            .checked_add(&Duration::try_milliseconds(self.millis)?)?;
        local = local.checked_add_signed(precise)?;
        offset.from_local_datetime(&local).single()
    }
}

fn add_months(d: NaiveDateTime, n: i64) -> Option<NaiveDateTime> {
    let m = Months::new(u32::try_from(n.unsigned_abs()).ok()?);
    if n >= 0 {
        d.checked_add_months(m)
    } else {
        d.checked_sub_months(m)
    }
}

/// Splits `12Y-3M` into `[("12",'Y'), ("-3",'M')]`.
fn fields(s: &str) -> Option<Vec<(&str, char)>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in s.char_indices() {
        if c.is_ascii_alphabetic() {
            let value = &s[start..i];
            if value.is_empty() {
                return None;
            }
            out.push((value, c.to_ascii_uppercase()));
            start = i + 1;
        }
    }
    (start == s.len()).then_some(out)
}

/// `AddDuration(dt, period)`: `dt.plus(new Period(period))`. Null for a malformed period.
pub fn add_duration(dt: &DateTime, period: &str) -> Option<DateTime> {
    Period::parse(period)?.add_to(dt)
}

/// `SubtractDuration(dt, period)`: `dt.minus(new Period(period))`.
pub fn subtract_duration(dt: &DateTime, period: &str) -> Option<DateTime> {
    Period::parse(period)?.negated().add_to(dt)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dt(s: &str) -> DateTime {
        to_date_iso(s).unwrap()
    }

    #[test]
    fn to_date_overloads() {
        assert_eq!(
            to_date_millis(0).unwrap().to_text(),
            "1970-01-01T00:00:00.000Z"
        );
        assert_eq!(
            dt("2009-01-07 01:07:01").to_text(),
            "2009-01-07T01:07:01.000Z"
        );
        assert_eq!(
            to_date_format("2013-05-07 10:20", "yyyy-MM-dd HH:mm")
                .unwrap()
                .to_text(),
            "2013-05-07T10:20:00.000Z"
        );
        assert_eq!(
            to_date_format("07/05/2013", "dd/MM/yyyy")
                .unwrap()
                .to_text(),
            "2013-05-07T00:00:00.000Z"
        );
        assert_eq!(
            to_date_format_zone("2013-05-07 10:20", "yyyy-MM-dd HH:mm", "+08:00")
                .unwrap()
                .to_text(),
            "2013-05-07T10:20:00.000+08:00"
        );
        assert_eq!(
            to_date_format("2013-05-07T10:20:30.250+0200", "yyyy-MM-dd'T'HH:mm:ss.SSSZ")
                .unwrap()
                .to_text(),
            "2013-05-07T08:20:30.250Z"
        );
        assert_eq!(
            to_date_format("2013-05-01Z", "yyyy-MM-ddZ")
                .unwrap()
                .to_text(),
            "2013-05-01T00:00:00.000Z"
        );
        assert_eq!(
            to_date_format("2013-05-01+0800", "yyyy-MM-ddZ")
                .unwrap()
                .to_text(),
            "2013-04-30T16:00:00.000Z"
        );
        assert_eq!(
            to_date_format_zone("20100105", "yyyyMMdd", "UTC")
                .unwrap()
                .to_text(),
            "2010-01-05T00:00:00.000Z"
        );
        assert_eq!(
            to_date_format("Jan 5, 2010 3:04 PM", "MMM d, yyyy h:mm a")
                .unwrap()
                .to_text(),
            "2010-01-05T15:04:00.000Z"
        );
        assert_eq!(
            to_date_format("10:20", "HH:mm").unwrap().to_text(),
            "1970-01-01T10:20:00.000Z"
        );
        assert_eq!(to_date_format("garbage", "yyyy-MM-dd"), None);
        assert_eq!(to_date_format("2013", "yyyy G"), None);
        assert_eq!(to_date_iso("nope"), None);
    }

    #[test]
    fn to_string_and_epoch() {
        let d = dt("2009-01-07T01:07:01.123+08:00");
        assert_eq!(to_string(&d), "2009-01-07T01:07:01.123+08:00");
        assert_eq!(
            to_string_format(&d, "yyyy/MM/dd HH'h'").unwrap(),
            "2009/01/07 01h"
        );
        assert_eq!(to_unix_time(&d), 1_231_261_621);
        assert_eq!(to_milliseconds(&d), 1_231_261_621_123);
        assert_eq!(to_unix_time(&to_date_millis(-1500).unwrap()), -1);
    }

    #[test]
    fn getters_read_the_datetimes_offset() {
        let d = dt("2009-12-31T23:59:58.007+08:00");
        assert_eq!(
            (
                get_year(&d),
                get_month(&d),
                get_day(&d),
                get_hour(&d),
                get_minute(&d),
                get_second(&d)
            ),
            (2009, 12, 31, 23, 59, 58)
        );
        assert_eq!(get_millisecond(&d), 7);
        assert_eq!(get_week(&d), 53);
        assert_eq!(get_week_year(&d), 2009);
        let d = dt("2010-01-04");
        assert_eq!((get_week(&d), get_week_year(&d)), (1, 2010));
    }

    #[test]
    fn betweens() {
        let a = dt("2020-03-31T00:00:00Z");
        let b = dt("2020-01-31T00:00:00Z");
        assert_eq!(months_between(&a, &b), 2);
        assert_eq!(months_between(&b, &a), -2);
        assert_eq!(months_between(&dt("2020-02-29"), &dt("2020-01-31")), 1);
        assert_eq!(months_between(&dt("2020-02-28"), &dt("2020-01-31")), 0);
        assert_eq!(years_between(&dt("2021-02-28"), &dt("2020-02-29")), 1);
        assert_eq!(years_between(&dt("2021-02-27"), &dt("2020-02-29")), 0);
        assert_eq!(days_between(&a, &b), 60);
        assert_eq!(weeks_between(&a, &b), 8);
        assert_eq!(
            hours_between(&dt("2020-01-01T10:30:00Z"), &dt("2020-01-01T08:45:00Z")),
            1
        );
        assert_eq!(
            minutes_between(&dt("2020-01-01T08:45:00Z"), &dt("2020-01-01T10:30:00Z")),
            -105
        );
        assert_eq!(seconds_between(&a, &b), 60 * 86_400);
        assert_eq!(milliseconds_between(&a, &b), 60 * 86_400_000);
    }

    #[test]
    fn durations() {
        let d = dt("2020-01-31T10:00:00Z");
        assert_eq!(
            add_duration(&d, "P1M").unwrap().to_text(),
            "2020-02-29T10:00:00.000Z"
        );
        assert_eq!(
            add_duration(&d, "PT1H30M").unwrap().to_text(),
            "2020-01-31T11:30:00.000Z"
        );
        assert_eq!(
            add_duration(&d, "P1W2DT0.5S").unwrap().to_text(),
            "2020-02-09T10:00:00.500Z"
        );
        assert_eq!(
            subtract_duration(&d, "P1Y").unwrap().to_text(),
            "2019-01-31T10:00:00.000Z"
        );
        assert_eq!(
            add_duration(&d, "P-1D").unwrap().to_text(),
            "2020-01-30T10:00:00.000Z"
        );
        assert_eq!(
            add_duration(&dt("2020-02-29"), "P1Y1M").unwrap().to_text(),
            "2021-03-28T00:00:00.000Z"
        );
        assert_eq!(add_duration(&d, "1D"), None);
        assert_eq!(add_duration(&d, "P"), None);
        assert_eq!(add_duration(&d, "PT"), None);
    }
}
