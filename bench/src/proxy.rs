//! A TCP relay that counts the bytes clients send through it: B6 points the
//! emulator's upload URL here to see how many bytes really went over the wire
//! in a killed upload and its continuation.

use std::io::{Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

pub struct CountingProxy {
    pub addr: SocketAddr,
    sent: Arc<AtomicU64>,
}

impl CountingProxy {
    /// Relays every connection to `upstream`; runs until the process ends.
    pub fn start(upstream: SocketAddr) -> Result<CountingProxy, String> {
        let listener = TcpListener::bind(("127.0.0.1", 0)).map_err(|e| e.to_string())?;
        let addr = listener.local_addr().map_err(|e| e.to_string())?;
        let sent = Arc::new(AtomicU64::new(0));
        let counter = sent.clone();
        std::thread::spawn(move || {
            for client in listener.incoming().flatten() {
                let Ok(server) = TcpStream::connect(upstream) else {
                    continue;
                };
                let counter = counter.clone();
                let (c2, s2) = match (client.try_clone(), server.try_clone()) {
                    (Ok(c), Ok(s)) => (c, s),
                    _ => continue,
                };
                std::thread::spawn(move || relay(client, server, Some(counter)));
                std::thread::spawn(move || relay(s2, c2, None));
            }
        });
        Ok(CountingProxy { addr, sent })
    }

    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Bytes clients sent since the last call, and the count starts again.
    pub fn take(&self) -> u64 {
        self.sent.swap(0, Ordering::SeqCst)
    }
}

fn relay(mut from: TcpStream, mut to: TcpStream, counter: Option<Arc<AtomicU64>>) {
    let mut buf = vec![0u8; 256 * 1024];
    loop {
        let n = match from.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => n,
        };
        if let Some(c) = &counter {
            c.fetch_add(n as u64, Ordering::SeqCst);
        }
        if to.write_all(&buf[..n]).is_err() {
            break;
        }
    }
    let _ = to.shutdown(Shutdown::Write);
    let _ = from.shutdown(Shutdown::Read);
}
