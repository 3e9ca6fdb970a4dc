//! The vodkit side of every comparison, run as a child process of the
//! benchmark (`vodkit-bench client …`) so its CPU time and peak RSS are
//! measured exactly as curl's are. It prints what the parent reads on stdout:
//! `progress DONE TOTAL` lines, then `result JSON` (or `error JSON`), or
//! `elapsed SECONDS` for call loops.

use std::io::Write;
use std::ops::ControlFlow;
use std::path::PathBuf;
use std::time::Instant;

use clap::Subcommand;
use serde_json::{json, Value};
use vodkit::upload::{BatchHooks, UploadControl, UploadHooks};

#[derive(Subcommand, Debug)]
pub enum ClientMode {
    /// Runs a command and writes its rusage as JSON (see `process`).
    Spawn {
        #[arg(long)]
        rusage_out: PathBuf,
        #[arg(trailing_var_arg = true, allow_hyphen_values = true, required = true)]
        cmd: Vec<String>,
    },
    /// Uploads a file with `vodkit::Client::upload`.
    Upload {
        #[arg(long)]
        provider: String,
        #[arg(long)]
        config: String,
        #[arg(long)]
        file: PathBuf,
        #[arg(long, default_value = "null")]
        options: String,
        /// Print a `progress` line for every progress report.
        #[arg(long)]
        progress: bool,
        /// Cap the upload at this many bytes per second (`UploadControl::set_rate_limit`).
        #[arg(long)]
        rate_limit: Option<u64>,
    },
    /// Uploads files with `vodkit::Client::upload_many`, `jobs` at once;
    /// prints `result [video ids]` when every file went, else fails.
    UploadMany {
        #[arg(long)]
        provider: String,
        #[arg(long)]
        config: String,
        #[arg(long, default_value_t = 4)]
        jobs: usize,
        #[arg(long, default_value = "null")]
        options: String,
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Continues an upload from its resume handle.
    Resume {
        #[arg(long)]
        provider: String,
        #[arg(long)]
        config: String,
        #[arg(long)]
        file: PathBuf,
        #[arg(long)]
        handle: String,
        #[arg(long, default_value = "null")]
        options: String,
    },
    /// N signed calls of one operation on one client (keep-alive).
    Calls {
        #[arg(long)]
        provider: String,
        #[arg(long)]
        config: String,
        #[arg(long)]
        op: String,
        #[arg(long)]
        params: String,
        #[arg(long)]
        n: u64,
    },
    /// N POSTs of one pre-signed form body with a bare reqwest client: the
    /// floor under the SDK's own overhead.
    Bare {
        #[arg(long)]
        url: String,
        #[arg(long)]
        form: String,
        #[arg(long)]
        n: u64,
    },
}

fn parse(what: &str, text: &str) -> Result<Value, String> {
    serde_json::from_str(text).map_err(|e| format!("--{what} is not JSON: {e}"))
}

/// Runs a client mode; the exit code of the process.
pub fn run(mode: ClientMode) -> i32 {
    if let ClientMode::Spawn { rusage_out, cmd } = &mode {
        return crate::process::spawn_and_report(cmd, rusage_out);
    }
    match run_mode(mode) {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("vodkit-bench client: {e}");
            1
        }
    }
}

fn run_mode(mode: ClientMode) -> Result<(), String> {
    let out = std::io::stdout();
    match mode {
        ClientMode::Spawn { .. } => Err("spawn is handled by run".into()),
        ClientMode::Upload {
            provider,
            config,
            file,
            options,
            progress,
            rate_limit,
        } => {
            let client = vodkit::Client::new(&provider, &parse("config", &config)?)
                .map_err(|e| e.to_string())?;
            let mut control = UploadHooks::new();
            if let Some(rate) = rate_limit {
                let cap = UploadControl::new();
                cap.set_rate_limit(rate);
                control = control.control(cap);
            }
            if progress {
                control = control.on_progress(|p| {
                    let mut o = out.lock();
                    let _ = writeln!(o, "progress {} {}", p.bytes_done, p.bytes_total);
                    let _ = o.flush();
                    ControlFlow::Continue(())
                });
            }
            let done = client.upload(&file, &parse("options", &options)?, control);
            report(done)
        }
        ClientMode::UploadMany {
            provider,
            config,
            jobs,
            options,
            files,
        } => {
            let client = vodkit::Client::new(&provider, &parse("config", &config)?)
                .map_err(|e| e.to_string())?;
            let items = client
                .upload_many(
                    &files,
                    &parse("options", &options)?,
                    jobs,
                    BatchHooks::new(),
                )
                .map_err(|e| e.to_string())?;
            let mut ids = Vec::with_capacity(items.len());
            for item in items {
                match item.outcome {
                    Ok(result) => ids.push(result["video_id"].clone()),
                    Err(e) => return Err(format!("{}: {e}", item.name)),
                }
            }
            println!("result {}", Value::Array(ids));
            Ok(())
        }
        ClientMode::Resume {
            provider,
            config,
            file,
            handle,
            options,
        } => {
            let client = vodkit::Client::new(&provider, &parse("config", &config)?)
                .map_err(|e| e.to_string())?;
            let done = client.resume_upload(
                &parse("handle", &handle)?,
                &file,
                &parse("options", &options)?,
                UploadHooks::new(),
            );
            report(done)
        }
        ClientMode::Calls {
            provider,
            config,
            op,
            params,
            n,
        } => {
            let client = vodkit::Client::new(&provider, &parse("config", &config)?)
                .map_err(|e| e.to_string())?;
            let params = parse("params", &params)?;
            // One call outside the clock: the connection is open, as for the others.
            client.call(&op, &params).map_err(|e| e.to_string())?;
            let started = Instant::now();
            for _ in 0..n {
                client.call(&op, &params).map_err(|e| e.to_string())?;
            }
            println!("elapsed {}", started.elapsed().as_secs_f64());
            Ok(())
        }
        ClientMode::Bare { url, form, n } => {
            let client = crate::emulator::http_client();
            let send = || -> Result<(), String> {
                let r = client
                    .post(&url)
                    .header("content-type", "application/x-www-form-urlencoded")
                    .body(form.clone())
                    .send()
                    .map_err(|e| e.to_string())?;
                if !r.status().is_success() {
                    return Err(format!("HTTP {}", r.status()));
                }
                r.bytes().map(drop).map_err(|e| e.to_string())
            };
            send()?;
            let started = Instant::now();
            for _ in 0..n {
                send()?;
            }
            println!("elapsed {}", started.elapsed().as_secs_f64());
            Ok(())
        }
    }
}

fn report(done: vodkit::Result<Value>) -> Result<(), String> {
    match done {
        Ok(v) => {
            println!("result {v}");
            Ok(())
        }
        Err(e) => {
            println!(
                "error {}",
                json!({ "message": e.to_string(), "resume": e.resume() })
            );
            Err(e.to_string())
        }
    }
}
