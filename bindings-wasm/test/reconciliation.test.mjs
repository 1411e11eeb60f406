// The npm package in Node against the project's local IoT endpoint (IOT_EMULATOR_URL, set by
// scripts/run/with-emulator.sh): a lost response, an attempt slower than its timeout and a call slower
// than its timeout end in the truth about the transfer, checked with the endpoint's own record.

import { test, afterEach } from "node:test";
import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import { IoTTransferClient, TimeoutError, CertificateStateException } from "iot-transfer";

const TARGET = "444455556666";
const url = process.env.IOT_EMULATOR_URL;
assert.ok(url, "run the tests through scripts/run/with-emulator.sh, which sets IOT_EMULATOR_URL");

async function admin(method, path, body) {
  const response = await fetch(`${url}/_emulator/${path}`, { method, body: body && JSON.stringify(body) });
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

const transferableCertificate = async () => (await admin("POST", "seed-demo")).transferable;

/** [status, pending target] as the endpoint records the certificate. */
async function recorded(id) {
  const { certificates } = await admin("GET", "state");
  const certificate = certificates.find((c) => c.certificateId === id);
  return [certificate.status, certificate.status === "PENDING_TRANSFER" ? certificate.transfer.targetAccount : null];
}

function client(timeouts = {}) {
  return new IoTTransferClient({
    region: "us-east-1",
    endpoint: url,
    credentials: { accessKeyId: "AKIAEMULATORSOURCE", secretAccessKey: "emulator-source-secret" },
    retryBaseDelay: 10,
    timeouts,
  });
}

const transfer = (id) => ({ certificateId: id, targetAwsAccount: TARGET });

afterEach(() => admin("DELETE", "faults"));

test("a dropped response is reported as the transfer it was", async () => {
  const id = await transferableCertificate();
  await admin("POST", "faults", { script: [{ operation: "TransferCertificate", fault: "dropResponse" }] });
  const output = await client().transferCertificate(transfer(id));
  assert.equal(output.$metadata.reconciled, true);
  assert.equal(output.$metadata.attempts, 2);
  assert.ok(output.transferredCertificateArn.endsWith(`cert/${id}`));
  assert.deepEqual(await recorded(id), ["PENDING_TRANSFER", TARGET]);
});

test("an attempt slower than its timeout ends in the truth", async () => {
  const id = await transferableCertificate();
  await admin("POST", "faults", { script: [{ operation: "TransferCertificate", fault: "latency", latencyMs: 600 }] });
  const output = await client({ attempt: 150 }).transferCertificate(transfer(id));
  assert.equal(output.$metadata.attempts, 2);
  await sleep(700);
  assert.deepEqual(await recorded(id), ["PENDING_TRANSFER", TARGET]);
});

test("a call slower than its timeout says the transfer may have happened", async () => {
  const id = await transferableCertificate();
  await admin("POST", "faults", { latencyMs: 800, operations: ["TransferCertificate"] });
  const error = await client({ call: 300 }).transferCertificate(transfer(id)).then(() => assert.fail("expected a timeout"), (e) => e);
  assert.ok(error instanceof TimeoutError, String(error));
  assert.equal(error.possiblyApplied, true);
  assert.match(error.hint, /DescribeCertificate/);
});

test("a second transfer of a pending certificate is explained, not undone", async () => {
  const id = await transferableCertificate();
  await client().transferCertificate(transfer(id));
  const error = await client().transferCertificate(transfer(id)).then(() => assert.fail("expected a rejection"), (e) => e);
  assert.ok(error instanceof CertificateStateException, String(error));
  assert.equal(error.possiblyApplied, false);
  assert.equal(error.$metadata.reconciled, true);
  assert.match(error.hint, new RegExp(`already PENDING_TRANSFER to account ${TARGET}`));
  assert.doesNotMatch(error.hint, /cancel/i);
});
