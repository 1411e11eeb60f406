//! The client object: async calls for apps, blocking calls for scripts.

use crate::config::ClientConfig;
use crate::credentials::{AwsCredentials, CredentialsProvider, HostProvider};
use crate::error::IotTransferError;
use iot_transfer::runtime::BoxFuture;
use iot_transfer::{Client, ProvideCredentials};
use std::any::Any;
use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::sync::{Arc, OnceLock};

/// The runtime blocking calls and the client's I/O run on (shared by all clients).
pub(crate) fn runtime() -> &'static tokio::runtime::Runtime {
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
/// drives (asyncio, coroutines, Swift concurrency), so all I/O happens on one runtime. When the
/// host drops the call (a cancelled asyncio task or coroutine), the work is aborted with it: no
/// retry or attempt outlives its call. A panic in the work is an `Internal` error.
pub(crate) async fn on_runtime<T: Send + 'static>(
    work: impl Future<Output = Result<T, IotTransferError>> + Send + 'static,
) -> Result<T, IotTransferError> {
    on_runtime_erased(erase(work)).await.map(unerase)
}

/// Runs `work` on the shared runtime and blocks the calling thread until it completes; a panic in
/// it is an `Internal` error.
///
/// The work runs as a task of the runtime, next to the HTTP connections' own tasks, rather than on
/// the calling thread: a request and its response then pass between tasks of one worker, and the
/// calling thread is woken once, when the call is done. (Polled on the calling thread, every
/// exchange with a connection task crossed threads: `perf stat` counted about seven context
/// switches per sequential Python call, five this way. The calling thread cannot run a runtime of
/// its own instead: the connections are pooled and shared by every thread, each bound to the
/// runtime that spawned its task, which would then run only while its thread is in a call.)
/// From inside a runtime, where blocking would stall it, this fails as `block_on` does: with an
/// `Internal` error.
pub(crate) fn blocking<T: Send + 'static>(
    work: impl Future<Output = Result<T, IotTransferError>> + Send + 'static,
) -> Result<T, IotTransferError> {
    blocking_erased(erase(work)).map(unerase)
}

/// A call's work with its future's and its output's types erased: what [`on_runtime`] and
/// [`blocking`] hand to the runtime, so that tokio's task code (its harness, the spawned future's
/// cell and `block_on`) is compiled once for every call instead of once per call's future type,
/// for two boxes per call (docs/size.md, "Native", measures what it saves).
type ErasedWork = BoxFuture<'static, Result<Box<dyn Any + Send>, IotTransferError>>;

/// `work` as [`ErasedWork`].
fn erase<T: Send + 'static>(work: impl Future<Output = Result<T, IotTransferError>> + Send + 'static) -> ErasedWork {
    Box::pin(async move { work.await.map(|output| Box::new(output) as Box<dyn Any + Send>) })
}

/// The output [`erase`] boxed, of the type it was given.
fn unerase<T: 'static>(output: Box<dyn Any + Send>) -> T {
    match output.downcast::<T>() {
        Ok(output) => *output,
        // `erase` boxes a `T` and the erased work is awaited for that `T` alone.
        Err(_) => unreachable!("an erased call's output has the type it was given"),
    }
}

/// [`on_runtime`], once for every call.
async fn on_runtime_erased(work: ErasedWork) -> Result<Box<dyn Any + Send>, IotTransferError> {
    let mut task = AbortOnDrop(runtime().spawn(work));
    match (&mut task.0).await {
        Ok(result) => result,
        Err(error) if error.is_panic() => {
            Err(iot_transfer::Error::from_panic(&panic_message(error.into_panic())).into())
        }
        Err(error) => Err(iot_transfer::Error::from_panic(&error.to_string()).into()),
    }
}

/// [`blocking`], once for every call.
fn blocking_erased(work: ErasedWork) -> Result<Box<dyn Any + Send>, IotTransferError> {
    std::panic::catch_unwind(AssertUnwindSafe(|| runtime().block_on(on_runtime_erased(work))))
        .unwrap_or_else(|panic| Err(iot_transfer::Error::from_panic(&panic_message(panic)).into()))
}

