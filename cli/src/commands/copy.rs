//! `vodkit copy baijiayun:VIDEO_ID iqiyi:` copies one video to another
//! provider (the source's best play URL streamed into the target's upload,
//! no local copy, the title carried over) with a bar; `vodkit copy --all
//! baijiayun: iqiyi:` walks the source's list and copies every video,
//! writing a mapping report (JSON and CSV) that the same command run again
//! continues: rows copied are skipped, failed ones retried.
//!
//! Each side's settings resolve as every command's do, for its own
//! provider: `VODKIT_<PROVIDER>_<KEY>` variables, then a profile
//! (`--source-profile` / `--target-profile`, else `--profile`); with
//! `--sandbox` both are the sandbox's. Interrupted copies resume from their
//! checkpoints (keyed by source video and target provider, since a play URL
//! is signed anew each time).

use std::ops::ControlFlow;
use std::path::PathBuf;

use indicatif::ProgressBar;
use serde_json::{json, Value};
use vodkit_emulator::Emulator;

use super::upload::{bars_for, cancel_token, checkpoint_dir, running_style};
use crate::copy_report::{self, Report, Row, COPIED, FAILED};
use crate::fail::{self, Fail, Result};
use crate::settings::{self, Flags, Resolved};
use crate::Out;

#[derive(clap::Args)]
pub struct CopyArgs {
    /// The source: PROVIDER:VIDEO_ID (with --all: PROVIDER:)
    pub from: String,
    /// The target: PROVIDER: (a provider that takes uploads)
    pub to: String,
    /// Copy every video the source lists, with a mapping report; the same command again continues
    #[arg(long)]
    pub all: bool,
    /// Where the --all report goes: PATH.json and PATH.csv (default: beside the checkpoints)
    #[arg(long, value_name = "PATH")]
    pub report: Option<PathBuf>,
    /// The copy's title (default: the source's)
    #[arg(long)]
    pub title: Option<String>,
    /// Profile of the source's settings (default: --profile)
    #[arg(long, value_name = "NAME")]
    pub source_profile: Option<String>,
    /// Profile of the target's settings (default: --profile)
    #[arg(long, value_name = "NAME")]
    pub target_profile: Option<String>,
    /// Keep no checkpoint: an interrupted copy starts over
    #[arg(long)]
    pub no_checkpoint: bool,
    /// Part size of the target's upload (64K, 8M, …; default: the target's)
    #[arg(long, value_parser = super::upload::parse_size, value_name = "SIZE")]
    pub part_size: Option<u64>,
    /// Cap the copy's upload to this many bytes per second (512K, 10M, …)
    #[arg(long, value_parser = super::upload::parse_size, value_name = "RATE")]
    pub limit_rate: Option<u64>,
}

/// `PROVIDER:ID` → (provider, id, empty when none).
fn side(arg: &str, what: &str) -> Result<(String, String)> {
    match arg.split_once(':') {
        Some((p, id)) if !p.is_empty() => Ok((p.to_owned(), id.trim().to_owned())),
        _ => Err(Fail::usage(format!(
            "the {what} {arg:?} is not PROVIDER:VIDEO_ID or PROVIDER: (baijiayun:7, iqiyi:)"
        ))),
    }
}

pub fn run(args: &CopyArgs, global: &Flags, emulator: Option<&Emulator>, out: &Out) -> Result<()> {
    let (from, id) = side(&args.from, "source")?;
    let (to, target_id) = side(&args.to, "target")?;
    if !target_id.is_empty() {
        return Err(Fail::usage(format!(
            "the target is a provider ({to}:), not a video: a copy is a new video there"
        )));
    }
    if global.base_url.is_some() || !global.set.is_empty() {
        return Err(Fail::usage(
            "--base-url and --set name one provider's settings: for a copy set them per provider \
             (VODKIT_<PROVIDER>_BASE_URL, …, or a profile)",
        ));
    }
    match (args.all, id.is_empty()) {
        (true, false) => {
            return Err(Fail::usage(format!(
                "--all copies every video of {from}: write the source as {from}:"
            )))
        }
        (false, true) => {
            return Err(Fail::usage(format!(
                "name the video to copy ({from}:VIDEO_ID), or pass --all"
            )))
        }
        _ => {}
    }
    if args.all && args.title.is_some() {
        return Err(Fail::usage(
            "--title names one copy: it does not go with --all",
        ));
    }
    let source = resolve(global, &from, args.source_profile.as_ref(), emulator)?;
    let target = resolve(global, &to, args.target_profile.as_ref(), emulator)?;
    if target.lifecycle.upload.is_none() {
        return Err(super::upload::no_uploads(&to));
    }
    if let Some(rate) = args.limit_rate {
        cancel_token().set_rate_limit(rate);
    }
    // As uploads: the sandbox keeps no checkpoint.
    let dir = (!args.no_checkpoint && emulator.is_none()).then(checkpoint_dir);
    let result = if args.all {
        all(args, &source, &target, dir, out)
    } else {
        one(args, &source, &target, &id, dir, out)
    };
    source.keep_renewed(out);
    target.keep_renewed(out);
    result.map_err(|mut f| {
        f.message = target.redact(&source.redact(&f.message));
        f
    })
}

