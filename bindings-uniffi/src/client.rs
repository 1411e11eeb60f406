//! The client object: async calls for apps, blocking calls for scripts.

use crate::config::ClientConfig;
use crate::credentials::{AwsCredentials, CredentialsProvider, HostProvider};
use crate::error::TransferCertificateError;
use crate::records::{TransferCertificateInput, TransferCertificateOutput};
use crate::signed_request::SignedRequest;
use iot_transfer::Client;
use std::sync::{Arc, OnceLock};
use std::time::SystemTime;

/// The runtime blocking calls and the client's I/O run on (shared by all clients).
fn runtime() -> &'static tokio::runtime::Runtime {
    static RUNTIME: OnceLock<tokio::runtime::Runtime> = OnceLock::new();
    RUNTIME.get_or_init(|| {
        tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("iot-transfer")
            .enable_all()
            .build()
            // Without a runtime nothing can work; this fails only if threads cannot be spawned.
            .expect("the iot-transfer runtime could not start")
    })
}

/// Runs `work` on the shared runtime and awaits it from whatever executor the host language
/// drives (asyncio, coroutines, Swift concurrency), so all I/O happens on one runtime.
async fn on_runtime<T: Send + 'static>(work: impl std::future::Future<Output = T> + Send + 'static) -> T {
    match runtime().spawn(work).await {
        Ok(value) => value,
        Err(error) => std::panic::resume_unwind(error.into_panic()),
    }
}

/// A client for the AWS IoT certificate-transfer API. Share one per app: it reuses connections.
#[derive(Debug, uniffi::Object)]
pub struct IotTransferClient {
    client: Client,
}

#[uniffi::export]
impl IotTransferClient {
    /// A client with static credentials.
    #[uniffi::constructor]
    pub fn new(config: ClientConfig, credentials: Arc<AwsCredentials>) -> Arc<Self> {
        Self::build(config.to_builder().credentials(credentials.inner.clone()))
    }

    /// A client whose credentials come from a host-implemented provider; what it returns is
    /// cached until five minutes before it expires.
    #[uniffi::constructor]
    pub fn with_provider(config: ClientConfig, provider: Arc<dyn CredentialsProvider>) -> Arc<Self> {
        Self::build(config.to_builder().credentials_provider(Arc::new(HostProvider(provider))))
    }

    /// Transfers a certificate to another account.
    pub async fn transfer_certificate(
        &self,
        input: TransferCertificateInput,
    ) -> Result<TransferCertificateOutput, TransferCertificateError> {
        let client = self.client.clone();
        let output = on_runtime(async move { client.transfer_certificate(input.into()).await }).await?;
        Ok(output.into())
    }

    /// The same as `transfer_certificate`, blocking the calling thread until it completes.
    pub fn transfer_certificate_blocking(
        &self,
        input: TransferCertificateInput,
    ) -> Result<TransferCertificateOutput, TransferCertificateError> {
        Ok(runtime().block_on(self.client.transfer_certificate(input.into()))?.into())
    }

    /// Validates and signs the request without sending it, for now or for `signing_time`.
    #[uniffi::method(default(signing_time = None))]
    pub async fn sign_transfer_certificate(
        &self,
        input: TransferCertificateInput,
        signing_time: Option<SystemTime>,
    ) -> Result<Arc<SignedRequest>, TransferCertificateError> {
        let client = self.client.clone();
        let signed = on_runtime(async move {
            match signing_time {
                Some(time) => client.sign_transfer_certificate_at(input.into(), time).await,
                None => client.sign_transfer_certificate(input.into()).await,
            }
        })
        .await?;
        Ok(Arc::new(SignedRequest::new(signed)))
    }

    /// The same as `sign_transfer_certificate`, blocking.
    #[uniffi::method(default(signing_time = None))]
    pub fn sign_transfer_certificate_blocking(
        &self,
        input: TransferCertificateInput,
        signing_time: Option<SystemTime>,
    ) -> Result<Arc<SignedRequest>, TransferCertificateError> {
        runtime().block_on(self.sign_transfer_certificate(input, signing_time))
    }
}

impl IotTransferClient {
    fn build(builder: iot_transfer::ConfigBuilder) -> Arc<Self> {
        // Enter the runtime so the HTTP client's pool is bound to it, whichever thread builds it.
        let _guard = runtime().enter();
        Arc::new(Self { client: Client::new(builder.build()) })
    }
}
