//! `vodkit upload DIR --recursive [--include GLOB] [--exclude GLOB] [--jobs N]`:
//! a batch through the core's `upload_many` — files in parallel, one Ctrl-C
//! and one `--limit-rate` for all of them, a total bar and one bar per
//! running file. The core's batch manifest (beside the checkpoints) makes
//! the same command run again skip every finished file and continue the
//! others from their checkpoints.

use std::collections::HashMap;
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

use clap::ArgMatches;
use globset::{Glob, GlobSet, GlobSetBuilder};
use indicatif::{MultiProgress, ProgressBar, ProgressStyle};
use serde_json::{json, Value};
use vodkit::upload::{checkpoint, finished_upload, BatchHooks, BatchItem, Source, MAX_JOBS};
use vodkit::ErrorKind;

use super::upload::{
    bars_for, cancel_token, checkpoint_dir, checkpoint_of, duplicates, options, running_style,
    UploadArgs,
};
use crate::fail::{self, Fail, Result};
use crate::next_command::continue_command;
use crate::settings::Resolved;
use crate::Out;

/// Files at once for a folder when `--jobs` is not given.
const DEFAULT_FOLDER_JOBS: usize = 4;

/// Whether the command is a batch: a folder, or one of the batch flags.
pub fn is_batch(args: &UploadArgs) -> bool {
    args.recursive
        || args.jobs.is_some()
        || args.dry_run
        || !args.include.is_empty()
        || !args.exclude.is_empty()
        || args.files.iter().any(|f| f.is_dir())
}

fn globs(patterns: &[String], flag: &str) -> Result<Option<GlobSet>> {
    if patterns.is_empty() {
        return Ok(None);
    }
    let mut set = GlobSetBuilder::new();
    for p in patterns {
        let glob = Glob::new(p).map_err(|e| Fail::usage(format!("{flag} {p:?}: {e}")))?;
        set.add(glob);
    }
    set.build()
        .map(Some)
        .map_err(|e| Fail::usage(format!("{flag}: {e}")))
}

/// The files the arguments name: files as given, and every regular file
/// under a folder (with `--recursive`; links are not followed), in path
/// order, kept by `--include` and dropped by `--exclude` (matched against
/// the path under the folder).
fn collect(args: &UploadArgs) -> Result<Vec<PathBuf>> {
    let include = globs(&args.include, "--include")?;
    let exclude = globs(&args.exclude, "--exclude")?;
    let mut out = Vec::new();
    for arg in &args.files {
        if arg.is_file() {
            out.push(arg.clone());
            continue;
        }
        if !arg.is_dir() {
            return Err(Fail::input(format!(
                "no such file or folder: {} (check the path)",
                arg.display()
            )));
        }
        if !args.recursive {
            return Err(Fail::usage(format!(
                "{} is a folder: add --recursive to upload the files under it",
                arg.display()
            )));
        }
        let mut found = Vec::new();
        for entry in walkdir::WalkDir::new(arg).follow_links(false) {
            let entry =
                entry.map_err(|e| Fail::io(format!("cannot list {}: {e}", arg.display())))?;
            if !entry.file_type().is_file() {
                continue;
            }
            let relative = entry.path().strip_prefix(arg).unwrap_or(entry.path());
            let kept = include.as_ref().is_none_or(|g| g.is_match(relative))
                && !exclude.as_ref().is_some_and(|g| g.is_match(relative));
            if kept {
                found.push(entry.into_path());
            }
        }
        found.sort();
        out.extend(found);
    }
    if out.is_empty() {
        return Err(Fail::input(
            "no files to upload (the folders are empty, or --include/--exclude left none)",
        ));
    }
    Ok(out)
}

fn jobs_of(args: &UploadArgs) -> Result<usize> {
    let folder = args.files.iter().any(|f| f.is_dir());
    let jobs = args
        .jobs
        .unwrap_or(if folder { DEFAULT_FOLDER_JOBS } else { 1 });
    if jobs == 0 || jobs > MAX_JOBS {
        return Err(Fail::usage(format!("--jobs must be 1 to {MAX_JOBS}")));
    }
    Ok(jobs)
}

