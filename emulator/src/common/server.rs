//! The HTTP server: one loopback listener, every provider mounted under its
//! own prefix, the control API beside them, on a runtime of its own.

use std::net::SocketAddr;
use std::sync::Arc;

use axum::extract::{OriginalUri, Request};
use axum::Router;
use hyper_util::rt::TokioIo;
use tokio::sync::{oneshot, Notify};
use tower::ServiceExt;

use super::control;
use super::provider::Provider;

/// Lets a handler cut its own TCP connection (the "connection dropped" fault):
/// the connection task drops the socket without an answer.
#[derive(Clone, Default)]
pub(crate) struct ConnKill(pub(crate) Arc<Notify>);

/// The peer of a request (rate limits are per account and IP).
#[derive(Clone, Copy)]
pub(crate) struct Peer(pub(crate) SocketAddr);

/// A bound socket, not yet serving: providers are built knowing their URL
/// (they put it in the upload and play URLs they hand out).
pub struct Listener {
    socket: std::net::TcpListener,
    addr: SocketAddr,
}

impl Listener {
    /// Binds `addr` (port 0 picks a free one).
    pub fn bind(addr: SocketAddr) -> std::io::Result<Listener> {
        let socket = std::net::TcpListener::bind(addr)?;
        socket.set_nonblocking(true)?;
        let addr = socket.local_addr()?;
        Ok(Listener { socket, addr })
    }

    /// `http://127.0.0.1:PORT`.
    pub fn root_url(&self) -> String {
        format!("http://{}", self.addr)
    }
}

/// A running server. Dropping it stops it.
pub struct Server {
    addr: SocketAddr,
    stop: Option<oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Server {
    /// Serves `providers` on `listener`, each with its background work.
    pub fn start(listener: Listener, providers: Vec<Arc<dyn Provider>>) -> std::io::Result<Server> {
        let Listener { socket, addr } = listener;
        let (stop_tx, stop_rx) = oneshot::channel();
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .thread_name("vodkit-emulator")
            .build()?;
        // Registering the socket needs the runtime; do it here so a failure
        // is an error to the caller rather than a panic on the server thread.
        let socket = {
            let _guard = runtime.enter();
            tokio::net::TcpListener::from_std(socket)?
        };
        let app = app(&providers);
        let thread = std::thread::Builder::new()
            .name("vodkit-emulator".into())
            .spawn(move || {
                runtime.block_on(async move {
                    for p in providers {
                        tokio::spawn(p.background());
                    }
                    tokio::select! {
                        _ = accept_loop(socket, app) => {}
                        _ = stop_rx => {}
                    }
                });
                runtime.shutdown_background();
            })?;
        Ok(Server {
            addr,
            stop: Some(stop_tx),
            thread: Some(thread),
        })
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://127.0.0.1:PORT`.
    pub fn root_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Blocks until the server stops.
    pub fn wait(mut self) {
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// Every provider under `/{name}`, the control API under `/_emulator/{name}`.
fn app(providers: &[Arc<dyn Provider>]) -> Router {
    let known: Vec<&'static str> = providers.iter().map(|p| p.name()).collect();
    let apis = providers.iter().fold(Router::new(), |app, p| {
        app.nest(&format!("/{}", p.name()), p.clone().routes())
    });
    apis.merge(control::router(providers))
        .fallback(move |OriginalUri(uri): OriginalUri| {
            let known = known.clone();
            async move { control::not_found(&uri, &known) }
        })
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
