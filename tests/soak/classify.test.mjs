// The soak's judge: every way a reported outcome can agree or disagree with the endpoint's state.

import { test } from "node:test";
import assert from "node:assert/strict";
import { classify, happened } from "./classify.mjs";

const TARGET = "444455556666";
const id = (n) => String(n).padStart(64, "a");
const pending = (n) => ({
  certificateId: id(n),
  status: "PENDING_TRANSFER",
  transfer: { targetAccount: TARGET, outcome: "PENDING" },
});
const inactive = (n) => ({ certificateId: id(n), status: "INACTIVE", transfer: null });
const done = (n, extra = {}) => ({
  certificateId: id(n),
  outcome: "done",
  arn: `arn:aws:iot:us-east-1:111122223333:cert/${id(n)}`,
  durationMs: 5,
  ...extra,
});
const failed = (n, possiblyApplied, extra = {}) => ({
  certificateId: id(n),
  outcome: "failed",
  kind: "CertificateState",
  code: "CertificateStateException",
  possiblyApplied,
  durationMs: 5,
  ...extra,
});

function judge(results, certificates) {
  return classify({ report: { results, panics: 0 }, certificates, targetAccount: TARGET, hangLimitMs: 4000 });
}

test("a transfer happened only when pending to the target", () => {
  assert.ok(happened(pending(1), TARGET));
  assert.ok(!happened(inactive(1), TARGET));
  assert.ok(!happened(pending(1), "777788889999"));
  assert.ok(!happened({ ...pending(1), transfer: { targetAccount: TARGET, outcome: "CANCELLED" } }, TARGET));
  assert.ok(!happened(undefined, TARGET));
});

test("agreeing reports are correct, reconciled ones counted", () => {
  const figures = judge([done(1), done(2, { reconciled: true }), failed(3, false)], [pending(1), pending(2), inactive(3)]);
  assert.equal(figures.misreports.total, 0);
  assert.deepEqual([figures.done, figures.reconciled, figures.failed], [2, 1, 1]);
});

test("done that did not happen, or naming another certificate, is a misreport", () => {
  const figures = judge([done(1), done(2, { arn: "arn:aws:iot:us-east-1:111122223333:cert/other" })], [inactive(1), pending(2)]);
  assert.equal(figures.misreports.doneButNotHappened, 2);
  assert.equal(figures.examples.length, 2);
});

test("failed without possiblyApplied that happened is a misreport; with it, unknown", () => {
  const figures = judge([failed(1, false), failed(2, true), failed(3, true)], [pending(1), pending(2), inactive(3)]);
  assert.equal(figures.misreports.failedButHappened, 1);
  assert.deepEqual(figures.unknown, { happened: 1, notHappened: 1 });
  assert.equal(figures.failedBy["CertificateState/CertificateStateException (possiblyApplied)"], 2);
});

test("hung calls and calls past the limit are hangs; panics and Internal errors are panics", () => {
  const results = [
    { certificateId: id(1), outcome: "hung", durationMs: 5000 },
    done(2, { durationMs: 4500 }),
    { certificateId: id(3), outcome: "panicked", durationMs: 1 },
    failed(4, true, { kind: "Internal", code: "InternalError" }),
  ];
  const figures = judge(results, [inactive(1), pending(2), inactive(3), inactive(4)]);
  assert.equal(figures.hangs, 2);
  assert.equal(figures.panics, 2);
  assert.equal(figures.malformed, 0);
});

test("unknown outcomes, strangers, repeats and missing certificates are malformed", () => {
  const results = [
    { certificateId: id(1), outcome: "weird", durationMs: 1 },
    done(2),
    done(2),
    failed(9, false),
  ];
  const figures = judge(results, [inactive(1), pending(2), inactive(3)]);
  // weird outcome, id 2 twice, id 9 a stranger, id 3 never reported
  assert.equal(figures.malformed, 4);
});
