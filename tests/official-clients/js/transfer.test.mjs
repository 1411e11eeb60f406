// A whole certificate transfer through the official AWS SDK for JavaScript v3 against the
// local IoT emulator: every response must parse and every error must be its modelled class.
import { after, before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import {
  AcceptCertificateTransferCommand,
  AttachPolicyCommand,
  CancelCertificateTransferCommand,
  CertificateStateException,
  CreateKeysAndCertificateCommand,
  CreatePolicyCommand,
  DescribeCertificateCommand,
  DetachPolicyCommand,
  IoTClient,
  ListAttachedPoliciesCommand,
  ListCertificatesCommand,
  ListOutgoingCertificatesCommand,
  RejectCertificateTransferCommand,
  ResourceNotFoundException,
  TransferAlreadyCompletedException,
  TransferCertificateCommand,
  TransferConflictException,
  UnauthorizedException,
  UpdateCertificateCommand,
} from "@aws-sdk/client-iot";
import { SOURCE, TARGET, startEmulator } from "./emulator.mjs";

const POLICY = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "iot:Connect", Resource: "*" }] });
let emulator;

function client(account, extra = {}) {
  return new IoTClient({
    region: "eu-west-1",
    endpoint: emulator.url,
    credentials: { accessKeyId: account.accessKeyId, secretAccessKey: account.secretAccessKey },
    ...extra,
  });
}

async function newInactiveCertificate(source) {
  const created = await source.send(new CreateKeysAndCertificateCommand({ setAsActive: false }));
  return created;
}

before(async () => {
  emulator = await startEmulator();
});
after(() => emulator?.stop());
beforeEach(async () => {
  await emulator.admin("POST", "reset");
});

test("a whole transfer: refusals, success, accept, and accept again", async () => {
  const source = client(SOURCE);
  const target = client(TARGET);

  const created = await source.send(new CreateKeysAndCertificateCommand({ setAsActive: true }));
  const { certificateId, certificateArn } = created;
  assert.match(certificateId, /^[0-9a-f]{64}$/);
  assert.equal(certificateArn, `arn:aws:iot:eu-west-1:${SOURCE.accountId}:cert/${certificateId}`);
  assert.match(created.certificatePem, /^-----BEGIN CERTIFICATE-----/);
  assert.match(created.keyPair.PrivateKey, /PRIVATE KEY-----/);
  assert.match(created.keyPair.PublicKey, /^-----BEGIN PUBLIC KEY-----/);
  assert.equal(created.$metadata.httpStatusCode, 200);
  assert.ok(created.$metadata.requestId);

  const transfer = () =>
    source.send(new TransferCertificateCommand({ certificateId, targetAwsAccount: TARGET.accountId, transferMessage: "For the Lisbon fleet" }));

  await assert.rejects(transfer(), (error) => {
    assert.ok(error instanceof CertificateStateException, `${error.name}: ${error.message}`);
    assert.equal(error.$metadata.httpStatusCode, 406);
    assert.ok(error.$metadata.requestId);
    return true;
  });

  await source.send(new UpdateCertificateCommand({ certificateId, newStatus: "INACTIVE" }));
  const policy = await source.send(new CreatePolicyCommand({ policyName: "fleet-policy", policyDocument: POLICY }));
  assert.equal(policy.policyArn, `arn:aws:iot:eu-west-1:${SOURCE.accountId}:policy/fleet-policy`);
  await source.send(new AttachPolicyCommand({ policyName: "fleet-policy", target: certificateArn }));
  const attached = await source.send(new ListAttachedPoliciesCommand({ target: certificateArn }));
  assert.deepEqual(attached.policies.map((p) => p.policyName), ["fleet-policy"]);

  await assert.rejects(transfer(), (error) => error instanceof TransferConflictException && error.$metadata.httpStatusCode === 409);

  await source.send(new DetachPolicyCommand({ policyName: "fleet-policy", target: certificateArn }));
  const transferred = await transfer();
  assert.equal(transferred.transferredCertificateArn, certificateArn);

  const pending = (await source.send(new DescribeCertificateCommand({ certificateId }))).certificateDescription;
  assert.equal(pending.status, "PENDING_TRANSFER");
  assert.equal(pending.ownedBy, SOURCE.accountId);
  assert.equal(pending.transferData.transferMessage, "For the Lisbon fleet");
  assert.ok(pending.transferData.transferDate instanceof Date);
  assert.ok(pending.creationDate instanceof Date);
  assert.ok(Math.abs(pending.creationDate.getTime() - Date.now()) < 60_000);

  const outgoing = await source.send(new ListOutgoingCertificatesCommand({}));
  assert.deepEqual(outgoing.outgoingCertificates.map((c) => [c.certificateId, c.transferredTo]), [[certificateId, TARGET.accountId]]);

  const incoming = await target.send(new ListCertificatesCommand({}));
  assert.deepEqual(incoming.certificates.map((c) => [c.certificateId, c.status]), [[certificateId, "PENDING_TRANSFER"]]);

  await assert.rejects(
    source.send(new AcceptCertificateTransferCommand({ certificateId })),
    (error) => error instanceof UnauthorizedException && error.$metadata.httpStatusCode === 401,
  );

  await target.send(new AcceptCertificateTransferCommand({ certificateId, setAsActive: true }));
  const accepted = (await target.send(new DescribeCertificateCommand({ certificateId }))).certificateDescription;
  assert.equal(accepted.status, "ACTIVE");
  assert.equal(accepted.ownedBy, TARGET.accountId);
  assert.equal(accepted.previousOwnedBy, SOURCE.accountId);
  assert.equal(accepted.certificateArn, `arn:aws:iot:eu-west-1:${TARGET.accountId}:cert/${certificateId}`);
  assert.ok(accepted.transferData.acceptDate instanceof Date);

  await assert.rejects(
    target.send(new AcceptCertificateTransferCommand({ certificateId })),
    (error) => error instanceof TransferAlreadyCompletedException && error.$metadata.httpStatusCode === 410,
  );
  await assert.rejects(
    source.send(new DescribeCertificateCommand({ certificateId })),
    (error) => error instanceof ResourceNotFoundException && error.$metadata.httpStatusCode === 404,
  );
});

