//! Every subcommand but upload.

use std::io::{BufRead, IsTerminal, Read, Write};
use std::time::{Duration, Instant};

use clap::ArgMatches;
use serde_json::{json, Map, Value};
use vodkit::upload::checkpoint;
use vodkit_emulator::Emulator;

use crate::fail::{self, Fail, Result};
use crate::settings::{self, Flags, Resolved};
use crate::standing::Standing;
use crate::{table, upload, CheckpointAction, Cli, Command, Out};

fn kv(s: &str) -> Result<(String, String)> {
    match s.split_once('=') {
        Some((k, v)) if !k.is_empty() => Ok((k.to_owned(), v.to_owned())),
        _ => Err(Fail::usage(format!(
            "{s:?} is not key=value: write it as key=value (video_id=7)"
        ))),
    }
}

fn start_emulator(port: u16) -> Result<Emulator> {
    let config = crate::sandbox_state::config();
    Emulator::start_on(config, std::net::SocketAddr::from(([127, 0, 0, 1], port)))
        .map_err(crate::sandbox_state::start_failed)
}

pub fn run(cli: &Cli, matches: &ArgMatches, out: &Out) -> Result<()> {
    let mut flags = Flags {
        provider: cli.provider.clone(),
        profile: cli.profile.clone(),
        base_url: cli.base_url.clone(),
        set: Vec::new(),
    };
    for s in &cli.set {
        flags.set.push(kv(s)?);
    }
    if let (Some(v), false) = (&cli.json, matches!(cli.command, Command::Call { .. })) {
        if !v.is_empty() {
            return Err(Fail::usage(format!(
                "--json={v:?}: only `vodkit call` takes a value (its parameters); elsewhere write --json alone"
            )));
        }
    }
    // Commands that need no settings.
    match &cli.command {
        Command::Completions { shell } => {
            let mut cmd = crate::command();
            clap_complete::generate(*shell, &mut cmd, "vodkit", &mut std::io::stdout());
            return Ok(());
        }
        Command::Man => {
            let man = clap_mangen::Man::new(crate::command());
            return man
                .render(&mut std::io::stdout())
                .map_err(|e| Fail::io(e.to_string()));
        }
        Command::Sandbox {
            action: Some(crate::SandboxAction::Reset),
            ..
        } => return crate::sandbox_state::reset(out),
        Command::Sandbox { port, .. } => return sandbox(*port, out),
        Command::Checkpoints { action } => return checkpoints(action.clone(), out),
        Command::Ops {
            provider,
            operation,
        } => return ops(provider.as_deref(), operation.as_deref(), out),
        Command::Configure {
            settings,
            secret_stdin,
        } => return configure(&flags, settings, secret_stdin.as_deref(), out),
        _ => {}
    }
    let sandbox_on = cli.sandbox || matches!(cli.command, Command::Demo { .. });
    let emulator = if sandbox_on {
        Some(start_emulator(0)?)
    } else {
        None
    };
    let sandbox_config = match &emulator {
        Some(emu) => {
            let provider = flags
                .provider
                .clone()
                .or_else(|| {
                    std::env::var("VODKIT_PROVIDER")
                        .ok()
                        .filter(|s| !s.is_empty())
                })
                .unwrap_or_else(|| "baijiayun".into());
            let row = table::row(&provider).ok_or_else(|| {
                Fail::config(format!(
                    "the sandbox does not know {provider} yet (it knows: {})",
                    known_rows()
                ))
            })?;
            let mut c = (row.sandbox)(emu);
            // Fewer, shorter retries against the local emulator.
            c["retry"] = json!({ "max_retries": 2 });
            Some((row.provider, c))
        }
        None => None,
    };
    let resolved = settings::resolve(&flags, sandbox_config)?;
    if out.verbose > 0 {
        for (k, src) in &resolved.sources {
            eprintln!("setting {k} from {src}");
        }
    }
    let r = dispatch(cli, matches, out, &resolved, emulator.is_some());
    resolved.keep_renewed(out);
    r.map_err(|mut f| {
        f.message = resolved.redact(&f.message);
        f
    })
}