/// The message a panic was raised with.
pub(crate) fn panic_message(panic: Box<dyn Any + Send>) -> String {
    match panic.downcast::<String>() {
        Ok(message) => *message,
        Err(panic) => panic.downcast::<&str>().map(|m| (*m).to_owned()).unwrap_or_else(|_| "a panic".to_owned()),
    }
}

/// Aborts the spawned task when dropped before it completes.
pub(crate) struct AbortOnDrop<T>(pub(crate) tokio::task::JoinHandle<T>);

impl<T> Drop for AbortOnDrop<T> {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// A client for the AWS IoT certificate-transfer API. Share one per app: it reuses connections.
#[derive(Debug, uniffi::Object)]
pub struct IotTransferClient {
    pub(crate) client: Client,
}

#[uniffi::export]
impl IotTransferClient {
    /// A client whose credentials, region and endpoint come from where the AWS SDKs find them:
    /// the environment, the shared config and credentials files (static keys, assume-role
    /// profiles, `credential_process`, SSO), a web identity token, the ECS container endpoint or
    /// the EC2 instance metadata service. `config` sets what should not come from there. A
    /// retry setting there that cannot be used is a `Configuration` error. The mobile library
    /// (built without the shared configuration) reads only the environment variables, and no
    /// credentials there is a `Configuration` error: use `new` or `with_provider` in an app.
    #[uniffi::constructor(default(config = None))]
    pub fn from_environment(config: Option<ClientConfig>) -> Result<Arc<Self>, IotTransferError> {
        Ok(Self::build(load(config.unwrap_or_default(), None)?))
    }

    /// A client with static credentials; the rest of the configuration is loaded as in
    /// `from_environment`.
    #[uniffi::constructor]
    pub fn new(config: ClientConfig, credentials: Arc<AwsCredentials>) -> Result<Arc<Self>, IotTransferError> {
        Ok(Self::build(load(config, Some(Arc::new(credentials.inner.clone())))?))
    }

    /// A client whose credentials come from a host-implemented provider; what it returns is
    /// cached until five minutes before it expires.
    #[uniffi::constructor]
    pub fn with_provider(
        config: ClientConfig,
        provider: Arc<dyn CredentialsProvider>,
    ) -> Result<Arc<Self>, IotTransferError> {
        Ok(Self::build(load(config, Some(Arc::new(HostProvider(provider))))?))
    }

    /// Panics inside the client's runtime, as a bug in the core would, and returns the `Internal`
    /// error that becomes: for the tests of the panic boundary only.
    pub async fn panic_for_tests(&self) -> Result<(), IotTransferError> {
        on_runtime(async { panic!("a panic requested by a test of the panic boundary") }).await
    }

    /// The same as `panic_for_tests`, on the calling thread.
    pub fn panic_for_tests_blocking(&self) -> Result<(), IotTransferError> {
        blocking(async { panic!("a panic requested by a test of the panic boundary") })
    }
}

/// Loads the configuration on the shared runtime from a thread of its own, so a constructor
/// works from any thread, a runtime thread included.
fn load(
    config: ClientConfig,
    credentials: Option<Arc<dyn ProvideCredentials>>,
) -> Result<iot_transfer::ConfigBuilder, IotTransferError> {
    std::thread::scope(|scope| scope.spawn(|| runtime().block_on(config.load(credentials))).join())
        .unwrap_or_else(|panic| Err(iot_transfer::Error::from_panic(&panic_message(panic))))
        .map_err(IotTransferError::from)
}

impl IotTransferClient {
    fn build(builder: iot_transfer::ConfigBuilder) -> Arc<Self> {
        // Enter the runtime so the HTTP client's pool is bound to it, whichever thread builds it.
        let _guard = runtime().enter();
        Arc::new(Self { client: Client::new(builder.build()) })
    }
}
