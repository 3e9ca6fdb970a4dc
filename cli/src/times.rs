//! Times as the CLI shows them: local time, ISO 8601 with its offset
//! (`2026-12-06T18:00:00+08:00`), whatever form the provider wrote
//! (the core's facts say which: epoch seconds, or China local time).

use vodkit::api::TimeForm;

/// China Standard Time, UTC+8 (no daylight saving).
const CHINA_OFFSET: i64 = 8 * 3600;

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
    let offset = local_offset(epoch);
    Some(format_iso(epoch + offset, offset))
}

/// `YYYY-MM-DD hh:mm:ss` (or `T` between) as seconds since 1970-01-01 00:00:00 of the same zone.
fn civil_seconds(s: &str) -> Option<i64> {
    let (date, time) = s.split_once([' ', 'T']).unwrap_or((s, "00:00:00"));
    let mut d = date.split('-').map(|p| p.parse::<i64>().ok());
    let (y, m, day) = (d.next()??, d.next()??, d.next()??);
    let mut t = time.split(':').map(|p| p.parse::<i64>().ok());
    let (h, min, sec) = (t.next()??, t.next()??, t.next().flatten().unwrap_or(0));
    if !(1..=12).contains(&m) || !(1..=31).contains(&day) || h > 23 || min > 59 || sec > 60 {
        return None;
    }
    Some(days_from_civil(y, m, day) * 86400 + h * 3600 + min * 60 + sec)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

/// The date of a day count since 1970-01-01.
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (
        if m <= 2 {
            yoe + era * 400 + 1
        } else {
            yoe + era * 400
        },
        m,
        d,
    )
}

fn format_iso(local: i64, offset: i64) -> String {
    let (y, m, d) = civil_from_days(local.div_euclid(86400));
    let s = local.rem_euclid(86400);
    let sign = if offset < 0 { '-' } else { '+' };
    let o = offset.abs();
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}{sign}{:02}:{:02}",
        s / 3600,
        s / 60 % 60,
        s % 60,
        o / 3600,
        o / 60 % 60
    )
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
        assert_eq!(format_iso(china, 0), "2026-12-06T10:00:00+00:00");
        assert_eq!(
            format_iso(china + 19800, 19800),
            "2026-12-06T15:30:00+05:30"
        );
        assert_eq!(civil_seconds("2026-13-01 00:00:00"), None);
        assert_eq!(civil_seconds("soon"), None);
    }
}
