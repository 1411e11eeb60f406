//! The client: runs each operation through validation, endpoint resolution, signing, sending,
//! retries, clock-skew correction and timeouts, and settles a transfer whose outcome is unknown.

mod attempts;
mod cancellation;
mod config;
mod operations;
mod pacing;
mod paginator;
mod reconcile;
mod settle;
#[doc(hidden)]
pub mod settle_probe;
mod signed_request;
mod state_hints;
mod user_agent;

pub use cancellation::Cancellation;
pub use config::{Config, ConfigBuilder, TimeoutConfig};
pub use paginator::Paginator;
pub use signed_request::SignedRequest;

use crate::batch::BatchPacer;
use crate::clock_skew::ClockOffset;
use crate::credentials::{CachedProvider, Credentials, ProvideCredentials};
use crate::endpoint::{resolve_endpoint, Endpoint, EndpointError};
use crate::error::{Error, ErrorKind};
use crate::operation::transfer_certificate::{TransferCertificateInput, TransferCertificateOutput};
use crate::operation::{
    check_certificate_arn_location, InputField, OperationInput, RestRequest, ValidationError, ValidationRule,
};
use crate::retry::{ClientRateLimiter, RetryMode, RetryQuota};
use crate::runtime::{DefaultTransport, HttpTransport, TransportError};
use crate::signing::{sign_request, SigningError, IOT_SIGNING_NAME};
use attempts::Progress;
use std::sync::Arc;
use std::time::SystemTime;

/// A client for the IoT certificate-transfer API.
///
/// Cheap to clone: clones share the connection pool, the retry quota, the adaptive mode's rate
/// limiter, the clock offset and the credentials cache, so build one and share it.
#[derive(Debug, Clone)]
pub struct Client {
    inner: Arc<Inner>,
    /// The pacing of the batch this clone sends for, shared by the batch's calls; `None` outside
    /// a batch.
    pacer: Option<Arc<BatchPacer>>,
}

struct Inner {
    config: Config,
    endpoint: Result<Endpoint, EndpointError>,
    transport: Result<Arc<dyn HttpTransport>, Arc<TransportError>>,
    credentials: Option<CachedProvider>,
    quota: RetryQuota,
    /// The adaptive mode's rate limiter; `None` in the standard mode.
    rate_limiter: Option<ClientRateLimiter>,
    clock_offset: ClockOffset,
    user_agent: String,
}

impl std::fmt::Debug for Inner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client").field("config", &self.config).field("endpoint", &self.endpoint).finish_non_exhaustive()
    }
}

impl Client {
    /// A client for `config`. Configuration errors (such as a missing region) are returned by
    /// each call, before anything is sent.
    pub fn new(config: Config) -> Self {
        let endpoint = resolve_endpoint(&config.endpoint);
        let transport = match &config.transport {
            Some(transport) => Ok(transport.clone()),
            None => default_transport(&config).map(|t| Arc::new(t) as Arc<dyn HttpTransport>).map_err(Arc::new),
        };
        let credentials = config.credentials.clone().map(|provider| {
            CachedProvider::new(provider, config.clock.clone(), config.sleep.clone(), config.timeouts.credentials)
        });
        let user_agent = user_agent::user_agent(config.app_name.as_deref());
        let rate_limiter = (config.retry.mode == RetryMode::Adaptive)
            .then(|| ClientRateLimiter::new(pacing::seconds_since_epoch(config.clock.now())));
        // On wasm32 there is one thread; Arc keeps the native client Send + Sync.
        #[cfg_attr(target_arch = "wasm32", allow(clippy::arc_with_non_send_sync))]
        let inner = Arc::new(Inner {
            config,
            endpoint,
            transport,
            credentials,
            quota: RetryQuota::default(),
            rate_limiter,
            clock_offset: ClockOffset::default(),
            user_agent,
        });
        Self { inner, pacer: None }
    }

    /// A clone whose requests all go through `pacer` (a batch's), as well as the client's own
    /// limits.
    pub(crate) fn paced(&self, pacer: Arc<BatchPacer>) -> Self {
        Self { inner: self.inner.clone(), pacer: Some(pacer) }
    }

    /// The configuration this client was built from.
    pub fn config(&self) -> &Config {
        &self.inner.config
    }

    /// Runs `TransferCertificate`, settling an unknown outcome from the certificate's state.
    pub(crate) async fn transfer(
        &self,
        input: TransferCertificateInput,
        cancellation: Option<&Cancellation>,
    ) -> Result<TransferCertificateOutput, Error> {
        let valid = input.validate()?;
        let call = input.prepare()?;
        let endpoint = self.endpoint_for(Some((InputField::CertificateId, &input.certificate_id)))?;
        let transport = self.transport()?;
        let mut progress = Progress::new(cancellation);
        let transfer = reconcile::transfer(self, &call, &valid, &endpoint, transport.as_ref(), &mut progress);
        let outcome = attempts::bounded(self, cancellation, transfer).await;
        progress.finish(outcome)
    }

