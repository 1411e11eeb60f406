//! What every Rust client of `make bench` shares: the command line (`PROGRAM MODE URL WARMUP
//! CALLS`, MODE `sequential` or `concurrent`), the measuring loop and the one JSON line of figures
//! it prints. A client program only says how to make one call.

mod configs;
mod figures;

#[cfg(feature = "official")]
pub use configs::official_config;
pub use configs::ours_config;
pub use figures::{cpu_micros, first_response_ms, peak_rss_mb, Figures};

use std::future::Future;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Instant;

/// Calls in flight in the `concurrent` mode.
pub const IN_FLIGHT: u64 = 32;

/// The certificate and target account every client transfers (the stub accepts any).
pub const CERTIFICATE_ID: &str = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
/// The target account of every call.
pub const TARGET_ACCOUNT: &str = "444455556666";

/// The command line every client program takes.
pub struct Args {
    /// `sequential` or `concurrent`.
    pub mode: String,
    /// The stub's URL.
    pub url: String,
    /// Calls made, in the same mode, before measuring.
    pub warmup: u64,
    /// Calls measured.
    pub calls: u64,
}

impl Args {
    /// Reads `MODE URL WARMUP CALLS`; exits with a usage line when they are not there.
    pub fn from_env() -> Args {
        let args: Vec<String> = std::env::args().skip(1).collect();
        let parsed = match args.as_slice() {
            [mode, url, warmup, calls] if mode == "sequential" || mode == "concurrent" => warmup
                .parse()
                .ok()
                .zip(calls.parse().ok())
                .map(|(warmup, calls)| Args { mode: mode.clone(), url: url.clone(), warmup, calls }),
            _ => None,
        };
        parsed.unwrap_or_else(|| {
            eprintln!("usage: PROGRAM sequential|concurrent URL WARMUP CALLS");
            std::process::exit(2)
        })
    }

    /// The in-flight count of this run's mode.
    pub fn in_flight(&self) -> u64 {
        if self.mode == "concurrent" {
            IN_FLIGHT
        } else {
            1
        }
    }

    /// A runtime for the mode: one thread for sequential calls, one worker per core for concurrent ones.
    pub fn runtime(&self) -> tokio::runtime::Runtime {
        let mut builder = if self.mode == "concurrent" {
            tokio::runtime::Builder::new_multi_thread()
        } else {
            tokio::runtime::Builder::new_current_thread()
        };
        builder.enable_all().build().expect("a tokio runtime can be built on Linux")
    }
}

/// Makes `count` calls with `in_flight` of them at a time (tasks pulling from one counter) and
/// returns each call's latency in microseconds.
async fn drive<C, F>(call: &C, count: u64, in_flight: u64) -> Vec<f64>
where
    C: Fn() -> F + Clone + Send + Sync + 'static,
    F: Future<Output = ()> + Send + 'static,
{
    let next = Arc::new(AtomicU64::new(0));
    let tasks: Vec<_> = (0..in_flight)
        .map(|_| {
            let (call, next) = (call.clone(), next.clone());
            tokio::spawn(async move {
                let mut latencies = Vec::new();
                while next.fetch_add(1, Ordering::Relaxed) < count {
                    let started = Instant::now();
                    call().await;
                    latencies.push(started.elapsed().as_secs_f64() * 1e6);
                }
                latencies
            })
        })
        .collect();
    let mut all = Vec::with_capacity(count as usize);
    for task in tasks {
        all.extend(task.await.expect("a bench call does not panic against the stub"));
    }
    all
}

/// Runs the bench for one client: `setup` makes the client for the stub's URL and returns the
/// call; one first call (the cold start), the warm-up, then the measured calls; prints the figures.
pub fn run<S, SF, C, F>(client: &str, setup: S)
where
    S: FnOnce(String) -> SF,
    SF: Future<Output = C>,
    C: Fn() -> F + Clone + Send + Sync + 'static,
    F: Future<Output = ()> + Send + 'static,
{
    let args = Args::from_env();
    let runtime = args.runtime();
    let figures = runtime.block_on(async {
        let call = setup(args.url.clone()).await;
        call().await;
        let first_response_ms = first_response_ms();
        drive(&call, args.warmup, args.in_flight()).await;
        let cpu_before = cpu_micros();
        let started = Instant::now();
        let latencies = drive(&call, args.calls, args.in_flight()).await;
        let seconds = started.elapsed().as_secs_f64();
        Figures::new(client, &args.mode, first_response_ms, seconds, cpu_micros() - cpu_before, latencies)
    });
    println!("{}", figures.to_json());
}
