//! HTTPS through the build's TLS crypto backend (cargo feature `aws-lc-rs`,
//! the default, or `ring`: scripts/test-install runs this file with
//! `--no-default-features --features ring` too): a call to a loopback HTTPS
//! server whose certificate a test CA signed (tests/fixtures/tls, valid until
//! 2126; the key is a test fixture, trusted nowhere) succeeds with that CA as
//! `ca_file` and is refused without it, as an unverified server must be.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};
use serde_json::json;
use vodkit::ErrorKind;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/tls")
        .join(name)
}

/// An HTTPS server on loopback answering every request with a Baijiayun
/// success envelope; returns its URL. Its TLS runs on the same backend as the
/// client (the one this test binary was built with).
fn https_server() -> String {
    let certs = CertificateDer::pem_file_iter(fixture("server.pem"))
        .unwrap()
        .collect::<Result<Vec<_>, _>>()
        .unwrap();
    let key = PrivateKeyDer::from_pem_file(fixture("server.key")).unwrap();
    let config = Arc::new(
        rustls::ServerConfig::builder_with_provider(vodkit::http::tls::crypto_provider())
            .with_safe_default_protocol_versions()
            .unwrap()
            .with_no_client_auth()
            .with_single_cert(certs, key)
            .unwrap(),
    );
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!(
        "https://127.0.0.1:{}",
        listener.local_addr().unwrap().port()
    );
    std::thread::spawn(move || {
        for tcp in listener.incoming().flatten() {
            let config = config.clone();
            std::thread::spawn(move || {
                let conn = rustls::ServerConnection::new(config).unwrap();
                let mut tls = rustls::StreamOwned::new(conn, tcp);
                // A refused handshake ends here (the client rejected us).
                let mut reader = BufReader::new(&mut tls);
                let mut length = 0usize;
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                        length = v.trim().parse().unwrap_or(0);
                    }
                    if line == "\r\n" {
                        break;
                    }
                }
                let mut body = vec![0u8; length];
                if std::io::Read::read_exact(&mut reader, &mut body).is_err() {
                    return;
                }
                let answer = r#"{"code":0,"msg":"","data":{"status":100}}"#;
                let _ = write!(
                    tls,
                    "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{answer}",
                    answer.len()
                );
                let _ = tls.flush();
                tls.conn.send_close_notify();
                let _ = tls.flush();
            });
        }
    });
    url
}

fn client(url: &str, ca_file: Option<PathBuf>) -> vodkit::Client {
    let mut config = json!({
        "partner_id": "1", "partner_key": "k", "base_url": url,
        "retry": {"max_retries": 0},
    });
    if let Some(ca) = ca_file {
        config["ca_file"] = json!(ca);
    }
    vodkit::Client::new("baijiayun", &config).unwrap()
}

#[test]
fn https_call_verifies_the_server_with_the_builds_backend() {
    // The suite says which backend it built (scripts/test-install); the
    // feature, not a process-wide default, decides.
    if let Ok(expected) = std::env::var("VODKIT_EXPECT_TLS_BACKEND") {
        assert_eq!(vodkit::http::tls::BACKEND, expected);
    }
    let url = https_server();
    let answer = client(&url, Some(fixture("ca.pem")))
        .call("video/getStatus", &json!({"video_id": 7}))
        .unwrap();
    assert_eq!(answer["status"], 100, "{answer}");
    // No process-wide provider was installed on the way.
    assert!(rustls::crypto::CryptoProvider::get_default().is_none());
}

#[test]
fn an_https_server_the_client_cannot_verify_is_refused() {
    let url = https_server();
    let err = client(&url, None)
        .call("video/getStatus", &json!({"video_id": 7}))
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Network, "{err}");
}
