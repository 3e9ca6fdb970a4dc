//! `vodkit`: upload with a progress bar, resume, manage videos, call any
//! catalog operation, and a sandbox, for every provider of the SDK.

mod commands;
mod copy_report;
mod facts;
mod fail;
mod files;
mod next_command;
mod renewed;
mod sandbox;
mod sandbox_state;
mod sdk_log;
mod settings;
mod standing;
mod state_lock;
mod times;

use std::io::IsTerminal;
use std::path::PathBuf;

use clap::{ArgAction, CommandFactory, FromArgMatches, Parser, Subcommand};

use fail::{Fail, Result};

const ABOUT: &str = "Upload to and manage videos on VOD platforms (vodkit)";

fn env_help() -> String {
    let mut s = String::from(
        "Settings, in order: flags, then environment, then a profile of the config file.
Environment: VODKIT_PROVIDER, VODKIT_PROFILE, VODKIT_CONFIG (config file), VODKIT_STATE_DIR
(checkpoints), NO_COLOR, and one variable per setting, VODKIT_<PROVIDER>_<KEY>:",
    );
    for p in vodkit::providers::registry::providers() {
        let vars: Vec<String> = p
            .lifecycle
            .settings()
            .iter()
            .map(|s| facts::env_var(p.name, &s.key))
            .collect();
        s.push_str(&format!("\n  {}: {}", p.name, vars.join(", ")));
    }
    s
}

#[derive(Parser)]
#[command(name = "vodkit", version, about = ABOUT, after_help = after_help())]
pub struct Cli {
    /// Provider (baijiayun, iqiyi, quvideo) [env: VODKIT_PROVIDER]
    #[arg(long, global = true)]
    pub provider: Option<String>,
    /// Profile of the config file [env: VODKIT_PROFILE]
    #[arg(long, global = true)]
    pub profile: Option<String>,
    /// One address for every host of the provider (a proxy or an emulator)
    #[arg(long, global = true, value_name = "URL")]
    pub base_url: Option<String>,
    /// Any other client config key (request_timeout_ms=30000, retry={"max_retries":2}, …)
    #[arg(long = "set", global = true, value_name = "KEY=VALUE")]
    pub set: Vec<String>,
    /// Run the command against the sandbox: an emulator started in this process, its videos kept
    /// until `vodkit sandbox reset` (no account needed)
    #[arg(long, global = true)]
    pub sandbox: bool,
    /// Machine-readable JSON on stdout (every command; on `call`, `--json '{…}'` is its parameters)
    // A value only with `=`, so `vodkit --json status 7` never takes `status`
    // as one; `call` declares its own `--json [OBJECT]` under the same id
    // (clap then keeps this one off `call`, and both are text).
    #[arg(
        long,
        global = true,
        num_args = 0..=1,
        require_equals = true,
        default_missing_value = "",
        value_name = "OBJECT"
    )]
    pub json: Option<String>,
    /// More detail on stderr, never a secret: where settings came from and the SDK's warnings and
    /// info lines (retries, a backup host, a renewed token); -vv debug lines, -vvv everything
    #[arg(short, long, global = true, action = ArgAction::Count)]
    pub verbose: u8,
    /// Only results and errors: no progress, no notes
    #[arg(short, long, global = true)]
    pub quiet: bool,
    #[command(subcommand)]
    pub command: Command,
}

fn after_help() -> String {
    format!("{}\n\n{}", env_help(), fail::after_help())
}

