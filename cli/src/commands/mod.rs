//! One module per subcommand; `run` resolves the settings and hands the
//! command to its module.

mod call;
mod checkpoints;
mod configure;
pub mod copy;
mod delete;
mod demo;
mod ls;
mod ops;
mod sandbox;
mod sign;
mod status;
pub mod upload;
mod upload_batch;
mod urls;
mod verify_callback;
mod wait;

use clap::ArgMatches;
use serde_json::Value;

use crate::fail::{self, Fail, Result};
use crate::settings::{self, Flags, Resolved};
use crate::{facts, Cli, Command, Out};

pub(crate) fn kv(s: &str) -> Result<(String, String)> {
    match s.split_once('=') {
        Some((k, v)) if !k.is_empty() => Ok((k.to_owned(), v.to_owned())),
        _ => Err(Fail::usage(format!(
            "{s:?} is not key=value: write it as key=value (video_id=7)"
        ))),
    }
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
        Command::Sandbox { port, .. } => return sandbox::sandbox(*port, out),
        Command::Checkpoints { action } => return checkpoints::checkpoints(action.clone(), out),
        Command::Ops {
            provider,
            operation,
        } => return ops::ops(provider.as_deref(), operation.as_deref(), out),
        Command::Configure {
            settings,
            secret_stdin,
            without_secret,
        } => {
            return configure::configure(
                &flags,
                settings,
                secret_stdin.as_deref(),
                *without_secret,
                out,
            )
        }
        _ => {}
    }
    let sandbox_on = cli.sandbox || matches!(cli.command, Command::Demo { .. });
    let emulator = if sandbox_on {
        Some(crate::sandbox::start_emulator(0)?)
    } else {
        None
    };
    if let Command::Copy(args) = &cli.command {
        // Two providers, two sets of settings: the command resolves them.
        return copy::run(args, &flags, emulator.as_ref(), out);
    }
    let sandbox_config = match &emulator {
        Some(emu) => Some(crate::sandbox::for_provider(emu, flags.provider.clone())?),
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

pub(crate) fn call(
    client: &vodkit::Client,
    resolved: &Resolved,
    op: &str,
    params: &Value,
) -> Result<Value> {
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
            if resolved.lifecycle.upload.is_none() {
                return Err(upload::no_uploads(&resolved.provider));
            }
            // A folder, or a batch flag (--recursive, --jobs, --dry-run, …).
            if upload_batch::is_batch(args) {
                upload_batch::run(args, sub, resolved, out, sandbox)
            } else {
                upload::run(args, sub, resolved, out, sandbox)
            }
        }
        Command::Status { id } => status::run(resolved, out, id),
        // Answered before the settings are read (`run`): it has two.
        Command::Copy(_) => Ok(()),
        Command::Urls { id } => urls::run(resolved, out, id),
        Command::Delete { id, yes } => delete::run(resolved, out, id, *yes),
        Command::Ls {
            page,
            page_size,
            all,
        } => ls::run(resolved, out, *page, *page_size, *all),
        Command::Wait {
            id,
            interval,
            timeout,
        } => wait::wait(resolved, out, id, *interval, *timeout),
        Command::Call {
            operation,
            params,
            params_json,
            file,
            raw,
        } => call::run(resolved, out, operation, params, params_json, file, *raw),
        Command::Demo { size_mib } => demo::demo(out, resolved, *size_mib),
        Command::Sign { params } => sign::run(resolved, out, params),
        Command::VerifyCallback {
            body,
            kind,
            max_age,
        } => verify_callback::run(resolved, out, body, kind, *max_age),
        // Answered before any setting is read (`run`).
        Command::Completions { .. }
        | Command::Man
        | Command::Sandbox { .. }
        | Command::Checkpoints { .. }
        | Command::Ops { .. }
        | Command::Configure { .. } => Ok(()),
    }
}

/// Sign and verify-callback are Baijiayun's alone.
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
            facts::env_var(&resolved.provider, key)
        ))),
    }
}
