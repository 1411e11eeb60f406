// What every consumer (bundled page or Node script) must report for the calls it makes on
// freshly seeded certificates, checked against the emulator's own record of the transfer.

import assert from "node:assert/strict";
import { source, storedCertificate, targetAwsAccount } from "./emulator.mjs";

/**
 * `result` is the consumer's `{ transferred, refused, invalid }` for `seeded` (from
 * seedCertificates): the transferable certificate offered to the target, the ACTIVE one refused
 * by the service with its own error class, a malformed ID refused before anything was sent.
 */
export async function assertConsumerResult(result, seeded) {
  assert.equal(result.transferred.error, undefined, `the transfer failed: ${JSON.stringify(result.transferred.error)}`);
  assert.equal(result.transferred.output.transferredCertificateArn, `arn:aws:iot:us-east-1:${source.accountId}:cert/${seeded.transferable}`);
  assert.equal(result.transferred.httpStatusCode, 200);
  const stored = await storedCertificate(seeded.transferable);
  assert.equal(stored.status, "PENDING_TRANSFER");
  assert.equal(stored.transfer?.targetAccount, targetAwsAccount);

  // Results arrive as JSON: members that were undefined are absent.
  const { hint: refusedHint, message: refusedMessage, ...refused } = result.refused.error ?? {};
  assert.deepEqual(refused, {
    name: "CertificateStateException",
    kind: "CertificateState",
    httpStatusCode: 406,
    isIoTTransferError: true,
    isValidationError: false,
    isCertificateStateException: true,
  });
  assert.match(refusedMessage, /ACTIVE/);
  assert.match(refusedHint, /deactivate it/);
  assert.equal((await storedCertificate(seeded.active)).status, "ACTIVE");

  const { message: invalidMessage, hint: _, ...invalid } = result.invalid.error ?? {};
  assert.deepEqual(invalid, {
    name: "ValidationError",
    kind: "Validation",
    field: "certificateId",
    isIoTTransferError: true,
    isValidationError: true,
    isCertificateStateException: false,
  });
  assert.match(invalidMessage, /certificateId/);
}
