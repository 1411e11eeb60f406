// `make bench`'s calls: every client program of clients.mjs, in every mode, against one loopback
// stub (stub.mjs), BENCH_ROUNDS rounds (default 3) taken in turn by every program so that a noisy
// moment hits all alike. Each run is a fresh process: its first response is the cold start, then
// BENCH_WARMUP warm-up calls (default 1000) and BENCH_CALLS measured ones (default 5000). Writes
// every round's figures as JSON to the file named by its argument.
//
// Usage: node bench/run.mjs OUT.json   (environment: see clients.mjs)

import { spawn, spawnSync } from "node:child_process";
import { createInterface } from "node:readline";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { clients } from "./clients.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const out = process.argv[2];
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const warmup = Number(process.env.BENCH_WARMUP ?? 1000);
const calls = Number(process.env.BENCH_CALLS ?? 5000);

const stub = spawn(process.execPath, [path.join(here, "stub.mjs")], { stdio: ["ignore", "pipe", "ignore"] });
const url = await new Promise((resolve) => createInterface({ input: stub.stdout }).once("line", resolve));

/**
 * Runs one program once; its figures (the JSON on its last line of output). A program that printed
 * its figures and then did not exit cleanly (a crash at exit) keeps them, with `exit` saying how
 * it ended, for the report to show; one that printed none fails the bench.
 */
function runOnce([program, ...args]) {
  const env = { ...process.env, BENCH_SPAWN_EPOCH_MS: String(Date.now()), AWS_CONFIG_FILE: "/nonexistent", AWS_SHARED_CREDENTIALS_FILE: "/nonexistent" };
  const run = spawnSync(program, [...args, url, String(warmup), String(calls)], { encoding: "utf8", cwd: here, env, maxBuffer: 1 << 24 });
  const last = (run.stdout ?? "").trim().split("\n").pop();
  if (!last?.startsWith("{")) {
    throw new Error(`${program} ${args.join(" ")} printed no figures (exit ${run.status ?? run.signal}): ${run.stderr?.slice(-2000)}`);
  }
  const figures = JSON.parse(last);
  return run.status === 0 ? figures : { ...figures, exit: run.signal ? `signal ${run.signal}` : `status ${run.status}` };
}

const entries = clients(here).map((entry) => ({ ...entry, rounds: [] }));
try {
  for (let round = 1; round <= rounds; round++) {
    for (const entry of entries) {
      entry.rounds.push(runOnce(entry.command));
      process.stderr.write(`round ${round}/${rounds}: ${entry.runtime} ${entry.label} ${entry.mode}: ${entry.rounds.at(-1).callsPerSecond.toFixed(0)} calls/s\n`);
    }
  }
} finally {
  stub.kill();
}
const root = path.resolve(here, "..");
/** A command as the report shows it: paths in the repository relative to it, others by their name. */
const shown = (command) => command.map((part) => !path.isAbsolute(part) ? part : part.startsWith(root + path.sep) ? path.relative(root, part) : path.basename(part)).join(" ");
writeFileSync(out, JSON.stringify({
  rounds, warmup, calls, inFlight: 32,
  peer: "bench/stub.mjs: a Node HTTP server on 127.0.0.1 answering every request with a TransferCertificate success",
  clients: entries.map(({ command, ...entry }) => ({ ...entry, command: `${shown(command)} URL ${warmup} ${calls}` })),
}, null, 1));
