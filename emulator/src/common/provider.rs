//! How a provider plugs into the emulator.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use axum::Router;

use serde_json::Value;

use super::controls::Controls;

/// Work a provider runs beside the server for as long as it runs.
pub type Background = Pin<Box<dyn Future<Output = ()> + Send>>;

/// One emulated provider. The server mounts its API under `/{name}` and its
/// control endpoints under `/_emulator/{name}`, next to the common ones
/// (faults, stats, clock, rate limit) that steer its [`Controls`].
pub trait Provider: Send + Sync + 'static {
    /// The name in URLs: lowercase, no slash (`baijiayun`).
    fn name(&self) -> &'static str;

    /// The clock, faults, rate limit and request counts of this provider.
    fn controls(&self) -> &Controls;

    /// The provider's API and upload endpoints, with paths as the provider
    /// has them (the server adds the `/{name}` prefix).
    fn routes(self: Arc<Self>) -> Router;

    /// Control endpoints only this provider has (the server adds
    /// `/_emulator/{name}`).
    fn control_routes(self: Arc<Self>) -> Router {
        Router::new()
    }

    /// What this provider keeps across runs when the emulator has a state
    /// directory ([`crate::common::persist`]): its records, not its faults
    /// or counters. `None`: nothing to keep.
    fn saved_state(&self) -> Option<Value> {
        None
    }

    /// Takes back what [`Provider::saved_state`] gave, before the server
    /// starts. An error names what did not fit.
    fn restore_state(&self, _state: Value) -> Result<(), String> {
        Ok(())
    }

    /// Work to run beside the server: status changes, callbacks.
    fn background(self: Arc<Self>) -> Background {
        Box::pin(async {})
    }
}
