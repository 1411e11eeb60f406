//! A scripted HTTP/1.1 server on loopback for the integration tests: it records every request
//! exactly as it arrived and answers each with the next scripted reply.

#![allow(dead_code)]

pub mod fixtures;
pub mod time;
pub mod virtual_time;

use std::collections::VecDeque;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// A response to send.
#[derive(Debug, Clone)]
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Response {
    pub fn new(status: u16, body: &str) -> Self {
        Self { status, headers: vec![("x-amzn-RequestId".into(), format!("req-{status}"))], body: body.into() }
    }

    pub fn success(arn: &str) -> Self {
        Self::new(200, &format!(r#"{{"transferredCertificateArn":"{arn}"}}"#))
    }

    /// A modelled error the way IoT sends it: the `x-amzn-ErrorType` header and a JSON message.
    pub fn error(status: u16, code: &str, message: &str) -> Self {
        Self::new(status, &format!(r#"{{"message":"{message}"}}"#))
            .header("x-amzn-ErrorType", &format!("{code}:http://internal.amazon.com/coral/com.amazonaws.iot/"))
    }

    /// A DescribeCertificate answer for the fixture certificate in `status`.
    pub fn description(status: &str) -> Self {
        Self::new(
            200,
            &format!(
                r#"{{"certificateDescription":{{"certificateArn":"{}","certificateId":"{}","status":"{status}",
                   "ownedBy":"111122223333","transferData":{{"transferDate":1795608000}}}}}}"#,
                fixtures::ARN,
                fixtures::CERTIFICATE_ID
            ),
        )
    }

    /// A ListOutgoingCertificates page with the fixture certificate offered to `account`, after
    /// `others` other certificates, and `next_marker`.
    pub fn outgoing(account: &str, others: usize, next_marker: Option<&str>) -> Self {
        let other = |i: usize| format!(r#"{{"certificateId":"{:064x}","transferredTo":"999999999999"}}"#, i + 1);
        let mut items: Vec<String> = (0..others).map(other).collect();
        if !account.is_empty() {
            items.push(format!(
                r#"{{"certificateArn":"{}","certificateId":"{}","transferredTo":"{account}","transferDate":1795608000}}"#,
                fixtures::ARN,
                fixtures::CERTIFICATE_ID
            ));
        }
        let marker = next_marker.map(|m| format!(r#","nextMarker":"{m}""#)).unwrap_or_default();
        Self::new(200, &format!(r#"{{"outgoingCertificates":[{}]{marker}}}"#, items.join(",")))
    }

    pub fn header(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.into(), value.into()));
        self
    }
}

/// What the server does with the next request.
#[derive(Debug, Clone)]
pub enum Reply {
    /// Answer at once.
    Respond(Response),
    /// Answer after a delay.
    Delayed(Duration, Response),
    /// Read the request, then close the connection without answering.
    Drop,
    /// Read the request and never answer; the connection's close by the client is counted.
    Hang,
    /// Answer 200 with a body of this many bytes, sent in chunks without a length when `chunked`.
    Large { bytes: usize, chunked: bool },
}

/// A request as the server received it.
#[derive(Debug, Clone)]
pub struct Recorded {
    pub method: String,
    pub target: String,
    /// Header names in lower case, in arrival order.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// How many hung connections the client had closed when this request arrived.
    pub hung_connections_closed_before: usize,
}

impl Recorded {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }
}

#[derive(Default)]
struct State {
    replies: VecDeque<Reply>,
    requests: Vec<Recorded>,
    connections: usize,
    hung_connections_closed: usize,
}

/// The server; it stops when the test's runtime ends.
#[derive(Clone)]
pub struct Server {
    addr: SocketAddr,
    state: Arc<Mutex<State>>,
}

impl Server {
    pub async fn start(replies: Vec<Reply>) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let state = Arc::new(Mutex::new(State { replies: replies.into(), ..State::default() }));
        let accept_state = state.clone();
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                accept_state.lock().unwrap().connections += 1;
                tokio::spawn(serve(stream, accept_state.clone()));
            }
        });
        Self { addr, state }
    }

    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn requests(&self) -> Vec<Recorded> {
        self.state.lock().unwrap().requests.clone()
    }

    pub fn connections(&self) -> usize {
        self.state.lock().unwrap().connections
    }

    /// How many connections left hanging by [`Reply::Hang`] the client has closed.
    pub fn hung_connections_closed(&self) -> usize {
        self.state.lock().unwrap().hung_connections_closed
    }

    pub fn push(&self, reply: Reply) {
        self.state.lock().unwrap().replies.push_back(reply);
    }
}

