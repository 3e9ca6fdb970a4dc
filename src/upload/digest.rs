//! The whole file's MD5, for end-to-end checks against the provider's.
//!
//! Where one part is the whole file (Baijiayun's fresh upload: one streamed
//! request), that part's receipt MD5 — computed while it streamed — is the
//! file's MD5, for free. Otherwise (a resume, ranged or parallel parts, whose
//! bytes do not stream in file order) a helper thread reads the source in
//! order and hashes it while the parts go out, so the sending threads do no
//! extra work. An upload that started whole and turned ranged (a retry after
//! a cut connection) hashes the file once at the end.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::thread::JoinHandle;

use super::plan::Part;
use super::source::Source;
use super::tally::PartReceipt;
use crate::error::{Error, Result};

/// The MD5 of one upload's source, from a whole-file receipt or a helper.
#[derive(Debug)]
pub(crate) struct FileMd5 {
    source: Source,
    from_receipt: OnceLock<String>,
    helper: Mutex<Option<JoinHandle<Result<String>>>>,
    stop: Arc<AtomicBool>,
}

impl FileMd5 {
    /// `whole`: the file goes out as one part, whose receipt will be the
    /// file's MD5 (no helper). Otherwise the helper starts now.
    pub(crate) fn start(source: &Source, whole: bool) -> Self {
        let stop = Arc::new(AtomicBool::new(false));
        let helper = (!whole).then(|| {
            let source = source.clone();
            let stop = stop.clone();
            std::thread::spawn(move || hash(&source, &stop))
        });
        FileMd5 {
            source: source.clone(),
            from_receipt: OnceLock::new(),
            helper: Mutex::new(helper),
            stop,
        }
    }

    /// Told of every acknowledged part: one covering the whole file gives
    /// the file's MD5.
    pub(crate) fn acknowledged(&self, part: &Part, receipt: &PartReceipt) {
        if part.offset == 0 && part.len == self.source.size() {
            if let Some(md5) = &receipt.md5 {
                let _ = self.from_receipt.set(md5.clone());
            }
        }
    }

    /// The file's MD5 (lowercase hex), once every part is acknowledged.
    pub(crate) fn finish(&self) -> Result<String> {
        let helper = self.helper.lock().unwrap_or_else(|e| e.into_inner()).take();
        if let Some(md5) = self.from_receipt.get() {
            self.stop.store(true, Ordering::SeqCst);
            return Ok(md5.clone());
        }
        match helper {
            Some(h) => h
                .join()
                .unwrap_or_else(|_| Err(Error::internal("the MD5 helper panicked"))),
            None => hash(&self.source, &self.stop),
        }
    }
}

impl Drop for FileMd5 {
    /// An upload that failed stops its helper (it is not waited for).
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
    }
}

/// The MD5 of the whole source, read in order; stops early (with an error
/// nobody reads) once `stop` is set.
fn hash(source: &Source, stop: &AtomicBool) -> Result<String> {
    source.md5_of_range_until(0, source.size(), stop)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hex::hex;
    use md5::{Digest, Md5};

    #[test]
    fn the_helper_and_the_receipt_agree_with_the_bytes() {
        let data: Vec<u8> = (0..3_000_001u32).map(|i| (i % 251) as u8).collect();
        let want = hex(&Md5::digest(&data));
        let source = Source::from_bytes(data, "a.bin").unwrap();
        assert_eq!(FileMd5::start(&source, false).finish().unwrap(), want);
        // Whole, but the part never came back whole: hashed at the end.
        assert_eq!(FileMd5::start(&source, true).finish().unwrap(), want);
        let whole = FileMd5::start(&source, true);
        let part = Part {
            offset: 0,
            len: source.size(),
        };
        whole.acknowledged(
            &part,
            &PartReceipt {
                len: part.len,
                md5: Some("abc".into()),
            },
        );
        assert_eq!(whole.finish().unwrap(), "abc", "the receipt is taken as is");
    }
}
