//! The Rust client for `make bench`: `bench_client URL WARMUP CALLS` makes WARMUP then CALLS
//! sequential TransferCertificate calls and prints one JSON line of figures (Linux: CPU time and
//! peak memory come from /proc/self).

use iot_transfer::{Client, Config, Credentials, TransferCertificateInput};
use std::time::Instant;

/// User + system CPU time of this process, in microseconds (fields 14 and 15 of /proc/self/stat).
fn cpu_micros() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after_name = stat.rsplit(')').next().unwrap_or_default();
    let fields: Vec<&str> = after_name.split_whitespace().collect();
    let ticks: f64 = fields.get(11..13).map_or(0.0, |t| t.iter().filter_map(|v| v.parse::<f64>().ok()).sum());
    ticks * 1e6 / 100.0
}

/// Peak resident memory in MB (VmHWM).
fn peak_rss_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let line = status.lines().find(|l| l.starts_with("VmHWM:")).unwrap_or("VmHWM: 0 kB");
    line.split_whitespace().nth(1).and_then(|kb| kb.parse::<f64>().ok()).unwrap_or(0.0) / 1024.0
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let start = Instant::now();
    let args: Vec<String> = std::env::args().collect();
    let (url, warmup, calls): (&str, u32, u32) =
        (&args[1], args[2].parse().expect("WARMUP is a number"), args[3].parse().expect("CALLS is a number"));
    let client = Client::new(
        Config::builder()
            .region("us-east-1")
            .endpoint_url(url)
            .credentials(Credentials::new("AKIDEXAMPLE", "secret", None, None))
            .build(),
    );
    let input = TransferCertificateInput::new("a".repeat(64), "444455556666");
    client.transfer_certificate(input.clone()).await.expect("the stub answers 200");
    let first_response_ms = start.elapsed().as_secs_f64() * 1000.0;
    for _ in 0..warmup {
        client.transfer_certificate(input.clone()).await.expect("the stub answers 200");
    }
    let cpu_before = cpu_micros();
    let started = Instant::now();
    for _ in 0..calls {
        client.transfer_certificate(input.clone()).await.expect("the stub answers 200");
    }
    let seconds = started.elapsed().as_secs_f64();
    let cpu = cpu_micros() - cpu_before;
    let calls = f64::from(calls.max(1));
    println!(
        "{{\"client\":\"iot-transfer (Rust)\",\"firstResponseMs\":{first_response_ms:.1},\"callsPerSecond\":{:.1},\"cpuMicrosPerCall\":{:.1},\"peakRssMb\":{:.1}}}",
        calls / seconds,
        cpu / calls,
        peak_rss_mb()
    );
}
