//! How a provider wraps its answers: the envelope turns an HTTP answer into
//! the operation's data or a classified [`crate::Error`].

use serde_json::Value;

use crate::error::Result;
use crate::http::Response;

/// A provider's answer format. The classification it gives an error decides
/// whether the call loop retries it ([`crate::ErrorKind::is_retryable`]) and,
/// through [`super::Auth::is_expired`], whether it renews the credential.
pub trait Envelope: Send + Sync {
    /// The data of a successful answer, or the error the answer reports
    /// (keeping the provider's code, message and request id).
    fn parse(&self, operation: &str, response: Response) -> Result<Value>;
}
