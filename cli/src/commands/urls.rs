//! `vodkit urls ID`: a video's play URLs.

use crate::commands::call;
use crate::facts;
use crate::fail::Result;
use crate::settings::Resolved;
use crate::Out;

pub fn run(resolved: &Resolved, out: &Out, id: &str) -> Result<()> {
    let l = resolved.lifecycle;
    let client = resolved.client()?;
    let answer = call(
        &client,
        resolved,
        l.urls.operation,
        &facts::by_id(&resolved.provider, &l.urls, id),
    )?;
    if out.json {
        out.print_json(&answer);
    } else {
        let rows: Vec<Vec<String>> = facts::play_urls(l, &answer)
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
