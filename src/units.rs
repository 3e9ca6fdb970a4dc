//! Sizes and durations as people write them (`8M`, `64KiB`, `1.5G`; `30s`,
//! `500ms`, `1m30s`): the one reading of both, for config values and
//! command-line flags alike.

use std::time::Duration;

/// What a size may look like, for error messages.
pub const SIZE_FORMS: &str = "a number of bytes or a size such as \"8M\" or \"64KiB\"";

/// What a duration may look like, for error messages.
pub const DURATION_FORMS: &str = "a duration such as \"30s\", \"500ms\" or \"1m30s\"";

/// A byte count: a plain number, or a number with a unit — `K`, `M`, `G`,
/// `T`, each optionally followed by `B` or `iB` (`8M`, `8MB` and `8MiB` are
/// all 8 × 1024 × 1024: sizes here are binary), case-insensitive, `B` alone
/// for bytes. Fractions are allowed (`1.5M`) and rounded down to a byte.
pub fn parse_size(text: &str) -> Result<u64, String> {
    let t = text.trim();
    let split = t.find(|c: char| c.is_ascii_alphabetic()).unwrap_or(t.len());
    let (number, unit) = (t[..split].trim(), t[split..].trim());
    let unit = unit.to_ascii_uppercase();
    let shift = match unit.as_str() {
        "" | "B" => 0,
        "K" | "KB" | "KIB" => 10,
        "M" | "MB" | "MIB" => 20,
        "G" | "GB" | "GIB" => 30,
        "T" | "TB" | "TIB" => 40,
        _ => return Err(format!("{text:?} is not a size: expected {SIZE_FORMS}")),
    };
    let bytes = scaled(number, (1u64 << shift) as f64)
        .ok_or_else(|| format!("{text:?} is not a size: expected {SIZE_FORMS}"))?;
    Ok(bytes)
}

/// A duration: one or more `<number><unit>` groups (`1m30s`), units `ms`,
/// `s`, `m`, `h` (also `sec`, `min`, `hr` and plurals); a bare number is in
/// `bare_unit` (milliseconds for a `…_ms` key, seconds for a `…_secs` key).
pub fn parse_duration(text: &str, bare_unit: Duration) -> Result<Duration, String> {
    let bad = || format!("{text:?} is not a duration: expected {DURATION_FORMS}");
    let t = text.trim();
    if t.is_empty() {
        return Err(bad());
    }
    if let Some(ms) = scaled(t, bare_unit.as_millis() as f64) {
        return Ok(Duration::from_millis(ms));
    }
    let mut total_ms: u64 = 0;
    let mut rest = t;
    while !rest.is_empty() {
        let number_end = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .ok_or_else(bad)?;
        let unit_end = rest[number_end..]
            .find(|c: char| c.is_ascii_digit() || c == '.')
            .map_or(rest.len(), |i| number_end + i);
        let unit_ms: f64 = match rest[number_end..unit_end]
            .trim()
            .to_ascii_lowercase()
            .as_str()
        {
            "ms" => 1.0,
            "s" | "sec" | "secs" | "second" | "seconds" => 1e3,
            "m" | "min" | "mins" | "minute" | "minutes" => 60e3,
            "h" | "hr" | "hrs" | "hour" | "hours" => 3600e3,
            _ => return Err(bad()),
        };
        let ms = scaled(&rest[..number_end], unit_ms).ok_or_else(bad)?;
        total_ms = total_ms.checked_add(ms).ok_or_else(bad)?;
        rest = rest[unit_end..].trim_start();
    }
    Ok(Duration::from_millis(total_ms))
}

/// `number × unit`, rounded down, for a finite non-negative number that fits.
fn scaled(number: &str, unit: f64) -> Option<u64> {
    if number.is_empty() || !number.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return None;
    }
    if let Ok(n) = number.parse::<u64>() {
        if unit.fract() == 0.0 && unit <= u64::MAX as f64 {
            return n.checked_mul(unit as u64);
        }
    }
    let value = number.parse::<f64>().ok()? * unit;
    (value.is_finite() && value >= 0.0 && value < u64::MAX as f64).then_some(value as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        for (text, bytes) in [
            ("4194304", 4 << 20),
            ("8M", 8 << 20),
            ("8m", 8 << 20),
            ("8MB", 8 << 20),
            ("8MiB", 8 << 20),
            ("64KiB", 64 << 10),
            (" 64 k ", 64 << 10),
            ("1.5G", 3 << 29),
            ("2T", 2 << 40),
            ("512B", 512),
            ("0", 0),
        ] {
            assert_eq!(parse_size(text), Ok(bytes), "{text}");
        }
        for bad in [
            "",
            "M",
            "8X",
            "-1M",
            "8 M B",
            "1e3",
            "eight",
            "99999999999T",
        ] {
            let err = parse_size(bad).unwrap_err();
            assert!(err.contains("\"8M\""), "{bad}: {err}");
        }
    }

    #[test]
    fn durations() {
        let ms = Duration::from_millis;
        for (text, bare, d) in [
            ("30s", ms(1), ms(30_000)),
            ("500ms", ms(1), ms(500)),
            ("1m30s", ms(1), ms(90_000)),
            ("1m 30s", ms(1), ms(90_000)),
            ("2h", ms(1), ms(7_200_000)),
            ("1.5s", ms(1), ms(1_500)),
            ("250", ms(1), ms(250)),
            ("250", ms(1000), ms(250_000)),
            ("0", ms(1), ms(0)),
        ] {
            assert_eq!(parse_duration(text, bare), Ok(d), "{text}");
        }
        for bad in ["", "s", "30x", "-5s", "30s5", "1d", "ms30"] {
            let err = parse_duration(bad, ms(1)).unwrap_err();
            assert!(err.contains("\"30s\""), "{bad}: {err}");
        }
    }
}