fn known_rows() -> String {
    table::ROWS
        .iter()
        .map(|r| r.provider)
        .collect::<Vec<_>>()
        .join(", ")
}

fn row_of(resolved: &Resolved) -> Result<&'static table::Row> {
    table::row(&resolved.provider).ok_or_else(|| {
        Fail::config(format!(
            "the CLI has no status/urls/ls/delete mapping for {} yet: use `vodkit call` (mapped: {})",
            resolved.provider,
            known_rows()
        ))
    })
}

fn call(client: &vodkit::Client, resolved: &Resolved, op: &str, params: &Value) -> Result<Value> {
    client
        .call(op, params)
        .map_err(|e| fail::from_core(&e, &resolved.hint))
}

fn dispatch(
    cli: &Cli,
    matches: &ArgMatches,
    out: &Out,
    resolved: &Resolved,
    sandbox: bool,
) -> Result<()> {
    match &cli.command {
        Command::Upload(args) => {
            let sub = matches
                .subcommand_matches("upload")
                .ok_or_else(|| Fail::usage("upload"))?;
            upload::run(args, sub, resolved, out, sandbox)
        }
        Command::Status { id } => {
            let row = row_of(resolved)?;
            let client = resolved.client()?;
            let answer = call(&client, resolved, row.status, &(row.id_params)(id))?;
            if out.json {
                out.print_json(&answer);
            } else {
                println!("video {id}: {}", Standing::of(row, &answer).describe());
            }
            Ok(())
        }
        Command::Urls { id } => {
            let row = row_of(resolved)?;
            let client = resolved.client()?;
            let answer = call(&client, resolved, row.urls, &(row.id_params)(id))?;
            if out.json {
                out.print_json(&answer);
            } else {
                let rows: Vec<Vec<String>> = (row.play_urls)(&answer)
                    .into_iter()
                    .map(Vec::from)
                    .collect();
                if rows.is_empty() {
                    out.note(&format!(
                        "video {id} has no play URL yet (see `vodkit wait {id}`)"
                    ));
                }
                out.table(&["DEFINITION", "SIZE", "URL"], &rows);
            }
            Ok(())
        }
        Command::Delete { id, yes } => {
            let row = row_of(resolved)?;
            if !yes {
                if !std::io::stdin().is_terminal() {
                    return Err(Fail::usage(format!(
                        "not deleting video {id} without confirmation: pass --yes"
                    )));
                }
                eprint!("delete video {id} on {}? [y/N] ", resolved.provider);
                let _ = std::io::stderr().flush();
                let mut line = String::new();
                let _ = std::io::stdin().lock().read_line(&mut line);
                if !matches!(line.trim(), "y" | "Y" | "yes") {
                    return Err(Fail::usage(
                        "not deleted (answer y to delete, or pass --yes)",
                    ));
                }
            }
            let client = resolved.client()?;
            let answer = call(&client, resolved, row.delete, &(row.delete_params)(id))?;
            if out.json {
                out.print_json(&json!({ "deleted": table::number_or_text(id), "answer": answer }));
            } else {
                println!("deleted video {id}");
            }
            Ok(())
        }
        Command::Ls {
            page,
            page_size,
            all,
        } => {
            let row = row_of(resolved)?;
            let client = resolved.client()?;
            let mut items = Vec::new();
            let mut page = *page;
            let mut total;
            loop {
                let answer = call(
                    &client,
                    resolved,
                    row.list,
                    &json!({ row.page_params.0: page, row.page_params.1: page_size }),
                )?;
                total = answer
                    .get(row.total_field)
                    .and_then(Value::as_i64)
                    .unwrap_or(0);
                let list = answer
                    .get(row.list_field)
                    .and_then(Value::as_array)
                    .cloned()
                    .unwrap_or_default();
                let n = list.len();
                items.extend(list);
                if !all || n == 0 || items.len() as i64 >= total {
                    break;
                }
                page += 1;
            }
            if out.json {
                out.print_json(&json!({ "total": total, "items": items }));
            } else {
                let rows: Vec<Vec<String>> = items
                    .iter()
                    .map(|it| {
                        row.list_columns
                            .iter()
                            .map(|c| row.cell(c, it.get(*c)))
                            .collect()
                    })
                    .collect();
                let header: Vec<String> =
                    row.list_columns.iter().map(|c| c.to_uppercase()).collect();
                out.table(
                    &header.iter().map(String::as_str).collect::<Vec<_>>(),
                    &rows,
                );
                out.note(&format!("{} of {total} (page {page})", items.len()));
            }
            Ok(())
        }
        Command::Wait {
            id,
            interval,
            timeout,
        } => wait(resolved, out, id, *interval, *timeout),
        Command::Call {
            operation,
            params,
            params_json,
            file,
            raw,
        } => {
            let client = resolved.client()?;
            let ops = client.operations();
            let info = ops.iter().find(|o| &o.name == operation);
            if info.is_none() && !raw {
                return Err(Fail::input(format!(
                    "unknown operation {operation:?} for {}: see `vodkit ops {}` (or pass --raw to send it anyway)",
                    resolved.provider, resolved.provider
                )));
            }
            let mut map = Map::new();
            let mut params = params.clone();
            // `--json` alone asks for machine output (the answer is JSON anyway);
            // a value that is no object nor @file was a key=value it swallowed.
            let params_json = match params_json.as_deref().map(str::trim) {
                None | Some("") => None,
                Some(j) if j.starts_with('{') || j.starts_with('@') => Some(j.to_owned()),
                Some(other) => {
                    params.insert(0, other.to_owned());
                    None
                }
            };
            if let Some(j) = params_json {
                let text = match j.strip_prefix('@') {
                    Some(path) => std::fs::read_to_string(path)
                        .map_err(|e| Fail::io(format!("{path}: {e}")))?,
                    None => j.clone(),
                };
                match serde_json::from_str::<Value>(&text) {
                    Ok(Value::Object(m)) => map.extend(m),
                    _ => {
                        return Err(Fail::usage(
                            "--json must be a JSON object: --json '{\"video_id\": 7}' (or @file)",
                        ))
                    }
                }
            }
            for p in &params {
                if p.trim_start().starts_with('{') {
                    match serde_json::from_str::<Value>(p) {
                        Ok(Value::Object(m)) => map.extend(m),
                        _ => return Err(Fail::usage(format!("{p:?} is not a JSON object"))),
                    }
                    continue;
                }
                let (k, v) = kv(p)?;
                let (k, value) = match k.strip_suffix(':') {
                    Some(k) => (
                        k.to_owned(),
                        serde_json::from_str(&v)
                            .map_err(|e| Fail::usage(format!("{k}:= needs JSON ({e})")))?,
                    ),
                    None => {
                        let ty = info
                            .and_then(|i| i.params.iter().find(|x| x.name == k))
                            .map(|x| x.ty.as_str());
                        let value = match ty {
                            Some("string") => Value::String(v),
                            _ => serde_json::from_str(&v).unwrap_or(Value::String(v)),
                        };
                        (k, value)
                    }
                };
                map.insert(k, value);
            }
            let params = Value::Object(map);
            let answer = match file {
                Some(path) => client.call_with_file(operation, &params, "", path),
                None => client.call(operation, &params),
            }
            .map_err(|e| fail::from_core(&e, &resolved.hint))?;
            // The answer is data: JSON for people and scripts alike.
            out.print_json(&answer);
            Ok(())
        }
        Command::Demo { size_mib } => demo(out, resolved, *size_mib),
        Command::Sign { params } => {
            need_baijiayun(resolved, "sign")?;
            let key = secret(resolved, "partner_key")?;
            let pairs: Vec<(String, String)> =
                params.iter().map(|p| kv(p)).collect::<Result<_>>()?;
            let sign =
                vodkit::baijiayun::sign(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())), &key);
            if out.json {
                out.print_json(&json!({ "sign": sign }));
            } else {
                println!("{sign}");
            }
            Ok(())
        }
        Command::VerifyCallback {
            body,
            kind,
            max_age,
        } => {
            need_baijiayun(resolved, "verify-callback")?;
            let key = secret(resolved, "partner_key")?;
            let mut raw = Vec::new();
            if body == "-" {
                std::io::stdin()
                    .read_to_end(&mut raw)
                    .map_err(|e| Fail::io(format!("stdin: {e}")))?;
            } else {
                raw = std::fs::read(body)
                    .map_err(|e| Fail::io(format!("{body}: {e} (check the path)")))?;
            }
            let mut verifier = vodkit::baijiayun::CallbackVerifier::new(key);
            verifier = if *max_age == 0 {
                verifier.without_max_age()
            } else {
                verifier.max_age(Duration::from_secs(*max_age))
            };
            let result = match kind.as_str() {
                "transcode" => verifier
                    .verify_transcode_body(&raw)
                    .map(|e| serde_json::to_value(e).unwrap_or(Value::Null)),
                "playback-auth" => verifier
                    .verify_playback_auth_body(&raw)
                    .map(|e| serde_json::to_value(e).unwrap_or(Value::Null)),
                other => {
                    return Err(Fail::usage(format!(
                        "--kind {other}: use transcode or playback-auth"
                    )))
                }
            };
            match result {
                Ok(event) => {
                    if out.json {
                        out.print_json(&json!({ "valid": true, "event": event }));
                    } else {
                        println!("valid {kind} callback: {event}");
                    }
                    Ok(())
                }
                Err(e) => {
                    let why = vodkit::baijiayun::VerifyFailure::of(&e)
                        .map(|w| w.as_str())
                        .unwrap_or("invalid");
                    let mut f = Fail::new(
                        fail::code_of(e.kind()),
                        format!("callback rejected ({why}): {}; check the partner key and that the body is passed unchanged", e.message()),
                    );
                    // In the one JSON document of the error.
                    f.extra.insert("valid".into(), json!(false));
                    f.extra.insert("reason".into(), json!(why));
                    Err(f)
                }
            }
        }
        _ => Ok(()),
    }
}

