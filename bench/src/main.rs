//! `vodkit-bench`: the benchmark program of issue 12. One command
//! (`./bench/run`) builds release, prepares its files, starts its servers
//! (the `vodkit-emulator` binary and nginx as a discard sink) and prints one
//! table of ratios measured in the same run — vodkit against curl, against
//! `requests.Session`, against itself with more parts in flight — with the
//! machine it ran on and its load. The raw figures go to a JSON file so runs
//! can be compared. A benchmark, not a test: nothing here passes or fails.

mod batch;
mod buildsize;
mod calls;
mod cap;
mod client;
mod context;
mod emulator;
mod files;
mod iqiyi;
mod machine;
mod process;
mod proxy;
mod report;
mod resume;
mod sink;
mod uploads;

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::time::Instant;

use clap::{Parser, Subcommand};
use serde_json::json;

use crate::context::{say, Ctx};
use crate::files::MIB;
use crate::report::Row;

#[derive(Parser, Debug)]
#[command(about = "vodkit's benchmark: ratios against curl and requests in the same run")]
struct Args {
    #[command(subcommand)]
    mode: Option<Mode>,
    /// Rows to run, comma-separated: b1,b2,b3,b4,b5,b6,cap,batch,build.
    #[arg(
        long,
        value_delimiter = ',',
        default_value = "b1,b2,b3,b4,b5,b6,cap,batch,build"
    )]
    rows: Vec<String>,
    /// Interleaved A/B rounds per row (B4: always one).
    #[arg(long, default_value_t = 3)]
    iterations: usize,
    /// The upload file's size (B1, B2, B6), MiB.
    #[arg(long, default_value_t = 1024)]
    size_mib: u64,
    /// B3's file, MiB (smaller: one part in flight at 50 ms is slow by design).
    #[arg(long, default_value_t = 256)]
    iqiyi_mib: u64,
    /// B4's large file, MiB (its small one is --size-mib).
    #[arg(long, default_value_t = 4096)]
    big_mib: u64,
    /// The cap row's file, MiB.
    #[arg(long, default_value_t = 16)]
    cap_mib: u64,
    /// The cap row's bandwidth cap, MiB/s.
    #[arg(long, default_value_t = 4)]
    cap_rate_mib: u64,
    /// The batch row's number of files.
    #[arg(long, default_value_t = 16)]
    batch_files: usize,
    /// The batch row's file size, MiB.
    #[arg(long, default_value_t = 64)]
    batch_mib: u64,
    /// The batch row's latency fault on every request, ms.
    #[arg(long, default_value_t = 50)]
    batch_latency_ms: u64,
    /// B5's number of signed calls per client.
    #[arg(long, default_value_t = 10_000)]
    calls: u64,
    /// Skip the cold release build of the library (it takes minutes).
    #[arg(long)]
    skip_cold_build: bool,
    /// Where the upload files are made and kept between runs.
    #[arg(long)]
    files_dir: Option<PathBuf>,
    /// The JSON file of raw figures (default bench/results/<unix time>.json).
    #[arg(long)]
    out: Option<PathBuf>,
    /// nginx binary (the discard sink).
    #[arg(long, default_value = "nginx")]
    nginx: String,
}

#[derive(Subcommand, Debug)]
enum Mode {
    /// The vodkit side of a comparison, as a child process (internal).
    #[command(subcommand, hide = true)]
    Client(client::ClientMode),
}

fn main() {
    let args = Args::parse();
    if let Some(Mode::Client(mode)) = args.mode {
        std::process::exit(client::run(mode));
    }
    if let Err(e) = bench(args) {
        eprintln!("vodkit-bench: {e}");
        std::process::exit(1);
    }
}

