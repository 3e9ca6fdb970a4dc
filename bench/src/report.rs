//! The one table, and the raw figures as JSON.

use serde::Serialize;

/// One measured quantity over the run's iterations.
#[derive(Debug, Clone, Serialize)]
pub struct Series {
    pub label: String,
    pub unit: String,
    pub values: Vec<f64>,
}

impl Series {
    pub fn new(label: impl Into<String>, unit: impl Into<String>) -> Self {
        Series {
            label: label.into(),
            unit: unit.into(),
            values: Vec::new(),
        }
    }

    pub fn median(&self) -> Option<f64> {
        let mut v = self.values.clone();
        if v.is_empty() {
            return None;
        }
        v.sort_by(f64::total_cmp);
        let n = v.len();
        Some(if n % 2 == 1 {
            v[n / 2]
        } else {
            (v[n / 2 - 1] + v[n / 2]) / 2.0
        })
    }

    pub fn min(&self) -> Option<f64> {
        self.values.iter().copied().reduce(f64::min)
    }

    pub fn max(&self) -> Option<f64> {
        self.values.iter().copied().reduce(f64::max)
    }

    /// `median (min–max) unit`, or `n/a`.
    pub fn show(&self) -> String {
        match (self.median(), self.min(), self.max()) {
            (Some(m), Some(lo), Some(hi)) if self.values.len() > 1 => {
                format!("{} ({}–{}) {}", num(m), num(lo), num(hi), self.unit)
            }
            (Some(m), _, _) => format!("{} {}", num(m), self.unit),
            _ => "n/a".to_owned(),
        }
    }

    /// Element-wise `self / other`: the ratio of each interleaved A/B pair.
    pub fn ratio(&self, other: &Series) -> Series {
        let mut r = Series::new(format!("{} / {}", self.label, other.label), "×");
        r.values = self
            .values
            .iter()
            .zip(&other.values)
            .filter(|(_, b)| **b != 0.0)
            .map(|(a, b)| a / b)
            .collect();
        r
    }
}

fn num(x: f64) -> String {
    let a = x.abs();
    if a >= 100.0 {
        format!("{x:.0}")
    } else if a >= 10.0 {
        format!("{x:.1}")
    } else if a >= 0.1 || a == 0.0 {
        format!("{x:.2}")
    } else {
        format!("{x:.3}")
    }
}

/// One line of the table: A against B and their ratio, or why it is missing.
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    pub id: String,
    pub what: String,
    pub a: Option<Series>,
    pub b: Option<Series>,
    pub ratio: Option<Series>,
    /// What the ratio is expected to be, for the reader (e.g. `≥ 0.95`).
    pub target: String,
    pub note: String,
    /// Set when the row could not be measured: why.
    pub na: Option<String>,
}

impl Row {
    pub fn new(id: &str, what: impl Into<String>) -> Self {
        Row {
            id: id.to_owned(),
            what: what.into(),
            a: None,
            b: None,
            ratio: None,
            target: String::new(),
            note: String::new(),
            na: None,
        }
    }

    /// A row of A against B, the ratio taken pair by pair.
    pub fn pair(id: &str, what: impl Into<String>, a: Series, b: Series) -> Self {
        let ratio = a.ratio(&b);
        Row {
            a: Some(a),
            b: Some(b),
            ratio: Some(ratio),
            ..Row::new(id, what)
        }
    }

    pub fn na(id: &str, what: impl Into<String>, why: impl Into<String>) -> Self {
        Row {
            na: Some(why.into()),
            ..Row::new(id, what)
        }
    }

    pub fn target(mut self, t: &str) -> Self {
        self.target = t.to_owned();
        self
    }

    pub fn note(mut self, n: impl Into<String>) -> Self {
        self.note = n.into();
        self
    }

    fn cells(&self) -> [String; 6] {
        let side = |s: &Option<Series>| match s {
            Some(s) => format!("{}: {}", s.label, s.show()),
            None => String::new(),
        };
        match &self.na {
            Some(why) => [
                self.id.clone(),
                self.what.clone(),
                format!("n/a ({why})"),
                String::new(),
                String::new(),
                self.note.clone(),
            ],
            None => [
                self.id.clone(),
                self.what.clone(),
                side(&self.a),
                side(&self.b),
                match &self.ratio {
                    Some(r) if !self.target.is_empty() => format!("{} [{}]", r.show(), self.target),
                    Some(r) => r.show(),
                    None => String::new(),
                },
                self.note.clone(),
            ],
        }
    }
}

/// The rows as one aligned table.
pub fn table(rows: &[Row]) -> String {
    let header = ["row", "what", "A", "B", "ratio A/B", "note"].map(str::to_owned);
    let all: Vec<[String; 6]> = std::iter::once(header)
        .chain(rows.iter().map(Row::cells))
        .collect();
    let mut widths = [0usize; 6];
    for r in &all {
        for (w, c) in widths.iter_mut().zip(r) {
            *w = (*w).max(c.chars().count());
        }
    }
    let mut out = String::new();
    for (i, r) in all.iter().enumerate() {
        let line: Vec<String> = r
            .iter()
            .zip(widths)
            .map(|(c, w)| format!("{c}{}", " ".repeat(w - c.chars().count())))
            .collect();
        out.push_str(line.join(" | ").trim_end());
        out.push('\n');
        if i == 0 {
            let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
            out.push_str(&rule.join("-|-"));
            out.push('\n');
        }
    }
    out
}
