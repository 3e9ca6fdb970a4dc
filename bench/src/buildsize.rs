//! Build and size: the release cdylib's size, and a cold release build of the
//! library alone in a fresh target directory (minutes; `--skip-cold-build`).

use std::process::Command;
use std::time::Instant;

use crate::context::{say, Ctx};
use crate::files::MIB;
use crate::report::{Row, Series};

pub fn rows(ctx: &Ctx, cold: bool) -> Vec<Row> {
    let mut rows = Vec::new();
    let lib = ctx.bin_dir.join("libvodkit.so");
    rows.push(match std::fs::metadata(&lib) {
        Ok(m) => {
            let mut s = Series::new("libvodkit.so", "MiB");
            s.values.push(m.len() as f64 / MIB as f64);
            Row {
                a: Some(s),
                ..Row::new("build", "release cdylib size (not stripped)")
            }
        }
        Err(e) => Row::na(
            "build",
            "release cdylib size",
            format!("{}: {e}", lib.display()),
        ),
    });
    if !cold {
        rows.push(Row::na(
            "build",
            "cold release build of the library",
            "skipped (--skip-cold-build)",
        ));
        return rows;
    }
    say("build: cold `cargo build --release -p vodkit --lib` in a fresh target directory");
    let dir = std::env::temp_dir().join(format!("vodkit-bench-cold-{}", std::process::id()));
    let started = Instant::now();
    let out = Command::new("cargo")
        .args(["build", "--release", "--quiet", "-p", "vodkit", "--lib"])
        .env("CARGO_TARGET_DIR", &dir)
        .current_dir(&ctx.repo)
        .output();
    let secs = started.elapsed().as_secs_f64();
    let _ = std::fs::remove_dir_all(&dir);
    rows.push(match out {
        Ok(o) if o.status.success() => {
            let mut s = Series::new("wall", "s");
            s.values.push(secs);
            Row {
                a: Some(s),
                note: format!("{} jobs; dependencies already downloaded", ctx_jobs()),
                ..Row::new("build", "cold release build of the library")
            }
        }
        Ok(o) => Row::na(
            "build",
            "cold release build of the library",
            String::from_utf8_lossy(&o.stderr)
                .trim()
                .lines()
                .last()
                .unwrap_or("failed")
                .to_owned(),
        ),
        Err(e) => Row::na(
            "build",
            "cold release build of the library",
            format!("cargo: {e}"),
        ),
    });
    rows
}

fn ctx_jobs() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}