fn resolve(
    global: &Flags,
    provider: &str,
    profile: Option<&String>,
    emulator: Option<&Emulator>,
) -> Result<Resolved> {
    let flags = Flags {
        provider: Some(provider.to_owned()),
        profile: profile.cloned().or_else(|| global.profile.clone()),
        base_url: None,
        set: Vec::new(),
    };
    let sandbox = match emulator {
        Some(emu) => Some(crate::sandbox::for_provider(
            emu,
            Some(provider.to_owned()),
        )?),
        None => None,
    };
    settings::resolve(&flags, sandbox)
}

/// The copy's options: the target's upload options the flags name.
fn options(args: &CopyArgs, target: &Resolved, dir: Option<&PathBuf>) -> Value {
    let mut o = json!({});
    if let Some(t) = &args.title {
        o["title"] = json!(t);
    }
    if let Some(d) = dir {
        o["checkpoint_dir"] = json!(d);
    }
    if let Some(size) = args.part_size {
        o["part_size"] = json!(size);
        // Baijiayun sends parts only when asked (`ranged`).
        for switch in target
            .lifecycle
            .upload
            .as_ref()
            .map(|u| u.part_size_switches)
            .unwrap_or_default()
        {
            o[*switch] = json!(true);
        }
    }
    o
}

/// Copies one video with a bar.
fn copy_with_bar(
    (src, dst): (&vodkit::Client, &vodkit::Client),
    id: &str,
    options: &Value,
    label: &str,
    out: &Out,
) -> std::result::Result<vodkit::Copied, vodkit::Error> {
    let multi = bars_for(out);
    let bar = multi.add(ProgressBar::new(0));
    bar.set_style(running_style());
    bar.set_prefix(label.to_owned());
    let hooks = vodkit::upload::UploadHooks::new()
        .control(cancel_token().clone())
        .on_progress(|p| {
            bar.set_length(p.bytes_total);
            bar.set_position(p.bytes_done);
            ControlFlow::Continue(())
        });
    let result = vodkit::copy(src, id, dst, options, hooks);
    bar.finish_and_clear();
    let _ = multi.clear();
    result
}

fn one(
    args: &CopyArgs,
    source: &Resolved,
    target: &Resolved,
    id: &str,
    dir: Option<PathBuf>,
    out: &Out,
) -> Result<()> {
    // Settings first: a missing credential is a config error, not a copy's.
    let (src, dst) = (source.client()?, target.client()?);
    let options = options(args, target, dir.as_ref());
    let label = format!("{}:{id}", source.provider);
    let copied = copy_with_bar((&src, &dst), id, &options, &label, out).map_err(|e| {
        let mut f = fail::from_core(&e, &target.hint);
        if e.resume().is_some() && dir.is_some() {
            let argv: Vec<_> = std::env::args_os().collect();
            let next = crate::next_command::continue_command(&argv, &[], true);
            f.message = format!("{}; the same command continues the copy: {next}", f.message);
            f.extra.insert("continue".into(), json!(next));
        }
        f
    })?;
    if out.json {
        out.print_json(&serde_json::to_value(&copied).unwrap_or_default());
    } else {
        println!(
            "{} {}:{} → {}:{} \"{}\" ({} bytes, MD5 {})",
            if copied.skipped {
                "already copied"
            } else {
                "copied"
            },
            copied.source_provider,
            copied.source_id,
            copied.target_provider,
            copied.target_id,
            copied.title,
            copied.bytes,
            copied.md5.as_deref().unwrap_or("-"),
        );
    }
    Ok(())
}

