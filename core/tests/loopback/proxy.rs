//! A forward HTTP proxy on loopback, as a corporate proxy would be: it records each request line
//! it receives (`CONNECT host:port` for HTTPS, an absolute-form `POST http://...` for HTTP) and
//! relays the bytes to the host the request names.

use std::sync::{Arc, Mutex};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// A running proxy and the request lines it has seen.
pub struct LoopbackProxy {
    /// `http://127.0.0.1:PORT`.
    pub url: String,
    seen: Arc<Mutex<Vec<String>>>,
}

impl LoopbackProxy {
    /// Starts a proxy on a free port.
    pub async fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let seen = Arc::new(Mutex::new(Vec::new()));
        let record = seen.clone();
        tokio::spawn(async move {
            while let Ok((client, _)) = listener.accept().await {
                tokio::spawn(relay(client, record.clone()));
            }
        });
        Self { url, seen }
    }

    /// The first line of every request received, in order.
    pub fn request_lines(&self) -> Vec<String> {
        self.seen.lock().unwrap().clone()
    }
}

async fn relay(mut client: TcpStream, seen: Arc<Mutex<Vec<String>>>) {
    let mut head = Vec::new();
    let mut buffer = [0u8; 4096];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") {
        match client.read(&mut buffer).await {
            Ok(0) | Err(_) => return,
            Ok(n) => head.extend_from_slice(&buffer[..n]),
        }
    }
    let text = String::from_utf8_lossy(&head).into_owned();
    let line = text.lines().next().unwrap_or_default().to_owned();
    seen.lock().unwrap().push(line.clone());
    let target = line.split(' ').nth(1).unwrap_or_default();
    let Ok(mut upstream) = TcpStream::connect(authority(target)).await else { return };
    if line.starts_with("CONNECT ") {
        let _ = client.write_all(b"HTTP/1.1 200 Connection established\r\n\r\n").await;
    } else if upstream.write_all(&head).await.is_err() {
        return;
    }
    let _ = tokio::io::copy_bidirectional(&mut client, &mut upstream).await;
}

/// `host:port` of a CONNECT target or of an absolute-form URI.
fn authority(target: &str) -> String {
    let rest = target.strip_prefix("http://").unwrap_or(target);
    rest.split('/').next().unwrap_or_default().to_owned()
}
