// The client programs of `make bench`, each in each mode it is measured in: per runtime this
// project's client ("ours"), the official SDK ("official") and the no-SDK floor ("floor"),
// sequential and with 32 calls in flight. bench/run.mjs runs them; the report pairs them by
// runtime, role and mode.

import path from "node:path";

/**
 * The programs, from the environment: BENCH_PYTHON (boto3's Python), BENCH_PYTHON_OURS (the
 * wheel's), BENCH_RUST_BIN (bench/rust's built binaries), BENCH_RUST_OFFICIAL=0 to leave out
 * aws-sdk-iot (not built by `make bench-smoke`). Each entry: runtime, role, label, mode
 * ("sequential" or "concurrent"), how (what 32 in flight means there) and the command (the
 * program then its arguments; the stub's URL, WARMUP and CALLS are appended).
 */
export function clients(here, env = process.env) {
  const node = process.execPath;
  const js = path.join(here, "js", "js-client.mjs");
  const py = path.join(here, "py_client.py");
  const rust = (name) => path.join(env.BENCH_RUST_BIN, name);
  const entries = [];
  const add = (runtime, role, label, how, sequential, concurrent) => {
    if (sequential) entries.push({ runtime, role, label, mode: "sequential", how: "one at a time", command: sequential });
    if (concurrent) entries.push({ runtime, role, label, mode: "concurrent", how, command: concurrent });
  };
  add("Node", "ours", "iot-transfer (npm)", "32 promises", [node, js, "ours", "sequential"], [node, js, "ours", "concurrent"]);
  add("Node", "official", "@aws-sdk/client-iot", "32 promises", [node, js, "sdk", "sequential"], [node, js, "sdk", "concurrent"]);
  add("Node", "floor", "node:http, no SDK", "32 promises", [node, js, "floor", "sequential"], [node, js, "floor", "concurrent"]);
  const ours = env.BENCH_PYTHON_OURS, boto3 = env.BENCH_PYTHON;
  add("Python", "ours", "iot-transfer Client (threads)", "32 threads, one client", [ours, py, "face", "sequential"], [ours, py, "face", "threads"]);
  add("Python", "ours-async", "iot-transfer AsyncClient (asyncio)", "32 asyncio tasks", null, [ours, py, "face-async", "asyncio"]);
  add("Python", "official", "boto3 (threads)", "32 threads, one client", [boto3, py, "boto3", "sequential"], [boto3, py, "boto3", "threads"]);
  add("Python", "floor", "http.client, no SDK", "32 threads, a connection each", [boto3, py, "floor", "sequential"], [boto3, py, "floor", "threads"]);
  add("Rust", "ours", "iot-transfer (crate)", "32 tokio tasks", [rust("ours"), "sequential"], [rust("ours"), "concurrent"]);
  if (env.BENCH_RUST_OFFICIAL !== "0") {
    add("Rust", "official", "aws-sdk-iot", "32 tokio tasks", [rust("official"), "sequential"], [rust("official"), "concurrent"]);
  }
  add("Rust", "floor", "reqwest, no SDK", "32 tokio tasks", [rust("floor"), "sequential"], [rust("floor"), "concurrent"]);
  return entries;
}
