//! One request as the call loop builds it, before [`super::Auth`] adds
//! credentials and the transport sends it.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::params::Params;

/// The HTTP method of an operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Method {
    Get,
    Post,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
        }
    }
}

/// Where one call goes: a catalog operation, or a raw name the provider
/// resolved to a path.
#[derive(Debug, Clone)]
pub struct Target<'a> {
    pub name: &'a str,
    pub method: Method,
    /// Which of the provider's hosts (a key of the config's `hosts`).
    pub host: &'a str,
    /// The default path under that host (`path_overrides` may replace it).
    pub path: &'a str,
}

/// A request about to be sent: `query` goes in the URL, `form` in the body
/// (url-encoded, or multipart text fields when a file is attached).
#[derive(Debug, Clone)]
pub struct ApiRequest {
    pub method: Method,
    pub url: String,
    pub query: Params,
    pub form: Params,
    /// Extra headers. `Debug` shows their names only (tokens travel here).
    pub headers: Headers,
}

/// Request headers; `Debug` prints names only.
#[derive(Clone, Default)]
pub struct Headers(pub Vec<(String, String)>);

impl std::fmt::Debug for Headers {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list()
            .entries(self.0.iter().map(|(k, _)| k))
            .finish()
    }
}

impl Headers {
    /// Sets `name` (replacing an earlier value of the same name).
    pub fn set(&mut self, name: impl Into<String>, value: impl Into<String>) {
        let name = name.into();
        let value = value.into();
        match self
            .0
            .iter_mut()
            .find(|(k, _)| k.eq_ignore_ascii_case(&name))
        {
            Some(slot) => slot.1 = value,
            None => self.0.push((name, value)),
        }
    }
}

impl ApiRequest {
    /// A request whose parameters go where the method puts them: the body for
    /// POST, the query string for GET.
    pub fn new(method: Method, url: String, params: Params) -> Self {
        let (query, form) = match method {
            Method::Get => (params, Params::new()),
            Method::Post => (Params::new(), params),
        };
        ApiRequest {
            method,
            url,
            query,
            form,
            headers: Headers::default(),
        }
    }

    /// The parameters that travel with the request, wherever they go.
    pub fn params_mut(&mut self) -> &mut Params {
        match self.method {
            Method::Get => &mut self.query,
            Method::Post => &mut self.form,
        }
    }
}

/// A file sent along with an operation's parameters, as the multipart part
/// `field` (never signed).
#[derive(Debug, Clone, Copy)]
pub struct FilePart<'a> {
    pub field: &'a str,
    pub path: &'a Path,
}
