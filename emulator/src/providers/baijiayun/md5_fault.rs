//! A fault only getInfo has: the next N answers report a `file_md5` that is
//! not the stored file's, so tests can prove the SDK compares it with its
//! own. Armed with [`Md5Fault::arm`] or `POST /_emulator/baijiayun/wrong_file_md5`
//! `{"count": N}`.

use std::sync::atomic::{AtomicU32, Ordering};

use serde_json::Value;

#[derive(Debug, Default)]
pub struct Md5Fault(AtomicU32);

impl Md5Fault {
    /// The next `count` getInfo answers carry a wrong `file_md5`.
    pub fn arm(&self, count: u32) {
        self.0.store(count, Ordering::SeqCst);
    }

    /// Replaces `file_md5` in a getInfo answer while the fault is armed.
    pub(crate) fn apply(&self, info: &mut Value) {
        let armed = self
            .0
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1))
            .is_ok();
        if let (true, Some(md5)) = (armed, info.get_mut("file_md5")) {
            *md5 = Value::String("0123456789abcdef0123456789abcdef".into());
        }
    }
}
