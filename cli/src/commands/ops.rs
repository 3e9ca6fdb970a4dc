//! `vodkit ops [PROVIDER]`: the catalog.

use serde_json::Value;

use crate::fail::{Fail, Result};
use crate::Out;

pub fn ops(provider: Option<&str>, operation: Option<&str>, out: &Out) -> Result<()> {
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
