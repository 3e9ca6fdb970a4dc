use std::ops::ControlFlow;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use super::pace::{Pace, DEFAULT_PAUSE_HOLD};

/// What a progress callback answers: keep going, or abort the upload.
pub type ProgressFlow = ControlFlow<()>;

/// A snapshot of an upload in progress.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Progress {
    /// Bytes the server holds or is receiving now. Never decreases during one
    /// upload call, even when a part is re-sent; it starts at the server's
    /// offset when an upload resumes.
    pub bytes_done: u64,
    /// The file size.
    pub bytes_total: u64,
    /// Bytes this call put on the wire, re-sent bytes included.
    pub bytes_sent: u64,
    /// Time since this upload call started.
    pub elapsed: Duration,
    /// The provider's resume handle (`{"provider": "baijiayun", "video_id":
    /// N}`, iQiyi's `{"provider": "iqiyi", "file_id", …}`), present from the
    /// first report on — the provider's id exists before any byte is sent —
    /// so an application can store it and resume after a crash even without
    /// a checkpoint. `None` only before the provider created the upload.
    pub resume: Option<Arc<serde_json::Value>>,
}

/// Steers an upload from any thread: cancel it, pause and resume it, cap
/// its bandwidth. Clones share one state, so one token can be handed to
/// another thread (a UI's pause button) while the upload runs.
///
/// - [`cancel`](Self::cancel) stops the upload (it fails with `Cancelled`
///   within about 100 ms); a token stays cancelled.
/// - [`pause`](Self::pause) stops the file's bytes: no new part starts, and
///   the parts in flight stop reading (their connections stay open, idle).
///   A pause longer than the upload's pause hold (30 s by default,
///   [`UploadHooks::pause_hold`]) abandons the parts in flight cleanly;
///   they are sent again on resume and do not count as failures. The
///   progress callback keeps being called while paused, and cancel works.
///   [`resume`](Self::resume) continues the same upload call.
/// - [`set_rate_limit`](Self::set_rate_limit) caps the bytes per second
///   handed to the network, at any time, also while uploading (0 lifts the
///   cap). One token bucket serves every part — and every upload — using
///   this token, so the cap is on their total.
#[derive(Clone, Default)]
pub struct UploadControl(Arc<TokenState>);

#[derive(Debug, Default)]
struct TokenState {
    cancelled: AtomicBool,
    pace: Pace,
}

impl std::fmt::Debug for UploadControl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UploadControl")
            .field("cancelled", &self.is_cancelled())
            .field("paused", &self.is_paused())
            .field("rate_limit", &self.rate_limit())
            .finish()
    }
}

impl UploadControl {
    pub fn new() -> Self {
        UploadControl::default()
    }

    pub fn cancel(&self) {
        self.0.cancelled.store(true, Ordering::SeqCst);
    }

    pub fn is_cancelled(&self) -> bool {
        self.0.cancelled.load(Ordering::SeqCst)
    }

    /// Pauses every upload using this token (see the type's docs).
    pub fn pause(&self) {
        self.0.pace.pause();
    }

    /// Lets paused uploads go on where they stopped.
    pub fn resume(&self) {
        self.0.pace.resume();
    }

    pub fn is_paused(&self) -> bool {
        self.0.pace.is_paused()
    }

    /// Caps the upload's bandwidth to `bytes_per_second` (0: no cap). Takes
    /// effect within one slice of a second, also mid-part.
    pub fn set_rate_limit(&self, bytes_per_second: u64) {
        self.0.pace.set_rate(bytes_per_second);
    }

    /// The cap in bytes per second (0: none).
    pub fn rate_limit(&self) -> u64 {
        self.0.pace.rate()
    }

    pub(crate) fn pace(&self) -> &Pace {
        &self.0.pace
    }
}

/// What a part's body needs to honour pause and cap.
#[derive(Debug, Clone)]
pub(crate) struct Pacer {
    pub(crate) token: UploadControl,
    /// How long a pause holds a part in flight before abandoning it.
    pub(crate) hold: Duration,
}

/// A progress callback as the engine stores it.
type ProgressCallback<'a> = Box<dyn FnMut(&Progress) -> ProgressFlow + 'a>;

/// How the caller watches and steers one upload: a progress callback (called
/// on the calling thread; returning `Break` aborts) and an upload control.
pub struct UploadHooks<'a> {
    pub(crate) progress: Option<ProgressCallback<'a>>,
    pub(crate) cancel: Option<UploadControl>,
    pub(crate) interval: Duration,
    /// The upload's resume handle once the provider created it (see
    /// [`Progress::resume`]).
    pub(crate) resume: Option<Arc<serde_json::Value>>,
    pub(crate) pause_hold: Duration,
}

impl Default for UploadHooks<'_> {
    fn default() -> Self {
        UploadHooks {
            progress: None,
            cancel: None,
            interval: Duration::from_millis(100),
            resume: None,
            pause_hold: DEFAULT_PAUSE_HOLD,
        }
    }
}

impl<'a> UploadHooks<'a> {
    pub fn new() -> Self {
        Self::default()
    }

    /// Called with each progress snapshot, on the thread that runs the upload.
    pub fn on_progress(mut self, f: impl FnMut(&Progress) -> ProgressFlow + 'a) -> Self {
        self.progress = Some(Box::new(f));
        self
    }

    pub fn control(mut self, token: UploadControl) -> Self {
        self.cancel = Some(token);
        self
    }

    /// Minimum time between two progress calls (the last one always comes).
    pub fn progress_interval(mut self, interval: Duration) -> Self {
        self.interval = interval;
        self
    }

    /// Sets the resume handle every later progress report carries.
    pub(crate) fn set_resume(&mut self, handle: serde_json::Value) {
        self.resume = Some(Arc::new(handle));
    }

    /// How long a pause holds the parts in flight (connections open, no byte
    /// moving) before abandoning them to send again on resume; 30 s by
    /// default. Shorter suits servers that drop idle connections quickly.
    pub fn pause_hold(mut self, hold: Duration) -> Self {
        self.pause_hold = hold;
        self
    }

    pub(crate) fn is_paused(&self) -> bool {
        self.cancel.as_ref().is_some_and(UploadControl::is_paused)
    }

    /// What each part's body needs to honour the token's pause and cap.
    pub(crate) fn pacer(&self) -> Option<Pacer> {
        self.cancel.as_ref().map(|token| Pacer {
            token: token.clone(),
            hold: self.pause_hold,
        })
    }

    pub(crate) fn is_cancelled(&self) -> bool {
        self.cancel
            .as_ref()
            .is_some_and(UploadControl::is_cancelled)
    }

    /// Reports `p`; `false` means the caller asked to stop.
    pub(crate) fn report(&mut self, p: &Progress) -> bool {
        match &mut self.progress {
            Some(f) => f(p).is_continue(),
            None => true,
        }
    }
}

impl std::fmt::Debug for UploadHooks<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UploadHooks")
            .field("progress", &self.progress.is_some())
            .field("cancel", &self.cancel)
            .field("interval", &self.interval)
            .field("pause_hold", &self.pause_hold)
            .finish()
    }
}
