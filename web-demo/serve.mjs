// `make demo`: starts the local IoT endpoint (iot-emulator, seeded with two accounts,
// certificates in the interesting states and a fleet for the batch view), serves the demo page and
// the npm package on loopback, prints the URL, and stops everything on Ctrl-C.

import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { readFile } from "node:fs/promises";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..");
/** The emulator's first account, which the demo uses as the source. */
const SOURCE_ACCOUNT = "111122223333";
const types = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".wasm": "application/wasm", ".json": "application/json", ".png": "image/png" };

/** The emulator binary: $IOT_EMULATOR_BIN, else debug/iot-emulator in the Cargo target directory (as the other suites find it). */
function emulatorBinary() {
  const targetDir = path.resolve(root, process.env.CARGO_TARGET_DIR || "target");
  return process.env.IOT_EMULATOR_BIN || path.join(targetDir, "debug", "iot-emulator");
}

/** Starts the emulator; resolves to its URL and process once it prints the URL. */
function startEmulator(binary) {
  const child = spawn(binary, ["--port", "0", "--seed-demo"], { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`iot-emulator exited with ${code}`)));
    createInterface({ input: child.stdout }).once("line", (url) => resolve({ url: url.trim(), child }));
  });
}

/** Adds `count` INACTIVE certificates with no policies to the source account: a fleet for the batch view. */
async function seedFleet(endpoint, count) {
  if (count === 0) return;
  const response = await fetch(`${endpoint}/_emulator/certificates`, {
    method: "POST",
    body: JSON.stringify({ accountId: SOURCE_ACCOUNT, count, status: "INACTIVE", policyNames: [] }),
  });
  if (!response.ok) throw new Error(`iot-emulator refused the fleet: ${response.status} ${await response.text()}`);
}

/** Serves web-demo/ at / and the built npm package at /pkg/; `demo` is served as demo-config.json. */
function startPageServer(port, demo) {
  const server = http.createServer(async (request, response) => {
    const pathname = decodeURIComponent(new URL(request.url, "http://demo").pathname);
    if (pathname === "/demo-config.json") {
      response.writeHead(200, { "content-type": types[".json"], "cache-control": "no-store" }).end(JSON.stringify(demo));
      return;
    }
    const file = pathname.startsWith("/pkg/")
      ? path.join(root, "bindings-wasm", "pkg", pathname.slice(5))
      : path.join(here, pathname === "/" ? "index.html" : pathname);
    const allowed = [here, path.join(root, "bindings-wasm", "pkg")];
    if (!allowed.some((base) => file.startsWith(base + path.sep)) || file.includes(`${path.sep}test${path.sep}`)) {
      response.writeHead(404).end();
      return;
    }
    try {
      const body = await readFile(file);
      response.writeHead(200, { "content-type": types[path.extname(file)] ?? "application/octet-stream" }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}

/**
 * Starts the emulator (its 3 demo certificates and a fleet of `fleet` more) and the page; resolves
 * to `{ url, endpoint, stop }`.
 */
export async function startDemo({ port = 0, emulator = emulatorBinary(), fleet = 25 } = {}) {
  const { url: endpoint, child } = await startEmulator(emulator);
  try {
    await seedFleet(endpoint, fleet);
  } catch (error) {
    child.removeAllListeners("exit");
    child.kill("SIGTERM");
    throw error;
  }
  const demo = {
    endpoint,
    region: "us-east-1",
    // The emulator's documented demo keys: public, for a local endpoint only.
    accessKeyId: "AKIAEMULATORSOURCE",
    secretAccessKey: "emulator-source-secret",
    targetAwsAccount: "444455556666",
    target: { accessKeyId: "AKIAEMULATORTARGET", secretAccessKey: "emulator-target-secret" },
  };
  const server = await startPageServer(port, demo);
  const url = `http://127.0.0.1:${server.address().port}/`;
  const stop = () =>
    new Promise((resolve) => {
      child.removeAllListeners("exit");
      child.kill("SIGTERM");
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return { url, endpoint, stop };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.DEMO_PORT ?? 8080);
  const demo = await startDemo({ port });
  console.log(`local IoT endpoint: ${demo.endpoint}`);
  console.log(`demo page:          ${demo.url}   (Ctrl-C stops both)`);
  const shutdown = async () => {
    await demo.stop();
    process.exit(0);
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}
