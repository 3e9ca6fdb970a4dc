//! TLS for every HTTP client the SDK builds: rustls with the crypto backend
//! this build was compiled with (cargo feature `aws-lc-rs`, the default, or
//! `ring`), handed to each client as its own [`rustls::ClientConfig`]. It is
//! never installed as rustls's process-wide default provider, which would
//! override, or be overridden by, what the host application chose.

use std::sync::Arc;

use rustls::crypto::CryptoProvider;
use rustls::pki_types::CertificateDer;
use rustls::ClientConfig;

#[cfg(not(any(feature = "aws-lc-rs", feature = "ring")))]
compile_error!(
    "vodkit needs a TLS crypto backend: enable the `aws-lc-rs` (default) or the `ring` feature"
);

/// The crypto backend of this build: `"aws-lc-rs"` or `"ring"` (aws-lc-rs
/// when both features are on).
pub const BACKEND: &str = if cfg!(feature = "aws-lc-rs") {
    "aws-lc-rs"
} else {
    "ring"
};

/// The crypto provider of [`BACKEND`], a new value each call.
pub fn crypto_provider() -> Arc<CryptoProvider> {
    #[cfg(feature = "aws-lc-rs")]
    let provider = rustls::crypto::aws_lc_rs::default_provider();
    #[cfg(all(feature = "ring", not(feature = "aws-lc-rs")))]
    let provider = rustls::crypto::ring::default_provider();
    Arc::new(provider)
}

/// The TLS settings of a vodkit HTTP client: [`BACKEND`]'s provider, the
/// platform's certificate verifier (the OS trust store, as reqwest's own
/// default) trusting `extra_roots` too (a config's `ca_file`), and HTTP/2 and
/// HTTP/1.1 offered through ALPN. Public so an application's own reqwest
/// client can verify servers exactly as vodkit's do
/// (`ClientBuilder::tls_backend_preconfigured`).
pub fn client_config(extra_roots: &[CertificateDer<'static>]) -> Result<ClientConfig, String> {
    let provider = crypto_provider();
    let verifier = if extra_roots.is_empty() {
        rustls_platform_verifier::Verifier::new(provider.clone())
    } else {
        with_extra_roots(extra_roots, provider.clone())
    }
    .map_err(|e| format!("cannot set up certificate verification: {e}"))?;
    let mut config = ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| format!("cannot set up TLS: {e}"))?
        .dangerous()
        .with_custom_certificate_verifier(Arc::new(verifier))
        .with_no_client_auth();
    config.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
    Ok(config)
}

#[cfg(not(target_os = "android"))]
fn with_extra_roots(
    extra_roots: &[CertificateDer<'static>],
    provider: Arc<CryptoProvider>,
) -> Result<rustls_platform_verifier::Verifier, rustls::Error> {
    rustls_platform_verifier::Verifier::new_with_extra_roots(extra_roots.iter().cloned(), provider)
}

/// Android's verifier asks the system through JNI and takes no extra roots
/// (a user adds a CA to the device, or the app's network security config).
#[cfg(target_os = "android")]
fn with_extra_roots(
    _extra_roots: &[CertificateDer<'static>],
    _provider: Arc<CryptoProvider>,
) -> Result<rustls_platform_verifier::Verifier, rustls::Error> {
    Err(rustls::Error::General(
        "ca_file is not supported on Android: install the CA on the device".to_owned(),
    ))
}
