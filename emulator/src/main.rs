//! `vodkit-emulator`: runs the emulator on a chosen or random loopback port
//! and prints where it is as one JSON line on stdout, so a test in any
//! language can start it and read it:
//! `{"root_url": "http://127.0.0.1:PORT", "baijiayun": {"base_url":
//! "http://127.0.0.1:PORT/baijiayun", "partner_id": …, "partner_key": …},
//! "iqiyi": {"base_url": "http://127.0.0.1:PORT/iqiyi", "client_id": …, "client_secret": …},
//! "quvideo": {"base_url": "http://127.0.0.1:PORT/quvideo", "user_name": …, "password": …}}`.
//! The control API is under `root_url` + `/_emulator/{provider}/`.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use clap::Parser;
use vodkit_emulator::{baijiayun, iqiyi, quvideo, Config, Emulator};

#[derive(Parser)]
#[command(
    version,
    about = "A local server speaking the VOD providers' APIs, for vodkit tests"
)]
struct Args {
    /// Port on 127.0.0.1 (0 = a free one).
    #[arg(long, default_value_t = 0)]
    port: u16,
    #[arg(long, default_value = "12345678")]
    partner_id: String,
    #[arg(long, default_value = "emulator-partner-key")]
    partner_key: String,
    #[arg(long, default_value = "emulator-secret-key")]
    secret_key: String,
    /// Where uploads are stored (default: a temporary directory).
    #[arg(long)]
    data_dir: Option<PathBuf>,
    /// Keep the state across runs in this directory (read at start, saved as
    /// it changes and at the end; uploads in its data/ unless --data-dir).
    #[arg(long)]
    state_dir: Option<PathBuf>,
    /// Emulated seconds after which a 趣视频 video in review passes on its own
    /// (default: only createAudit decides).
    #[arg(long)]
    quvideo_review_secs: Option<i64>,
    /// Emulated seconds of transcoding.
    #[arg(long, default_value_t = 2)]
    transcode_secs: i64,
    /// Requests per account and IP per window (0 = unlimited).
    #[arg(long, default_value_t = 200)]
    rate_limit: u32,
    /// Rate-limit window in milliseconds.
    #[arg(long, default_value_t = 10_000)]
    rate_window_ms: u64,
    /// The 趣视频 console account's user name.
    #[arg(long, default_value = "admin")]
    quvideo_user: String,
    #[arg(long, default_value = "emulator-console-password")]
    quvideo_password: String,
    /// Emulated seconds a 趣视频 console token stays valid.
    #[arg(long, default_value_t = 7200)]
    quvideo_token_ttl_secs: i64,
    /// Comma-separated waits before callback retries, in milliseconds.
    #[arg(long, default_value = "5000,30000")]
    callback_retry_ms: String,
}

fn main() {
    let args = Args::parse();
    vodkit_emulator::common::heap::keep_freed_buffers();
    let delays = args
        .callback_retry_ms
        .split(',')
        .filter(|s| !s.trim().is_empty())
        .map(|s| s.trim().parse::<u64>().map(Duration::from_millis))
        .collect::<Result<Vec<_>, _>>();
    let Ok(callback_retry_delays) = delays else {
        eprintln!("--callback-retry-ms must be comma-separated integers");
        std::process::exit(2);
    };
    let config = Config {
        data_dir: args.data_dir,
        state_dir: args.state_dir,
        baijiayun: baijiayun::Config {
            partner_id: args.partner_id.clone(),
            partner_key: args.partner_key.clone(),
            secret_key: args.secret_key,
            transcode_secs: args.transcode_secs,
            rate_limit: (args.rate_limit > 0)
                .then(|| (args.rate_limit, Duration::from_millis(args.rate_window_ms))),
            callback_retry_delays,
            ..baijiayun::Config::default()
        },
        iqiyi: iqiyi::Config {
            publish_secs: args.transcode_secs,
            ..iqiyi::Config::default()
        },
        quvideo: quvideo::Config {
            user_name: args.quvideo_user.clone(),
            password: args.quvideo_password.clone(),
            token_ttl_secs: args.quvideo_token_ttl_secs,
            review_secs: args.quvideo_review_secs,
            ..quvideo::Config::default()
        },
    };
    let emulator = match Emulator::start_on(config, SocketAddr::from(([127, 0, 0, 1], args.port))) {
        Ok(e) => e,
        Err(e) => {
            eprintln!("cannot start the emulator: {e}");
            std::process::exit(1);
        }
    };
    let line = serde_json::json!({
        "root_url": emulator.root_url(),
        "baijiayun": {
            "base_url": emulator.provider_url(baijiayun::NAME),
            "partner_id": args.partner_id,
            "partner_key": args.partner_key,
        },
        "iqiyi": {
            "base_url": emulator.provider_url(iqiyi::NAME),
            "client_id": emulator.iqiyi().config.client_id,
            "client_secret": emulator.iqiyi().config.client_secret,
        },
        "quvideo": {
            "base_url": emulator.provider_url(quvideo::NAME),
            "user_name": args.quvideo_user,
            "password": args.quvideo_password,
        },
    });
    println!("{line}");
    use std::io::Write;
    let _ = std::io::stdout().flush();
    wait_for_signal();
    // Dropping the emulator stops it and removes its temporary data directory.
    drop(emulator);
}

/// Blocks until SIGINT or SIGTERM.
fn wait_for_signal() {
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("cannot wait for signals: {e}");
            std::process::exit(1);
        }
    };
    runtime.block_on(async {
        use tokio::signal::unix::{signal, SignalKind};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = term.recv() => {}
                    _ = tokio::signal::ctrl_c() => {}
                }
            }
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
            }
        }
    });
}
