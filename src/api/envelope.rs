//! How a provider wraps its answers: the envelope turns an HTTP answer into
//! the operation's data or a classified [`crate::Error`].

use serde::de::DeserializeOwned;
use serde_json::value::RawValue;
use serde_json::Value;

use crate::error::{Error, ErrorKind, Result};
use crate::http::Response;

/// A provider's answer format. The classification it gives an error decides
/// whether the call loop retries it ([`crate::ErrorKind::is_retryable`]) and,
/// through [`super::Auth::is_expired`], whether it renews the credential.
pub trait Envelope: Send + Sync {
    /// The data of a successful answer, or the error the answer reports
    /// (keeping the provider's code, message and request id).
    fn parse(&self, operation: &str, response: Response) -> Result<Value>;

    /// As [`Envelope::parse`], the data possibly left as its JSON text: what
    /// the typed calls read, so an answer is parsed once, straight into its
    /// model, rather than into a tree first (issue 19, B5). The default
    /// parses the tree; an envelope that can cut the data out cheaply
    /// overrides it, answering exactly as `parse` would.
    fn parse_data(&self, operation: &str, response: Response) -> Result<Data> {
        self.parse(operation, response).map(Data::Tree)
    }
}

/// An operation's data as an envelope hands it over: a parsed tree, or the
/// data's own JSON text, not yet parsed.
#[derive(Debug)]
pub enum Data {
    Tree(Value),
    Text(Box<RawValue>),
}

impl Data {
    /// Reads the data into `T` (one parse for [`Data::Text`]).
    pub fn decode<T: DeserializeOwned>(self) -> serde_json::Result<T> {
        match self {
            Data::Tree(v) => serde_json::from_value(v),
            Data::Text(text) => serde_json::from_str(text.get()),
        }
    }

    /// The data as a JSON tree (what untyped calls answer).
    pub fn into_value(self) -> Result<Value> {
        match self {
            Data::Tree(v) => Ok(v),
            // Text an envelope cut out of a parsed answer is valid JSON; a
            // failure here is a nesting too deep for the parser.
            data => data.decode().map_err(|e| {
                Error::new(ErrorKind::Server, format!("the answer cannot be read: {e}"))
            }),
        }
    }
}
