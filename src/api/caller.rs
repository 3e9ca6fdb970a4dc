//! The one call loop every provider's operations go through:
//! auth → transport → envelope → retry → renew once.

use std::collections::BTreeMap;

use reqwest::blocking::multipart::{Form, Part};
use serde_json::Value;

use super::auth::{Auth, Session};
use super::envelope::{Data, Envelope};
use super::form::form_text;
use super::request::{ApiRequest, FilePart, Method, Target};
use super::url_cache::UrlCache;
use crate::error::{Error, Result};
use crate::http::{HttpConfig, Response, RetryPolicy, Transport};
use crate::params::Params;

/// What a provider builds its [`Caller`] from.
pub struct CallerParts {
    pub provider: &'static str,
    /// Host key → base URL (`api` → `https://acme.at.baijiayun.com/openapi/`).
    pub hosts: BTreeMap<String, String>,
    /// Operation name → path, replacing the catalog's.
    pub path_overrides: BTreeMap<String, String>,
    pub http: HttpConfig,
    pub retry: RetryPolicy,
    pub auth: Box<dyn Auth>,
    pub envelope: Box<dyn Envelope>,
}

/// A provider's pipeline: one pooled transport, its hosts, its auth and its
/// envelope. `Send + Sync`; one per client.
pub struct Caller {
    provider: &'static str,
    hosts: BTreeMap<String, String>,
    path_overrides: BTreeMap<String, String>,
    /// Operation name → multipart field, replacing the catalog's.
    file_fields: BTreeMap<String, String>,
    http: HttpConfig,
    retry: RetryPolicy,
    transport: Transport,
    auth: Box<dyn Auth>,
    envelope: Box<dyn Envelope>,
    urls: UrlCache,
}

impl std::fmt::Debug for Caller {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Caller")
            .field("provider", &self.provider)
            .field("hosts", &self.hosts)
            .field("path_overrides", &self.path_overrides)
            .field("file_fields", &self.file_fields)
            .field("http", &self.http)
            .field("retry", &self.retry)
            .finish_non_exhaustive()
    }
}

impl Caller {
    pub fn new(parts: CallerParts) -> Result<Self> {
        let transport = Transport::new(&parts.http)?;
        Ok(Caller {
            provider: parts.provider,
            hosts: parts.hosts,
            path_overrides: parts.path_overrides,
            file_fields: BTreeMap::new(),
            http: parts.http,
            retry: parts.retry,
            transport,
            auth: parts.auth,
            envelope: parts.envelope,
            urls: UrlCache::default(),
        })
    }

