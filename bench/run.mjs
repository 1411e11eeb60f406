// `make bench`: every client side by side in one run against the same loopback stub: cold start
// (a fresh process to its first response, median of 3), then steady-state sequential calls per
// second, client CPU per call and peak memory: three rounds, taken in turn by every client (so a
// noisy moment hits all alike), each client's median round reported. Whole-process figures on a
// shared machine: compare within one run.
// BENCH_ONLY="npm ours,npm ours (fetch)" runs only the clients of those labels.

import { spawn, execFileSync } from "node:child_process";
import { createInterface } from "node:readline";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..");
const [warmup, calls] = [Number(process.env.BENCH_WARMUP ?? 2000), Number(process.env.BENCH_CALLS ?? 5000)];
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const python = process.env.BENCH_PYTHON;
const pythonOurs = process.env.BENCH_PYTHON_OURS;

const stub = spawn(process.execPath, [path.join(here, "stub.mjs")], { stdio: ["ignore", "pipe", "ignore"] });
const url = await new Promise((resolve) => createInterface({ input: stub.stdout }).once("line", resolve));

const clients = [
  ["Rust", [path.join(process.env.CARGO_TARGET_DIR ?? path.join(root, "target"), "release", "examples", "bench_client")]],
  ["npm ours", [process.execPath, path.join(here, "js", "js-client.mjs"), "ours"]],
  ["npm ours (fetch)", [process.execPath, path.join(here, "js", "js-client.mjs"), "ours-fetch"]],
  ["JS SDK", [process.execPath, path.join(here, "js", "js-client.mjs"), "sdk"]],
  ["wheel ours", [pythonOurs, path.join(here, "py_client.py"), "ours"]],
  ["boto3", [python, path.join(here, "py_client.py"), "boto3"]],
];

function run(command, warm, count) {
  const [program, ...args] = command;
  const started = process.hrtime.bigint();
  const out = execFileSync(program, [...args, url, String(warm), String(count)], { encoding: "utf8", cwd: here });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  return { ...JSON.parse(out.trim().split("\n").pop()), wallMs };
}

const only = process.env.BENCH_ONLY?.split(",");
const selected = clients.filter(([label]) => !only || only.includes(label));

const median = (values) => values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)];
const rows = [];
try {
  const colds = selected.map(([, command]) => median([0, 1, 2].map(() => run(command, 0, 0).wallMs)));
  const results = selected.map(() => []);
  for (let round = 0; round < rounds; round++) {
    selected.forEach(([, command], index) => results[index].push(run(command, warmup, calls)));
  }
  results.forEach((runs, index) => {
    const middle = median(runs.map((figures) => figures.callsPerSecond));
    rows.push({ ...runs.find((figures) => figures.callsPerSecond === middle), coldStartMs: colds[index] });
  });
} finally {
  stub.kill();
}

const pad = (text, width) => String(text).padEnd(width);
console.log(`${warmup} warm-up calls, then ${calls} sequential calls, ${rounds} rounds per client (the median round shown), against ${url} (a Node stub answering 200)\n`);
console.log(`${pad("client", 38)}${pad("cold start ms", 15)}${pad("calls/s", 10)}${pad("CPU µs/call", 13)}peak MB`);
for (const row of rows) {
  console.log(`${pad(row.client, 38)}${pad(row.coldStartMs.toFixed(0), 15)}${pad(row.callsPerSecond.toFixed(0), 10)}${pad(row.cpuMicrosPerCall.toFixed(0), 13)}${row.peakRssMb.toFixed(1)}`);
}
