//! The TLS settings of every HTTP client the SDK builds, with `ring` as the
//! crypto provider.
//!
//! Why `ring` and not reqwest's default `aws-lc-rs`: vodkit ships as a C
//! library inside mobile and desktop apps, and `aws-lc-sys` needs cmake-era C
//! tooling (NASM on some Windows targets) and builds several times slower;
//! `ring` cross-compiles with a plain C compiler.
//!
//! Why the config is built here instead of installing `ring` as rustls'
//! process default: a library must not change its host's global state (the
//! host may use rustls itself, with another provider).

use std::sync::Arc;

use rustls::pki_types::pem::PemObject;
use rustls::pki_types::CertificateDer;
use rustls::ClientConfig;

use crate::error::{Error, Result};

/// Verifies servers as reqwest's own `rustls` backend does: the platform's
/// verifier (system roots, the OS trust settings), plus the certificates of
/// `ca_file` when there are some; every TLS version rustls offers; ALPN for
/// HTTP/2 and HTTP/1.1.
pub(super) fn client_config(extra_roots: Vec<CertificateDer<'static>>) -> Result<ClientConfig> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let verifier = platform_verifier(provider.clone(), extra_roots)?;
    let mut config = ClientConfig::builder_with_provider(provider)
        .with_protocol_versions(rustls::ALL_VERSIONS)
        .map_err(|e| Error::internal(format!("cannot set the TLS versions: {e}")))?
        .dangerous() // only to plug in the platform verifier, as reqwest does
        .with_custom_certificate_verifier(Arc::new(verifier))
        .with_no_client_auth();
    config.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
    Ok(config)
}

fn platform_verifier(
    provider: Arc<rustls::crypto::CryptoProvider>,
    extra_roots: Vec<CertificateDer<'static>>,
) -> Result<rustls_platform_verifier::Verifier> {
    let failed = |e: rustls::Error| Error::internal(format!("cannot start the TLS verifier: {e}"));
    if extra_roots.is_empty() {
        return rustls_platform_verifier::Verifier::new(provider).map_err(failed);
    }
    #[cfg(any(all(unix, not(target_os = "android")), target_os = "windows"))]
    {
        rustls_platform_verifier::Verifier::new_with_extra_roots(extra_roots, provider)
            .map_err(failed)
    }
    // Android's verifier trusts only the system's store.
    #[cfg(not(any(all(unix, not(target_os = "android")), target_os = "windows")))]
    {
        let _ = provider;
        Err(Error::invalid_input(
            "ca_file is not supported on this platform (its verifier trusts only the system store)",
        ))
    }
}

/// The certificates of a PEM file, for `ca_file`.
pub(super) fn read_ca_file(path: &std::path::Path) -> Result<Vec<CertificateDer<'static>>> {
    let pem = std::fs::read(path)
        .map_err(|e| Error::io(format!("ca_file: cannot read {}", path.display()), e))?;
    let certs = CertificateDer::pem_slice_iter(&pem)
        .collect::<std::result::Result<Vec<_>, _>>()
        .map_err(|_| {
            Error::invalid_input(format!(
                "ca_file: {} is not a PEM certificate file",
                path.display()
            ))
        })?;
    if certs.is_empty() {
        return Err(Error::invalid_input(format!(
            "ca_file: {} holds no certificate",
            path.display()
        )));
    }
    Ok(certs)
}
