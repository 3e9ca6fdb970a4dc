use std::ops::ControlFlow;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

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

/// Cancels an upload from any thread. Clones share one flag.
#[derive(Debug, Clone, Default)]
pub struct CancelToken(Arc<AtomicBool>);

impl CancelToken {
    pub fn new() -> Self {
        CancelToken::default()
    }

    pub fn cancel(&self) {
        self.0.store(true, Ordering::SeqCst);
    }

    pub fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::SeqCst)
    }
}

/// A progress callback as the engine stores it.
type ProgressCallback<'a> = Box<dyn FnMut(&Progress) -> ProgressFlow + 'a>;

/// How the caller watches and steers one upload: a progress callback (called
/// on the calling thread; returning `Break` aborts) and a cancel token.
pub struct UploadControl<'a> {
    pub(crate) progress: Option<ProgressCallback<'a>>,
    pub(crate) cancel: Option<CancelToken>,
    pub(crate) interval: Duration,
    /// The upload's resume handle once the provider created it (see
    /// [`Progress::resume`]).
    pub(crate) resume: Option<Arc<serde_json::Value>>,
}

impl Default for UploadControl<'_> {
    fn default() -> Self {
        UploadControl {
            progress: None,
            cancel: None,
            interval: Duration::from_millis(100),
            resume: None,
        }
    }
}

impl<'a> UploadControl<'a> {
    pub fn new() -> Self {
        Self::default()
    }

    /// Called with each progress snapshot, on the thread that runs the upload.
    pub fn on_progress(mut self, f: impl FnMut(&Progress) -> ProgressFlow + 'a) -> Self {
        self.progress = Some(Box::new(f));
        self
    }

    pub fn cancel_token(mut self, token: CancelToken) -> Self {
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

    pub(crate) fn is_cancelled(&self) -> bool {
        self.cancel.as_ref().is_some_and(CancelToken::is_cancelled)
    }

    /// Reports `p`; `false` means the caller asked to stop.
    pub(crate) fn report(&mut self, p: &Progress) -> bool {
        match &mut self.progress {
            Some(f) => f(p).is_continue(),
            None => true,
        }
    }
}

impl std::fmt::Debug for UploadControl<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UploadControl")
            .field("progress", &self.progress.is_some())
            .field("cancel", &self.cancel)
            .field("interval", &self.interval)
            .finish()
    }
}