fn need_baijiayun(resolved: &Resolved, what: &str) -> Result<()> {
    if resolved.provider != "baijiayun" {
        return Err(Fail::usage(format!(
            "{what} is Baijiayun's: pass --provider baijiayun"
        )));
    }
    Ok(())
}

fn secret(resolved: &Resolved, key: &str) -> Result<String> {
    match resolved.config.get(key).and_then(Value::as_str) {
        Some(s) if !s.is_empty() => Ok(s.to_owned()),
        _ => Err(Fail::config(format!(
            "missing {key}: set {} or run `vodkit configure`",
            table::env_var(&resolved.provider, key)
        ))),
    }
}

fn wait(resolved: &Resolved, out: &Out, id: &str, interval: f64, timeout: f64) -> Result<()> {
    let row = row_of(resolved)?;
    let client = resolved.client()?;
    let spinner = if out.bars {
        let s = indicatif::ProgressBar::new_spinner();
        s.enable_steady_tick(Duration::from_millis(120));
        s
    } else {
        indicatif::ProgressBar::hidden()
    };
    let start = Instant::now();
    loop {
        let answer = call(&client, resolved, row.status, &(row.id_params)(id))?;
        let standing = Standing::of(row, &answer);
        let now = standing.describe();
        spinner.set_message(format!("video {id}: {now}"));
        if standing.ended() {
            spinner.finish_and_clear();
            let mut o = (row.id_params)(id);
            if let (Value::Object(o), Value::Object(more)) =
                (&mut o, standing.to_json(row, &answer))
            {
                o.extend(more);
            }
            if !out.json {
                println!("video {id}: {now}");
            }
            return match standing.failure(id, row) {
                // One JSON document on stdout: the error, with where the video stands.
                Some(mut f) => {
                    if let Value::Object(o) = o {
                        f.extra.extend(o);
                    }
                    Err(f)
                }
                None => {
                    if out.json {
                        out.print_json(&o);
                    }
                    Ok(())
                }
            };
        }
        if timeout > 0.0 && start.elapsed().as_secs_f64() > timeout {
            spinner.finish_and_clear();
            return Err(Fail::new(
                7,
                format!("video {id} still {now} after {timeout} s: run `vodkit wait {id}` again"),
            ));
        }
        std::thread::sleep(Duration::from_secs_f64(interval.max(0.05)));
    }
}

