//! The small traits the client runs on (clock, sleep, HTTP transport), with a native
//! implementation (tokio's timer) and a WebAssembly one (`Date.now()`, `setTimeout`), and one
//! HTTP transport for both: reqwest (hyper and rustls natively, `fetch` on wasm32).
//!
//! The operation logic never names a runtime: it only sees these traits, so a host can plug in
//! its own clock (tests, clock-skew simulations), its own sleep or its own transport.

use std::future::Future;
use std::pin::Pin;
use std::time::{Duration, SystemTime};

#[cfg(not(target_arch = "wasm32"))]
mod ca_bundle;
mod reqwest_transport;
mod transport;
#[cfg(not(target_arch = "wasm32"))]
pub use reqwest_transport::TransportSettings;
// For the shared configuration's HTTP client (the credential providers' requests).
#[cfg(all(feature = "shared-config", not(target_arch = "wasm32")))]
pub(crate) use reqwest_transport::{exchange, native_client};
pub use reqwest_transport::{ReqwestTransport, ReqwestTransport as DefaultTransport};
pub use transport::{AbandonableAttempt, HttpResponse, HttpTransport, TransportError, TransportErrorKind};

#[cfg(not(target_arch = "wasm32"))]
mod native;
#[cfg(not(target_arch = "wasm32"))]
pub use native::{default_clock, default_sleep, random_unit};

#[cfg(target_arch = "wasm32")]
mod wasm;
#[cfg(target_arch = "wasm32")]
pub use wasm::{default_clock, default_sleep, random_unit};

/// `Send + Sync` on native targets, nothing on wasm32, where JavaScript values and futures are
/// single-threaded. Every runtime trait object is bounded by it.
#[cfg(not(target_arch = "wasm32"))]
pub trait MaybeSend: Send + Sync {}
#[cfg(not(target_arch = "wasm32"))]
impl<T: Send + Sync + ?Sized> MaybeSend for T {}

/// `Send + Sync` on native targets, nothing on wasm32, where JavaScript values and futures are
/// single-threaded. Every runtime trait object is bounded by it.
#[cfg(target_arch = "wasm32")]
pub trait MaybeSend {}
#[cfg(target_arch = "wasm32")]
impl<T: ?Sized> MaybeSend for T {}

/// A boxed future that is `Send` on native targets and not on wasm32.
#[cfg(not(target_arch = "wasm32"))]
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// A boxed future that is `Send` on native targets and not on wasm32.
#[cfg(target_arch = "wasm32")]
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + 'a>>;

/// The wall clock used to sign requests and to judge credential expiry.
///
/// Replace it to sign at a fixed time (test vectors) or to simulate a skewed local clock.
pub trait Clock: MaybeSend {
    /// The current time.
    fn now(&self) -> SystemTime;
}

/// A clock that always reports the same instant; useful for reproducible signatures.
#[derive(Debug, Clone, Copy)]
pub struct FixedClock(pub SystemTime);

impl Clock for FixedClock {
    fn now(&self) -> SystemTime {
        self.0
    }
}

/// Waits for a duration without blocking a thread: used for retry backoff and timeouts.
pub trait Sleep: MaybeSend {
    /// A future that completes after `duration`.
    fn sleep(&self, duration: Duration) -> BoxFuture<'static, ()>;
}
