//! `vodkit upload`: bars, checkpoints, automatic resume, Ctrl-C.

use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use clap::{Arg, ArgAction, ArgMatches, Args};
use indicatif::{MultiProgress, ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde_json::{json, Map, Value};
use vodkit::upload::{checkpoint, UploadControl, UploadHooks};
use vodkit::ErrorKind;

use crate::facts;
use crate::fail::{self, Fail, Result};
use crate::files;
use crate::next_command::continue_command;
use crate::settings::Resolved;
use crate::standing::{duplicate_message, EXIT_DUPLICATE};
use crate::Out;

#[derive(Args, Clone)]
pub struct UploadArgs {
    /// Files to upload, one video each; a folder with --recursive
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Upload every file under the folders named (a batch: files in parallel, resumable as a whole)
    #[arg(long, short = 'r')]
    pub recursive: bool,
    /// Only files whose path under the folder matches this glob (repeatable: any of them), e.g. '*.mp4'
    #[arg(long, value_name = "GLOB")]
    pub include: Vec<String>,
    /// Leave out files whose path under the folder matches this glob (repeatable), e.g. 'raw/**'
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,
    /// Files uploaded at once in a batch (default 4 for a folder, 1 otherwise)
    #[arg(long, value_name = "N")]
    pub jobs: Option<usize>,
    /// List the files a batch would upload (those not uploaded by an earlier run), and upload nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Part size (bytes, or 8M, 512K); sends the upload as ranged parts of this size
    #[arg(long, value_parser = parse_size)]
    pub part_size: Option<u64>,
    /// Parts in flight at once, where the provider allows it (iqiyi: default 4; baijiayun: 1, in order)
    #[arg(long)]
    pub concurrency: Option<u32>,
    /// Bandwidth cap such as 4M (bytes per second, for all parts of an upload together)
    #[arg(long, value_parser = parse_size, value_name = "RATE")]
    pub limit_rate: Option<u64>,
    /// A provider upload option as key=value (value as JSON when it parses: definitions=[16,1])
    #[arg(long = "opt", value_name = "KEY=VALUE")]
    pub opt: Vec<String>,
    /// Start over even when a checkpoint of this file exists (it is removed first)
    #[arg(long)]
    pub no_resume: bool,
    /// Keep no checkpoint (and resume from none): a failed upload starts over next time
    #[arg(long)]
    pub no_checkpoint: bool,
}

pub fn parse_size(s: &str) -> std::result::Result<u64, String> {
    // The core's reading, as config values take it; a flag of 0 means nothing.
    match vodkit::units::parse_size(s)? {
        0 => Err(format!("{s:?}: must be more than 0")),
        n => Ok(n),
    }
}

/// Every provider's upload options, by name: (schema of the property, providers).
fn provider_options() -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for p in vodkit::providers::registry::providers() {
        // A provider without uploads has no options.
        let Some(options_schema) = p.upload_options_schema else {
            continue;
        };
        let schema = serde_json::to_value(options_schema()).unwrap_or(Value::Null);
        if let Some(props) = schema.get("properties").and_then(Value::as_object) {
            for (name, prop) in props {
                // --part-size and --concurrency are the CLI's own flags;
                // the checkpoint directory is the CLI's state directory.
                if matches!(
                    name.as_str(),
                    "part_size" | "concurrency" | "checkpoint_dir"
                ) {
                    continue;
                }
                let doc = prop
                    .get("description")
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .replace('\n', " ");
                match out.iter_mut().find(|(n, _)| n == name) {
                    Some(entry) => entry.1 = format!("{} [{}]", entry.1, p.name),
                    None => out.push((name.clone(), format!("{doc} [{}]", p.name))),
                }
            }
        }
    }
    out
}

/// Adds the catalog's upload options to `vodkit upload` as `--key value`.
pub fn with_provider_options(cmd: clap::Command) -> clap::Command {
    cmd.mut_subcommand("upload", |mut sub| {
        for (name, doc) in provider_options() {
            let long: &'static str = Box::leak(name.replace('_', "-").into_boxed_str());
            if sub.get_arguments().any(|a| a.get_long() == Some(long)) {
                continue;
            }
            let id: &'static str = Box::leak(format!("opt_{name}").into_boxed_str());
            sub = sub.arg(
                Arg::new(id)
                    .long(long)
                    .value_name("VALUE")
                    .num_args(0..=1)
                    .default_missing_value("true")
                    .action(ArgAction::Set)
                    .help(doc)
                    .help_heading("Provider options"),
            );
        }
        sub
    })
}

