use std::collections::{BTreeMap, HashMap, VecDeque};
use std::net::IpAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use serde::Serialize;

use crate::baijiayun::{self, video::Video};
use crate::clock::Clock;
use crate::faults::Faults;

/// How the emulator is set up.
#[derive(Debug, Clone)]
pub struct Config {
    pub partner_id: String,
    pub partner_key: String,
    /// The key that may reset `partner_key` (API 1).
    pub secret_key: String,
    /// Where uploads are stored; a fresh temporary directory when `None`.
    pub data_dir: Option<PathBuf>,
    /// Emulated seconds a video spends transcoding (status 20) before 100.
    pub transcode_secs: i64,
    /// Emulated seconds a video may stay unfinished (status 10) before 32.
    pub upload_timeout_secs: i64,
    /// Uploads whose file name contains this end in status 30 (transcode failed).
    pub fail_transcode_marker: String,
    /// Requests allowed per account and IP within `rate_window` (None = no limit).
    pub rate_limit: Option<(u32, Duration)>,
    /// Waits before the retries of a failed callback (the provider: 5 s, 30 s).
    pub callback_retry_delays: Vec<Duration>,
    pub faults: Faults,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            partner_id: "12345678".to_owned(),
            partner_key: "emulator-partner-key".to_owned(),
            secret_key: "emulator-secret-key".to_owned(),
            data_dir: None,
            transcode_secs: 2,
            upload_timeout_secs: 24 * 3600,
            fail_transcode_marker: "transcode-fail".to_owned(),
            rate_limit: Some((200, Duration::from_secs(10))),
            callback_retry_delays: vec![Duration::from_secs(5), Duration::from_secs(30)],
            faults: Faults::default(),
        }
    }
}

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

/// What a test may see of a stored video.
#[derive(Debug, Clone, Serialize)]
pub struct VideoSnapshot {
    pub video_id: i64,
    pub name: String,
    pub status: i64,
    pub received_bytes: u64,
    pub total_size: Option<u64>,
    pub md5: Option<String>,
    pub path: PathBuf,
    pub upload_requests: u32,
}

/// Mutable state behind one lock per area.
pub struct Shared {
    pub config: Config,
    pub clock: Clock,
    pub data_dir: PathBuf,
    /// The current partner key (API 1 may regenerate it).
    pub partner_key: Mutex<String>,
    pub faults: Mutex<Faults>,
    pub rate_limit: Mutex<Option<(u32, Duration)>>,
    rate_hits: Mutex<HashMap<(String, IpAddr), VecDeque<Instant>>>,
    pub requests: Mutex<BTreeMap<String, u64>>,
    pub callbacks: Mutex<Vec<CallbackRecord>>,
    pub bjy: baijiayun::State,
    /// Where the server listens, for building URLs in answers.
    pub base_url: Mutex<String>,
    _tmp: Option<tempfile::TempDir>,
}

pub(crate) fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // A handler that panicked must not take the whole emulator down with it.
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl Shared {
    pub(crate) fn new(config: Config) -> std::io::Result<Arc<Self>> {
        let (data_dir, tmp) = match &config.data_dir {
            Some(dir) => {
                std::fs::create_dir_all(dir)?;
                (dir.clone(), None)
            }
            None => {
                let tmp = tempfile::Builder::new()
                    .prefix("vodkit-emulator-")
                    .tempdir()?;
                (tmp.path().to_owned(), Some(tmp))
            }
        };
        Ok(Arc::new(Shared {
            partner_key: Mutex::new(config.partner_key.clone()),
            faults: Mutex::new(config.faults.clone()),
            rate_limit: Mutex::new(config.rate_limit),
            rate_hits: Mutex::new(HashMap::new()),
            requests: Mutex::new(BTreeMap::new()),
            callbacks: Mutex::new(Vec::new()),
            bjy: baijiayun::State::default(),
            base_url: Mutex::new(String::new()),
            clock: Clock::default(),
            data_dir,
            config,
            _tmp: tmp,
        }))
    }

    pub fn partner_key(&self) -> String {
        lock(&self.partner_key).clone()
    }

    pub fn base_url(&self) -> String {
        lock(&self.base_url).clone()
    }

    pub fn set_faults(&self, faults: Faults) {
        *lock(&self.faults) = faults;
    }

    pub fn faults(&self) -> Faults {
        lock(&self.faults).clone()
    }

    pub fn set_rate_limit(&self, limit: Option<(u32, Duration)>) {
        *lock(&self.rate_limit) = limit;
        lock(&self.rate_hits).clear();
    }

    /// Requests seen per path (`/openapi/video/getStatus`, `/upload`, …).
    pub fn request_counts(&self) -> BTreeMap<String, u64> {
        lock(&self.requests).clone()
    }

    pub fn request_count(&self, path: &str) -> u64 {
        lock(&self.requests).get(path).copied().unwrap_or(0)
    }

    pub fn total_requests(&self) -> u64 {
        lock(&self.requests).values().sum()
    }

    pub fn callbacks(&self) -> Vec<CallbackRecord> {
        lock(&self.callbacks).clone()
    }

    pub fn video(&self, id: i64) -> Option<VideoSnapshot> {
        let now = self.clock.now_secs();
        let mut videos = lock(&self.bjy.videos);
        let v: &mut Video = videos.get_mut(&id)?;
        v.tick(now, &self.config);
        Some(v.snapshot())
    }

    /// The full emulator record of a video (what getUploadUrl stored, etc.).
    pub fn bjy_video(&self, id: i64) -> Option<Video> {
        lock(&self.bjy.videos).get(&id).cloned()
    }

    pub(crate) fn count_request(&self, path: &str) {
        *lock(&self.requests).entry(path.to_owned()).or_default() += 1;
    }

    /// Records a hit; `false` when the account is over its rate limit.
    pub(crate) fn rate_ok(&self, account: &str, ip: IpAddr) -> bool {
        let Some((limit, window)) = *lock(&self.rate_limit) else {
            return true;
        };
        let now = Instant::now();
        let mut hits = lock(&self.rate_hits);
        let q = hits.entry((account.to_owned(), ip)).or_default();
        while q.front().is_some_and(|t| now.duration_since(*t) >= window) {
            q.pop_front();
        }
        if q.len() as u32 >= limit {
            return false;
        }
        q.push_back(now);
        true
    }

    /// Whether this request is to fail with HTTP 500 (fault knobs).
    pub(crate) fn inject_error(&self) -> bool {
        let mut f = lock(&self.faults);
        if f.fail_next > 0 {
            f.fail_next -= 1;
            return true;
        }
        f.error_rate > 0.0 && fastrand::f64() < f.error_rate
    }

    /// The byte count after which this upload's connection is dropped, if any.
    pub(crate) fn take_drop(&self) -> Option<u64> {
        let mut f = lock(&self.faults);
        let cut = f.drop_after_bytes?;
        if f.drop_uploads > 1 {
            f.drop_uploads -= 1;
        } else {
            f.drop_uploads = 0;
            f.drop_after_bytes = None;
        }
        Some(cut)
    }

    /// Whether this upload's answer is to be swallowed (see [`Faults::drop_answers`]).
    pub(crate) fn take_drop_answer(&self) -> bool {
        let mut f = lock(&self.faults);
        if f.drop_answers > 0 {
            f.drop_answers -= 1;
            return true;
        }
        false
    }

    pub(crate) fn latency(&self) -> Duration {
        Duration::from_millis(lock(&self.faults).latency_ms)
    }
}
