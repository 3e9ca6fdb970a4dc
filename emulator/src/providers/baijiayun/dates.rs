//! Dates and times as the provider writes them: China time (UTC+8), as
//! `YYYY-mm-dd` and `YYYY-mm-dd HH:MM:SS`.
//!
//! Days are day numbers (days since 1970-01-01 on the China calendar), so a
//! range of days is a range of integers. Parsing is strict: the exact shape,
//! two-digit fields, and a real date and time (`2023-02-29` and `24:00:00`
//! read as `None`). Years 0000 to 9999 are what the formats hold; the
//! emulator's clock and every date it parses stay within them.

use time::format_description::StaticFormatDescription;
use time::macros::{date, format_description, offset};
use time::{Date, OffsetDateTime, PlainDateTime, UtcOffset};

/// China Standard Time, in which the provider writes times and counts days.
const CHINA: UtcOffset = offset!(+8);

const DAY: StaticFormatDescription = format_description!("[year]-[month]-[day]");

const DATETIME: StaticFormatDescription =
    format_description!("[year]-[month]-[day] [hour]:[minute]:[second]");

/// The Julian day of day number 0.
const EPOCH_JULIAN_DAY: i32 = date!(1970 - 01 - 01).to_julian_day();

fn day_number(date: Date) -> i64 {
    i64::from(date.to_julian_day() - EPOCH_JULIAN_DAY)
}

fn date_of(day: i64) -> Date {
    i32::try_from(day + i64::from(EPOCH_JULIAN_DAY))
        .ok()
        .and_then(|julian| Date::from_julian_day(julian).ok())
        .expect("a day number within the years the time crate holds")
}

fn china_time(unix: i64) -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp(unix)
        .expect("a unix time within the years the time crate holds")
        .to_offset(CHINA)
}

/// The China-time day of a unix time.
pub fn day_of(unix: i64) -> i64 {
    day_number(china_time(unix).date())
}

/// The unix time at which `day` begins (00:00:00 China time).
pub fn start_of(day: i64) -> i64 {
    date_of(day)
        .midnight()
        .assume_offset(CHINA)
        .unix_timestamp()
}

/// Whether two days fall in the same calendar month.
pub fn same_month(a: i64, b: i64) -> bool {
    let (a, b) = (date_of(a), date_of(b));
    (a.year(), a.month()) == (b.year(), b.month())
}

/// `YYYY-mm-dd` of a day.
pub fn format_day(day: i64) -> String {
    date_of(day)
        .format(DAY)
        .expect("a date has every field of YYYY-mm-dd")
}

/// The text when it starts with a digit: `[year]` would also take a sign
/// (`+2017`), which the provider's dates never carry.
fn unsigned(text: &str) -> Option<&str> {
    text.starts_with(|c: char| c.is_ascii_digit())
        .then_some(text)
}

/// A strict `YYYY-mm-dd` as a day number.
pub fn parse_day(text: &str) -> Option<i64> {
    Date::parse(unsigned(text)?, DAY).ok().map(day_number)
}

/// Unix seconds as `YYYY-mm-dd HH:MM:SS`, China time.
pub fn format_datetime(unix: i64) -> String {
    china_time(unix)
        .format(DATETIME)
        .expect("a date and time has every field of YYYY-mm-dd HH:MM:SS")
}

/// A strict `YYYY-mm-dd HH:MM:SS`, China time, as unix seconds.
pub fn parse_datetime(text: &str) -> Option<i64> {
    PlainDateTime::parse(unsigned(text)?, DATETIME)
        .ok()
        .map(|t| t.assume_offset(CHINA).unix_timestamp())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_are_counted_in_china_time() {
        assert_eq!(parse_day("1970-01-01"), Some(0));
        assert_eq!(parse_day("2000-03-01"), Some(11_017));
        assert_eq!(format_day(-1), "1969-12-31");
        for day in (-700_000..700_000).step_by(997) {
            assert_eq!(parse_day(&format_day(day)), Some(day));
            assert_eq!(day_of(start_of(day)), day);
            assert_eq!(day_of(start_of(day) - 1), day - 1);
        }
        // A China day is a UTC day shifted by eight hours.
        for unix in (-3_000_000_000_i64..3_000_000_000).step_by(7_919) {
            assert_eq!(day_of(unix), (unix + 8 * 3600).div_euclid(86_400), "{unix}");
        }
        // 16:00 UTC is midnight in China: the next day begins there.
        assert_eq!(day_of(16 * 3600 - 1), 0);
        assert_eq!(day_of(16 * 3600), 1);
        assert_eq!(start_of(0), -8 * 3600);
        let feb = parse_day("2024-02-01").unwrap();
        assert!(same_month(feb, parse_day("2024-02-29").unwrap()));
        assert!(!same_month(feb, parse_day("2024-03-01").unwrap()));
        assert!(!same_month(feb, parse_day("2023-02-01").unwrap()));
    }

    #[test]
    fn times_round_trip_in_china_time() {
        // 2018-03-19 09:43:48 in Beijing is 01:43:48 UTC.
        assert_eq!(format_datetime(1_521_423_828), "2018-03-19 09:43:48");
        assert_eq!(parse_datetime("2018-03-19 09:43:48"), Some(1_521_423_828));
        assert_eq!(format_datetime(1_599_444_666), "2020-09-07 10:11:06");
        assert_eq!(format_datetime(1_669_261_688), "2022-11-24 11:48:08");
        assert_eq!(format_datetime(0), "1970-01-01 08:00:00");
        assert_eq!(format_datetime(-1), "1970-01-01 07:59:59");
        assert_eq!(parse_datetime("1970-01-01 00:00:00"), Some(-8 * 3600));
        let t = parse_datetime("2017-09-08 00:30:05").unwrap();
        assert_eq!(t - start_of(day_of(t)), 1805);
    }

    #[test]
    fn parsing_is_strict() {
        assert!(parse_day("2024-02-29").is_some());
        assert!(parse_day("0000-01-01").is_some());
        for bad in [
            "2023-02-29",
            "2017-8-01",
            "2017-13-01",
            "2017-08-00",
            "2017-08-32",
            "2017/08/01",
            "17-08-01x",
            "+017-08-01",
            "+2017-08-01",
            "-2017-08-01",
            " 2017-08-01",
            "2017-08-01 ",
            "",
        ] {
            assert_eq!(parse_day(bad), None, "{bad:?}");
        }
        for bad in [
            "2017-09-08 24:00:00",
            "2017-09-08 23:60:00",
            "2017-09-08 23:00:60",
            "2017-09-08T00:00:00",
            "2017-09-08 0:00:00",
            "2017-09-08",
            "2023-02-29 00:00:00",
            "2018-13-01 00:00:00",
            "yesterday",
        ] {
            assert_eq!(parse_datetime(bad), None, "{bad:?}");
        }
    }
}
