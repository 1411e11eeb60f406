//! The figures of one run (calls/s, CPU per call, latency percentiles, cold start, peak memory),
//! read from the process itself (Linux: /proc/self) and written as one JSON line.

use std::time::{SystemTime, UNIX_EPOCH};

/// One run's figures, as `bench/run.mjs` reads them.
pub struct Figures {
    client: String,
    mode: String,
    first_response_ms: f64,
    calls_per_second: f64,
    cpu_micros_per_call: f64,
    p50_micros: f64,
    p99_micros: f64,
    peak_rss_mb: f64,
}

impl Figures {
    /// The figures of `latencies.len()` calls made in `seconds` with `cpu_micros` of CPU.
    pub fn new(
        client: &str,
        mode: &str,
        first_response_ms: f64,
        seconds: f64,
        cpu_micros: f64,
        mut latencies: Vec<f64>,
    ) -> Figures {
        latencies.sort_by(f64::total_cmp);
        let calls = latencies.len().max(1) as f64;
        Figures {
            client: client.to_owned(),
            mode: mode.to_owned(),
            first_response_ms,
            calls_per_second: latencies.len() as f64 / seconds.max(1e-9),
            cpu_micros_per_call: cpu_micros / calls,
            p50_micros: percentile(&latencies, 0.50),
            p99_micros: percentile(&latencies, 0.99),
            peak_rss_mb: peak_rss_mb(),
        }
    }

    /// The JSON line (the names bench/run.mjs and the other languages' clients use).
    pub fn to_json(&self) -> String {
        format!(
            "{{\"client\":\"{}\",\"mode\":\"{}\",\"firstResponseMs\":{:.2},\"callsPerSecond\":{:.1},\"cpuMicrosPerCall\":{:.1},\"p50Micros\":{:.1},\"p99Micros\":{:.1},\"peakRssMb\":{:.2}}}",
            self.client, self.mode, self.first_response_ms, self.calls_per_second, self.cpu_micros_per_call, self.p50_micros, self.p99_micros, self.peak_rss_mb
        )
    }
}

/// The nearest-rank percentile `q` (0 to 1) of sorted values; 0 when there are none.
fn percentile(sorted: &[f64], q: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = ((q * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
    sorted[rank - 1]
}

/// Milliseconds since the bench spawned this process (`BENCH_SPAWN_EPOCH_MS`, set by
/// bench/run.mjs), so that every runtime's cold start counts from the same moment: the exec.
pub fn first_response_ms() -> f64 {
    let now_ms = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0.0, |d| d.as_secs_f64() * 1000.0);
    let spawned = std::env::var("BENCH_SPAWN_EPOCH_MS").ok().and_then(|v| v.parse::<f64>().ok());
    spawned.map_or(0.0, |spawned| now_ms - spawned)
}

/// User + system CPU time of this process, every thread, in microseconds (fields 14 and 15 of
/// /proc/self/stat, in clock ticks of 10 ms).
pub fn cpu_micros() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after_name = stat.rsplit(')').next().unwrap_or_default();
    let fields: Vec<&str> = after_name.split_whitespace().collect();
    let ticks: f64 = fields.get(11..13).map_or(0.0, |t| t.iter().filter_map(|v| v.parse::<f64>().ok()).sum());
    ticks * 1e6 / 100.0
}

/// Peak resident memory in MB (VmHWM of /proc/self/status).
pub fn peak_rss_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let line = status.lines().find(|l| l.starts_with("VmHWM:")).unwrap_or("VmHWM: 0 kB");
    line.split_whitespace().nth(1).and_then(|kb| kb.parse::<f64>().ok()).unwrap_or(0.0) / 1024.0
}