async fn serve(mut stream: TcpStream, state: Arc<Mutex<State>>) {
    let mut buffer = Vec::new();
    loop {
        let Some(mut request) = read_request(&mut stream, &mut buffer).await else { return };
        let reply = {
            let mut state = state.lock().unwrap();
            request.hung_connections_closed_before = state.hung_connections_closed;
            state.requests.push(request);
            state.replies.pop_front()
        };
        let response = match reply {
            Some(Reply::Respond(response)) => response,
            Some(Reply::Delayed(delay, response)) => {
                tokio::time::sleep(delay).await;
                response
            }
            Some(Reply::Drop) => return,
            Some(Reply::Hang) => {
                let mut sink = [0u8; 1024];
                while matches!(stream.read(&mut sink).await, Ok(n) if n > 0) {}
                state.lock().unwrap().hung_connections_closed += 1;
                return;
            }
            Some(Reply::Large { bytes, chunked }) => {
                let _ = write_large(&mut stream, bytes, chunked).await;
                return;
            }
            None => Response::new(599, r#"{"message":"the test scripted no reply for this request"}"#),
        };
        if stream.write_all(&encode(&response)).await.is_err() {
            return;
        }
    }
}

async fn read_request(stream: &mut TcpStream, buffer: &mut Vec<u8>) -> Option<Recorded> {
    let head_end = loop {
        if let Some(at) = buffer.windows(4).position(|w| w == b"\r\n\r\n") {
            break at;
        }
        let mut chunk = [0u8; 4096];
        let read = stream.read(&mut chunk).await.ok()?;
        if read == 0 {
            return None;
        }
        buffer.extend_from_slice(&chunk[..read]);
    };
    let head = String::from_utf8(buffer[..head_end].to_vec()).ok()?;
    let mut lines = head.split("\r\n");
    let mut request_line = lines.next()?.split(' ');
    let (method, target) = (request_line.next()?.to_owned(), request_line.next()?.to_owned());
    let headers: Vec<(String, String)> = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(name, value)| (name.trim().to_ascii_lowercase(), value.trim().to_owned()))
        .collect();
    let length: usize =
        headers.iter().find(|(n, _)| n == "content-length").and_then(|(_, v)| v.parse().ok()).unwrap_or(0);
    let body_start = head_end + 4;
    while buffer.len() < body_start + length {
        let mut chunk = [0u8; 4096];
        let read = stream.read(&mut chunk).await.ok()?;
        if read == 0 {
            return None;
        }
        buffer.extend_from_slice(&chunk[..read]);
    }
    let body = buffer[body_start..body_start + length].to_vec();
    buffer.drain(..body_start + length);
    Some(Recorded { method, target, headers, body, hung_connections_closed_before: 0 })
}

fn encode(response: &Response) -> Vec<u8> {
    let mut text = format!("HTTP/1.1 {} Scripted\r\n", response.status);
    for (name, value) in &response.headers {
        text.push_str(&format!("{name}: {value}\r\n"));
    }
    text.push_str(&format!("content-length: {}\r\n\r\n{}", response.body.len(), response.body));
    text.into_bytes()
}

/// A 200 whose body is `bytes` spaces, with a content-length or chunked; stops when the client
/// hangs up.
async fn write_large(stream: &mut TcpStream, bytes: usize, chunked: bool) -> std::io::Result<()> {
    let framing = if chunked { "transfer-encoding: chunked".to_owned() } else { format!("content-length: {bytes}") };
    stream.write_all(format!("HTTP/1.1 200 Scripted\r\n{framing}\r\n\r\n").as_bytes()).await?;
    let chunk = vec![b' '; 64 * 1024];
    let mut left = bytes;
    while left > 0 {
        let size = left.min(chunk.len());
        if chunked {
            stream.write_all(format!("{size:x}\r\n").as_bytes()).await?;
        }
        stream.write_all(&chunk[..size]).await?;
        if chunked {
            stream.write_all(b"\r\n").await?;
        }
        left -= size;
    }
    if chunked {
        stream.write_all(b"0\r\n\r\n").await?;
    }
    Ok(())
}
