//! `vodkit delete ID`: deletes a video, after asking.

use std::io::{BufRead, IsTerminal, Write};

use serde_json::json;

use crate::commands::call;
use crate::facts;
use crate::fail::{Fail, Result};
use crate::settings::Resolved;
use crate::Out;

pub fn run(resolved: &Resolved, out: &Out, id: &str, yes: bool) -> Result<()> {
    let l = resolved.lifecycle;
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
    let answer = call(
        &client,
        resolved,
        l.delete.operation,
        &facts::by_id(&resolved.provider, &l.delete, id),
    )?;
    if out.json {
        out.print_json(&json!({ "deleted": facts::by_id(&resolved.provider, &l.delete, id)[l.delete.id_param], "answer": answer }));
    } else {
        println!("deleted video {id}");
    }
    Ok(())
}
