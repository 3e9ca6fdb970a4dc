//! `vodkit_cancel_token`: cancels an upload from any thread.

use super::boundary::{arg_out, arg_ref, put};
use super::error::vodkit_error;
use crate::upload::CancelToken;

/// A cancel token. `const` functions on it may be called from any thread,
/// also while an upload that uses it runs on another thread.
pub struct vodkit_cancel_token {
    pub(crate) inner: CancelToken,
}

/// Creates a cancel token.
#[no_mangle]
pub unsafe extern "C" fn vodkit_cancel_token_new(
    out_token: *mut *mut vodkit_cancel_token,
) -> *mut vodkit_error {
    ffi_boundary!({
        arg_out(out_token, "out_token")?;
        put(
            out_token,
            super::live::into_handle(vodkit_cancel_token {
                inner: CancelToken::new(),
            }),
        );
        Ok(())
    })
}

/// Cancels every upload using this token (they stop and return CANCELLED).
#[no_mangle]
pub unsafe extern "C" fn vodkit_cancel_token_cancel(
    token: *const vodkit_cancel_token,
) -> *mut vodkit_error {
    ffi_boundary!({
        arg_ref(token, "token")?.inner.cancel();
        Ok(())
    })
}

/// Whether the token was cancelled (false for NULL).
#[no_mangle]
pub unsafe extern "C" fn vodkit_cancel_token_is_cancelled(
    token: *const vodkit_cancel_token,
) -> bool {
    ffi_boundary_or!(false, {
        token.as_ref().is_some_and(|t| t.inner.is_cancelled())
    })
}

/// Frees a token. NULL is a no-op. Do not free it while an upload uses it.
#[no_mangle]
pub unsafe extern "C" fn vodkit_cancel_token_free(token: *mut vodkit_cancel_token) {
    ffi_boundary_or!((), {
        super::live::free_handle(token);
    })
}