/// Every video id the source lists, page by page.
fn list_all(source: &Resolved) -> Result<Vec<String>> {
    let l = &source.lifecycle.list;
    let id_column = l.columns.first().copied().unwrap_or_default();
    let client = source.client()?;
    let page_size = 50;
    let mut ids = Vec::new();
    let mut seen = 0i64;
    for page in 1.. {
        let answer = super::call(
            &client,
            source,
            l.operation,
            &json!({ l.page_param: page, l.page_size_param: page_size }),
        )?;
        let items = answer
            .get(l.items_field)
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        let total = answer
            .get(l.total_field)
            .and_then(Value::as_i64)
            .unwrap_or(0);
        seen += items.len() as i64;
        ids.extend(
            items
                .iter()
                .filter_map(|it| copy_report::id_text(it.get(id_column))),
        );
        if items.len() < page_size as usize || seen >= total {
            break;
        }
    }
    ids.dedup();
    Ok(ids)
}

fn all(
    args: &CopyArgs,
    source: &Resolved,
    target: &Resolved,
    dir: Option<PathBuf>,
    out: &Out,
) -> Result<()> {
    let base = args.report.clone().unwrap_or_else(|| {
        checkpoint_dir().join(format!("copy-{}-to-{}", source.provider, target.provider))
    });
    let mut report = Report::open(&base, &source.provider, &target.provider)?;
    let (src, dst) = (source.client()?, target.client()?);
    let ids = list_all(source)?;
    let options = options(args, target, dir.as_ref());
    let (mut copied, mut skipped, mut failed) = (0, 0, 0);
    for (n, id) in ids.iter().enumerate() {
        if report.copied(id).is_some() {
            skipped += 1;
            continue;
        }
        if cancel_token().is_cancelled() {
            break;
        }
        let label = format!("{}/{} {}:{id}", n + 1, ids.len(), source.provider);
        let row = match copy_with_bar((&src, &dst), id, &options, &label, out) {
            Ok(c) => {
                copied += 1;
                Row {
                    source_id: c.source_id,
                    target_id: c.target_id,
                    title: c.title,
                    bytes: c.bytes,
                    md5: c.md5.unwrap_or_default(),
                    result: COPIED.into(),
                    error: String::new(),
                }
            }
            Err(e) => {
                failed += 1;
                Row {
                    source_id: id.clone(),
                    target_id: String::new(),
                    title: String::new(),
                    bytes: 0,
                    md5: String::new(),
                    result: FAILED.into(),
                    error: target.redact(&source.redact(&format!(
                        "{} ({})",
                        e.message(),
                        e.kind()
                    ))),
                }
            }
        };
        if !out.json {
            match row.result.as_str() {
                COPIED => println!(
                    "copied {}:{} → {}:{} ({} bytes)",
                    source.provider, row.source_id, target.provider, row.target_id, row.bytes
                ),
                _ => eprintln!(
                    "failed {}:{}: {}",
                    source.provider, row.source_id, row.error
                ),
            }
        }
        report.set(row)?;
    }
    let (json_path, csv_path) = report.paths();
    if out.json {
        out.print_json(&json!({
            "source_provider": source.provider,
            "target_provider": target.provider,
            "copied": copied,
            "skipped": skipped,
            "failed": failed,
            "report_json": json_path,
            "report_csv": csv_path,
            "rows": report.rows(),
        }));
    } else {
        out.note(&format!(
            "{copied} copied, {skipped} copied by an earlier run, {failed} failed; report: {} and {}",
            json_path.display(),
            csv_path.display()
        ));
    }
    if cancel_token().is_cancelled() {
        return Err(Fail::new(
            130,
            "stopped at your request: the same command continues",
        ));
    }
    if failed > 0 {
        let argv: Vec<_> = std::env::args_os().collect();
        let next = crate::next_command::continue_command(&argv, &[], true);
        let mut f = Fail::new(
            1,
            format!(
                "{failed} of {} videos not copied (see the report); to retry them: {next}",
                ids.len()
            ),
        );
        f.extra.insert("continue".into(), json!(next));
        return Err(f);
    }
    Ok(())
}