    pub fn provider(&self) -> &'static str {
        self.provider
    }

    pub fn transport(&self) -> &Transport {
        &self.transport
    }

    pub fn http(&self) -> &HttpConfig {
        &self.http
    }

    pub fn retry(&self) -> &RetryPolicy {
        &self.retry
    }

    pub fn auth(&self) -> &dyn Auth {
        self.auth.as_ref()
    }

    pub fn envelope(&self) -> &dyn Envelope {
        self.envelope.as_ref()
    }

    /// The base URL of one of the provider's hosts.
    pub fn host(&self, key: &str) -> Result<&str> {
        self.hosts
            .get(key)
            .map(String::as_str)
            .ok_or_else(|| Error::internal(format!("{}: no URL for host {key:?}", self.provider)))
    }

    /// The path an operation is called at (the config's override, if any).
    pub fn path_of<'a>(&'a self, name: &str, default: &'a str) -> &'a str {
        self.path_overrides
            .get(name)
            .map(String::as_str)
            .unwrap_or(default)
    }

    /// Replaces the catalog's file fields (the config's `file_fields`).
    /// A builder step rather than a [`CallerParts`] field, so providers that
    /// send no files need not know about it.
    pub fn with_file_fields(mut self, file_fields: BTreeMap<String, String>) -> Self {
        self.file_fields = file_fields;
        self
    }

    /// The multipart field an operation sends its file as: the config's
    /// override, else the catalog's `default`; `None` for an operation that
    /// sends no file.
    pub fn file_field_of<'a>(&'a self, name: &str, default: Option<&'a str>) -> Option<&'a str> {
        default.map(|d| self.file_fields.get(name).map(String::as_str).unwrap_or(d))
    }

    /// The full URL of a target.
    pub fn url_of(&self, target: &Target<'_>) -> Result<String> {
        let base = self.host(target.host)?;
        let path = self
            .path_of(target.name, target.path)
            .trim_start_matches('/');
        let mut url = String::with_capacity(base.len() + path.len());
        url.push_str(base);
        url.push_str(path);
        Ok(url)
    }

    /// Calls `target` with the provider's auth: every attempt authenticated
    /// anew; retryable failures retried by the policy; a failure the auth
    /// calls "expired" renews the credential once and tries once more.
    pub fn call(
        &self,
        target: &Target<'_>,
        params: Params,
        file: Option<FilePart<'_>>,
    ) -> Result<Value> {
        self.call_data(target, params, file)
            .and_then(Data::into_value)
    }

    /// As [`Caller::call`], the data as the envelope hands it over: what
    /// typed calls read straight into their answer model.
    pub fn call_data(
        &self,
        target: &Target<'_>,
        params: Params,
        file: Option<FilePart<'_>>,
    ) -> Result<Data> {
        match self.attempts(self.auth.as_ref(), target, &params, file, &self.retry) {
            Err(err) if self.auth.is_expired(&err) => {
                log::info!(
                    "{} {}: credential expired; renewing",
                    self.provider,
                    target.name
                );
                // A renewal that fails leaves the caller with the original error.
                self.auth.renew(self).map_err(|renew| {
                    log::info!("renewal failed: {renew}");
                    err
                })?;
                self.attempts(self.auth.as_ref(), target, &params, file, &self.retry)
            }
            other => other,
        }
    }

    /// One call with the given auth (a renewal logs in with [`super::NoAuth`]
    /// or its own), retried by the policy, never renewed.
    pub fn call_with(
        &self,
        auth: &dyn Auth,
        target: &Target<'_>,
        params: Params,
        file: Option<FilePart<'_>>,
    ) -> Result<Value> {
        self.call_with_policy(auth, target, params, file, &self.retry)
    }

    /// As [`Caller::call_with`] with another retry policy: for a provider
    /// that must look at some answers itself before retrying them.
    pub fn call_with_policy(
        &self,
        auth: &dyn Auth,
        target: &Target<'_>,
        params: Params,
        file: Option<FilePart<'_>>,
        retry: &RetryPolicy,
    ) -> Result<Value> {
        self.attempts(auth, target, &params, file, retry)
            .and_then(Data::into_value)
    }

    /// The attempts of one call: each authenticated anew, retried by `retry`.
    fn attempts(
        &self,
        auth: &dyn Auth,
        target: &Target<'_>,
        params: &Params,
        file: Option<FilePart<'_>>,
        retry: &RetryPolicy,
    ) -> Result<Data> {
        let url = self.url_of(target)?;
        if let Some(f) = &file {
            if f.field.is_empty() {
                return Err(Error::invalid_input("the file field name is empty"));
            }
            if !f.path.is_file() {
                return Err(Error::invalid_input(format!(
                    "no such file: {}",
                    f.path.display()
                )));
            }
        }
        // The first attempt takes the URL; a retry builds it again.
        let mut url = Some(url);
        Transport::with_retries(retry, |_| {
            let url = match url.take() {
                Some(url) => url,
                None => self.url_of(target)?,
            };
            // Room for the credentials an auth adds (Baijiayun: three).
            let params = params.clone_with_room(4);
            let mut request = ApiRequest::new(target.method, url, params);
            auth.apply(self, target.name, &mut request)?;
            let response = self.send(request, file)?;
            log::debug!(
                "{} {}: HTTP {}",
                self.provider,
                target.name,
                response.status
            );
            self.envelope.parse_data(target.name, response)
        })
    }

    /// Sends one request as built (no retry, no envelope).
    pub fn send(&self, request: ApiRequest, file: Option<FilePart<'_>>) -> Result<Response> {
        let ApiRequest {
            method,
            url,
            query,
            form,
            headers,
        } = request;
        let verb = match method {
            Method::Get => reqwest::Method::GET,
            Method::Post => reqwest::Method::POST,
        };
        let (url, parsed) = if query.is_empty() {
            let parsed = self.urls.parse(&url);
            (url, parsed)
        } else {
            // A URL with a query changes call to call: parsed here, not kept.
            let separator = if url.contains('?') { '&' } else { '?' };
            let url = format!("{url}{separator}{}", form_text(&query));
            let parsed = reqwest::Url::parse(&url).ok();
            (url, parsed)
        };
        let client = self.transport.client();
        let Some(parsed) = parsed.filter(reqwest::Url::has_host) else {
            // reqwest's own error for a URL it cannot send to.
            return self.transport.send(client.request(verb, &url));
        };
        let mut request = reqwest::blocking::Request::new(verb, parsed);
        // Per request, not the client's: the client's timeout bounds each
        // read of the answer, this one the whole exchange (a body that
        // trickles in forever ends at it; tests/http_hostile).
        *request.timeout_mut() = Some(self.http.request_timeout);
        if headers.0.is_empty() && file.is_none() {
            // The common call, filled in place: each step of reqwest's
            // builder moves the whole request, and a header given as text
            // is parsed and copied (issue 19, B5).
            if method == Method::Post {
                request
                    .headers_mut()
                    .insert(reqwest::header::CONTENT_TYPE, form_content_type());
                *request.body_mut() = Some(form_text(&form).into());
            }
            return self.transport.send_request(request);
        }
        // Headers an auth added and files go through reqwest's builder: its
        // checks of header text, its multipart body.
        let mut builder = reqwest::blocking::RequestBuilder::from_parts(client.clone(), request);
        for (name, value) in headers.0 {
            builder = builder.header(name, value);
        }
        builder = match file {
            Some(f) => {
                let mut multipart = Form::new();
                for (k, v) in form.iter() {
                    multipart = multipart.text(k.to_owned(), v.to_owned());
                }
                let part = Part::file(f.path)
                    .map_err(|e| Error::io(format!("cannot read {}", f.path.display()), e))?;
                builder.multipart(multipart.part(f.field.to_owned(), part))
            }
            None if method == Method::Post => builder
                .header(reqwest::header::CONTENT_TYPE, form_content_type())
                .body(form_text(&form)),
            None => builder,
        };
        self.transport.send(builder)
    }
}

/// The content type of every form body the call loop sends (checked at
/// compile time, not per call).
fn form_content_type() -> reqwest::header::HeaderValue {
    const { reqwest::header::HeaderValue::from_static("application/x-www-form-urlencoded") }
}

impl Session for Caller {
    fn provider(&self) -> &'static str {
        self.provider
    }

    fn call_with(
        &self,
        auth: &dyn Auth,
        target: &Target<'_>,
        params: Params,
        file: Option<FilePart<'_>>,
    ) -> Result<Value> {
        Caller::call_with(self, auth, target, params, file)
    }
}
