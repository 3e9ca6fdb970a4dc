//! Where a video stands: its state and, where the provider has one, its
//! review (the core's lifecycle facts say which fields and what each code
//! means). `status` shows it; `wait` polls until it ends.

use serde_json::{json, Value};
use vodkit::api::{CodedField, Lifecycle, State};

use crate::facts::{self, named, state_of};
use crate::fail::Fail;

/// One coded field of a status answer: the code, and what it means.
pub struct Phase {
    pub code: String,
    pub state: State,
}

impl Phase {
    fn of(field: &CodedField, answer: &Value) -> Phase {
        let code = facts::text(answer.get(field.field));
        Phase {
            state: state_of(field, &code),
            code,
        }
    }

    fn describe(&self) -> String {
        named(self.state.meaning, &self.code)
    }
}

pub struct Standing {
    pub transcoding: Phase,
    pub review: Option<Phase>,
    /// The earlier video this one repeats, where the provider says so.
    pub duplicate_of: Option<String>,
}

/// Exit code of a video that will not play (`wait`).
pub const EXIT_FAILED: i32 = 13;
/// Exit code of a video a review refused (`wait`).
pub const EXIT_REJECTED: i32 = 15;
/// Exit code of a video the provider does not hold (every provider alike).
pub const EXIT_NO_SUCH_VIDEO: i32 = 4;
/// Exit code of a video (or an upload) repeating one the provider holds.
pub const EXIT_DUPLICATE: i32 = 16;

/// The message of a video that repeats `earlier`: use that one; another
/// upload of the same content would be refused again.
pub fn duplicate_message(what: &str, earlier: &str, provider: &str) -> String {
    format!(
        "{what} is a duplicate of {earlier}: {provider} already holds this content; use video {earlier} (`vodkit status {earlier}`), uploading it again will not help"
    )
}

impl Standing {
    pub fn of(lifecycle: &Lifecycle, answer: &Value) -> Standing {
        Standing {
            transcoding: Phase::of(&lifecycle.status.state, answer),
            review: lifecycle
                .status
                .review
                .as_ref()
                .map(|r| Phase::of(r, answer)),
            duplicate_of: lifecycle.status.duplicate.as_ref().and_then(|d| {
                let flagged = match answer.get(d.flag_field) {
                    Some(Value::Bool(b)) => *b,
                    Some(v) => !matches!(facts::text(Some(v)).as_str(), "" | "0" | "false"),
                    None => false,
                };
                let earlier = facts::text(answer.get(d.earlier_field));
                (flagged && !earlier.is_empty()).then_some(earlier)
            }),
        }
    }

    /// Nothing more will change: both ended, or either failed.
    pub fn ended(&self) -> bool {
        self.transcoding.state.failed
            || self.review.as_ref().is_some_and(|r| r.state.failed)
            || (self.transcoding.state.terminal
                && self.review.as_ref().is_none_or(|r| r.state.terminal))
    }

    /// "ready (Normal); review: in review (onCensor)".
    pub fn describe(&self) -> String {
        let mut s = self.transcoding.describe();
        if let Some(r) = &self.review {
            s.push_str(&format!("; review: {}", r.describe()));
        }
        if let Some(earlier) = &self.duplicate_of {
            s.push_str(&format!("; duplicate of {earlier}"));
        }
        s
    }

    /// What `wait` waits for, in words ("transcoding and review to end").
    pub fn awaited(lifecycle: &Lifecycle) -> String {
        match &lifecycle.status.review {
            Some(r) => format!(
                "its {} and its review ({}) to end",
                lifecycle.status.state.field, r.field
            ),
            None => format!("its {} to end", lifecycle.status.state.field),
        }
    }

    /// The fields `wait --json` adds to the video's id parameters.
    pub fn to_json(&self, lifecycle: &Lifecycle, answer: &Value) -> Value {
        let field = lifecycle.status.state.field;
        let mut o = json!({
            "status": answer.get(field).cloned().unwrap_or(Value::Null),
            "state": self.transcoding.state.meaning,
            "failed": self.transcoding.state.failed || self.review.as_ref().is_some_and(|r| r.state.failed),
        });
        if let Some(earlier) = &self.duplicate_of {
            o["duplicate_of"] = json!(earlier);
        }
        if let (Some(r), Some(spec)) = (&self.review, &lifecycle.status.review) {
            o[spec.field] = answer.get(spec.field).cloned().unwrap_or(Value::Null);
            o["review"] = json!(r.state.meaning);
        }
        o
    }

    /// The failure of a video the provider does not hold, where its status
    /// answer says so (iQiyi's A00003); the same exit code as a provider
    /// that answers an error.
    pub fn missing(&self, id: &str, provider: &str) -> Option<Fail> {
        self.transcoding.state.missing.then(|| {
            Fail::new(
                EXIT_NO_SUCH_VIDEO,
                format!(
                    "{provider} has no video {id} ({}): check the id with `vodkit ls`",
                    self.transcoding.describe()
                ),
            )
        })
    }

    /// The failure `wait` ends with, when the video will not play. A retry is
    /// suggested only where one could help.
    pub fn failure(&self, id: &str, lifecycle: &Lifecycle, provider: &str) -> Option<Fail> {
        if let Some(f) = self.missing(id, provider) {
            return Some(f);
        }
        if let Some(earlier) = &self.duplicate_of {
            return Some(Fail::new(
                EXIT_DUPLICATE,
                duplicate_message(&format!("video {id}"), earlier, provider),
            ));
        }
        let t = &self.transcoding;
        if t.state.failed && !t.state.blocked {
            return Some(Fail::new(
                EXIT_FAILED,
                format!(
                    "video {id} {}: see `vodkit status {id}`; uploading the file again makes a new video",
                    t.describe()
                ),
            ));
        }
        if t.state.blocked {
            return Some(Fail::new(
                EXIT_REJECTED,
                format!(
                    "video {id} was refused ({}): it will not be shown; see why in {provider}'s console, or `vodkit status {id}`",
                    t.describe()
                ),
            ));
        }
        let (r, spec) = (self.review.as_ref()?, lifecycle.status.review.as_ref()?);
        r.state.failed.then(|| {
            Fail::new(
                EXIT_REJECTED,
                format!(
                    "video {id} was {} ({} {}): it will not be shown; see why in {provider}'s console, or `vodkit status {id}`",
                    r.state.meaning, spec.field, r.code
                ),
            )
        })
    }
}