/// The JSON type of a property of a schema (`integer`, `array`…, items).
fn prop_type(schema: &Value, name: &str) -> Option<(String, Option<String>)> {
    let prop = schema.get("properties")?.get(name)?;
    let ty = |v: &Value| -> Option<String> {
        match v.get("type")? {
            Value::String(s) => Some(s.clone()),
            Value::Array(a) => a
                .iter()
                .filter_map(Value::as_str)
                .find(|t| *t != "null")
                .map(str::to_owned),
            _ => None,
        }
    };
    Some((ty(prop)?, prop.get("items").and_then(ty)))
}

fn typed(raw: &str, ty: Option<&(String, Option<String>)>) -> Value {
    match ty {
        Some((t, _)) if t == "string" => Value::String(raw.to_owned()),
        Some((t, items)) if t == "array" && !raw.trim_start().starts_with('[') => Value::Array(
            raw.split(',')
                .map(|s| typed(s.trim(), items.as_ref().map(|i| (i.clone(), None)).as_ref()))
                .collect(),
        ),
        _ => serde_json::from_str(raw).unwrap_or_else(|_| Value::String(raw.to_owned())),
    }
}

pub(super) fn options(
    args: &UploadArgs,
    sub: &ArgMatches,
    resolved: &Resolved,
    out: &Out,
    checkpoints: Option<&Path>,
) -> Result<Value> {
    let provider = vodkit::providers::registry::find(&resolved.provider)
        .map_err(|e| Fail::config(e.message().to_owned()))?;
    let schema = provider
        .upload_options_schema
        .map(|schema| serde_json::to_value(schema()).unwrap_or(Value::Null))
        .unwrap_or(Value::Null);
    let known: Vec<String> = schema
        .get("properties")
        .and_then(Value::as_object)
        .map(|m| m.keys().cloned().collect())
        .unwrap_or_default();
    let mut opts = Map::new();
    for (name, _) in provider_options() {
        if let Some(v) = sub
            .try_get_one::<String>(&format!("opt_{name}"))
            .ok()
            .flatten()
        {
            if !known.contains(&name) {
                return Err(Fail::usage(format!(
                    "--{} is not an upload option of {} (options: {})",
                    name.replace('_', "-"),
                    resolved.provider,
                    known.join(", ")
                )));
            }
            opts.insert(name.clone(), typed(v, prop_type(&schema, &name).as_ref()));
        }
    }
    for kv in &args.opt {
        let Some((k, v)) = kv.split_once('=').filter(|(k, _)| !k.is_empty()) else {
            return Err(Fail::usage(format!(
                "--opt {kv:?}: write it as key=value (definitions=16,1)"
            )));
        };
        opts.insert(k.to_owned(), typed(v, prop_type(&schema, k).as_ref()));
    }
    let uploads = resolved.lifecycle.upload.as_ref();
    if let Some(size) = args.part_size {
        opts.insert("part_size".into(), json!(size));
        for switch in uploads.map(|u| u.part_size_switches).unwrap_or_default() {
            opts.insert((*switch).into(), json!(true));
        }
    }
    if let Some(c) = args.concurrency {
        if c == 0 {
            return Err(Fail::usage("--concurrency must be 1 or more"));
        }
        match uploads.and_then(|u| u.concurrency_option) {
            Some(key) => {
                opts.insert(key.into(), json!(c));
            }
            None if c > 1 => out.note(&format!(
                "note: {} takes the parts of an upload in order, one at a time: --concurrency {c} is not applied",
                resolved.provider
            )),
            None => {}
        }
    }
    // The core keeps the checkpoints: before the first byte is sent and after
    // every acknowledged part, so even a killed process leaves one behind.
    if let Some(dir) = checkpoints {
        opts.insert("checkpoint_dir".into(), json!(dir));
    }
    Ok(Value::Object(opts))
}

/// Where uploads keep their checkpoints (the core writes and removes them).
pub fn checkpoint_dir() -> PathBuf {
    files::state_dir().join("checkpoints")
}

/// The key of the checkpoint of an upload of `file` to `provider` in `dir`.
pub(super) fn checkpoint_of(dir: &Path, provider: &str, file: &Path) -> Option<String> {
    let path = std::fs::canonicalize(file).ok()?;
    checkpoint::list(dir)
        .ok()?
        .into_iter()
        .find(|c| c.provider == provider && c.path.as_deref() == Some(path.as_path()))
        .map(|c| c.key)
}

