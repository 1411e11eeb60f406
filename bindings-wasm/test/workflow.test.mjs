// The whole certificate-transfer workflow through the npm package in Node against the project's
// local IoT endpoint (IOT_EMULATOR_URL, set by scripts/run/with-emulator.sh), with a client for each
// account: preflight, prepare, the target's view through a paginator, accept, reject, cancel, a
// lost cancel reported as done, and commands sent as the JS SDK sends them.

import { test, afterEach } from "node:test";
import assert from "node:assert/strict";
import {
  AcceptCertificateTransferCommand,
  DescribeCertificateCommand,
  IoTServiceException,
  IoTTransferClient,
  TransferAlreadyCompletedException,
  ValidationError,
  paginateListCertificates,
} from "iot-transfer";

const SOURCE = "111122223333";
const TARGET = "444455556666";
const url = process.env.IOT_EMULATOR_URL;
assert.ok(url, "run the tests through scripts/run/with-emulator.sh, which sets IOT_EMULATOR_URL");

async function admin(method, path, body) {
  const response = await fetch(`${url}/_emulator/${path}`, { method, body: body && JSON.stringify(body) });
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

async function recorded(id) {
  const { certificates } = await admin("GET", "state");
  const certificate = certificates.find((c) => c.certificateId === id);
  return [certificate.status, certificate.status === "PENDING_TRANSFER" ? certificate.transfer.targetAccount : null];
}

function client(accessKeyId, secretAccessKey) {
  return new IoTTransferClient({ region: "us-east-1", endpoint: url, credentials: { accessKeyId, secretAccessKey }, retryBaseDelay: 5 });
}

const source = () => client("AKIAEMULATORSOURCE", "emulator-source-secret");
const target = () => client("AKIAEMULATORTARGET", "emulator-target-secret");
const transfer = (id) => ({ certificateId: id, targetAwsAccount: TARGET });

afterEach(() => admin("DELETE", "faults"));

test("preflight names the blockers and prepare clears only what it may", async () => {
  const demo = await admin("POST", "seed-demo");
  const check = await source().checkTransfer(transfer(demo.active));
  assert.deepEqual(check.blockers, [{ type: "Active" }]);
  assert.equal(check.certificate.status, "ACTIVE");
  assert.ok(check.certificate.creationDate instanceof Date);
  const withPolicy = await source().checkTransfer(transfer(demo.withPolicy));
  assert.deepEqual(withPolicy.blockers, [{ type: "PoliciesAttached", policyNames: ["emulator-demo-device-policy"] }]);

  const refused = await source().prepareAndTransfer(transfer(demo.active));
  assert.deepEqual([refused.steps, refused.remainingBlockers, refused.transfer], [[], [{ type: "Active" }], undefined]);
  assert.equal(refused.leftState, "Nothing was changed: the certificate is as it was.");
  assert.deepEqual(await recorded(demo.active), ["ACTIVE", null]);

  const report = await source().prepareAndTransfer({ ...transfer(demo.withPolicy), detachPolicies: true });
  assert.deepEqual(
    report.steps.map((step) => [step.action, step.outcome]),
    [
      [{ type: "DetachPolicy", policyName: "emulator-demo-device-policy" }, { type: "Done" }],
      [{ type: "Transfer" }, { type: "Done" }],
    ],
  );
  assert.ok(report.transfer.transferredCertificateArn.endsWith(demo.withPolicy));
  assert.deepEqual(await recorded(demo.withPolicy), ["PENDING_TRANSFER", TARGET]);
});

test("the target lists, accepts and owns it; a second accept is explained", async () => {
  const id = (await admin("POST", "seed-demo")).transferable;
  await source().transferCertificate(transfer(id));
  const offered = [];
  for await (const page of paginateListCertificates({ client: target() }, { pageSize: 1 })) {
    assert.ok(page.certificates.length <= 1);
    offered.push(...page.certificates.filter((c) => c.certificateId === id));
  }
  assert.deepEqual(offered.map((c) => c.status), ["PENDING_TRANSFER"]);

  const accepted = await target().send(new AcceptCertificateTransferCommand({ certificateId: id, setAsActive: true }));
  assert.equal(accepted.$metadata.httpStatusCode, 200);
  assert.equal(accepted.$metadata.reconciled, false);
  const described = await target().send(new DescribeCertificateCommand({ certificateId: id }));
  assert.equal(described.certificateDescription.ownedBy, TARGET);
  assert.equal(described.certificateDescription.previousOwnedBy, SOURCE);
  assert.ok(described.certificateDescription.transferData.acceptDate instanceof Date);

  const again = await target().acceptCertificateTransfer({ certificateId: id }).catch((error) => error);
  assert.ok(again instanceof TransferAlreadyCompletedException && again instanceof IoTServiceException, String(again));
  assert.equal(again.name, "TransferAlreadyCompletedException");
  assert.equal(again.$metadata.httpStatusCode, 410);
  assert.match(again.hint, /already ended before this call/);
  assert.equal(again.possiblyApplied, false);
});

test("reject, cancel, and a lost cancel reported as done", async () => {
  const id = (await admin("POST", "seed-demo")).transferable;
  await source().transferCertificate(transfer(id));
  await target().rejectCertificateTransfer({ certificateId: id, rejectReason: "not ours" });
  const described = await source().describeCertificate({ certificateId: id });
  assert.equal(described.certificateDescription.transferData.rejectReason, "not ours");

  await source().transferCertificate(transfer(id));
  await admin("POST", "faults", { script: [{ operation: "CancelCertificateTransfer", fault: "dropResponse" }] });
  const cancelled = await source().cancelCertificateTransfer({ certificateId: id });
  assert.deepEqual([cancelled.$metadata.reconciled, cancelled.$metadata.attempts], [true, 2]);
  assert.deepEqual(await recorded(id), ["INACTIVE", null]);
});

test("a workflow call is cancelled by its abort signal, as an operation is", async () => {
  const demo = await admin("POST", "seed-demo");
  const aborted = await source().checkTransfer(transfer(demo.active), { abortSignal: AbortSignal.abort() }).catch((e) => e);
  assert.equal(aborted.name, "AbortError");
  const report = await source()
    .prepareAndTransfer({ ...transfer(demo.active), deactivate: true }, { abortSignal: AbortSignal.abort() })
    .catch((e) => e);
  assert.equal(report.name, "AbortError");
  assert.deepEqual(await recorded(demo.active), ["ACTIVE", null]);
});

test("bad input names the member and sends nothing", async () => {
  const error = await source().updateCertificate({ certificateId: "a".repeat(64), newStatus: 5 }).catch((e) => e);
  assert.ok(error instanceof ValidationError, String(error));
  assert.equal(error.field, "newStatus");
  assert.equal(error.$metadata.attempts, 0);
  const unknown = await source().send({ input: {} }).catch((e) => e);
  assert.equal(unknown.name, "ConfigurationError");
});

test("a failed step's error is on the report as its details, as in every language", async () => {
  const demo = await admin("POST", "seed-demo");
  await admin("POST", "faults", { script: [{ operation: "DetachPolicy", fault: "accessDenied" }] });
  const report = await source().prepareAndTransfer({ ...transfer(demo.withPolicy), detachPolicies: true });
  assert.equal(report.transfer, undefined);
  const [step] = report.steps;
  assert.deepEqual([step.outcome.type, step.outcome.kind, step.outcome.possiblyApplied], ["Failed", "Auth", false]);
  assert.ok(!(report.error instanceof Error), "the details record, not a thrown error");
  assert.deepEqual([report.error.kind, report.error.code], ["Auth", "AccessDeniedException"]);
  assert.equal(report.error.$metadata.httpStatusCode, 403);
  assert.equal(report.leftState, "Nothing was changed: the certificate is as it was.");
  const done = await source().prepareAndTransfer(transfer(demo.transferable));
  assert.ok(!("error" in done));
});
