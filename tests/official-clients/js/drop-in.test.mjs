// The npm package `iot-transfer` (bindings-wasm/pkg, built by `make wasm`) as a drop-in for the
// installed @aws-sdk/client-iot, for the operations the package has:
// - it exports every name the JS SDK exports for them: the clients, each operation's command and
//   paginator, every exception the JS SDK's docs say each may throw, IoTServiceException, the
//   enums the package has, and (in its TypeScript declarations) the commands' input and output
//   types and the client's and paginators' configuration types. The names are read from the
//   installed JS SDK, the operations from the package: nothing is listed by hand;
// - a script written for the JS SDK (drop-in-script.mjs) prints the same facts when run on the
//   JS SDK and, with only the package name in its import changed, on the package;
// - the TypeScript script the package's tests type-check against it (bindings-wasm/test/drop-in.ts)
//   type-checks against the JS SDK with its import changed back: it is written as for the JS SDK.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { SOURCE, startEmulator } from "./emulator.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const wasmDir = resolve(here, "../../../bindings-wasm");
const pkg = join(wasmDir, "pkg");
const sdkTypes = join(dirname(createRequire(import.meta.url).resolve("@aws-sdk/client-iot/package.json")), "dist-types");
const sdk = await import("@aws-sdk/client-iot");
const ours = await import(pathToFileURL(join(pkg, "index.mjs")).href).catch((error) => {
  throw new Error(`no npm package in ${pkg}: run make wasm first (${error.message})`);
});
const oursTypes = readFileSync(join(pkg, "index.d.ts"), "utf8");

/** The package's operations, from its commands (generated from the core's declarations). */
const operations = Object.keys(ours)
  .filter((name) => name.endsWith("Command"))
  .map((name) => name.slice(0, -"Command".length));

/** The names a file of the JS SDK's declarations matches with `pattern`'s first group. */
function sdkDeclared(file, pattern) {
  return [...readFileSync(join(sdkTypes, file), "utf8").matchAll(pattern)].map((match) => match[1]);
}

/** Whether the package's declarations export `name` (as a class, function, constant, interface or type). */
function typeExported(name) {
  return new RegExp(`^export (declare (class|function|const) |interface |type )${name}\\b|^export \\{[^}]* as ${name}\\b`, "m").test(oursTypes);
}

test("the package has the ten operations of the transfer workflow, each one the JS SDK has", () => {
  assert.ok(operations.length >= 10, operations.join());
  for (const operation of operations) assert.equal(typeof sdk[`${operation}Command`], "function", operation);
});

test("it exports the JS SDK's names for them: clients, commands, paginators, exceptions", () => {
  const clients = Object.keys(sdk).filter((name) => !name.startsWith("__") && typeof sdk[name]?.prototype?.send === "function");
  assert.deepEqual(clients.sort(), ["IoT", "IoTClient"]);
  const expected = new Set([...clients, "IoTServiceException"]);
  for (const operation of operations) {
    expected.add(`${operation}Command`);
    if (`paginate${operation}` in sdk) expected.add(`paginate${operation}`);
    for (const thrown of sdkDeclared(`commands/${operation}Command.d.ts`, /@throws \{@link (\w+)\}/g)) expected.add(thrown);
  }
  const missing = [...expected].filter((name) => !(name in ours));
  assert.deepEqual(missing, [], `exported by @aws-sdk/client-iot, not by iot-transfer: ${missing.join(", ")}`);
  for (const name of expected) assert.equal(typeof ours[name], "function", name);
  // The paginators' and exceptions' sets are not empty: the JS SDK's files were read.
  assert.ok([...expected].some((name) => name.startsWith("paginate")) && expected.has("ResourceNotFoundException"));
  // The clients are the package's one client.
  for (const name of clients) assert.equal(ours[name], ours.IoTTransferClient, name);
});

test("its exceptions extend IoTServiceException, as the JS SDK's do", () => {
  for (const name of Object.keys(sdk).filter((name) => name.endsWith("Exception") && name in ours)) {
    assert.ok(name === "IoTServiceException" || ours[name].prototype instanceof ours.IoTServiceException, name);
    assert.ok(sdk[name] === sdk.IoTServiceException || sdk[name].prototype instanceof sdk.IoTServiceException, name);
  }
});

test("its enums hold the JS SDK's values", () => {
  const enums = Object.keys(ours).filter((name) => typeof ours[name] === "object" && ours[name] !== null && name in sdk);
  assert.ok(enums.includes("CertificateStatus"), enums.join());
  for (const name of enums) assert.deepEqual({ ...ours[name] }, { ...sdk[name] }, name);
});

