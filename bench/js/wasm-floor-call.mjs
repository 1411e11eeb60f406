// Proves that make bench's floor of the browser download (bench/wasm-floor, built by
// scripts/build/wasm-floor.sh) is a client that works before its size is counted: one signed
// TransferCertificate of a fresh demo certificate against the local IoT endpoint, whose ARN comes
// back, and the same call with a wrong secret key refused by the endpoint's signature check. The
// endpoint's accounts and admin calls are the npm consumers' (tests/npm-consumers/harness).
// Usage (under scripts/run/with-emulator.sh): node bench/js/wasm-floor-call.mjs FLOOR_DIR

import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { endpoint, seedCertificates, source, targetAwsAccount } from "../../tests/npm-consumers/harness/emulator.mjs";

const dir = path.resolve(process.argv[2]);
const floor = await import(pathToFileURL(path.join(dir, "floor.js")).href);
await floor.default({ module_or_path: await readFile(path.join(dir, "iot_transfer_wasm_floor_bg.wasm")) });

const seeded = await seedCertificates();
const transfer = (secret) =>
  floor.transferCertificate(endpoint, "us-east-1", source.accessKeyId, secret, seeded.transferable, targetAwsAccount);
await assert.rejects(transfer("not-the-secret"), /signature/i);
const output = await transfer(source.secretAccessKey);
assert.match(output.transferredCertificateArn, new RegExp(`^arn:aws:iot:[a-z0-9-]+:${source.accountId}:cert/${seeded.transferable}$`));
console.log(`wasm-floor: one signed TransferCertificate through the local endpoint: ${output.transferredCertificateArn}`);
