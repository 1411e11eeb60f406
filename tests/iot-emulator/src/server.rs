//! The listener: accepts HTTP/1.1 connections on a tokio runtime and serves each with hyper,
//! until the [`Emulator`] handle is dropped.

use crate::app::App;
use crate::config::Config;
use crate::demo::{seed_demo, DemoCertificates};
use crate::handler::handle_request;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use std::net::SocketAddr;
use std::sync::Arc;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;
use tokio::task::JoinHandle;

/// A running emulator. Dropping it stops accepting and closes open connections.
#[derive(Debug)]
pub struct Emulator {
    local_addr: SocketAddr,
    app: Arc<App>,
    demo: Option<DemoCertificates>,
    shutdown: watch::Sender<bool>,
    accept_loop: JoinHandle<()>,
}

impl Emulator {
    /// Builds the state (loading the state file, seeding the demo if asked), binds the listener
    /// and starts serving on the current tokio runtime.
    pub async fn start(config: Config) -> Result<Self, String> {
        let app = Arc::new(App::new(&config)?);
        let demo = if config.seed_demo {
            Some(seed_demo(&app).map_err(|error| format!("cannot seed the demo: {error}"))?)
        } else {
            None
        };
        let address = SocketAddr::new(config.host, config.port);
        let listener =
            TcpListener::bind(address).await.map_err(|error| format!("cannot listen on {address}: {error}"))?;
        let local_addr = listener.local_addr().map_err(|error| format!("cannot read the bound address: {error}"))?;
        let (shutdown, stopped) = watch::channel(false);
        let accept_loop = tokio::spawn(accept_connections(listener, Arc::clone(&app), stopped));
        Ok(Self { local_addr, app, demo, shutdown, accept_loop })
    }

    /// The address listened on.
    pub fn local_addr(&self) -> SocketAddr {
        self.local_addr
    }

    /// The endpoint URL, e.g. `http://127.0.0.1:8180`.
    pub fn url(&self) -> String {
        format!("http://{}", self.local_addr)
    }

    /// The shared state, for in-process tests.
    pub fn app(&self) -> &Arc<App> {
        &self.app
    }

    /// The demo certificates created at start, if `seed_demo` was set.
    pub fn demo(&self) -> Option<&DemoCertificates> {
        self.demo.as_ref()
    }
}

impl Drop for Emulator {
    fn drop(&mut self) {
        let _ = self.shutdown.send(true);
        self.accept_loop.abort();
    }
}

async fn accept_connections(listener: TcpListener, app: Arc<App>, stopped: watch::Receiver<bool>) {
    loop {
        match listener.accept().await {
            Ok((stream, _)) => {
                tokio::spawn(serve_connection(stream, Arc::clone(&app), stopped.clone()));
            }
            Err(error) => {
                eprintln!("iot-emulator: accept failed: {error}");
                tokio::time::sleep(std::time::Duration::from_millis(50)).await;
            }
        }
    }
}

/// Serves one connection until the client closes it, a fault drops it, or the emulator stops.
async fn serve_connection(stream: TcpStream, app: Arc<App>, mut stopped: watch::Receiver<bool>) {
    let _ = stream.set_nodelay(true);
    let service = service_fn(move |request| handle_request(Arc::clone(&app), request));
    let connection = http1::Builder::new().serve_connection(TokioIo::new(stream), service);
    tokio::select! {
        // An error here is a dropped connection (fault injection) or a client that went away.
        _ = connection => {}
        _ = stopped.wait_for(|stopped| *stopped) => {}
    }
}
