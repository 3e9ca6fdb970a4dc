//! What a provider implements to receive parts, and how the engine checks
//! the provider's answer for each part against what it streamed.

use super::plan::{Committed, Part};
use super::source::PartBody;
use super::tally::PartReceipt;
use crate::error::{Error, ErrorKind, Result};

/// Where parts go: one implementation per provider.
///
/// The engine calls, in this order: [`begin`](PartSink::begin) once;
/// [`send_part`](PartSink::send_part) for every missing part (from worker
/// threads, up to `concurrency` at once), with
/// [`committed`](PartSink::committed) before an ordered sink's retry; and
/// [`finish`](PartSink::finish) once, only when the server has acknowledged
/// every byte. Hooks that need to keep state (a `file_id`, an upload URL) keep
/// it behind a lock or a `OnceLock`, since parts are sent from several threads.
pub trait PartSink: Sync {
    /// Opens the upload (iQiyi's `openupload`). Called once, on the calling
    /// thread, before the first part — also when no part is left to send, so
    /// a resumed upload is still finished. Its error fails the upload.
    fn begin(&self) -> Result<()> {
        Ok(())
    }

    /// Sends one part; `body` yields exactly `part.len` bytes. Returns once the
    /// server has acknowledged the part, with what the server said about it:
    /// the engine checks that against what it streamed (see [`PartAck`]).
    fn send_part(&self, part: &Part, body: PartBody, total: u64) -> Result<PartAck>;

    /// Asks the server what it holds. Called before an ordered sink's retry, so
    /// a resumed upload trusts the server, never a local record.
    fn committed(&self) -> Result<Committed>;

    /// Whether the provider's answer to a part carries its MD5
    /// ([`PartAck::md5`]): then every part is hashed while it streams.
    fn reports_md5(&self) -> bool {
        false
    }

    /// Whether parts must arrive in file order (then one is in flight at a time).
    fn ordered(&self) -> bool;

    /// Completes the upload once the server holds every byte (iQiyi's meta and
    /// `uploadfinish`). Called once, on the calling thread; never after a
    /// failed or cancelled upload. Its error fails the upload.
    fn finish(&self) -> Result<()> {
        Ok(())
    }

    /// Told, on the calling thread, of every part whose answer passed the
    /// engine's checks, with the receipt it was checked against. A provider
    /// with no query for what it holds (iQiyi) keeps these as its record of
    /// acknowledged ranges, for resume handles.
    fn acknowledged(&self, part: &Part, receipt: &PartReceipt) {
        let _ = (part, receipt);
    }
}

/// What the server's answer to one part says, as far as the provider reports
/// it. `None` means "not reported" and is not checked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PartAck {
    /// Bytes of this part the server accepted (iQiyi's `file_range_accepted`);
    /// must equal the part's length.
    pub accepted_len: Option<u64>,
    /// The MD5 of this part as the server computed it (iQiyi's `range_md5`),
    /// hex, any case; must equal the MD5 the engine computed while streaming.
    pub md5: Option<String>,
    /// Bytes of the file the server holds now (Baijiayun's `upload_size`);
    /// must cover everything acknowledged before plus this part.
    pub held: Option<u64>,
}

impl PartAck {
    /// An answer that reports nothing beyond success.
    pub fn accepted() -> Self {
        PartAck::default()
    }
}

/// Why a part's answer does not match what was sent.
#[derive(Debug)]
pub(crate) enum AckMismatch {
    /// This part did not arrive intact: send it again.
    Part(Error),
    /// The server no longer holds bytes it had acknowledged: re-sending would
    /// hide the loss, so the upload fails.
    Lost(Error),
}

/// Checks the server's `ack` for `part` against the engine's `receipt`
/// (`None`: the body was not read to its end). `acknowledged` is how many
/// bytes the server had acknowledged before this part.
pub(crate) fn check_ack(
    part: &Part,
    receipt: Option<&PartReceipt>,
    ack: &PartAck,
    acknowledged: u64,
    total: u64,
) -> std::result::Result<(), AckMismatch> {
    let integrity = |msg: String| Error::new(ErrorKind::Integrity, msg);
    let at = part.offset;
    let Some(receipt) = receipt else {
        return Err(AckMismatch::Part(integrity(format!(
            "the part at {at} was acknowledged before all its {} bytes were sent",
            part.len
        ))));
    };
    if let Some(held) = ack.held {
        if held < acknowledged || held > total {
            return Err(AckMismatch::Lost(integrity(format!(
                "the server reports holding {held} bytes of a {total}-byte file \
                 after acknowledging {acknowledged}"
            ))));
        }
        if held < acknowledged + part.len {
            return Err(AckMismatch::Part(integrity(format!(
                "the server holds {held} bytes after the part at {at}, \
                 less than the {} acknowledged with it",
                acknowledged + part.len
            ))));
        }
    }
    if let Some(accepted) = ack.accepted_len {
        if accepted != receipt.len {
            return Err(AckMismatch::Part(integrity(format!(
                "the server accepted {accepted} of the {} bytes of the part at {at}",
                receipt.len
            ))));
        }
    }
    if let Some(md5) = &ack.md5 {
        let Some(local) = &receipt.md5 else {
            return Err(AckMismatch::Lost(Error::internal(format!(
                "the server reported the MD5 of the part at {at}, which was not hashed \
                 (the sink must say it reports MD5s)"
            ))));
        };
        if !md5.trim().eq_ignore_ascii_case(local) {
            return Err(AckMismatch::Part(integrity(format!(
                "the part at {at} has MD5 {} on the server, {} here",
                md5.trim(),
                local
            ))));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn receipt() -> PartReceipt {
        PartReceipt {
            len: 10,
            md5: Some("0123456789abcdef0123456789abcdef".into()),
        }
    }

    fn check(ack: PartAck, acknowledged: u64) -> std::result::Result<(), AckMismatch> {
        let part = Part {
            offset: 20,
            len: 10,
        };
        check_ack(&part, Some(&receipt()), &ack, acknowledged, 100)
    }

    #[test]
    fn a_matching_or_silent_answer_passes() {
        assert!(check(PartAck::accepted(), 20).is_ok());
        let full = PartAck {
            accepted_len: Some(10),
            md5: Some("0123456789ABCDEF0123456789ABCDEF".into()),
            held: Some(30),
        };
        assert!(check(full, 20).is_ok());
    }

    #[test]
    fn short_length_wrong_md5_and_short_hold_are_part_mismatches() {
        let short = PartAck {
            accepted_len: Some(9),
            ..PartAck::default()
        };
        let md5 = PartAck {
            md5: Some("ffffffffffffffffffffffffffffffff".into()),
            ..PartAck::default()
        };
        let held = PartAck {
            held: Some(25),
            ..PartAck::default()
        };
        for ack in [short, md5, held] {
            match check(ack, 20) {
                Err(AckMismatch::Part(e)) => assert_eq!(e.kind(), ErrorKind::Integrity),
                other => panic!("{other:?}"),
            }
        }
    }

    #[test]
    fn holding_less_than_was_acknowledged_is_a_loss() {
        let ack = PartAck {
            held: Some(15),
            ..PartAck::default()
        };
        match check(ack, 20) {
            Err(AckMismatch::Lost(e)) => assert_eq!(e.kind(), ErrorKind::Integrity),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn an_acknowledged_part_that_was_not_read_in_full_is_a_mismatch() {
        let part = Part { offset: 0, len: 10 };
        assert!(matches!(
            check_ack(&part, None, &PartAck::accepted(), 0, 100),
            Err(AckMismatch::Part(_))
        ));
    }
}
