//! Request parameters as providers send them: the query string plus an
//! `application/x-www-form-urlencoded` or `multipart/form-data` body.

use std::collections::BTreeMap;

use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::{header, HeaderMap, Method};
use axum::RequestExt;

use super::multipart::{self, Multipart};

/// A file sent in a multipart request.
#[derive(Debug, Clone)]
pub struct FileField {
    pub file_name: String,
    pub bytes: Vec<u8>,
}

impl FileField {
    /// The file name's extension, lowercased, when it is one of `allowed`.
    pub fn extension_in(&self, allowed: &[&str]) -> Option<String> {
        self.file_name
            .rsplit_once('.')
            .map(|(_, e)| e.to_ascii_lowercase())
            .filter(|e| allowed.contains(&e.as_str()))
    }
}

/// The parameters of one request: text fields (a body field wins over a
/// query field of the same name) and files.
#[derive(Debug, Default)]
pub struct Form {
    pub fields: BTreeMap<String, String>,
    pub files: BTreeMap<String, FileField>,
}

/// Why a body could not be read; the message is safe to send back.
#[derive(Debug)]
pub struct FormError(pub String);

/// Reads the query string and, except for GET, the body.
pub async fn parse(
    method: &Method,
    headers: &HeaderMap,
    query: Option<String>,
    request: Request,
) -> Result<Form, FormError> {
    let mut form = Form::default();
    if let Some(q) = query {
        for (k, v) in form_urlencoded::parse(q.as_bytes()) {
            form.fields.insert(k.into_owned(), v.into_owned());
        }
    }
    if method == Method::GET {
        return Ok(form);
    }
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if content_type.starts_with("multipart/form-data") {
        read_multipart(request, &mut form).await?;
    } else {
        let body = Bytes::from_request(request, &())
            .await
            .map_err(|_| FormError("unreadable body".to_owned()))?;
        for (k, v) in form_urlencoded::parse(&body) {
            form.fields.insert(k.into_owned(), v.into_owned());
        }
    }
    Ok(form)
}

async fn read_multipart(request: Request, form: &mut Form) -> Result<(), FormError> {
    let malformed = || FormError("malformed multipart body".to_owned());
    let boundary = multipart::boundary(request.headers()).ok_or_else(malformed)?;
    // The route's DefaultBodyLimit (2 MB unless disabled) still applies.
    let body = request.with_limited_body().into_body();
    let mut multipart = Multipart::new(body, &boundary).map_err(|_| malformed())?;
    while let Some(part) = multipart.next_part().await.map_err(|_| malformed())? {
        let name = part.name;
        let bytes = multipart.bytes().await.map_err(|_| malformed())?;
        match part.file_name {
            Some(file_name) => {
                form.files.insert(name, FileField { file_name, bytes });
            }
            None => {
                let text = String::from_utf8(bytes)
                    .map_err(|_| FormError(format!("{name} is not UTF-8")))?;
                form.fields.insert(name, text);
            }
        }
    }
    Ok(())
}