fn demo(out: &Out, resolved: &Resolved, size_mib: u64) -> Result<()> {
    let row = row_of(resolved)?;
    let Some(uploads) = &row.uploads else {
        return Err(upload::no_uploads(&resolved.provider));
    };
    let dir = std::env::temp_dir().join(format!("vodkit-demo-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| Fail::io(e.to_string()))?;
    let file = dir.join("demo.mp4");
    {
        let mut f = std::io::BufWriter::new(
            std::fs::File::create(&file).map_err(|e| Fail::io(e.to_string()))?,
        );
        let mut x: u64 = 0x9e3779b97f4a7c15;
        let mut buf = vec![0u8; 1 << 20];
        for _ in 0..size_mib.max(1) {
            for b in buf.chunks_mut(8) {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                b.copy_from_slice(&x.to_le_bytes()[..b.len()]);
            }
            f.write_all(&buf).map_err(|e| Fail::io(e.to_string()))?;
        }
    }
    out.note(&format!(
        "sandbox: the emulator runs in this process; uploading a generated {size_mib} MiB file {}",
        file.display()
    ));
    let client = resolved.client()?;
    let bar = if out.bars {
        indicatif::ProgressBar::new(size_mib << 20)
    } else {
        indicatif::ProgressBar::hidden()
    };
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "upload [{bar:30}] {percent:>3}% {bytes}/{total_bytes} {binary_bytes_per_sec}",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
        .progress_chars("=> "),
    );
    let b = bar.clone();
    let control = vodkit::upload::UploadHooks::new().on_progress(move |p| {
        b.set_position(p.bytes_done);
        std::ops::ControlFlow::Continue(())
    });
    let uploaded = client
        .upload(&file, &Value::Null, control)
        .map_err(|e| fail::from_core(&e, &resolved.hint))?;
    bar.finish();
    let _ = std::fs::remove_dir_all(&dir);
    let video_id = match uploaded.get(uploads.id_field) {
        Some(Value::String(s)) => s.clone(),
        Some(v) => v.to_string(),
        None => String::new(),
    };
    if !out.json {
        println!("uploaded demo.mp4 → video {video_id}");
    }
    wait(
        resolved,
        &Out {
            json: false,
            quiet: out.quiet || out.json,
            ..*out
        },
        &video_id,
        0.5,
        120.0,
    )?;
    let urls = call(&client, resolved, row.urls, &(row.id_params)(&video_id))?;
    if out.json {
        out.print_json(&json!({ "uploaded": uploaded, "urls": urls }));
    } else {
        let rows: Vec<Vec<String>> = (row.play_urls)(&urls)
            .into_iter()
            .map(|[name, _, url]| vec![name, url])
            .collect();
        out.table(&["DEFINITION", "URL"], &rows);
        out.note("next: `vodkit sandbox` keeps an emulator running and prints its settings as shell exports");
    }
    Ok(())
}

fn sandbox(port: u16, out: &Out) -> Result<()> {
    // Ctrl-C stops it cleanly, even right after the exports are printed.
    let (tx, rx) = std::sync::mpsc::channel();
    let _ = ctrlc::set_handler(move || {
        let _ = tx.send(());
    });
    let emu = start_emulator(port)?;
    let mut providers = Map::new();
    let mut lines = vec![format!(
        "# vodkit sandbox: emulator at {} (Ctrl-C stops it)",
        emu.root_url()
    )];
    lines.push("export VODKIT_PROFILE=".into());
    let mut first = true;
    for p in vodkit::providers::registry::providers() {
        match table::row(p.name) {
            Some(row) => {
                let config = (row.sandbox)(&emu);
                if first {
                    lines.push(format!("export VODKIT_PROVIDER={}", p.name));
                    first = false;
                }
                if let Value::Object(m) = &config {
                    for (k, v) in m {
                        let v = v
                            .as_str()
                            .map(str::to_owned)
                            .unwrap_or_else(|| v.to_string());
                        lines.push(format!("export {}={}", table::env_var(p.name, k), v));
                    }
                }
                providers.insert(p.name.into(), config);
            }
            None => lines.push(format!(
                "# {}: {} (no sandbox row in the CLI yet)",
                p.name,
                emu.provider_url(p.name)
            )),
        }
    }
    if out.json {
        println!(
            "{}",
            json!({ "root_url": emu.root_url(), "providers": providers })
        );
    } else {
        for l in lines {
            println!("{l}");
        }
    }
    let _ = std::io::stdout().flush();
    let _ = rx.recv();
    drop(emu);
    Ok(())
}

fn checkpoints(action: Option<CheckpointAction>, out: &Out) -> Result<()> {
    let dir = upload::checkpoint_dir();
    let list = || {
        checkpoint::list(&dir).map_err(|e| {
            Fail::io(format!(
                "cannot read the checkpoints in {}: {}",
                dir.display(),
                e.message()
            ))
        })
    };
    match action.unwrap_or(CheckpointAction::List) {
        CheckpointAction::List => {
            let list = list()?;
            if out.json {
                out.print_json(&serde_json::to_value(&list).unwrap_or(Value::Null));
            } else if list.is_empty() {
                out.note(&format!("no checkpoints in {}", dir.display()));
            } else {
                let rows: Vec<Vec<String>> = list
                    .iter()
                    .map(|c| {
                        vec![
                            c.key.clone(),
                            c.provider.clone(),
                            format!("{}/{}", c.acknowledged, c.size),
                            c.resume.to_string(),
                            c.path
                                .as_ref()
                                .map(|p| p.display().to_string())
                                .unwrap_or_default(),
                        ]
                    })
                    .collect();
                out.table(&["KEY", "PROVIDER", "SENT/SIZE", "RESUME", "FILE"], &rows);
            }
            Ok(())
        }
        CheckpointAction::Rm { id, all } => {
            let keys: Vec<String> = match (id, all) {
                (_, true) => list()?.into_iter().map(|c| c.key).collect(),
                (Some(id), false) => vec![id],
                (None, false) => {
                    return Err(Fail::usage(
                        "name a checkpoint key (vodkit checkpoints list) or pass --all",
                    ))
                }
            };
            let mut removed = Vec::new();
            for key in keys {
                match checkpoint::remove(&dir, &key) {
                    Ok(true) => removed.push(key),
                    Ok(false) => {
                        return Err(Fail::input(format!(
                            "no checkpoint {key}: see `vodkit checkpoints list`"
                        )))
                    }
                    Err(e) if e.kind() == vodkit::ErrorKind::InvalidInput => {
                        return Err(Fail::input(format!(
                            "{}: see `vodkit checkpoints list`",
                            e.message()
                        )))
                    }
                    Err(e) => {
                        return Err(Fail::io(format!(
                            "cannot remove checkpoint {key}: {}",
                            e.message()
                        )))
                    }
                }
            }
            if out.json {
                out.print_json(&json!({ "removed": removed }));
            } else {
                for key in removed {
                    println!("removed checkpoint {key}");
                }
            }
            Ok(())
        }
    }
}

fn ops(provider: Option<&str>, operation: Option<&str>, out: &Out) -> Result<()> {
    if let Some(p) = provider {
        vodkit::providers::registry::find(p).map_err(|e| Fail::config(e.message().to_owned()))?;
    }
    let all: Vec<_> = vodkit::providers::registry::all_operations()
        .into_iter()
        .filter(|o| provider.is_none_or(|p| o.provider == p))
        .filter(|o| operation.is_none_or(|n| o.name == n))
        .collect();
    if let (Some(n), true) = (operation, all.is_empty()) {
        return Err(Fail::input(format!(
            "unknown operation {n:?}: see `vodkit ops`"
        )));
    }
    if out.json {
        out.print_json(&serde_json::to_value(&all).unwrap_or(Value::Null));
        return Ok(());
    }
    if operation.is_some() {
        for o in &all {
            println!(
                "{} {} ({}) {:?} {}",
                out.bold(&o.name),
                o.provider,
                o.function,
                o.method,
                o.path
            );
            println!("  {}", o.doc.replace('\n', "\n  "));
            for p in &o.params {
                println!(
                    "  {}{}: {} {}",
                    p.name,
                    if p.required { "*" } else { "" },
                    p.ty,
                    p.doc.replace('\n', " ")
                );
            }
        }
        return Ok(());
    }
    let rows: Vec<Vec<String>> = all
        .iter()
        .map(|o| {
            let params: Vec<String> = o
                .params
                .iter()
                .map(|p| format!("{}{}:{}", p.name, if p.required { "*" } else { "" }, p.ty))
                .collect();
            vec![
                o.provider.clone(),
                o.name.clone(),
                params.join(" "),
                o.doc.lines().next().unwrap_or("").to_owned(),
            ]
        })
        .collect();
    out.table(
        &["PROVIDER", "OPERATION", "PARAMS (* required)", "DOC"],
        &rows,
    );
    Ok(())
}

fn configure(flags: &Flags, kvs: &[String], secret_stdin: Option<&str>, out: &Out) -> Result<()> {
    let path = settings::config_path();
    let mut file = settings::read_config(&path)?;
    let name = flags
        .profile
        .clone()
        .or_else(|| {
            std::env::var("VODKIT_PROFILE")
                .ok()
                .filter(|s| !s.is_empty())
        })
        .unwrap_or_else(|| "default".into());
    let provider = flags.provider.clone().unwrap_or_else(|| "baijiayun".into());
    vodkit::providers::registry::find(&provider)
        .map_err(|e| Fail::config(e.message().to_owned()))?;
    let row = table::row(&provider);
    let profiles = file
        .entry("profiles")
        .or_insert_with(|| toml::Value::Table(toml::Table::new()));
    let profiles = profiles
        .as_table_mut()
        .ok_or_else(|| Fail::config(format!("{}: `profiles` is not a table", path.display())))?;
    let profile = profiles
        .entry(name.clone())
        .or_insert_with(|| toml::Value::Table(toml::Table::new()))
        .as_table_mut()
        .ok_or_else(|| {
            Fail::config(format!("{}: profile {name} is not a table", path.display()))
        })?;
    profile.insert("provider".into(), toml::Value::String(provider.clone()));
    if let Some(u) = &flags.base_url {
        profile.insert("base_url".into(), toml::Value::String(u.clone()));
    }
    for s in kvs {
        let (k, v) = kv(s)?;
        profile.insert(k, toml::Value::String(v));
    }
    for (k, v) in &flags.set {
        profile.insert(k.clone(), toml::Value::String(v.clone()));
    }
    if let Some(key) = secret_stdin {
        let mut line = String::new();
        std::io::stdin()
            .lock()
            .read_line(&mut line)
            .map_err(|e| Fail::io(format!("stdin: {e}")))?;
        profile.insert(
            key.into(),
            toml::Value::String(line.trim_end_matches(['\r', '\n']).to_owned()),
        );
    }
    if let Some(row) = row {
        if std::io::stdin().is_terminal() && secret_stdin.is_none() {
            for s in row
                .settings
                .iter()
                .filter(|s| s.secret && !s.doc.contains("optional"))
            {
                if profile.contains_key(s.key) {
                    continue;
                }
                let v = rpassword::prompt_password(format!("{} ({}): ", s.key, s.doc))
                    .map_err(|e| Fail::io(e.to_string()))?;
                if !v.is_empty() {
                    profile.insert(s.key.into(), toml::Value::String(v));
                }
            }
        }
    }
    let keys: Vec<String> = profile.keys().cloned().collect();
    let text = toml::to_string(&file).map_err(|e| Fail::config(e.to_string()))?;
    settings::write_private(&path, text.as_bytes())
        .map_err(|e| Fail::io(format!("cannot write {}: {e}", path.display())))?;
    if out.json {
        out.print_json(&json!({ "path": path, "profile": name, "keys": keys }));
    } else {
        println!(
            "wrote profile '{name}' ({}) to {} (mode 0600)",
            keys.join(", "),
            path.display()
        );
    }
    Ok(())
}
