// The soak test's orchestrator, run by scripts/test/soak.sh: starts the local endpoint, then for each
// client creates its certificates, turns on the seeded, bounded faults, runs the client's driver
// (every transfer once, 32 in flight), and compares what the driver reported with the endpoint's
// state. Prints a table, writes target/soak-report.json, and exits 1 on any misreport, hang,
// panic or crashed driver.
//
// Settings (environment): SOAK_SEED, SOAK_CALLS (per client), SOAK_CLIENTS (rust,node,python),
// SOAK_CONCURRENCY, SOAK_ATTEMPT_TIMEOUT_MS, SOAK_CALL_TIMEOUT_MS, SOAK_MAX_ATTEMPTS,
// SOAK_RETRY_BASE_DELAY_MS, SOAK_MAX_FAULTS, SOAK_FAULT_WINDOW_MS, SOAK_CLOCK_SKEW_SECONDS,
// SOAK_FAULTS (JSON merged over the fault settings). Paths: SOAK_EMULATOR, SOAK_RUST_DRIVER,
// SOAK_PYTHON (from scripts/test/soak.sh).

import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { classify } from "./classify.mjs";
import { formatTable } from "./table.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const out = join(root, "target", "soak");
const env = (name, fallback) => process.env[name] ?? fallback;
const int = (name, fallback) => Number.parseInt(env(name, String(fallback)), 10);

const SOURCE = { accountId: "111122223333", accessKeyId: "AKIAEMULATORSOURCE", secretAccessKey: "emulator-source-secret" };
const TARGET_ACCOUNT = "444455556666";
const calls = int("SOAK_CALLS", 2000);
const settings = {
  seed: int("SOAK_SEED", 1),
  calls,
  clients: env("SOAK_CLIENTS", "rust,node,python").split(",").filter(Boolean),
  concurrency: int("SOAK_CONCURRENCY", 32),
  attemptTimeoutMs: int("SOAK_ATTEMPT_TIMEOUT_MS", 400),
  callTimeoutMs: int("SOAK_CALL_TIMEOUT_MS", 3000),
  maxAttempts: int("SOAK_MAX_ATTEMPTS", 4),
  retryBaseDelayMs: int("SOAK_RETRY_BASE_DELAY_MS", 1000),
  // A hang is a call that never ends; the margin only absorbs a loaded machine's scheduling.
  hangMarginMs: int("SOAK_HANG_MARGIN_MS", 3000),
};
const faults = {
  seed: settings.seed,
  throttleRate: 0.04,
  serviceUnavailableRate: 0.02,
  internalFailureRate: 0.02,
  dropConnectionRate: 0.02,
  dropResponseRate: 0.03,
  slowRate: 0.03,
  // Past the attempt timeout and the call timeout: the attempt timeout cuts every slow answer.
  slowMs: settings.callTimeoutMs + 500,
  maxFaults: int("SOAK_MAX_FAULTS", Math.max(10, Math.floor(calls / 5))),
  windowMs: int("SOAK_FAULT_WINDOW_MS", 600_000),
  // Beyond the 15 minutes a signature may be off: each client must learn the offset from a refusal.
  clockSkewSeconds: int("SOAK_CLOCK_SKEW_SECONDS", 1200),
  ...JSON.parse(env("SOAK_FAULTS", "{}")),
};

const drivers = {
  rust: (plan, report) => [env("SOAK_RUST_DRIVER", join(root, "target", "debug", "soak-driver")), [plan, report]],
  node: (plan, report) => [process.execPath, ["--expose-gc", join(here, "node.mjs"), plan, report]],
  python: (plan, report) => [env("SOAK_PYTHON", "python3"), [join(here, "python.py"), plan, report]],
};