pub(super) fn cancel_token() -> &'static UploadControl {
    static TOKEN: OnceLock<UploadControl> = OnceLock::new();
    TOKEN.get_or_init(|| {
        let token = UploadControl::new();
        let t = token.clone();
        let _ = ctrlc::set_handler(move || {
            if t.is_cancelled() {
                // A second Ctrl-C: stop now.
                std::process::exit(130);
            }
            t.cancel();
        });
        token
    })
}

/// The bars' canvas: stderr at 10 Hz when bars are wanted, else nowhere.
/// One for a list of files and for a batch.
pub(super) fn bars_for(out: &Out) -> MultiProgress {
    MultiProgress::with_draw_target(if out.bars {
        ProgressDrawTarget::stderr_with_hz(10)
    } else {
        ProgressDrawTarget::hidden()
    })
}

/// How a running bar looks, the total's and each file's alike.
pub(super) fn running_style() -> ProgressStyle {
    ProgressStyle::with_template(
        "{prefix:<24!} [{bar:30}] {percent:>3}% {bytes}/{total_bytes} {binary_bytes_per_sec} ETA {eta}",
    )
    .unwrap_or_else(|_| ProgressStyle::default_bar())
    .progress_chars("=> ")
}

/// The failure of an upload to a provider that takes none.
pub fn no_uploads(provider: &str) -> Fail {
    Fail::unsupported(format!(
        "{provider} takes no uploads through vodkit (its API only manages videos uploaded elsewhere): use status, urls, ls, delete or `vodkit call` (see `vodkit ops {provider}`)"
    ))
}

