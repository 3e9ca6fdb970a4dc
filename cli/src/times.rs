//! Times as the CLI shows them: local time, ISO 8601 with its offset
//! (`2026-12-06T18:00:00+08:00`), whatever form the provider wrote
//! (the core's facts say which: epoch seconds, or China local time).

use time::format_description::BorrowedFormatItem;
use time::macros::format_description;
use time::{Date, OffsetDateTime, PrimitiveDateTime, UtcOffset};
use vodkit::api::TimeForm;

/// China Standard Time, UTC+8 (no daylight saving).
const CHINA_OFFSET: i64 = 8 * 3600;

/// How the CLI writes a time: ISO 8601 to the second, with its offset.
const ISO: &[BorrowedFormatItem<'static>] = format_description!(
    "[year]-[month]-[day]T[hour]:[minute]:[second][offset_hour sign:mandatory]:[offset_minute]"
);

/// `raw` (written in `form`) as local ISO 8601; `None` when it is not a
/// time in that form (the cell then shows what the provider sent).
pub fn local_iso(raw: &str, form: TimeForm) -> Option<String> {
    let raw = raw.trim();
    let epoch = match form {
        TimeForm::EpochSeconds => raw.parse::<i64>().ok()?,
        TimeForm::EpochMillis => raw.parse::<i64>().ok()?.div_euclid(1000),
        TimeForm::ChinaLocal => civil_seconds(raw)? - CHINA_OFFSET,
    };
    // 0 or less is "no time" in every provider's answers.
    if epoch <= 0 {
        return None;
    }
    format_iso(epoch, local_offset(epoch))
}

/// `YYYY-MM-DD hh:mm:ss` (or `T` between, or a date alone) as seconds since
/// 1970-01-01 00:00:00 of the same zone.
fn civil_seconds(s: &str) -> Option<i64> {
    const DATE_TIME: &[BorrowedFormatItem<'static>] = format_description!(
        "[year]-[month padding:none]-[day padding:none] [hour]:[minute]:[second]"
    );
    const DATE: &[BorrowedFormatItem<'static>] =
        format_description!("[year]-[month padding:none]-[day padding:none]");
    let civil = match PrimitiveDateTime::parse(&s.replacen('T', " ", 1), DATE_TIME) {
        Ok(t) => t,
        Err(_) => Date::parse(s, DATE).ok()?.midnight(),
    };
    Some(civil.assume_utc().unix_timestamp())
}

/// `epoch` written at `offset` seconds from UTC.
fn format_iso(epoch: i64, offset: i64) -> Option<String> {
    let offset = UtcOffset::from_whole_seconds(i32::try_from(offset).ok()?).ok()?;
    OffsetDateTime::from_unix_timestamp(epoch)
        .ok()?
        .to_offset(offset)
        .format(ISO)
        .ok()
}

/// The local zone's offset from UTC at `epoch`, in seconds (the C
/// library's, so `TZ` and the system zone count; 0 when it cannot tell).
fn local_offset(epoch: i64) -> i64 {
    let t = epoch as libc::time_t;
    // SAFETY: `tm` is plain data the call fills; both pointers are valid for the call.
    unsafe {
        let mut tm: libc::tm = std::mem::zeroed();
        if libc::localtime_r(&t, &mut tm).is_null() {
            return 0;
        }
        tm.tm_gmtoff as i64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn china_local_and_epoch_are_the_same_instant() {
        // 2026-12-06 18:00:00 in China is 10:00:00 UTC.
        let china = civil_seconds("2026-12-06 18:00:00").unwrap() - CHINA_OFFSET;
        assert_eq!(china, 1_796_551_200);
        assert_eq!(
            civil_seconds("2026-12-06T18:00:00"),
            civil_seconds("2026-12-06 18:00:00")
        );
        assert_eq!(civil_seconds("2026-12-06"), Some(1_796_515_200));
        assert_eq!(format_iso(china, 0).unwrap(), "2026-12-06T10:00:00+00:00");
        assert_eq!(
            format_iso(china, 19800).unwrap(),
            "2026-12-06T15:30:00+05:30"
        );
        assert_eq!(
            format_iso(china, -3 * 3600).unwrap(),
            "2026-12-06T07:00:00-03:00"
        );
        assert_eq!(civil_seconds("2026-13-01 00:00:00"), None);
        assert_eq!(civil_seconds("2026-02-30 00:00:00"), None);
        assert_eq!(civil_seconds("soon"), None);
    }
}