pub fn run(
    args: &UploadArgs,
    sub: &ArgMatches,
    resolved: &Resolved,
    out: &Out,
    sandbox: bool,
) -> Result<()> {
    let jobs = jobs_of(args)?;
    let files = collect(args)?;
    // As for single files: the sandbox keeps no checkpoint, and so no manifest.
    let dir = (!args.no_checkpoint && !sandbox).then(checkpoint_dir);
    if args.dry_run {
        return dry_run(&files, dir.as_deref(), resolved, out);
    }
    let opts = options(args, sub, resolved, out, dir.as_deref())?;
    if let (Some(dir), true) = (&dir, args.no_resume) {
        for file in &files {
            if let Some(key) = checkpoint_of(dir, &resolved.provider, file) {
                checkpoint::remove(dir, &key).map_err(|e| {
                    Fail::io(format!("cannot remove checkpoint {key}: {}", e.message()))
                })?;
                out.note(&format!(
                    "--no-resume: removed checkpoint {key}; {} starts over",
                    file.display()
                ));
            }
        }
    }
    let client = resolved.client()?;
    let token = cancel_token();
    if let Some(rate) = args.limit_rate {
        token.set_rate_limit(rate);
    }

    let bars = Bars::new(out, files.iter().map(|f| size_of(f)).sum());
    let mut sent: HashMap<usize, u64> = HashMap::new();
    let mut skipped = 0usize;
    let hooks = BatchHooks::new()
        .control(token.clone())
        .on_progress(|p| {
            bars.progress(
                p.index,
                &files[p.index],
                p.file.bytes_done,
                p.file.bytes_total,
            );
            bars.total(p.bytes_done);
            sent.insert(p.index, p.file.bytes_sent);
            ControlFlow::Continue(())
        })
        .on_file_finished(|item| {
            if item.skipped {
                skipped += 1;
            }
            bars.finished(item);
        });
    let items = client
        .upload_many(&files, &opts, jobs, hooks)
        .map_err(|e| fail::from_core(&e, &resolved.hint))?;
    bars.end();
    if skipped > 0 {
        out.note(&format!(
            "{skipped} of {} files were uploaded by an earlier run of this batch: not sent again",
            files.len()
        ));
    }
    report(&items, &sent, resolved, out)
}

/// Prints the results, or fails with them when a file did not go.
fn report(
    items: &[BatchItem],
    sent: &HashMap<usize, u64>,
    resolved: &Resolved,
    out: &Out,
) -> Result<()> {
    let mut uploaded = Vec::new();
    let mut failed = Vec::new();
    let mut first_error = None;
    for item in items {
        match &item.outcome {
            Ok(answer) => {
                let mut entry = json!({
                    "file": item.name,
                    "skipped": item.skipped,
                    "bytes_sent": sent.get(&item.index).copied().unwrap_or(0),
                });
                if let (Value::Object(e), Value::Object(a)) = (&mut entry, answer) {
                    e.extend(a.clone());
                }
                uploaded.push(entry);
            }
            Err(err) => {
                let message = resolved.redact(err.message());
                failed.push(json!({
                    "file": item.name,
                    "kind": err.kind().as_str(),
                    "error": message,
                    "resume": err.resume(),
                }));
                // What the user did (Ctrl-C) says more than the files it stopped.
                if first_error.is_none() || err.kind() == ErrorKind::Cancelled {
                    first_error = Some(err);
                }
            }
        }
    }
    if let Some(err) = first_error {
        let mut f = fail::from_core(err, &resolved.hint);
        let argv: Vec<_> = std::env::args_os().collect();
        // The same command continues the batch: finished files are skipped.
        let next = continue_command(&argv, &[], true);
        f.message = format!(
            "{} of {} files not uploaded ({}); the {} uploaded are recorded and will not be sent again; to continue: {next}",
            failed.len(),
            items.len(),
            resolved.redact(&f.message),
            uploaded.len(),
        );
        f.extra.insert("continue".into(), json!(next));
        if out.json {
            f.extra.insert("uploaded".into(), json!(uploaded));
            f.extra.insert("failed".into(), json!(failed));
        }
        return Err(f);
    }
    let fresh: Vec<Value> = uploaded
        .iter()
        .filter(|u| u["skipped"] != true)
        .cloned()
        .collect();
    if let Some(uploads) = resolved.lifecycle.upload.as_ref() {
        if let Some(f) = duplicates(&fresh, uploads, resolved, out) {
            return Err(f);
        }
        if !out.json {
            for u in &uploaded {
                println!(
                    "{} {} → video {} ({} bytes)",
                    if u["skipped"] == true {
                        "already uploaded"
                    } else {
                        "uploaded"
                    },
                    u["file"].as_str().unwrap_or(""),
                    match u.get(uploads.id_field) {
                        Some(Value::String(s)) => s.clone(),
                        Some(v) => v.to_string(),
                        None => String::new(),
                    },
                    u.get("bytes").and_then(Value::as_u64).unwrap_or(0),
                );
            }
        }
    }
    if out.json {
        out.print_json(&json!({ "uploaded": uploaded }));
    }
    Ok(())
}

