// The soak test's Node driver: `node node.mjs PLAN.json REPORT.json` transfers every certificate of
// the plan once through the built npm package (bindings-wasm/pkg, or the plan's `package`), with
// `concurrency` calls in flight and no retry of its own, and writes what each call reported in the
// same shape as the Rust driver (tests/soak/src/report.rs).

import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";

const [planPath, reportPath] = process.argv.slice(2);
if (!planPath || !reportPath) {
  console.error("usage: node node.mjs PLAN.json REPORT.json");
  process.exit(2);
}
const plan = JSON.parse(readFileSync(planPath, "utf8"));
const packageEntry = plan.package ?? fileURLToPath(new URL("../../bindings-wasm/pkg/index.mjs", import.meta.url));
const { IoTTransferClient, IoTTransferError } = await import(pathToFileURL(packageEntry).href);

const client = new IoTTransferClient({
  region: plan.region,
  endpoint: plan.endpoint,
  credentials: { accessKeyId: plan.accessKeyId, secretAccessKey: plan.secretAccessKey },
  maxAttempts: plan.maxAttempts,
  retryBaseDelay: plan.retryBaseDelayMs,
  timeouts: { attempt: plan.attemptTimeoutMs, call: plan.callTimeoutMs },
});
const limitMs = plan.callTimeoutMs + plan.hangMarginMs;
/** RSS after a full collection when the run allows one (`node --expose-gc`), so that garbage not yet collected does not read as growth. */
function rssKb() {
  globalThis.gc?.();
  return Math.round(process.memoryUsage.rss() / 1024);
}
const HUNG = Symbol("hung");

/** One call, given up on at the call timeout plus the margin: past it, the call hung. */
async function transfer(certificateId) {
  const started = performance.now();
  let timer;
  const deadline = new Promise((resolve) => (timer = setTimeout(resolve, limitMs, HUNG)));
  const result = { certificateId, outcome: "hung", reconciled: false, possiblyApplied: false, attempts: 0 };
  try {
    const output = await Promise.race([
      client.transferCertificate({ certificateId, targetAwsAccount: plan.targetAccount }),
      deadline,
    ]);
    if (output !== HUNG) {
      result.outcome = "done";
      result.arn = output.transferredCertificateArn;
      result.reconciled = output.$metadata.reconciled;
      result.attempts = output.$metadata?.attempts ?? 0;
    }
  } catch (error) {
    if (error instanceof IoTTransferError) {
      result.outcome = "failed";
      result.kind = error.kind;
      result.code = error.code;
      result.possiblyApplied = error.possiblyApplied === true;
      result.attempts = error.$metadata?.attempts ?? 0;
    } else {
      // Not the package's own error: a wasm trap (a Rust panic) or a bug in the JS layer.
      result.outcome = "panicked";
      result.code = `${error?.name}: ${error?.message}`;
    }
  } finally {
    clearTimeout(timer);
  }
  result.durationMs = performance.now() - started;
  return result;
}

const ids = plan.certificateIds;
const results = new Array(ids.length);
const rss = { start: rssKb(), middle: 0, end: 0 };
let next = 0;
let ended = 0;
const started = performance.now();
async function worker() {
  while (next < ids.length) {
    const index = next++;
    results[index] = await transfer(ids[index]);
    if (++ended === Math.floor(ids.length / 2)) rss.middle = rssKb();
  }
}
await Promise.all(Array.from({ length: Math.max(1, plan.concurrency) }, worker));
const wallMs = performance.now() - started;
rss.end = rssKb();
const panics = results.filter((result) => result.outcome === "panicked").length;
writeFileSync(reportPath, JSON.stringify({ client: "node", rssKb: rss, wallMs, panics, results }, null, 2));
// Hung calls may hold timers or sockets open; the report is written, so leave now.
process.exit(0);