#[derive(Subcommand)]
pub enum Command {
    /// Upload files as new videos: a bar per file and a total, resumable (checkpoints)
    #[command(
        after_help = "Provider upload options (from the catalog) are flags too, e.g. --definitions 16,1 --file-name title;\nor --opt key=value. --limit-rate caps all parts of an upload (and all files of a batch) together."
    )]
    Upload(commands::upload::UploadArgs),
    /// Copy a video to another provider (baijiayun:VIDEO_ID iqiyi:), or every video (--all baijiayun: iqiyi:) with a mapping report; resumable
    Copy(commands::copy::CopyArgs),
    /// A video's transcoding status
    Status { id: String },
    /// A video's play URLs
    Urls { id: String },
    /// Delete a video (asks first unless --yes)
    Delete {
        id: String,
        /// Do not ask
        #[arg(long, short)]
        yes: bool,
    },
    /// List videos, a page at a time
    Ls {
        #[arg(long, default_value_t = 1)]
        page: i64,
        #[arg(long, default_value_t = 20)]
        page_size: i64,
        /// Every page
        #[arg(long)]
        all: bool,
    },
    /// Poll a video's status until it ends: transcoding, and the provider's review (exit 13 if it failed, 15 if rejected, 7 on timeout)
    Wait {
        id: String,
        /// Seconds between polls
        #[arg(long, default_value_t = 5.0)]
        interval: f64,
        /// Give up after this many seconds (0: never)
        #[arg(long, default_value_t = 600.0)]
        timeout: f64,
    },
    /// Call any catalog operation: key=value… (value typed by the catalog), or --json '{…}'
    #[command(
        after_help = "The answer is JSON on stdout either way, so on `call` --json names the parameters:\n  vodkit call video/getStatus --json '{\"video_id\": 7}'\n  vodkit call video/getStatus video_id=7        (the same)\n  vodkit call video/getStatus '{\"video_id\": 7}' (the same)\n--json alone (no object) is accepted and changes nothing; --params-json is its older name."
    )]
    Call {
        operation: String,
        /// key=value pairs, key:=JSON, or one JSON object
        params: Vec<String>,
        /// Parameters as one JSON object (or @file); alone, machine output (the answer is JSON anyway)
        #[arg(
            id = "json",
            long = "json",
            num_args = 0..=1,
            default_missing_value = "",
            value_name = "OBJECT",
            alias = "params-json"
        )]
        params_json: Option<String>,
        /// Send a file as the operation's file field
        #[arg(long, value_name = "PATH")]
        file: Option<PathBuf>,
        /// Allow a name outside the catalog (sent as a raw signed call)
        #[arg(long)]
        raw: bool,
    },
    /// List the catalog: operations with parameters and docs
    Ops {
        provider: Option<String>,
        /// Only this operation, in full
        #[arg(long)]
        operation: Option<String>,
    },
    /// Start the sandbox emulator for every provider in the foreground; prints shell exports (`sandbox reset` empties it)
    Sandbox {
        #[arg(long, default_value_t = 0)]
        port: u16,
        #[command(subcommand)]
        action: Option<SandboxAction>,
    },
    /// Upload a generated file to the sandbox, wait for transcoding, print the URLs
    Demo {
        /// Size of the generated file in MiB
        #[arg(long, default_value_t = 32)]
        size_mib: u64,
    },
    /// List or remove upload checkpoints
    Checkpoints {
        #[command(subcommand)]
        action: Option<CheckpointAction>,
    },
    /// Baijiayun signature of the given key=value params (debugging integrations)
    Sign { params: Vec<String> },
    /// Verify a raw callback body (file or - for stdin): prints the event or why it was rejected
    VerifyCallback {
        #[arg(default_value = "-")]
        body: String,
        /// transcode | playback-auth
        #[arg(long, default_value = "transcode")]
        kind: String,
        /// Accept timestamps this many seconds old (0: no window)
        #[arg(long, default_value_t = 300)]
        max_age: u64,
    },
    /// Write a profile to the config file (mode 0600); prompts for secrets
    Configure {
        /// key=value settings (partner_id=…); secrets are asked for, or read with --secret-stdin
        settings: Vec<String>,
        /// Read this secret key's value from the first line of stdin
        #[arg(long, value_name = "KEY")]
        secret_stdin: Option<String>,
        /// Write the profile even though it lacks a credential's secret
        #[arg(long)]
        without_secret: bool,
    },
    /// Shell completions
    Completions { shell: clap_complete::Shell },
    /// The man page (roff) on stdout
    Man,
}

/// The sandbox keeps one state for every command (in the state directory's `sandbox` folder).
#[derive(Subcommand, Clone)]
pub enum SandboxAction {
    /// Forget every video, upload and token the sandbox holds: the next command starts afresh
    Reset,
}

#[derive(Subcommand, Clone)]
pub enum CheckpointAction {
    /// List them (default)
    List,
    /// Remove one by key (as `list` shows it), or --all
    Rm {
        id: Option<String>,
        #[arg(long)]
        all: bool,
    },
}

/// How to print.
pub struct Out {
    pub json: bool,
    pub quiet: bool,
    pub verbose: u8,
    pub color: bool,
    pub bars: bool,
}

impl Out {
    pub fn note(&self, text: &str) {
        if !self.quiet {
            eprintln!("{text}");
        }
    }
    pub fn bold(&self, text: &str) -> String {
        if self.color {
            format!("\x1b[1m{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    }
    pub fn print_json(&self, v: &serde_json::Value) {
        println!("{}", serde_json::to_string_pretty(v).unwrap_or_default());
    }
    /// A table with aligned columns.
    pub fn table(&self, header: &[&str], rows: &[Vec<String>]) {
        let mut width: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
        for r in rows {
            for (i, c) in r.iter().enumerate() {
                if i < width.len() {
                    width[i] = width[i].max(c.chars().count());
                }
            }
        }
        let line = |cells: Vec<String>| {
            let n = cells.len();
            cells
                .into_iter()
                .enumerate()
                .map(|(i, c)| {
                    if i + 1 == n {
                        c
                    } else {
                        format!("{c:<w$}", w = width[i])
                    }
                })
                .collect::<Vec<_>>()
                .join("  ")
        };
        println!(
            "{}",
            self.bold(&line(header.iter().map(|s| s.to_string()).collect()))
        );
        for r in rows {
            println!("{}", line(r.clone()));
        }
    }
}

pub fn command() -> clap::Command {
    commands::upload::with_provider_options(Cli::command())
}

fn main() {
    let matches = command().get_matches();
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(c) => c,
        Err(e) => e.exit(),
    };
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let out = Out {
        json: cli.json.is_some(),
        quiet: cli.quiet,
        verbose: cli.verbose,
        color: !no_color && std::io::stdout().is_terminal(),
        bars: !cli.quiet && cli.json.is_none() && std::io::stderr().is_terminal(),
    };
    sdk_log::install(cli.verbose);
    let code = match commands::run(&cli, &matches, &out) {
        Ok(()) => 0,
        Err(f) => {
            let red = !no_color && std::io::stderr().is_terminal();
            let prefix = if red {
                "\x1b[31merror:\x1b[0m"
            } else {
                "error:"
            };
            let message = f.message.replace('\n', " ");
            if out.json {
                let mut j = serde_json::json!({"error": message, "exit_code": f.code});
                if let serde_json::Value::Object(m) = &mut j {
                    m.extend(f.extra);
                }
                println!("{j}");
            }
            eprintln!("{prefix} {message}");
            f.code
        }
    };
    std::process::exit(code);
}

pub fn usage<T>(message: impl Into<String>) -> Result<T> {
    Err(Fail::usage(message))
}
