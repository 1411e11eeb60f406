// What `make bench` ran on and with: the date, the machine (cores, CPU model, memory), the
// versions of every runtime and SDK, this repository's commit, and the command. Prints one JSON
// object. Usage: node bench/environment.mjs (environment: BENCH_PYTHON, BENCH_PYTHON_OURS,
// BENCH_COMMAND, the BENCH_* settings).

import { execFileSync } from "node:child_process";
import { readFileSync, existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..");

/** A command's trimmed output, or "unknown" when it fails. */
function output(program, args, options = {}) {
  try {
    return execFileSync(program, args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], ...options }).trim();
  } catch {
    return "unknown";
  }
}

/** A Python package's version in the given interpreter. */
const pythonPackage = (python, name) => output(python, ["-c", `import importlib.metadata as m; print(m.version("${name}"))`]);

/** The version the workspace's Cargo.lock (bench/rust's too) pins for a crate. */
function lockedCrate(name) {
  const lock = readFileSync(path.join(root, "Cargo.lock"), "utf8");
  return lock.match(new RegExp(`name = "${name}"\\nversion = "([^"]+)"`))?.[1] ?? "unknown";
}

/** An npm package's installed version under bench/js. */
function npmPackage(name) {
  const file = path.join(here, "js", "node_modules", name, "package.json");
  return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")).version : "unknown";
}

const cpuinfo = readFileSync("/proc/cpuinfo", "utf8");
const dirty = output("git", ["status", "--porcelain", "--untracked-files=no"], { cwd: root }) !== "";
const python = process.env.BENCH_PYTHON, pythonOurs = process.env.BENCH_PYTHON_OURS;
const settings = Object.fromEntries(Object.entries(process.env).filter(([name]) => /^(BENCH_(ROUNDS|WARMUP|CALLS)|HANDOVER_)/.test(name)));
console.log(JSON.stringify({
  date: new Date().toISOString(),
  machine: {
    cores: Number(output("nproc", [])),
    cpu: cpuinfo.match(/^model name\s*:\s*(.*)$/m)?.[1] ?? "unknown",
    memoryGb: Math.round(os.totalmem() / 2 ** 30 * 10) / 10,
    kernel: os.release(),
    loadAverage: os.loadavg().map((load) => Math.round(load * 100) / 100),
  },
  versions: {
    commit: output("git", ["rev-parse", "--short=12", "HEAD"], { cwd: root }) + (dirty ? " (with uncommitted changes)" : ""),
    node: process.version,
    python: output(python, ["-c", "import platform; print(platform.python_version())"]),
    pythonOurs: output(pythonOurs, ["-c", "import platform; print(platform.python_version())"]),
    rustc: output("rustc", ["--version"]),
    boto3: pythonPackage(python, "boto3"),
    botocore: pythonPackage(python, "botocore"),
    iotTransferWheel: pythonPackage(pythonOurs, "iot-transfer"),
    awsSdkClientIot: npmPackage("@aws-sdk/client-iot"),
    esbuild: npmPackage("esbuild"),
    awsSdkIot: lockedCrate("aws-sdk-iot"),
    reqwestFloor: lockedCrate("reqwest"),
  },
  command: process.env.BENCH_COMMAND ?? "make bench",
  settings,
}, null, 1));