/** Starts the emulator on a free port; resolves to its URL and a stop function. */
async function startEmulator() {
  const child = spawn(env("SOAK_EMULATOR", join(root, "target", "debug", "iot-emulator")), ["--port", "0"], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const [url] = await Promise.race([
    (async () => {
      for await (const line of createInterface({ input: child.stdout })) return [line.trim()];
      throw new Error("the emulator ended before printing its URL");
    })(),
    new Promise((_, reject) => child.once("exit", (code) => reject(new Error(`the emulator exited (${code})`)))),
  ]);
  return { url, stop: () => child.kill() };
}

async function admin(url, method, action, body) {
  const response = await fetch(`${url}/_emulator/${action}`, {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await response.json();
  if (!response.ok) throw new Error(`${method} /_emulator/${action}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

/** Runs a driver to completion, or kills it at `limitMs`; resolves to why it failed, if it did. */
function runDriver(command, args, limitMs) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: out, stdio: ["ignore", "inherit", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      process.stderr.write(chunk);
      stderr = (stderr + chunk).slice(-20_000);
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), limitMs);
    child.on("error", (error) => resolve({ crashed: `cannot start ${command}: ${error.message}`, stderr }));
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      const crashed = code === 0 ? undefined : `exit ${code ?? signal}${signal === "SIGKILL" ? " (killed at the time limit)" : ""}`;
      resolve({ crashed, stderr });
    });
  });
}

async function soakClient(url, client) {
  await admin(url, "DELETE", "faults");
  const { certificateIds } = await admin(url, "POST", "certificates", { accountId: SOURCE.accountId, count: calls });
  const plan = { ...settings, endpoint: url, region: "us-east-1", ...SOURCE, targetAccount: TARGET_ACCOUNT, certificateIds };
  const planPath = join(out, `${client}-plan.json`);
  const reportPath = join(out, `${client}-report.json`);
  writeFileSync(planPath, JSON.stringify(plan));
  writeFileSync(reportPath, "");
  const before = (await admin(url, "GET", "state")).requestCounts;
  await admin(url, "POST", "faults", faults);
  const rounds = Math.ceil(calls / settings.concurrency);
  const limitMs = rounds * (settings.callTimeoutMs + settings.hangMarginMs) + 60_000;
  console.error(`soak: ${client}: ${calls} transfers, ${settings.concurrency} in flight`);
  const [command, args] = drivers[client](planPath, reportPath);
  const run = await runDriver(command, args, limitMs);
  const injected = (await admin(url, "GET", "faults")).injected;
  await admin(url, "DELETE", "faults");
  const state = await admin(url, "GET", "state");
  const serverCalls = Object.fromEntries(
    Object.entries(state.requestCounts).map(([operation, count]) => [operation, count - (before[operation] ?? 0)]),
  );
  let report;
  try {
    report = JSON.parse(readFileSync(reportPath, "utf8"));
  } catch {
    report = { results: [], panics: 0, rssKb: { start: 0, middle: 0, end: 0 }, wallMs: 0 };
  }
  const mine = new Set(certificateIds);
  const certificates = state.certificates.filter((record) => mine.has(record.certificateId));
  const hangLimitMs = settings.callTimeoutMs + settings.hangMarginMs;
  const figures = classify({ report, certificates, targetAccount: TARGET_ACCOUNT, hangLimitMs });
  // A Rust panic's message on standard error, in case it was caught before the driver saw it.
  figures.panics = Math.max(figures.panics, (run.stderr.match(/panicked at/g) ?? []).length);
  const crashed = run.crashed ?? (report.results.length === calls ? undefined : `${report.results.length} of ${calls} results`);
  return { client, ...figures, crashed, rssKb: report.rssKb, wallMs: report.wallMs, faultsInjected: injected, serverCalls };
}

mkdirSync(out, { recursive: true });
const emulator = await startEmulator();
const clients = [];
try {
  for (const client of settings.clients) {
    if (!drivers[client]) throw new Error(`no driver for ${client} (rust, node, python)`);
    clients.push(await soakClient(emulator.url, client));
  }
} finally {
  emulator.stop();
}
/** What a run shows that no working client would: the verdict beyond misreports. */
function implausible(c) {
  const why = [];
  const injected = c.faultsInjected ?? {};
  // Each injected fault ends at most one call in failure (most are retried away).
  const faultCount = Object.values(injected).reduce((sum, n) => sum + n, 0);
  if (c.done < c.calls - faultCount) why.push(`only ${c.done} of ${c.calls} calls done with ${faultCount} faults injected`);
  // Only a fault whose outcome is unknown (a dropped answer or connection, a 5xx, a slow answer) can
  // leave a transfer possibly applied.
  const ambiguous = ["dropResponse", "dropConnection", "internalFailure", "serviceUnavailable", "slow"]
    .reduce((sum, kind) => sum + (injected[kind] ?? 0), 0);
  const unknown = c.unknown.happened + c.unknown.notHappened;
  if (unknown > ambiguous) why.push(`${unknown} calls possibly applied, with ${ambiguous} faults that leave it unknown`);
  for (const [kind, rate] of Object.entries({ throttle: faults.throttleRate, dropResponse: faults.dropResponseRate, slow: faults.slowRate })) {
    if (rate > 0 && !injected[kind]) why.push(`no ${kind} fault was injected`);
  }
  if ((injected.dropResponse ?? 0) > 0 && c.reconciled === 0) why.push("dropped responses, yet nothing was reconciled");
  // Failures no injected fault explains: the client itself is wrong (a skew it did not correct, a
  // request it built or signed wrongly).
  const unexplained = ["Auth", "Validation", "Credentials", "Endpoint", "Configuration", "Unauthorized", "ResourceNotFound", "InvalidRequest", "InvalidResponse", "UnknownService"];
  for (const [key, count] of Object.entries(c.failedBy)) {
    if (unexplained.includes(key.split("/")[0])) why.push(`${count} calls failed with ${key}, which no injected fault causes`);
  }
  return why;
}
for (const c of clients) c.implausible = implausible(c);
const bad = (c) => c.misreports.total + c.hangs + c.panics + c.malformed + c.implausible.length + (c.crashed ? 1 : 0);
const ok = clients.every((c) => bad(c) === 0);
const report = { ok, settings, faults, clients };
writeFileSync(join(root, "target", "soak-report.json"), JSON.stringify(report, null, 2));
console.log(`soak: seed ${settings.seed}, ${calls} calls per client, faults ${JSON.stringify(faults)}`);
console.log(formatTable(clients));
for (const c of clients) for (const why of c.implausible) console.log(`${c.client}: implausible: ${why}`);
console.log(`\nsoak: ${ok ? "passed" : "FAILED (misreports, hangs, panics, malformed reports, implausible runs or crashes above)"}; report in target/soak-report.json`);
process.exit(ok ? 0 : 1);
