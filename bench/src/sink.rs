//! nginx as a discard sink for uploads. It must answer only after it has
//! taken the whole body (a server that answers early lets a client stop
//! sending and look fast), and answer what Baijiayun's upload endpoint
//! answers on success: `{"code":1,"msg":"success","data":{}}`.
//!
//! `return 200` alone answers before reading the body (it runs in the rewrite
//! phase and discards the body behind the answer). So the upload location
//! proxies with request buffering: nginx reads the whole body (into a temp
//! file on /dev/shm, freed after the request) before it asks the upstream —
//! itself, `/_answer`, without the body — for the answer. `$request_length`
//! in the access log then counts every byte, and [`Sink::verify_waits`]
//! checks the answer does not come before the last byte.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

pub struct Sink {
    child: Child,
    dir: PathBuf,
    pub port: u16,
    log: PathBuf,
    log_seen: std::cell::Cell<usize>,
}

pub const ANSWER: &str = r#"{"code":1,"msg":"success","data":{}}"#;

impl Sink {
    pub fn start(nginx: &Path) -> Result<Sink, String> {
        let dir = PathBuf::from(format!(
            "/dev/shm/vodkit-bench-nginx-{}",
            std::process::id()
        ));
        std::fs::create_dir_all(dir.join("body")).map_err(|e| format!("{}: {e}", dir.display()))?;
        let port = free_port()?;
        let log = dir.join("sink.log");
        let conf = dir.join("nginx.conf");
        let d = dir.display();
        let text = format!(
            r#"daemon off;
master_process off;
worker_processes 1;
pid {d}/nginx.pid;
error_log {d}/error.log warn;
events {{ worker_connections 256; }}
http {{
    access_log off;
    log_format sink '$request_length $content_length $status $request_time';
    client_body_temp_path {d}/body;
    proxy_temp_path {d}/proxy;
    fastcgi_temp_path {d}/fastcgi;
    uwsgi_temp_path {d}/uwsgi;
    scgi_temp_path {d}/scgi;
    client_max_body_size 0;
    client_body_buffer_size 16m;
    keepalive_requests 100000;
    server {{
        listen 127.0.0.1:{port};
        location = /_answer {{
            default_type application/json;
            return 200 '{ANSWER}';
        }}
        location / {{
            return 404;
        }}
        location /upload {{
            access_log {log} sink;
            proxy_request_buffering on;
            proxy_pass_request_body off;
            proxy_set_header Content-Length "";
            proxy_set_header Content-Type "";
            proxy_pass http://127.0.0.1:{port}/_answer;
        }}
    }}
}}
"#,
            log = log.display()
        );
        std::fs::write(&conf, text).map_err(|e| format!("{}: {e}", conf.display()))?;
        let child = Command::new(nginx)
            .arg("-e")
            .arg(dir.join("error.log"))
            .arg("-p")
            .arg(&dir)
            .arg("-c")
            .arg(&conf)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| format!("cannot start {}: {e}", nginx.display()))?;
        let mut sink = Sink {
            child,
            dir,
            port,
            log,
            log_seen: std::cell::Cell::new(0),
        };
        for _ in 0..50 {
            if TcpStream::connect(("127.0.0.1", port)).is_ok() {
                return Ok(sink);
            }
            if let Ok(Some(status)) = sink.child.try_wait() {
                let mut err = String::new();
                if let Some(mut e) = sink.child.stderr.take() {
                    let _ = e.read_to_string(&mut err);
                }
                let log = std::fs::read_to_string(sink.dir.join("error.log")).unwrap_or_default();
                return Err(format!(
                    "nginx exited ({status}): {} {}",
                    err.trim(),
                    log.trim()
                ));
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        Err("nginx did not start listening within 5 s".into())
    }

    pub fn upload_url(&self) -> String {
        format!("http://127.0.0.1:{}/upload", self.port)
    }

    /// Sends half a body, waits, and checks nothing was answered yet; then the
    /// rest, and checks the answer is Baijiayun's success.
    pub fn verify_waits(&self) -> Result<(), String> {
        let n = 8 << 20;
        let mut s = TcpStream::connect(("127.0.0.1", self.port)).map_err(|e| e.to_string())?;
        let head = format!(
            "POST /upload?check=1 HTTP/1.1\r\nHost: sink\r\nContent-Length: {n}\r\nContent-Type: application/octet-stream\r\n\r\n"
        );
        let half = vec![b'x'; n / 2];
        s.write_all(head.as_bytes()).map_err(|e| e.to_string())?;
        s.write_all(&half).map_err(|e| e.to_string())?;
        std::thread::sleep(Duration::from_millis(300));
        s.set_nonblocking(true).map_err(|e| e.to_string())?;
        let mut buf = [0u8; 512];
        match s.read(&mut buf) {
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {}
            Ok(0) => return Err("the sink closed the connection mid-body".into()),
            Ok(_) => return Err("the sink answered before the body was complete".into()),
            Err(e) => return Err(e.to_string()),
        }
        s.set_nonblocking(false).map_err(|e| e.to_string())?;
        s.write_all(&half).map_err(|e| e.to_string())?;
        s.set_read_timeout(Some(Duration::from_secs(5)))
            .map_err(|e| e.to_string())?;
        let mut answer = Vec::new();
        while !answer.windows(ANSWER.len()).any(|w| w == ANSWER.as_bytes()) {
            let k = s
                .read(&mut buf)
                .map_err(|e| format!("reading the answer: {e}"))?;
            if k == 0 {
                break;
            }
            answer.extend_from_slice(&buf[..k]);
        }
        let text = String::from_utf8_lossy(&answer);
        if !text.starts_with("HTTP/1.1 200") || !text.contains(ANSWER) {
            return Err(format!("unexpected answer: {text:?}"));
        }
        self.check_log(n as u64).map(drop)
    }

    /// Reads the access log lines written since the last check and verifies
    /// each request's `$request_length` covers its whole body of at least
    /// `min_body` bytes. Returns how many requests it checked.
    pub fn check_log(&self, min_body: u64) -> Result<usize, String> {
        // nginx logs a request once it is finalised, just after the answer.
        let mut text = String::new();
        for _ in 0..40 {
            text = std::fs::read_to_string(&self.log).unwrap_or_default();
            if text.lines().count() > self.log_seen.get() {
                break;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let lines: Vec<&str> = text.lines().collect();
        let new = &lines[self.log_seen.get().min(lines.len())..];
        self.log_seen.set(lines.len());
        if new.is_empty() {
            return Err("the sink logged no request".into());
        }
        for line in new {
            let f: Vec<&str> = line.split_whitespace().collect();
            let num = |i: usize| f.get(i).and_then(|v| v.parse::<u64>().ok());
            let (Some(request_length), Some(content_length)) = (num(0), num(1)) else {
                return Err(format!("unreadable sink log line {line:?}"));
            };
            if f.get(2) != Some(&"200") {
                return Err(format!("the sink answered {line:?}"));
            }
            if content_length < min_body || request_length < content_length {
                return Err(format!(
                    "the sink took {request_length} bytes of a {content_length}-byte body (at least {min_body} expected)"
                ));
            }
        }
        Ok(new.len())
    }
}

fn free_port() -> Result<u16, String> {
    let l = std::net::TcpListener::bind(("127.0.0.1", 0)).map_err(|e| e.to_string())?;
    l.local_addr().map(|a| a.port()).map_err(|e| e.to_string())
}

impl Drop for Sink {
    fn drop(&mut self) {
        // SAFETY: plain syscall on our own child's pid.
        unsafe {
            libc::kill(self.child.id() as i32, libc::SIGTERM);
        }
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