pub fn run(
    args: &UploadArgs,
    sub: &ArgMatches,
    resolved: &Resolved,
    out: &Out,
    sandbox: bool,
) -> Result<()> {
    let Some(uploads) = resolved.lifecycle.upload.as_ref() else {
        return Err(no_uploads(&resolved.provider));
    };
    // Everything the caller got wrong fails before any request.
    for f in &args.files {
        if !f.is_file() {
            return Err(Fail::input(format!(
                "no such file: {} (check the path)",
                f.display()
            )));
        }
    }
    // Sandbox uploads keep no checkpoint: the real account's folder is no
    // place for them, and one that stops is simply uploaded again.
    let dir = (!args.no_checkpoint && !sandbox).then(checkpoint_dir);
    let opts = options(args, sub, resolved, out, dir.as_deref())?;
    let client = resolved.client()?;
    let token = cancel_token();
    if let Some(rate) = args.limit_rate {
        token.set_rate_limit(rate);
    }

    let multi = bars_for(out);
    let style = running_style();
    let stopped_style = ProgressStyle::with_template(
        "{prefix:<24!} [{bar:30}] {percent:>3}% {bytes}/{total_bytes} {msg}",
    )
    .unwrap_or_else(|_| ProgressStyle::default_bar())
    .progress_chars("=> ");
    let sizes: Vec<u64> = args
        .files
        .iter()
        .map(|f| std::fs::metadata(f).map(|m| m.len()).unwrap_or(0))
        .collect();
    let total_bar = (args.files.len() > 1).then(|| {
        let b = multi.add(ProgressBar::new(sizes.iter().sum()));
        b.set_style(style.clone());
        b.set_prefix("total");
        b
    });

    let mut results = Vec::new();
    let mut done_before = 0u64;
    for (index, (file, size)) in args.files.iter().zip(&sizes).enumerate() {
        let bar = match &total_bar {
            Some(t) => multi.insert_before(t, ProgressBar::new(*size)),
            None => multi.add(ProgressBar::new(*size)),
        };
        bar.set_style(style.clone());
        bar.set_prefix(
            file.file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
        );
        if let Some(dir) = &dir {
            if let Some(key) = checkpoint_of(dir, &resolved.provider, file) {
                if args.no_resume {
                    checkpoint::remove(dir, &key).map_err(|e| {
                        Fail::io(format!("cannot remove checkpoint {key}: {}", e.message()))
                    })?;
                    out.note(&format!(
                        "--no-resume: removed checkpoint {key}; {} starts over",
                        file.display()
                    ));
                } else {
                    out.note(&format!(
                        "resuming {} from checkpoint {key}",
                        file.display()
                    ));
                }
            }
        }
        let sent = std::cell::Cell::new(0u64);
        let control = UploadHooks::new().control(token.clone()).on_progress({
            let bar = bar.clone();
            let total = total_bar.clone();
            let before = done_before;
            let sent = &sent;
            move |p| {
                bar.set_position(p.bytes_done);
                if let Some(t) = &total {
                    t.set_position(before + p.bytes_done);
                }
                sent.set(p.bytes_sent);
                ControlFlow::Continue(())
            }
        });
        // The core resumes from this file's checkpoint by itself (or uploads
        // afresh when the provider no longer knows the upload).
        let result = client.upload(file, &opts, control);
        match result {
            Ok(answer) => {
                bar.finish();
                done_before += size;
                let mut entry = json!({ "file": file, "bytes_sent": sent.get() });
                if let (Value::Object(e), Value::Object(a)) = (&mut entry, &answer) {
                    e.extend(a.clone());
                }
                results.push(entry);
            }
            Err(err) => {
                // A stopped bar has no time left to show ("ETA 0s" would
                // say it is about to finish): it says why it stopped.
                let why = if err.kind() == ErrorKind::Cancelled {
                    "stopped"
                } else {
                    "failed"
                };
                for b in std::iter::once(&bar).chain(total_bar.as_ref()) {
                    b.set_style(stopped_style.clone());
                    b.abandon_with_message(why);
                }
                let mut f = fail::from_core(&err, &resolved.hint);
                f.message = resolved.redact(&f.message);
                // What the core left behind decides what the next run does.
                let kept = dir
                    .as_ref()
                    .and_then(|d| checkpoint_of(d, &resolved.provider, file));
                let argv: Vec<_> = std::env::args_os().collect();
                let next = continue_command(&argv, &args.files[..index], kept.is_some());
                f.message = if err.kind() == ErrorKind::Cancelled && err.resume().is_none() {
                    // The provider drops a cancelled upload (iQiyi's cancelupload): nothing resumes.
                    format!(
                        "{} cancelled the upload of {} at the provider too: nothing is kept to resume; to start it over: {next}",
                        resolved.provider,
                        file.display()
                    )
                } else if let Some(key) = kept {
                    format!("{}; checkpoint {key} kept; to continue: {next}", f.message)
                } else {
                    format!("{}; to try again: {next}", f.message)
                };
                f.extra.insert("continue".into(), json!(next));
                if out.json {
                    f.extra.insert("uploaded".into(), json!(results));
                }
                return Err(f);
            }
        }
    }
    if let Some(t) = &total_bar {
        t.finish();
    }
    drop(multi);
    if let Some(f) = duplicates(&results, uploads, resolved, out) {
        return Err(f);
    }
    if out.json {
        out.print_json(&json!({ "uploaded": results }));
    } else {
        for r in &results {
            let resumed = r
                .get("resumed_from")
                .or_else(|| r.get("resumed_bytes"))
                .and_then(Value::as_u64)
                .unwrap_or(0);
            println!(
                "uploaded {} → video {} ({} bytes{})",
                r["file"].as_str().unwrap_or(""),
                match r.get(uploads.id_field) {
                    Some(Value::String(s)) => s.clone(),
                    Some(v) => v.to_string(),
                    None => String::new(),
                },
                r.get("bytes").and_then(Value::as_u64).unwrap_or(0),
                if resumed > 0 {
                    format!(", resumed from {resumed}")
                } else {
                    String::new()
                }
            );
        }
    }
    Ok(())
}

/// The failure naming every upload whose content the provider already held
/// (the earlier video is the one to use), if any.
pub(super) fn duplicates(
    results: &[Value],
    uploads: &vodkit::api::UploadFacts,
    resolved: &Resolved,
    out: &Out,
) -> Option<Fail> {
    let duplicates: Vec<String> = results
        .iter()
        .filter_map(|r| {
            let earlier = facts::text(r.get(uploads.duplicate_field?));
            (!earlier.is_empty()).then(|| {
                let what = format!(
                    "{} (video {})",
                    r["file"].as_str().unwrap_or(""),
                    facts::text(r.get(uploads.id_field))
                );
                duplicate_message(&what, &earlier, &resolved.provider)
            })
        })
        .collect();
    if duplicates.is_empty() {
        return None;
    }
    let mut f = Fail::new(EXIT_DUPLICATE, duplicates.join("; "));
    if out.json {
        f.extra.insert("uploaded".into(), json!(results));
    }
    Some(f)
}
