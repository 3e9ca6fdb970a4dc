use std::net::SocketAddr;
use std::sync::Arc;

use axum::extract::Request;
use axum::Router;
use hyper_util::rt::TokioIo;
use tokio::sync::{oneshot, Notify};
use tower::ServiceExt;

use crate::state::{lock, Config, Shared};

/// Lets a handler cut its own TCP connection (the "connection dropped" fault):
/// the connection task drops the socket without an answer.
#[derive(Clone, Default)]
pub(crate) struct ConnKill(pub(crate) Arc<Notify>);

/// The peer of a request (rate limits are per account and IP).
#[derive(Clone, Copy)]
pub(crate) struct Peer(pub(crate) SocketAddr);

/// A running emulator. Dropping it stops the server.
pub struct Emulator {
    shared: Arc<Shared>,
    addr: SocketAddr,
    stop: Option<oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Emulator {
    /// Starts on a random loopback port.
    pub fn start(config: Config) -> std::io::Result<Emulator> {
        Self::start_on(config, SocketAddr::from(([127, 0, 0, 1], 0)))
    }

    /// Starts on `addr` (port 0 picks a free one).
    pub fn start_on(config: Config, addr: SocketAddr) -> std::io::Result<Emulator> {
        let shared = Shared::new(config)?;
        let std_listener = std::net::TcpListener::bind(addr)?;
        std_listener.set_nonblocking(true)?;
        let addr = std_listener.local_addr()?;
        *lock(&shared.base_url) = format!("http://{addr}");
        let (stop_tx, stop_rx) = oneshot::channel();
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .thread_name("vodkit-emulator")
            .build()?;
        let app =
            crate::baijiayun::router(shared.clone()).merge(crate::control::router(shared.clone()));
        let bg = shared.clone();
        let thread = std::thread::Builder::new()
            .name("vodkit-emulator".into())
            .spawn(move || {
                runtime.block_on(async move {
                    let listener =
                        tokio::net::TcpListener::from_std(std_listener).expect("listener");
                    tokio::spawn(crate::baijiayun::background(bg));
                    tokio::select! {
                        _ = accept_loop(listener, app) => {}
                        _ = stop_rx => {}
                    }
                });
                runtime.shutdown_background();
            })?;
        Ok(Emulator {
            shared,
            addr,
            stop: Some(stop_tx),
            thread: Some(thread),
        })
    }

    /// `http://127.0.0.1:PORT`: the base URL to give the SDK.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The emulator's state, to inspect and steer from a test.
    pub fn state(&self) -> &Arc<Shared> {
        &self.shared
    }

    /// Blocks until the server stops (for the binary).
    pub fn wait(mut self) {
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

impl Drop for Emulator {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

async fn accept_loop(listener: tokio::net::TcpListener, app: Router) {
    loop {
        let Ok((stream, peer)) = listener.accept().await else {
            continue;
        };
        let _ = stream.set_nodelay(true);
        let app = app.clone();
        tokio::spawn(async move {
            let kill = ConnKill::default();
            let k = kill.clone();
            let service =
                hyper::service::service_fn(move |mut req: Request<hyper::body::Incoming>| {
                    req.extensions_mut().insert(k.clone());
                    req.extensions_mut().insert(Peer(peer));
                    app.clone().oneshot(req.map(axum::body::Body::new))
                });
            let conn = hyper::server::conn::http1::Builder::new()
                .keep_alive(true)
                .serve_connection(TokioIo::new(stream), service);
            tokio::select! {
                _ = conn => {}
                // Dropping the connection future closes the socket mid-request.
                _ = kill.0.notified() => {}
            }
        });
    }
}
