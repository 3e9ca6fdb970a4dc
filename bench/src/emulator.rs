//! The `vodkit-emulator` binary as a child process (its CPU stays out of the
//! benchmark's own), driven through its control API `/_emulator/…`. Its
//! uploads go to a data directory on /dev/shm that is emptied between runs.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use serde_json::{json, Value};

pub struct Emulator {
    child: Child,
    pub root_url: String,
    /// What `vodkit-emulator` printed: base URLs and credentials per provider.
    pub line: Value,
    pub data_dir: PathBuf,
    http: reqwest::blocking::Client,
}

impl Emulator {
    pub fn start(binary: &Path, data_dir: PathBuf) -> Result<Emulator, String> {
        std::fs::create_dir_all(&data_dir).map_err(|e| format!("{}: {e}", data_dir.display()))?;
        let mut child = Command::new(binary)
            .args(["--port", "0", "--rate-limit", "0", "--data-dir"])
            .arg(&data_dir)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .map_err(|e| format!("cannot start {}: {e}", binary.display()))?;
        let mut first = String::new();
        let stdout = child.stdout.take().expect("piped stdout");
        BufReader::new(stdout)
            .read_line(&mut first)
            .map_err(|e| format!("reading the emulator's first line: {e}"))?;
        let line: Value = serde_json::from_str(&first)
            .map_err(|e| format!("the emulator's first line is not JSON ({e}): {first:?}"))?;
        let root_url = line["root_url"].as_str().unwrap_or_default().to_owned();
        Ok(Emulator {
            child,
            root_url,
            line,
            data_dir,
            http: http_client(),
        })
    }

    /// The provider's config for `vodkit::Client::new` (credentials, base URL,
    /// no retries: a failure is a failure here, not something to hide).
    pub fn config(&self, provider: &str) -> Value {
        let mut c = self.line[provider].clone();
        c["retry"] = json!({ "max_retries": 0 });
        c
    }

    pub fn client(&self, provider: &str) -> Result<vodkit::Client, String> {
        vodkit::Client::new(provider, &self.config(provider)).map_err(|e| e.to_string())
    }

    /// `POST /_emulator/{provider}/{path}` with a JSON body; the JSON answer.
    pub fn control(&self, provider: &str, path: &str, body: &Value) -> Result<Value, String> {
        let url = format!("{}/_emulator/{provider}/{path}", self.root_url);
        let r = self
            .http
            .post(&url)
            .header("content-type", "application/json")
            .body(body.to_string())
            .send()
            .map_err(|e| format!("{url}: {e}"))?;
        let status = r.status();
        let text = r.text().unwrap_or_default();
        if !status.is_success() {
            return Err(format!(
                "POST /_emulator/{provider}/{path}: HTTP {status} {text}"
            ));
        }
        Ok(serde_json::from_str(&text).unwrap_or(Value::Null))
    }

    /// `GET /_emulator/{provider}/{path}`.
    pub fn inspect(&self, provider: &str, path: &str) -> Result<Value, String> {
        let url = format!("{}/_emulator/{provider}/{path}", self.root_url);
        let r = self
            .http
            .get(&url)
            .send()
            .map_err(|e| format!("{url}: {e}"))?;
        let status = r.status();
        if !status.is_success() {
            return Err(format!("GET /_emulator/{provider}/{path}: HTTP {status}"));
        }
        let text = r.text().map_err(|e| format!("{url}: {e}"))?;
        serde_json::from_str(&text).map_err(|e| format!("{url}: {e}"))
    }

    /// The latency fault: a delay before every answer of the provider.
    pub fn set_latency(&self, provider: &str, ms: u64) -> Result<(), String> {
        self.control(provider, "faults", &json!({ "latency_ms": ms }))
            .map(drop)
    }

    /// Where getUploadUrl (openupload) sends the bytes: `None` restores the
    /// emulator's own endpoint.
    pub fn set_upload_target(&self, provider: &str, url: Option<&str>) -> Result<(), String> {
        self.control(provider, "upload_target", &json!({ "url": url }))
            .map(drop)
            .map_err(|e| format!("the emulator has no upload_target control ({e})"))
    }

    /// Removes what earlier uploads stored (between runs, never during one).
    pub fn clear_data(&self) {
        clear_dir(&self.data_dir);
    }
}

fn clear_dir(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            clear_dir(&p);
        } else {
            let _ = std::fs::remove_file(&p);
        }
    }
}

impl Drop for Emulator {
    fn drop(&mut self) {
        // SAFETY: plain syscall on our own child's pid.
        unsafe {
            libc::kill(self.child.id() as i32, libc::SIGTERM);
        }
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.data_dir);
    }
}

/// A reqwest client for the bench's own requests, with vodkit's TLS settings
/// (reqwest has no crypto backend of its own in this workspace).
pub fn http_client() -> reqwest::blocking::Client {
    reqwest::blocking::Client::builder()
        .tls_backend_preconfigured(vodkit::http::tls::client_config(&[]).expect("TLS settings"))
        .build()
        .expect("an HTTP client")
}
