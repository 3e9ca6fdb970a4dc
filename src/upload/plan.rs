//! Which bytes to send: the parts of a file, and what the server already holds.

use std::collections::VecDeque;
use std::ops::Range;

use crate::error::{Error, ErrorKind, Result};

/// One contiguous range of the file, sent as one request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    pub offset: u64,
    pub len: u64,
}

impl Part {
    /// The inclusive last byte, as `Content-Range` and iQiyi's `range` want it.
    pub fn last_byte(&self) -> u64 {
        self.offset + self.len - 1
    }

    /// The offset just past the part.
    pub fn end(&self) -> u64 {
        self.offset + self.len
    }
}

/// What the server already holds, as the server itself reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Committed {
    /// Every byte before this offset (Baijiayun's `upload_size`).
    Prefix(u64),
    /// These byte ranges, in any order.
    Ranges(Vec<Range<u64>>),
}

impl Committed {
    /// Fails when the server claims bytes past the end of a `total`-byte file:
    /// it holds another file (or a longer version of this one), and sending
    /// the rest would make a file that is neither.
    pub(crate) fn check_within(&self, total: u64) -> Result<()> {
        let end = match self {
            Committed::Prefix(held) => *held,
            Committed::Ranges(ranges) => ranges
                .iter()
                .filter(|r| r.start < r.end)
                .map(|r| r.end)
                .max()
                .unwrap_or(0),
        };
        if end > total {
            return Err(Error::new(
                ErrorKind::Integrity,
                format!("the server holds bytes up to {end} of a {total}-byte file"),
            ));
        }
        Ok(())
    }
}

/// The byte ranges of `0..total` the server does not hold, in file order.
pub(crate) fn missing_ranges(total: u64, committed: &Committed) -> Vec<Range<u64>> {
    match committed {
        Committed::Prefix(held) => {
            let held = (*held).min(total);
            let mut missing = Vec::new();
            if held < total {
                missing.push(held..total);
            }
            missing
        }
        Committed::Ranges(ranges) => {
            let mut held: Vec<Range<u64>> = ranges
                .iter()
                .filter(|r| r.start < r.end)
                .map(|r| r.start.min(total)..r.end.min(total))
                .collect();
            held.sort_by_key(|r| r.start);
            let mut missing = Vec::new();
            let mut at = 0;
            for r in held {
                if r.start > at {
                    missing.push(at..r.start);
                }
                at = at.max(r.end);
            }
            if at < total {
                missing.push(at..total);
            }
            missing
        }
    }
}

const MIB: u64 = 1024 * 1024;

/// How many parts an upload aims for when its caller names no part size.
pub const TARGET_PARTS: u64 = 64;

/// The largest part `auto_part_size` chooses (larger files get more parts).
pub const MAX_AUTO_PART_SIZE: u64 = 64 * MIB;

/// The part size for `bytes` left to send when the caller names none:
/// `floor` (the provider's configured `part_size`) while that makes at most
/// [`TARGET_PARTS`] parts, else `bytes / TARGET_PARTS` rounded up to whole
/// MiB, at most [`MAX_AUTO_PART_SIZE`] (and never below `floor`).
///
/// Why: every part waits for its answer, so each costs a round trip (one in
/// flight: the whole RTT; several: a share of it), while parts are streamed
/// from disk, so their size costs no memory; what a larger part costs is the
/// bytes re-sent when it fails, which the ceiling bounds.
pub(crate) fn auto_part_size(bytes: u64, floor: u64) -> u64 {
    let floor = floor.max(1);
    if bytes.div_ceil(floor) <= TARGET_PARTS {
        return floor;
    }
    let even = bytes
        .div_ceil(TARGET_PARTS)
        .div_ceil(MIB)
        .saturating_mul(MIB);
    even.min(MAX_AUTO_PART_SIZE).max(floor)
}

/// `ranges` cut into parts of at most `part_size` bytes, in order.
pub(crate) fn split(ranges: &[Range<u64>], part_size: u64) -> VecDeque<Part> {
    let mut parts = VecDeque::new();
    for r in ranges {
        let mut offset = r.start;
        while offset < r.end {
            let len = part_size.min(r.end - offset);
            parts.push_back(Part { offset, len });
            offset += len;
        }
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_ranges_of_a_prefix_and_of_holes() {
        assert_eq!(missing_ranges(10, &Committed::Prefix(4)), vec![4..10]);
        assert_eq!(missing_ranges(10, &Committed::Prefix(12)), vec![]);
        assert_eq!(
            missing_ranges(10, &Committed::Ranges(vec![6..8, 0..2, 1..3])),
            vec![3..6, 8..10]
        );
    }

    #[test]
    fn split_covers_every_byte_once() {
        let parts = split(&[3..10, 12..13], 3);
        let v: Vec<(u64, u64)> = parts.iter().map(|p| (p.offset, p.len)).collect();
        assert_eq!(v, vec![(3, 3), (6, 3), (9, 1), (12, 1)]);
        assert_eq!(parts[0].last_byte(), 5);
        assert_eq!(parts[0].end(), 6);
    }

    #[test]
    fn automatic_parts_grow_with_the_file_between_floor_and_ceiling() {
        let floor = 4 * MIB;
        // Small files keep the floor.
        assert_eq!(auto_part_size(10, floor), floor);
        assert_eq!(auto_part_size(TARGET_PARTS * floor, floor), floor);
        // A small floor is kept while it makes at most 64 parts.
        assert_eq!(auto_part_size(3 * MIB + 7, 256 * 1024), 256 * 1024);
        // 1 GiB: 64 parts of 16 MiB.
        assert_eq!(auto_part_size(1024 * MIB, floor), 16 * MIB);
        // Just over a whole MiB per part rounds up: still at most 64 parts.
        let bytes = TARGET_PARTS * 16 * MIB + 1;
        let size = auto_part_size(bytes, floor);
        assert_eq!(size, 17 * MIB);
        assert!(bytes.div_ceil(size) <= TARGET_PARTS);
        // Huge files stop at the ceiling; a floor above it wins.
        assert_eq!(auto_part_size(1 << 40, floor), MAX_AUTO_PART_SIZE);
        assert_eq!(auto_part_size(u64::MAX, floor), MAX_AUTO_PART_SIZE);
        assert_eq!(auto_part_size(1 << 40, 100 * MIB), 100 * MIB);
        assert_eq!(auto_part_size(0, 0), 1);
    }

    #[test]
    fn a_server_holding_more_than_the_file_is_an_integrity_error() {
        assert!(Committed::Prefix(10).check_within(10).is_ok());
        assert!(Committed::Ranges(vec![0..4, 8..10, 12..12])
            .check_within(10)
            .is_ok());
        for c in [Committed::Prefix(11), Committed::Ranges(vec![0..2, 5..11])] {
            assert_eq!(c.check_within(10).unwrap_err().kind(), ErrorKind::Integrity);
        }
    }
}
