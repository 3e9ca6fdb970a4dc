//! What a Baijiayun API handler sees and answers: the parsed parameters
//! ([`Req`]) in, the envelope's `data` or an [`ApiError`] out.

use std::collections::BTreeMap;

use serde_json::Value;

use super::state::Shared;
pub use crate::common::form::FileField;
use crate::common::form::Form;

/// A handler: the parsed request in, the envelope's `data` out.
pub type Handler = fn(&Shared, &Req) -> Result<Value, ApiError>;

/// An error answer: `{"code": code, "msg": msg, "data": null}`.
#[derive(Debug)]
pub struct ApiError {
    pub code: i64,
    pub msg: String,
}

impl ApiError {
    /// Code 1001: a parameter is missing or wrong.
    pub fn param(msg: impl Into<String>) -> Self {
        ApiError {
            code: 1001,
            msg: msg.into(),
        }
    }

    pub fn new(code: i64, msg: impl Into<String>) -> Self {
        ApiError {
            code,
            msg: msg.into(),
        }
    }
}

/// The parameters of one API request, with getters that answer code 1001
/// (Baijiayun's "parameter missing or wrong") for what is missing or malformed.
#[derive(Debug, Default)]
pub struct Req {
    pub fields: BTreeMap<String, String>,
    pub files: BTreeMap<String, FileField>,
}

impl From<Form> for Req {
    fn from(form: Form) -> Self {
        Req {
            fields: form.fields,
            files: form.files,
        }
    }
}

impl Req {
    pub fn opt(&self, key: &str) -> Option<&str> {
        self.fields.get(key).map(String::as_str)
    }

    pub fn str(&self, key: &str) -> Result<&str, ApiError> {
        match self.opt(key) {
            Some(v) if !v.is_empty() => Ok(v),
            _ => Err(ApiError::param(format!("{key} is required"))),
        }
    }

    pub fn opt_i64(&self, key: &str) -> Result<Option<i64>, ApiError> {
        match self.opt(key) {
            None | Some("") => Ok(None),
            Some(v) => v
                .trim()
                .parse()
                .map(Some)
                .map_err(|_| ApiError::param(format!("{key} must be an integer"))),
        }
    }

    pub fn i64(&self, key: &str) -> Result<i64, ApiError> {
        self.opt_i64(key)?
            .ok_or_else(|| ApiError::param(format!("{key} is required")))
    }

    /// A comma-separated list of integers (`video_ids=1,2,3`).
    pub fn id_list(&self, key: &str) -> Result<Vec<i64>, ApiError> {
        self.str(key)?
            .split(',')
            .filter(|s| !s.trim().is_empty())
            .map(|s| {
                s.trim()
                    .parse()
                    .map_err(|_| ApiError::param(format!("{key} must be comma-separated integers")))
            })
            .collect()
    }

    /// Bit values as `16,1`, each one of `allowed`, each kept once (in the
    /// order sent); `None` when absent or blank.
    pub fn bits(&self, key: &str, allowed: &[i64]) -> Result<Option<Vec<i64>>, ApiError> {
        let Some(raw) = self.opt(key).filter(|s| !s.trim().is_empty()) else {
            return Ok(None);
        };
        let mut out = Vec::new();
        for part in raw.split(',') {
            let bit: i64 = part
                .trim()
                .parse()
                .map_err(|_| ApiError::param(format!("{key} must be comma-separated numbers")))?;
            if !allowed.contains(&bit) {
                return Err(ApiError::param(format!(
                    "{key} value {bit} is not one of {allowed:?}"
                )));
            }
            if !out.contains(&bit) {
                out.push(bit);
            }
        }
        Ok(Some(out))
    }

    /// A parameter that carries JSON text (`notice`, `question_list`, …).
    pub fn json(&self, key: &str) -> Result<Value, ApiError> {
        serde_json::from_str(self.str(key)?)
            .map_err(|_| ApiError::param(format!("{key} must be JSON")))
    }

    pub fn page(&self, default_size: i64, max_size: i64) -> Result<(i64, i64), ApiError> {
        let page = self.opt_i64("page")?.unwrap_or(1);
        let size = self.opt_i64("page_size")?.unwrap_or(default_size);
        if page < 1 || size < 1 || size > max_size {
            return Err(ApiError::param(format!(
                "page must be >= 1 and page_size 1..={max_size}"
            )));
        }
        Ok((page, size))
    }
}

/// The items on page `page` (from 1) of `size` items each, as [`Req::page`] checked them.
pub(crate) fn page_of<T>(
    items: impl IntoIterator<Item = T>,
    page: i64,
    size: i64,
) -> impl Iterator<Item = T> {
    items
        .into_iter()
        .skip(((page - 1) * size) as usize)
        .take(size as usize)
}
