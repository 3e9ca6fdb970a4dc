//! TLS of the emulator's own HTTP client (transcode callbacks to https URLs):
//! rustls with the crypto backend of the emulator's features, handed to the
//! client, never installed process-wide. The same choice as vodkit's
//! src/http/tls.rs, repeated because the emulator does not depend on vodkit.

use std::sync::Arc;

#[cfg(not(any(feature = "aws-lc-rs", feature = "ring")))]
compile_error!("vodkit-emulator needs a TLS crypto backend: the `aws-lc-rs` or the `ring` feature");

/// Settings for a reqwest client: the platform's verifier, HTTP/1.1.
pub fn client_config() -> rustls::ClientConfig {
    #[cfg(feature = "aws-lc-rs")]
    let provider = rustls::crypto::aws_lc_rs::default_provider();
    #[cfg(all(feature = "ring", not(feature = "aws-lc-rs")))]
    let provider = rustls::crypto::ring::default_provider();
    let provider = Arc::new(provider);
    let verifier = rustls_platform_verifier::Verifier::new(provider.clone())
        .expect("the platform's certificate verifier");
    rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .expect("the provider's protocol versions")
        .dangerous()
        .with_custom_certificate_verifier(Arc::new(verifier))
        .with_no_client_auth()
}
