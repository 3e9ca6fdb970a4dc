//! `vodkit checkpoints [list|rm]`: the upload checkpoints kept.

use serde_json::{json, Value};
use vodkit::upload::checkpoint;

use crate::commands::upload;
use crate::fail::{Fail, Result};
use crate::{CheckpointAction, Out};

pub fn checkpoints(action: Option<CheckpointAction>, out: &Out) -> Result<()> {
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
                // What the checkpoint knows is what the server confirmed
                // when it was written; a provider may hold more (Baijiayun
                // keeps the bytes of an interrupted request, iQiyi has no
                // query), so the column says whose figure it is.
                out.table(
                    &["KEY", "PROVIDER", "ACKNOWLEDGED/SIZE", "RESUME", "FILE"],
                    &rows,
                );
                out.note(
                    "ACKNOWLEDGED: bytes the server confirmed when the checkpoint was written; it \
                     may hold more. `vodkit upload FILE` asks it and sends only the rest.",
                );
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
