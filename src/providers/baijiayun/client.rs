use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

use reqwest::blocking::multipart::{Form, Part};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

use super::config::Config;
use super::ops::Op;
use super::sign::sign;
use crate::error::{Error, ErrorKind, Result};
use crate::http::{status_error, Response, Transport};
use crate::params::Params;

/// A typed request: its fields are the operation's parameters (without
/// `partner_id`, `timestamp` and `sign`, which the client adds).
pub trait Endpoint: Serialize {
    const OP: Op;
    type Response: DeserializeOwned;
}

/// A Baijiayun VOD client. One pooled HTTP connection set per client; share
/// it by reference (it is `Send + Sync`) rather than building one per call.
pub struct Client {
    pub(crate) config: Config,
    api_root: String,
    pub(crate) transport: Transport,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client")
            .field("api_root", &self.api_root)
            .field("config", &self.config)
            .finish()
    }
}

/// A file sent along with an operation's parameters (never signed).
pub struct FilePart<'a> {
    pub field: &'a str,
    pub path: &'a Path,
}

impl Client {
    pub fn new(config: Config) -> Result<Self> {
        let api_root = config.api_root()?;
        let transport = Transport::new(&config.http)?;
        Ok(Client {
            config,
            api_root,
            transport,
        })
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Calls a typed operation and decodes its `data`.
    pub fn call<E: Endpoint>(&self, request: &E) -> Result<E::Response> {
        let params = Params::from_serialize(request)?;
        let data = self.call_path(&self.path_of(&E::OP), params, None)?;
        decode(data)
    }

    pub(crate) fn call_with_file<E: Endpoint>(
        &self,
        request: &E,
        file: FilePart<'_>,
    ) -> Result<E::Response> {
        let params = Params::from_serialize(request)?;
        let data = self.call_path(&self.path_of(&E::OP), params, Some(file))?;
        decode(data)
    }

    /// The generic signed call: any operation name or path under `/openapi/`,
    /// any parameters. `partner_id`, `timestamp` and `sign` are added unless
    /// present (a given `timestamp` is kept and signed as given). Returns the
    /// envelope's `data`.
    pub fn call_raw(&self, operation: &str, params: Params) -> Result<Value> {
        self.call_path(&self.resolve(operation)?, params, None)
    }

    /// As [`Client::call_raw`], with a file sent as the multipart part
    /// `field` (file parts are never signed): for uploadSubtitle (`subtitle`),
    /// document attachments (`file`) or any operation that takes a file.
    pub fn call_raw_with_file(
        &self,
        operation: &str,
        params: Params,
        field: &str,
        path: &Path,
    ) -> Result<Value> {
        if field.is_empty() {
            return Err(Error::invalid_input("the file field name is empty"));
        }
        let op_path = self.resolve(operation)?;
        self.call_path(&op_path, params, Some(FilePart { field, path }))
    }

    /// The path of an operation name, or the given path when it is none.
    fn resolve(&self, operation: &str) -> Result<String> {
        let path = match super::ops::find(operation) {
            Some(op) => self.path_of(op),
            None => operation.trim_start_matches('/').to_owned(),
        };
        if path.is_empty() || path.contains("..") || path.contains('?') {
            return Err(Error::invalid_input(format!(
                "not an API path: {operation:?}"
            )));
        }
        Ok(path)
    }

    /// As [`Client::call_raw`], with a JSON object of parameters.
    pub fn call_json(&self, operation: &str, params: &Value) -> Result<Value> {
        self.call_raw(operation, Params::from_json(params)?)
    }

    /// Adds `partner_id`, `timestamp` and `sign` to `params`.
    pub fn signed(&self, mut params: Params) -> Params {
        if params.get("partner_id").is_none() {
            params.set("partner_id", self.config.partner_id.clone());
        }
        if params.get("timestamp").is_none() {
            params.set("timestamp", unix_now().to_string());
        }
        params.remove("sign");
        let sign = sign(params.iter(), self.config.partner_key.expose());
        params.set("sign", sign);
        params
    }

    fn path_of(&self, op: &Op) -> String {
        self.config
            .path_overrides
            .get(op.name)
            .cloned()
            .unwrap_or_else(|| op.path.to_owned())
    }

    fn call_path(&self, path: &str, params: Params, file: Option<FilePart<'_>>) -> Result<Value> {
        let url = format!("{}{}", self.api_root, path);
        if let Some(f) = &file {
            if !f.path.is_file() {
                return Err(Error::invalid_input(format!(
                    "no such file: {}",
                    f.path.display()
                )));
            }
        }
        Transport::with_retries(&self.config.retry, |_| {
            // Each attempt is signed anew: a retry carries a fresh timestamp.
            let params = self.signed(params.clone());
            let builder = self
                .transport
                .client()
                .post(&url)
                .timeout(self.config.http.request_timeout);
            let builder = match &file {
                None => builder
                    .header(
                        reqwest::header::CONTENT_TYPE,
                        "application/x-www-form-urlencoded",
                    )
                    .body(form_body(&params)),
                Some(f) => {
                    let mut form = Form::new();
                    for (k, v) in params.iter() {
                        form = form.text(k.to_owned(), v.to_owned());
                    }
                    let part = Part::file(f.path)
                        .map_err(|e| Error::io(format!("cannot read {}", f.path.display()), e))?;
                    builder.multipart(form.part(f.field.to_owned(), part))
                }
            };
            let response = self.transport.send(builder)?;
            log::debug!("baijiayun {path}: HTTP {}", response.status);
            self.parse_envelope(response, 0)
        })
    }

    /// Reads `{"code", "data", "msg", "ts"}`; `success` is the code meaning OK
    /// (0 for the API, 1 for the upload endpoint).
    pub(crate) fn parse_envelope(&self, response: Response, success: i64) -> Result<Value> {
        let Response {
            status,
            body,
            request_id,
            retry_after,
        } = response;
        let parsed: Option<Value> = serde_json::from_slice(&body).ok();
        let envelope = parsed.as_ref().and_then(Value::as_object);
        let code = envelope.and_then(|o| o.get("code")).and_then(code_of);
        if status == 429 || status >= 500 || envelope.is_none() || code.is_none() {
            let err = if status >= 400 {
                status_error(status, request_id.clone())
            } else {
                Error::new(ErrorKind::Server, "the answer is not a Baijiayun envelope")
                    .with_http_status(status)
                    .with_request_id(request_id.clone())
            };
            let msg = envelope.and_then(|o| o.get("msg")).and_then(Value::as_str);
            let err = match (msg, code) {
                (Some(m), _) if !m.is_empty() => {
                    Error::new(err.kind(), format!("{}: {m}", err.message()))
                }
                _ => err,
            };
            let err = match code {
                Some(c) => err.with_provider_code(c.to_string()),
                None => err,
            };
            return Err(err
                .with_http_status(status)
                .with_request_id(request_id)
                .with_retry_after(retry_after));
        }
        let envelope = envelope.expect("checked above");
        let code = code.expect("checked above");
        if code == success {
            return Ok(envelope.get("data").cloned().unwrap_or(Value::Null));
        }
        let msg = envelope
            .get("msg")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_owned();
        let kind = self.classify(code);
        let message = if msg.is_empty() {
            format!("Baijiayun answered code {code}")
        } else {
            msg
        };
        Err(Error::new(kind, message)
            .with_provider_code(code.to_string())
            .with_http_status(status)
            .with_request_id(request_id)
            .with_retry_after(retry_after))
    }

    fn classify(&self, code: i64) -> ErrorKind {
        if self.config.rate_limit_codes.contains(&code) {
            return ErrorKind::RateLimited;
        }
        match code {
            1001 => ErrorKind::InvalidInput,
            1002 | 2001..=2003 => ErrorKind::Auth,
            4001 => ErrorKind::Server,
            _ => ErrorKind::Provider,
        }
    }
}

fn code_of(v: &Value) -> Option<i64> {
    match v {
        Value::Number(n) => n.as_i64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

fn decode<T: DeserializeOwned>(data: Value) -> Result<T> {
    serde_json::from_value(data).map_err(|e| {
        Error::new(
            ErrorKind::Server,
            format!("the answer's data has an unexpected shape: {e}"),
        )
    })
}

fn form_body(params: &Params) -> String {
    form_urlencoded::Serializer::new(String::new())
        .extend_pairs(params.iter())
        .finish()
}

pub(crate) fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}