test("a rejected transfer returns the certificate INACTIVE with the reason", async () => {
  const source = client(SOURCE);
  const target = client(TARGET);
  const { certificateId } = await newInactiveCertificate(source);
  await source.send(new TransferCertificateCommand({ certificateId, targetAwsAccount: TARGET.accountId }));
  await target.send(new RejectCertificateTransferCommand({ certificateId, rejectReason: "Not ours" }));
  const rejected = (await source.send(new DescribeCertificateCommand({ certificateId }))).certificateDescription;
  assert.equal(rejected.status, "INACTIVE");
  assert.equal(rejected.ownedBy, SOURCE.accountId);
  assert.equal(rejected.transferData.rejectReason, "Not ours");
  assert.ok(rejected.transferData.rejectDate instanceof Date);
  await assert.rejects(
    target.send(new RejectCertificateTransferCommand({ certificateId })),
    (error) => error instanceof TransferAlreadyCompletedException,
  );
});

test("a cancelled transfer returns the certificate INACTIVE and is gone from the outgoing list", async () => {
  const source = client(SOURCE);
  const { certificateId } = await newInactiveCertificate(source);
  await source.send(new TransferCertificateCommand({ certificateId, targetAwsAccount: TARGET.accountId }));
  await source.send(new CancelCertificateTransferCommand({ certificateId }));
  const cancelled = (await source.send(new DescribeCertificateCommand({ certificateId }))).certificateDescription;
  assert.equal(cancelled.status, "INACTIVE");
  const outgoing = await source.send(new ListOutgoingCertificatesCommand({}));
  assert.deepEqual(outgoing.outgoingCertificates, []);
  await assert.rejects(
    source.send(new CancelCertificateTransferCommand({ certificateId })),
    (error) => error instanceof TransferAlreadyCompletedException,
  );
});

test("throttling is retried by the SDK until it succeeds", async () => {
  const source = client(SOURCE, { maxAttempts: 3 });
  const { certificateId } = await newInactiveCertificate(source);
  await emulator.admin("POST", "faults", { script: [{ operation: "TransferCertificate", fault: "throttle", times: 2 }] });
  const transferred = await source.send(new TransferCertificateCommand({ certificateId, targetAwsAccount: TARGET.accountId }));
  assert.equal(transferred.$metadata.attempts, 3);
  assert.ok(transferred.$metadata.totalRetryDelay > 0);
  const state = await emulator.admin("GET", "state");
  assert.equal(state.requestCounts.TransferCertificate, 3);
});

test("the SDK corrects its clock from the skewed Date header", async () => {
  const source = client(SOURCE);
  await emulator.admin("POST", "faults", { clockSkewSeconds: 3600 });
  const created = await source.send(new CreateKeysAndCertificateCommand({}));
  assert.equal(created.$metadata.attempts, 2, "one refused attempt, then one with the corrected clock");
  assert.ok(Math.abs(source.config.systemClockOffset - 3_600_000) < 60_000, `offset ${source.config.systemClockOffset}`);
  const later = await source.send(new DescribeCertificateCommand({ certificateId: created.certificateId }));
  assert.equal(later.$metadata.attempts, 1);
});
