//! The HTTP client `aws-config` sends its credential and region requests with (STS, the SSO
//! portal, IMDS, the ECS endpoint): the same reqwest client settings as the IoT calls, so proxies,
//! `AWS_CA_BUNDLE` and the TLS stack are the same for both, and no second HTTP stack is built in.

use crate::runtime::{exchange, native_client, TransportError, TransportErrorKind, TransportSettings};
use aws_smithy_runtime_api::client::http::{
    HttpClient, HttpConnector, HttpConnectorFuture, HttpConnectorSettings, SharedHttpConnector,
};
use aws_smithy_runtime_api::client::orchestrator::HttpRequest;
use aws_smithy_runtime_api::client::result::ConnectorError;
use aws_smithy_runtime_api::client::runtime_components::RuntimeComponents;
use aws_smithy_types::body::SdkBody;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

/// A provider's connect and read timeouts: the key of the connectors kept.
type Timeouts = (Option<Duration>, Option<Duration>);

/// An `aws-smithy` HTTP client over reqwest. The providers ask for connectors with their own
/// timeouts (IMDS: 1 s to connect); one reqwest client is kept per distinct pair of timeouts.
#[derive(Debug, Clone)]
pub(crate) struct ReqwestHttpClient {
    settings: TransportSettings,
    connectors: Arc<Mutex<HashMap<Timeouts, SharedHttpConnector>>>,
}

impl ReqwestHttpClient {
    /// A client connecting with `settings` (its connect timeout applies when a provider sets none).
    pub(crate) fn new(settings: TransportSettings) -> Self {
        Self { settings, connectors: Arc::default() }
    }
}

impl HttpClient for ReqwestHttpClient {
    fn http_connector(&self, settings: &HttpConnectorSettings, _: &RuntimeComponents) -> SharedHttpConnector {
        let key = (settings.connect_timeout(), settings.read_timeout());
        let mut connectors = self.connectors.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        connectors
            .entry(key)
            .or_insert_with(|| {
                let mut transport = self.settings.clone();
                if let Some(connect) = key.0 {
                    transport.connect_timeout = connect;
                }
                SharedHttpConnector::new(ReqwestConnector {
                    settings: transport,
                    read_timeout: key.1,
                    proxied: OnceLock::new(),
                    direct: OnceLock::new(),
                })
            })
            .clone()
    }
}

/// Sends one request; a client that could not be built (an unreadable CA bundle) fails each call.
/// Requests to the instance's own endpoints (loopback and link-local: IMDS, the ECS and EKS
/// container endpoints) never go through a proxy: they carry the container's authorization
/// token and return secrets, over plain HTTP, and the SDKs send them directly.
/// Each of its two clients is built when first needed (most providers need only one).
#[derive(Debug)]
struct ReqwestConnector {
    settings: TransportSettings,
    read_timeout: Option<Duration>,
    proxied: OnceLock<Result<reqwest::Client, Arc<TransportError>>>,
    direct: OnceLock<Result<reqwest::Client, Arc<TransportError>>>,
}

impl ReqwestConnector {
    /// The client for `request`'s host: direct for the instance's own endpoints.
    fn client_for(&self, request: &HttpRequest) -> Result<reqwest::Client, Arc<TransportError>> {
        let local = request.uri().parse::<http::Uri>().ok().and_then(|uri| uri.host().map(is_instance_local));
        let (slot, through_proxies) = match local {
            Some(true) => (&self.direct, false),
            _ => (&self.proxied, true),
        };
        slot.get_or_init(|| native_client(&self.settings, self.read_timeout, through_proxies).map_err(Arc::new)).clone()
    }
}

impl HttpConnector for ReqwestConnector {
    fn call(&self, request: HttpRequest) -> HttpConnectorFuture {
        let client = self.client_for(&request);
        HttpConnectorFuture::new(async move {
            let client = client.map_err(|error| ConnectorError::other(Box::new(error), None))?;
            let request = to_http(request)?;
            let response = exchange(&client, request).await.map_err(connector_error)?;
            let mut http_response = http::Response::new(SdkBody::from(response.body));
            *http_response.status_mut() =
                http::StatusCode::from_u16(response.status).map_err(|e| ConnectorError::other(Box::new(e), None))?;
            *http_response.headers_mut() = response.headers;
            aws_smithy_runtime_api::http::Response::try_from(http_response)
                .map_err(|e| ConnectorError::other(Box::new(e), None))
        })
    }
}

/// The smithy request as an `http` request with its body in memory (every credential request's
/// body is: a form, a JSON document or nothing).
fn to_http(request: HttpRequest) -> Result<http::Request<Vec<u8>>, ConnectorError> {
    let request = request.try_into_http1x().map_err(|e| ConnectorError::other(Box::new(e), None))?;
    let (parts, body) = request.into_parts();
    let bytes = body
        .bytes()
        .ok_or_else(|| ConnectorError::other("a streaming request body cannot be sent by this client".into(), None))?
        .to_vec();
    Ok(http::Request::from_parts(parts, bytes))
}

/// Whether `host` is this machine (as the endpoint rules judge loopback) or its link-local
/// network (IMDS at 169.254.169.254, ECS at 169.254.170.2, EKS at 169.254.170.23 or
/// fd00:ec2::23).
fn is_instance_local(host: &str) -> bool {
    if crate::endpoint::is_loopback(host) {
        return true;
    }
    match host.trim_start_matches('[').trim_end_matches(']').parse::<std::net::IpAddr>() {
        Ok(std::net::IpAddr::V4(ip)) => ip.is_link_local(),
        Ok(std::net::IpAddr::V6(ip)) => (ip.segments()[0] & 0xffc0) == 0xfe80 || ip.segments()[..2] == [0xfd00, 0x0ec2],
        Err(_) => false,
    }
}

/// Timeouts and connection failures keep their kind, so the providers retry them as the SDKs do.
fn connector_error(error: TransportError) -> ConnectorError {
    let kind = error.kind();
    let source = Box::new(error);
    match kind {
        TransportErrorKind::ConnectTimeout => ConnectorError::timeout(source),
        TransportErrorKind::Connect | TransportErrorKind::Io => ConnectorError::io(source),
        _ => ConnectorError::other(source, None),
    }
}

#[cfg(test)]
mod tests {
    use super::is_instance_local;

    #[test]
    fn the_instance_endpoints_are_local() {
        for host in ["169.254.169.254", "169.254.170.2", "127.0.0.1", "localhost", "[::1]", "[fd00:ec2::23]", "fe80::1"]
        {
            assert!(is_instance_local(host), "{host}");
        }
        for host in ["sts.amazonaws.com", "10.0.0.1", "[2001:db8::1]", "portal.sso.us-east-1.amazonaws.com"] {
            assert!(!is_instance_local(host), "{host}");
        }
    }
}