fn bench(args: Args) -> Result<(), String> {
    let started = Instant::now();
    let rows_wanted: BTreeSet<String> = args.rows.iter().map(|r| r.trim().to_lowercase()).collect();
    let want = |r: &str| rows_wanted.contains(r);
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let bin_dir = exe
        .parent()
        .ok_or("no directory of this binary")?
        .to_path_buf();
    process::set_spawner(exe.clone());
    let repo = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .ok_or("no repository root")?
        .to_path_buf();
    let machine = machine::Machine::probe(&repo);
    say(format!(
        "on {}; load {}",
        machine.describe(),
        machine.load_before
    ));

    let size = args.size_mib * MIB;
    let files_dir = args
        .files_dir
        .clone()
        .unwrap_or_else(|| std::env::temp_dir().join("vodkit-bench-files"));
    say(format!(
        "files in {} (made once, page-cached)",
        files_dir.display()
    ));
    let file = files::prepare(&files_dir, size)?;

    let emu = emulator::Emulator::start(
        &bin_dir.join("vodkit-emulator"),
        PathBuf::from(format!(
            "/dev/shm/vodkit-bench-emulator-{}",
            std::process::id()
        )),
    )?;
    let nginx = which(&args.nginx);
    let sink = nginx
        .ok_or_else(|| format!("{} not found (apt-get install nginx-light)", args.nginx))
        .and_then(|n| sink::Sink::start(&n))
        .and_then(|s| {
            s.verify_waits()
                .map(|_| s)
                .map_err(|e| format!("nginx sink rejected: {e}"))
        });
    match &sink {
        Ok(s) => say(format!(
            "nginx sink on {} (answers only after the whole body: checked)",
            s.upload_url()
        )),
        Err(e) => say(format!("no nginx sink: {e}")),
    }
    let ctx = Ctx {
        exe,
        bin_dir,
        repo: repo.clone(),
        emu,
        sink,
        iterations: args.iterations.max(1),
    };

    let mut rows: Vec<Row> = Vec::new();
    if want("b1") {
        rows.extend(uploads::b1(&ctx, &file, size));
    }
    if want("b2") {
        rows.extend(uploads::b2(&ctx, &file, size));
    }
    if want("b3") {
        let small = args.iqiyi_mib * MIB;
        match files::prepare(&files_dir, small) {
            Ok(f) => rows.extend(iqiyi::b3(&ctx, &f, small)),
            Err(e) => rows.push(Row::na("B3", "iQiyi parts in flight", e)),
        }
    }
    if want("b4") {
        let big = args.big_mib * MIB;
        match files::prepare(&files_dir, big) {
            Ok(big_file) => {
                rows.extend(uploads::b4(&ctx, &[(file.clone(), size), (big_file, big)]))
            }
            Err(e) => rows.push(Row::na("B4", "peak RSS", e)),
        }
    }
    if want("b5") {
        let python = calls::prepare_python(&ctx);
        if let Err(e) = &python {
            say(format!("no Python binding: {e}"));
        }
        rows.extend(calls::b5(&ctx, args.calls, python));
    }
    if want("b6") {
        rows.extend(resume::b6(&ctx, &file, size));
    }
    if want("cap") {
        let small = args.cap_mib * MIB;
        match files::prepare(&files_dir, small) {
            Ok(f) => rows.extend(cap::rows(&ctx, &f, small, args.cap_rate_mib * MIB)),
            Err(e) => rows.push(Row::na("cap", "bandwidth cap", e)),
        }
    }
    if want("batch") {
        let small = args.batch_mib * MIB;
        match files::prepare_many(&files_dir, small, args.batch_files.max(1)) {
            Ok(f) => rows.extend(batch::rows(&ctx, &f, small, args.batch_latency_ms)),
            Err(e) => rows.push(Row::na("batch", "batch upload", e)),
        }
    }
    if want("build") {
        rows.extend(buildsize::rows(&ctx, !args.skip_cold_build));
    }

    let load_after = machine::load_average();
    let elapsed = started.elapsed().as_secs_f64();
    println!();
    println!("vodkit benchmark — {}", machine.describe());
    println!(
        "load average (1 5 15 min): {} before, {} after · {} round(s) per row, interleaved · {:.0} s in all",
        machine.load_before, load_after, ctx.iterations, elapsed
    );
    println!("figures: median (min–max) over the rounds; ratios are taken pair by pair; [target] from issue 12");
    println!();
    print!("{}", report::table(&rows));

    let out = args.out.clone().unwrap_or_else(|| {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        repo.join("bench/results").join(format!("{secs}.json"))
    });
    let raw = json!({
        "machine": machine,
        "load_after": load_after,
        "iterations": ctx.iterations,
        "size_bytes": size,
        "elapsed_secs": elapsed,
        "args": format!("{args:?}"),
        "rows": rows,
    });
    if let Some(dir) = out.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    let text = serde_json::to_string_pretty(&raw).map_err(|e| e.to_string())?;
    std::fs::write(&out, text).map_err(|e| format!("{}: {e}", out.display()))?;
    println!("\nraw figures: {}", out.display());
    Ok(())
}

/// A program on PATH (or a path as given).
fn which(name: &str) -> Option<PathBuf> {
    let p = PathBuf::from(name);
    if p.components().count() > 1 {
        return p.exists().then_some(p);
    }
    std::env::var_os("PATH")
        .into_iter()
        .flat_map(|paths| std::env::split_paths(&paths).collect::<Vec<_>>())
        .chain(["/usr/sbin".into(), "/sbin".into()])
        .map(|d| d.join(name))
        .find(|c| c.is_file())
}
