//! The mapping report of `vodkit copy --all`: one row per source video
//! (source id → target id, title, bytes, MD5, result), written as JSON and
//! as CSV after every video, so a rerun of the same command reads it back,
//! skips the rows done and retries the failed ones. The JSON is what a
//! rerun reads; the CSV is the same rows for a spreadsheet.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::fail::{Fail, Result};

/// The result of a row copied, now or by an earlier run.
pub const COPIED: &str = "copied";
/// The result of a row that failed (its `error` says why).
pub const FAILED: &str = "failed";

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Row {
    pub source_id: String,
    pub target_id: String,
    pub title: String,
    pub bytes: u64,
    pub md5: String,
    /// [`COPIED`] or [`FAILED`].
    pub result: String,
    #[serde(default)]
    pub error: String,
}

#[derive(Debug, Serialize, Deserialize)]
struct Stored {
    source_provider: String,
    target_provider: String,
    rows: Vec<Row>,
}

/// The report of one source → target pair, at `<base>.json` and `<base>.csv`.
pub struct Report {
    json: PathBuf,
    csv: PathBuf,
    stored: Stored,
}

impl Report {
    /// The report at `base` (an extension `.json` or `.csv` is dropped),
    /// read back if an earlier run wrote it for the same pair.
    pub fn open(base: &Path, from: &str, to: &str) -> Result<Report> {
        let base = match base.extension().and_then(|e| e.to_str()) {
            Some("json" | "csv") => base.with_extension(""),
            _ => base.to_owned(),
        };
        let with = |ext: &str| {
            let mut name = base.as_os_str().to_owned();
            name.push(ext);
            PathBuf::from(name)
        };
        let (json, csv) = (with(".json"), with(".csv"));
        let stored = match std::fs::read(&json) {
            Ok(bytes) => {
                let stored: Stored = serde_json::from_slice(&bytes).map_err(|e| {
                    Fail::input(format!(
                        "{} is not a copy report ({e}): move it away or pass another --report",
                        json.display()
                    ))
                })?;
                if stored.source_provider != from || stored.target_provider != to {
                    return Err(Fail::input(format!(
                        "{} reports copies from {} to {}, not {from} to {to}: pass another --report",
                        json.display(),
                        stored.source_provider,
                        stored.target_provider
                    )));
                }
                stored
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Stored {
                source_provider: from.to_owned(),
                target_provider: to.to_owned(),
                rows: Vec::new(),
            },
            Err(e) => return Err(Fail::io(format!("cannot read {}: {e}", json.display()))),
        };
        Ok(Report { json, csv, stored })
    }

    pub fn paths(&self) -> (&Path, &Path) {
        (&self.json, &self.csv)
    }

    /// The row of `source_id` an earlier run copied, if it did.
    pub fn copied(&self, source_id: &str) -> Option<&Row> {
        self.stored
            .rows
            .iter()
            .find(|r| r.source_id == source_id && r.result == COPIED)
    }

    pub fn rows(&self) -> &[Row] {
        &self.stored.rows
    }

    /// Puts `row` in (replacing the row of the same source video) and
    /// writes both files.
    pub fn set(&mut self, row: Row) -> Result<()> {
        match self
            .stored
            .rows
            .iter_mut()
            .find(|r| r.source_id == row.source_id)
        {
            Some(r) => *r = row,
            None => self.stored.rows.push(row),
        }
        let json = serde_json::to_vec_pretty(&self.stored).unwrap_or_default();
        let write = |path: &Path, bytes: &[u8]| {
            crate::files::write_private(path, bytes)
                .map_err(|e| Fail::io(format!("cannot write {}: {e}", path.display())))
        };
        write(&self.json, &json)?;
        write(&self.csv, self.to_csv().as_bytes())
    }

    fn to_csv(&self) -> String {
        let mut out = String::from("source_id,target_id,title,bytes,md5,result,error\n");
        for r in &self.stored.rows {
            let cells = [
                r.source_id.clone(),
                r.target_id.clone(),
                r.title.clone(),
                r.bytes.to_string(),
                r.md5.clone(),
                r.result.clone(),
                r.error.clone(),
            ];
            let line: Vec<String> = cells.iter().map(|c| csv_cell(c)).collect();
            out.push_str(&line.join(","));
            out.push('\n');
        }
        out
    }
}

/// RFC 4180: quoted when it holds a comma, a quote or a line break.
fn csv_cell(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

/// A video id as the list gives it (a number or text).
pub fn id_text(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_with_commas_or_quotes_are_quoted() {
        assert_eq!(csv_cell("plain"), "plain");
        assert_eq!(csv_cell("a, b"), "\"a, b\"");
        assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
    }
}
