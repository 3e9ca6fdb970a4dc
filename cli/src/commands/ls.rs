//! `vodkit ls`: the videos, a page at a time.

use serde_json::{json, Value};

use crate::commands::call;
use crate::facts;
use crate::fail::Result;
use crate::settings::Resolved;
use crate::Out;

pub fn run(resolved: &Resolved, out: &Out, page: i64, page_size: i64, all: bool) -> Result<()> {
    let l = &resolved.lifecycle.list;
    let client = resolved.client()?;
    let mut items = Vec::new();
    let mut page = page;
    let mut total;
    loop {
        let answer = call(
            &client,
            resolved,
            l.operation,
            &json!({ l.page_param: page, l.page_size_param: page_size }),
        )?;
        total = answer
            .get(l.total_field)
            .and_then(Value::as_i64)
            .unwrap_or(0);
        let list = answer
            .get(l.items_field)
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
        out.print_json(&json!({ "total": total, "total_counts": l.total_counts, "shown": items.len(), "items": items }));
    } else {
        let rows: Vec<Vec<String>> = items
            .iter()
            .map(|it| {
                l.columns
                    .iter()
                    .map(|c| facts::cell(resolved.lifecycle, c, it.get(*c)))
                    .collect()
            })
            .collect();
        let header: Vec<String> = l.columns.iter().map(|c| c.to_uppercase()).collect();
        out.table(
            &header.iter().map(String::as_str).collect::<Vec<_>>(),
            &rows,
        );
        // The provider's count may not count what the list shows (iQiyi
        // lists published videos, counts all): say what it counts.
        out.note(&format!(
            "{} shown (page {page}); {} reports {total}: {}",
            items.len(),
            resolved.provider,
            l.total_counts
        ));
    }
    Ok(())
}
