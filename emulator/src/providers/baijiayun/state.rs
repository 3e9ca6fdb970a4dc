//! Everything the Baijiayun emulation holds, one lock per area.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::atomic::AtomicI64;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde::Serialize;

use super::config::Config;
use super::store::video::{Video, VideoSnapshot};
use super::store::{category, interactive, manage, subtitle};
use crate::common::controls::Controls;
use crate::common::faults::Faults;
use crate::common::lock::lock;
use crate::common::upload_target::UploadTarget;

/// One callback delivery, kept for tests to inspect.
#[derive(Debug, Clone, Serialize)]
pub struct CallbackRecord {
    pub url: String,
    /// The form fields sent, `sign` included.
    pub fields: Vec<(String, String)>,
    /// The raw `application/x-www-form-urlencoded` body sent.
    pub body: String,
    pub attempts: u32,
    pub delivered: bool,
}

/// The Baijiayun emulation's state, shared by its handlers and its tests.
pub struct Shared {
    pub config: Config,
    /// Clock, faults, rate limit and request counts (steered by the control API).
    pub controls: Controls,
    /// Where uploads are stored.
    pub data_dir: PathBuf,
    /// Where this provider is served (`http://127.0.0.1:PORT/baijiayun`),
    /// for the upload and play URLs in answers.
    pub base_url: String,
    /// Where upload URLs send the bytes (the emulator unless set).
    pub upload_target: UploadTarget,
    /// The current partner key (API 1 may regenerate it).
    pub partner_key: Mutex<String>,
    pub callbacks: Mutex<Vec<CallbackRecord>>,
    pub videos: Mutex<BTreeMap<i64, Video>>,
    pub next_video_id: AtomicI64,
    /// The account-level transcode callback URL.
    pub callback_url: Mutex<Option<String>>,
    pub manage: Mutex<manage::State>,
    pub category: Mutex<category::State>,
    pub subtitle: Mutex<subtitle::State>,
    pub interactive: Mutex<interactive::State>,
    /// getInfo's wrong-`file_md5` fault.
    pub md5_fault: super::md5_fault::Md5Fault,
}

impl AsRef<UploadTarget> for Shared {
    fn as_ref(&self) -> &UploadTarget {
        &self.upload_target
    }
}

impl Shared {
    /// Fresh state; uploads go to `data_dir`, which is created if missing.
    pub(crate) fn new(
        config: Config,
        base_url: String,
        data_dir: PathBuf,
    ) -> std::io::Result<Arc<Self>> {
        std::fs::create_dir_all(&data_dir)?;
        Ok(Arc::new(Shared {
            controls: Controls::new(config.faults.clone(), config.rate_limit),
            upload_target: UploadTarget::default(),
            partner_key: Mutex::new(config.partner_key.clone()),
            callbacks: Mutex::new(Vec::new()),
            videos: Mutex::new(BTreeMap::new()),
            next_video_id: AtomicI64::new(0),
            callback_url: Mutex::new(None),
            manage: Mutex::default(),
            category: Mutex::default(),
            subtitle: Mutex::default(),
            interactive: Mutex::default(),
            md5_fault: Default::default(),
            base_url,
            data_dir,
            config,
        }))
    }

    pub fn partner_key(&self) -> String {
        lock(&self.partner_key).clone()
    }

    /// Replaces the partner key (as a rotation in the provider's console
    /// would): requests signed with the old one get 1002 from now on, and
    /// `partner/createkey` hands out the new one. Returns it.
    pub fn rotate_partner_key(&self) -> String {
        let key = new_partner_key();
        *lock(&self.partner_key) = key.clone();
        key
    }

    /// `http://127.0.0.1:PORT/baijiayun`: the base URL to give the SDK.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The emulated clock (status changes and timestamps follow it).
    pub fn clock(&self) -> &crate::common::clock::Clock {
        &self.controls.clock
    }

    pub fn set_faults(&self, faults: Faults) {
        self.controls.faults.set(faults);
    }

    pub fn faults(&self) -> Faults {
        self.controls.faults.get()
    }

    pub fn set_rate_limit(&self, limit: Option<(u32, Duration)>) {
        self.controls.rate_limit.set(limit);
    }

    /// Requests seen per path (`/openapi/video/getStatus`, `/upload`, …).
    pub fn request_counts(&self) -> BTreeMap<String, u64> {
        self.controls.requests.counts()
    }

    pub fn request_count(&self, path: &str) -> u64 {
        self.controls.requests.count_of(path)
    }

    pub fn total_requests(&self) -> u64 {
        self.controls.requests.total()
    }

    pub fn callbacks(&self) -> Vec<CallbackRecord> {
        lock(&self.callbacks).clone()
    }

    /// What a test may see of video `id`, its status brought up to date.
    pub fn video(&self, id: i64) -> Option<VideoSnapshot> {
        // The lock is let go before waiting: the writers being waited for
        // take it to count their bytes (an `if let` on `lock(..)` would hold
        // it to the block's end, and deadlock).
        let gate = lock(&self.videos).get(&id).map(|v| v.intake.clone());
        if let Some(gate) = gate {
            gate.settle();
        }
        let now = self.clock().now_secs();
        let (snapshot, md5) = {
            let mut videos = lock(&self.videos);
            let v = videos.get_mut(&id)?;
            v.tick(now, &self.config);
            (v.snapshot(), v.md5.clone())
        };
        Some(snapshot.with_md5(md5.as_ref()))
    }

    /// Every video the fake account holds, oldest first, as [`Self::video`]
    /// shows each (the sandbox's view of what the provider holds).
    pub fn videos(&self) -> Vec<VideoSnapshot> {
        let ids: Vec<i64> = lock(&self.videos).keys().copied().collect();
        ids.into_iter().filter_map(|id| self.video(id)).collect()
    }

    /// The full emulator record of a video (what getUploadUrl stored, etc.).
    pub fn bjy_video(&self, id: i64) -> Option<Video> {
        lock(&self.videos).get(&id).cloned()
    }
}

/// A new partner key shaped like the provider's: 64 random bytes in base64.
pub(crate) fn new_partner_key() -> String {
    use base64::Engine;
    let bytes: Vec<u8> = (0..64).map(|_| fastrand::u8(..)).collect();
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

#[cfg(test)]
mod tests {
    use super::new_partner_key;

    #[test]
    fn partner_keys_look_like_the_providers() {
        let key = new_partner_key();
        assert_eq!(key.len(), 88);
        assert!(key.ends_with("=="));
        assert_ne!(key, new_partner_key());
    }
}
