//! Where a video stands: its transcoding state and, where the provider has
//! one, its review (quvideo's `censorStatus`). `status` shows it; `wait`
//! polls until it ends.

use serde_json::{json, Value};

use crate::fail::Fail;
use crate::table::{self, Row};

/// One coded state: the provider's code, its name, whether it is final, whether it failed.
pub struct Phase {
    pub code: String,
    pub name: &'static str,
    pub is_final: bool,
    pub failed: bool,
}

pub struct Standing {
    pub transcoding: Phase,
    pub review: Option<Phase>,
}

impl Standing {
    pub fn of(row: &Row, answer: &Value) -> Standing {
        let code = row.code(answer);
        let (name, is_final, failed) = row.state(&code);
        let review = row.review.as_ref().map(|r| {
            let code = table::field_text(answer, r.field);
            let (name, is_final, failed) = table::lookup(r.states, &code);
            Phase {
                code,
                name,
                is_final,
                failed,
            }
        });
        Standing {
            transcoding: Phase {
                code,
                name,
                is_final,
                failed,
            },
            review,
        }
    }

    /// Nothing more will change: both ended, or either failed.
    pub fn ended(&self) -> bool {
        self.transcoding.failed
            || self.review.as_ref().is_some_and(|r| r.failed)
            || (self.transcoding.is_final && self.review.as_ref().is_none_or(|r| r.is_final))
    }

    /// "ready (Normal); review: in review (onCensor)".
    pub fn describe(&self) -> String {
        let mut s = table::named(self.transcoding.name, &self.transcoding.code);
        if let Some(r) = &self.review {
            s.push_str(&format!("; review: {}", table::named(r.name, &r.code)));
        }
        s
    }

    /// The fields `wait --json` adds to the video's id parameters.
    pub fn to_json(&self, row: &Row, answer: &Value) -> Value {
        let mut o = json!({
            "status": answer.get(row.status_field).cloned().unwrap_or(Value::Null),
            "state": self.transcoding.name,
            "failed": self.transcoding.failed || self.review.as_ref().is_some_and(|r| r.failed),
        });
        if let (Some(r), Some(spec)) = (&self.review, &row.review) {
            o[spec.field] = answer.get(spec.field).cloned().unwrap_or(Value::Null);
            o["review"] = json!(r.name);
        }
        o
    }

    /// The failure `wait` ends with, when the video will not play.
    pub fn failure(&self, id: &str, row: &Row) -> Option<Fail> {
        if self.transcoding.failed {
            return Some(Fail::new(
                13,
                format!(
                    "video {id} {}: see `vodkit status {id}`, or upload it again",
                    table::named(self.transcoding.name, &self.transcoding.code)
                ),
            ));
        }
        let (r, spec) = (self.review.as_ref()?, row.review.as_ref()?);
        r.failed.then(|| {
            Fail::new(
                15,
                format!(
                    "video {id} was {} ({} {}): it will not be shown; see why in {}'s console, or `vodkit status {id}`",
                    r.name, spec.field, r.code, row.provider
                ),
            )
        })
    }
}