test("its TypeScript declarations have the JS SDK's type names for them", () => {
  const expected = new Set(["IoTClientConfig", ...sdkDeclared("pagination/Interfaces.d.ts", /^export interface (\w+)/gm)]);
  for (const operation of operations) {
    const file = `commands/${operation}Command.d.ts`;
    sdkDeclared(file, /^export interface (\w+)/gm).forEach((name) => expected.add(name));
    // The model's request and response shapes the command's types extend.
    sdkDeclared(file, /^export interface \w+ extends (\w+(?:Request|Response))\b/gm).forEach((name) => expected.add(name));
  }
  assert.ok(expected.has("TransferCertificateCommandInput") && expected.has("TransferCertificateRequest"), [...expected].join());
  const missing = [...expected].filter((name) => !typeExported(name));
  assert.deepEqual(missing, [], `declared by @aws-sdk/client-iot, not by iot-transfer: ${missing.join(", ")}`);
});

let emulator;
let work;
before(async () => {
  emulator = await startEmulator();
  work = mkdtempSync(join(tmpdir(), "iot-transfer-drop-in-"));
});
after(() => {
  emulator?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Runs `script` (a file) on fresh demo certificates; resolves to the facts it printed. */
async function run(script) {
  await emulator.admin("POST", "reset");
  const demo = await emulator.admin("POST", "seed-demo");
  const env = {
    PATH: process.env.PATH,
    HOME: work,
    AWS_REGION: "us-east-1",
    AWS_ENDPOINT_URL_IOT: emulator.url,
    AWS_ACCESS_KEY_ID: SOURCE.accessKeyId,
    AWS_SECRET_ACCESS_KEY: SOURCE.secretAccessKey,
    AWS_CONFIG_FILE: join(work, "none"),
    AWS_SHARED_CREDENTIALS_FILE: join(work, "none"),
    AWS_EC2_METADATA_DISABLED: "true",
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    DEMO: JSON.stringify(demo),
  };
  const { stdout } = await promisify(execFile)(process.execPath, [script], { env, cwd: dirname(script) });
  return stdout.trim().split("\n").map((line) => JSON.parse(line));
}

test("a script written for the JS SDK runs on the package with only its import changed", async () => {
  const original = join(here, "drop-in-script.mjs");
  const text = readFileSync(original, "utf8");
  assert.equal(text.split('"@aws-sdk/client-iot"').length, 2, "the script names the JS SDK once, in its import");
  // The changed copy, next to a node_modules holding the package alone.
  mkdirSync(join(work, "node_modules"));
  symlinkSync(pkg, join(work, "node_modules", "iot-transfer"), "dir");
  const changed = join(work, "drop-in-script.mjs");
  writeFileSync(changed, text.replace('"@aws-sdk/client-iot"', '"iot-transfer"'));
  assert.deepEqual(readdirSync(join(work, "node_modules")), ["iot-transfer"]);

  const onSdk = await run(original);
  const onPackage = await run(changed);
  assert.deepEqual(onSdk.at(-1), ["done", true]);
  assert.deepEqual(onPackage, onSdk);
  // Every step printed: the comparison covers the errors too.
  const facts = new Set(onSdk.map(([fact]) => fact));
  for (const fact of ["deactivated", "detached", "accepted again", "rejected", "refused", "not found", "aborted"]) assert.ok(facts.has(fact), fact);
});

test("the package's TypeScript drop-in script type-checks against the JS SDK", async () => {
  const text = readFileSync(join(wasmDir, "test", "drop-in.ts"), "utf8");
  assert.equal(text.split('from "iot-transfer"').length, 2, "the script imports the package once");
  const dir = mkdtempSync(join(work, "ts-"));
  symlinkSync(join(here, "node_modules"), join(dir, "node_modules"), "dir");
  writeFileSync(join(dir, "drop-in.ts"), text.replace('from "iot-transfer"', 'from "@aws-sdk/client-iot"'));
  const compilerOptions = { strict: true, noEmit: true, target: "es2022", module: "nodenext", moduleResolution: "nodenext", lib: ["es2022", "dom"], types: [], skipLibCheck: true };
  writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions, files: ["drop-in.ts"] }));
  const tsc = join(wasmDir, "node_modules", "typescript", "bin", "tsc");
  await promisify(execFile)(process.execPath, [tsc, "-p", join(dir, "tsconfig.json")]).catch((error) => {
    assert.fail(`tsc against @aws-sdk/client-iot: ${error.stdout}${error.stderr}`);
  });
});