    /// Validates the input and returns the request [`transfer_certificate`](Self::transfer_certificate)
    /// would send first, signed for now (as corrected for clock skew), without sending it: for
    /// hosts that send through their own proxy or HTTP stack.
    pub async fn sign_transfer_certificate(&self, input: TransferCertificateInput) -> Result<SignedRequest, Error> {
        self.sign_operation(input).await
    }

    /// Like [`sign_transfer_certificate`](Self::sign_transfer_certificate), signed for exactly
    /// `time`: for requests sent later, and for reproducible test vectors.
    pub async fn sign_transfer_certificate_at(
        &self,
        input: TransferCertificateInput,
        time: SystemTime,
    ) -> Result<SignedRequest, Error> {
        self.sign_operation_at(input, time).await
    }

    /// Validates the input of any operation and returns its request, signed for now (as corrected
    /// for clock skew), without sending it: for hosts that send through their own HTTP stack. The
    /// bindings expand it for every operation of the registry (`sign_accept_certificate_transfer`, ...).
    pub async fn sign_operation<I: OperationInput>(&self, input: I) -> Result<SignedRequest, Error> {
        let time = self.inner.clock_offset.apply(self.inner.config.clock.now());
        self.sign_operation_at(input, time).await
    }

    /// Validates the input of any operation and returns its request, signed for exactly `time`,
    /// without sending it: for hosts that send through their own HTTP stack, and for test vectors.
    pub async fn sign_operation_at<I: OperationInput>(
        &self,
        input: I,
        time: SystemTime,
    ) -> Result<SignedRequest, Error> {
        let call = input.prepare()?;
        let endpoint = self.endpoint_for(input.certificate_reference())?;
        self.sign_request_at(call.request(), &endpoint, time).await
    }

    /// [`sign_operation_at`](Self::sign_operation_at) past validation, one copy for every operation.
    async fn sign_request_at(
        &self,
        call: &RestRequest,
        endpoint: &Endpoint,
        time: SystemTime,
    ) -> Result<SignedRequest, Error> {
        let credentials = self.credentials().await?;
        let mut request = call.build(endpoint, &self.inner.user_agent);
        self.sign_at(&mut request, endpoint, &credentials, time)?;
        Ok(SignedRequest::from_http(&request))
    }

    /// The resolved endpoint, with the member naming a certificate (as the caller gave it)
    /// checked against it when it is a certificate ARN: its partition and region must be the client's.
    fn endpoint_for(&self, certificate: Option<(InputField, &str)>) -> Result<Endpoint, Error> {
        let endpoint = self.inner.endpoint.clone()?;
        if let Some((field, value)) = certificate {
            check_certificate_arn_location(field, value, &endpoint)?;
        }
        Ok(endpoint)
    }

    fn transport(&self) -> Result<Arc<dyn HttpTransport>, Error> {
        self.inner
            .transport
            .clone()
            .map_err(|error| Error::of_kind(ErrorKind::Transport(error.kind()), error.message()))
    }

    async fn credentials(&self) -> Result<Credentials, Error> {
        let provider = self.inner.credentials.as_ref().ok_or_else(|| {
            Error::of_kind(
                ErrorKind::Credentials,
                "no credentials configured: set static credentials or a credentials provider",
            )
        })?;
        provider.provide_credentials().await.map_err(|error| Error::of_kind(ErrorKind::Credentials, error.to_string()))
    }

    fn sign_at(
        &self,
        request: &mut http::Request<Vec<u8>>,
        endpoint: &Endpoint,
        credentials: &Credentials,
        time: SystemTime,
    ) -> Result<(), Error> {
        sign_request(request, credentials, &endpoint.signing_region, IOT_SIGNING_NAME, time).map_err(signing_failure)
    }
}

/// The built-in transport with the configuration's connect timeout (and natively its CA bundle).
fn default_transport(config: &Config) -> Result<DefaultTransport, TransportError> {
    #[cfg(not(target_arch = "wasm32"))]
    return DefaultTransport::with_settings(&crate::runtime::TransportSettings {
        connect_timeout: config.timeouts.connect,
        ca_bundle: config.ca_bundle.clone(),
    });
    #[cfg(target_arch = "wasm32")]
    DefaultTransport::new(config.timeouts.connect)
}

/// A time the signer cannot carry is a validation error of the signing date (nothing is sent);
/// credentials a header cannot carry are a credentials error.
fn signing_failure(error: SigningError) -> Error {
    match error {
        SigningError::TimeOutOfRange => {
            ValidationError::new(InputField::SigningDate, ValidationRule::SigningDateRange).into()
        }
        other => Error::of_kind(ErrorKind::Credentials, other.to_string()),
    }
}