/// `--dry-run`: what would go, and what an earlier run already uploaded.
fn dry_run(files: &[PathBuf], dir: Option<&Path>, resolved: &Resolved, out: &Out) -> Result<()> {
    let mut would = Vec::new();
    let mut done = Vec::new();
    for file in files {
        let source = Source::open(file).map_err(|e| fail::from_core(&e, &resolved.hint))?;
        let earlier = match dir {
            Some(dir) => finished_upload(dir, &resolved.provider, &source)
                .map_err(|e| fail::from_core(&e, &resolved.hint))?,
            None => None,
        };
        let entry = json!({ "file": file, "bytes": source.size() });
        match earlier {
            Some(result) => {
                done.push(json!({ "file": file, "bytes": source.size(), "uploaded": result }))
            }
            None => would.push(entry),
        }
    }
    let bytes: u64 = would.iter().filter_map(|w| w["bytes"].as_u64()).sum();
    if out.json {
        out.print_json(&json!({
            "would_upload": would,
            "already_uploaded": done,
            "files": would.len(),
            "bytes": bytes,
        }));
    } else {
        for w in &would {
            println!(
                "would upload {} ({} bytes)",
                w["file"].as_str().unwrap_or(""),
                w["bytes"]
            );
        }
        for d in &done {
            println!("already uploaded {}", d["file"].as_str().unwrap_or(""));
        }
        println!("{} files, {bytes} bytes would go", would.len());
    }
    Ok(())
}

fn size_of(path: &Path) -> u64 {
    std::fs::metadata(path).map(|m| m.len()).unwrap_or(0)
}

/// The total bar, and one bar per running file (added at its first report,
/// gone when it ends).
struct Bars {
    multi: MultiProgress,
    total: ProgressBar,
    running: std::cell::RefCell<HashMap<usize, ProgressBar>>,
    style: ProgressStyle,
}

impl Bars {
    fn new(out: &Out, bytes: u64) -> Bars {
        let multi = bars_for(out);
        let style = running_style();
        let total = multi.add(ProgressBar::new(bytes));
        total.set_style(style.clone());
        total.set_prefix("total");
        Bars {
            multi,
            total,
            running: Default::default(),
            style,
        }
    }

    fn progress(&self, index: usize, file: &Path, done: u64, size: u64) {
        let mut running = self.running.borrow_mut();
        let bar = running.entry(index).or_insert_with(|| {
            let bar = self
                .multi
                .insert_before(&self.total, ProgressBar::new(size));
            bar.set_style(self.style.clone());
            bar.set_prefix(
                file.file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
            );
            bar
        });
        bar.set_position(done);
    }

    fn total(&self, done: u64) {
        self.total.set_position(done);
    }

    fn finished(&self, item: &BatchItem) {
        if let Some(bar) = self.running.borrow_mut().remove(&item.index) {
            bar.finish_and_clear();
            self.multi.remove(&bar);
        }
    }

    fn end(&self) {
        self.total.finish_and_clear();
        let _ = self.multi.clear();
    }
}
