// What every Node client of `make bench` shares: the measuring loop for one mode (`sequential`, or
// `concurrent`: 32 calls in flight) and the one JSON line of figures it prints: calls/s, client
// CPU µs per call, p50/p99 latency (µs), first response from the spawn (ms), peak RSS (MB).

/** Calls in flight in the `concurrent` mode. */
export const IN_FLIGHT = 32;

/** Makes `count` calls, `inFlight` at a time (workers pulling from one counter); returns each call's latency in µs. */
async function drive(call, count, inFlight) {
  const latencies = [];
  let next = 0;
  const worker = async () => {
    while (next++ < count) {
      const started = performance.now();
      await call();
      latencies.push((performance.now() - started) * 1000);
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  return latencies;
}

/** The nearest-rank percentile `q` (0 to 1) of sorted values; 0 when there are none. */
export function percentile(sorted, q) {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length))) - 1];
}

/** Milliseconds since bench/run.mjs spawned this process (BENCH_SPAWN_EPOCH_MS), else since Node started. */
function firstResponseMs() {
  const spawned = Number(process.env.BENCH_SPAWN_EPOCH_MS);
  return spawned > 0 ? Date.now() - spawned : performance.now();
}

/** Runs one client: a first call (cold start), WARMUP then CALLS calls in MODE; prints the figures. */
export async function measure(client, call, { mode, warmup, calls }) {
  const inFlight = mode === "concurrent" ? IN_FLIGHT : 1;
  await call();
  const first = firstResponseMs();
  await drive(call, warmup, inFlight);
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const latencies = (await drive(call, calls, inFlight)).sort((a, b) => a - b);
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  console.log(JSON.stringify({
    client,
    mode,
    firstResponseMs: first,
    callsPerSecond: calls / Math.max(seconds, 1e-9),
    cpuMicrosPerCall: (cpu.user + cpu.system) / Math.max(calls, 1),
    p50Micros: percentile(latencies, 0.5),
    p99Micros: percentile(latencies, 0.99),
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  }));
}
