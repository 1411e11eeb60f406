//! Stand-ins for the services that the AWS SDKs' credential chains call, in their real wire
//! formats, so that a client's credential resolution can be tested without AWS: STS
//! (`AssumeRole`, `AssumeRoleWithWebIdentity`, `GetCallerIdentity`), the SSO portal
//! (`GetRoleCredentials`), IMDSv2 and the container credentials endpoint. The temporary
//! credentials they issue sign IoT (and STS) calls as the account they were issued for.
//!
//! They share the IoT port; their paths cannot be IoT's: `POST /` (STS),
//! `/federation/credentials` (SSO), `/latest/…` (IMDS) and `/v2/credentials/…` (container).

pub mod admin;
pub mod ecs;
pub mod imds;
pub mod issued;
pub mod role;
pub mod services;
pub mod settings;
pub mod sso;
pub mod sts;
pub mod sts_wire;
pub mod tokens;

pub use services::CredentialServices;
pub use settings::CredentialSettings;

use crate::app::App;
use crate::wire::response::Body;
use http::request::Parts;
use http::{Method, Response};

/// The credential service a request is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Endpoint {
    /// STS, `POST /`.
    Sts,
    /// The SSO portal, `/federation/credentials`.
    Sso,
    /// The instance metadata service, `/latest/…`.
    Imds,
    /// The container credentials endpoint, `/v2/credentials/…`.
    Container,
}

impl Endpoint {
    /// A short name for the request log.
    pub fn name(self) -> &'static str {
        match self {
            Self::Sts => "sts",
            Self::Sso => "sso",
            Self::Imds => "imds",
            Self::Container => "container",
        }
    }
}

/// The credential service a method and path belong to, if any.
pub fn route(method: &Method, path: &str) -> Option<Endpoint> {
    if path == "/" && method == Method::POST {
        Some(Endpoint::Sts)
    } else if path == sso::PATH {
        Some(Endpoint::Sso)
    } else if path.starts_with(imds::PATH_PREFIX) {
        Some(Endpoint::Imds)
    } else if path.starts_with(ecs::PATH_PREFIX) {
        Some(Endpoint::Container)
    } else {
        None
    }
}

/// Answers a request routed to a credential service.
pub fn answer(app: &App, endpoint: Endpoint, parts: &Parts, body: &[u8], request_id: &str) -> Response<Body> {
    match endpoint {
        Endpoint::Sts => sts::handle(app, parts, body, request_id),
        Endpoint::Sso => sso::handle(app, parts, request_id),
        Endpoint::Imds => imds::handle(app, parts, request_id),
        Endpoint::Container => ecs::handle(app, parts, request_id),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_leave_iot_paths_alone() {
        assert_eq!(route(&Method::POST, "/"), Some(Endpoint::Sts));
        assert_eq!(route(&Method::GET, "/"), None);
        assert_eq!(route(&Method::GET, "/federation/credentials"), Some(Endpoint::Sso));
        assert_eq!(route(&Method::PUT, "/latest/api/token"), Some(Endpoint::Imds));
        assert_eq!(route(&Method::GET, "/v2/credentials/111122223333"), Some(Endpoint::Container));
        for iot in ["/certificates", "/certificates-out-going", "/transfer-certificate/x", "/keys-and-certificate"] {
            assert_eq!(route(&Method::GET, iot), None, "{iot}");
            assert_eq!(route(&Method::POST, iot), None, "{iot}");
        }
    }
}
