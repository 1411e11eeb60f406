// The batches through the npm package in Node against the project's local IoT endpoint
// (IOT_EMULATOR_URL): a handover as an async iterator with onProgress and a file journal that a
// rerun skips from, a journal kept in a caller's store (as a browser page keeps it), stop(), a
// bad input rejected before anything is sent, and the target accepting everything offered.

import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { IoTTransferClient, JournalError, ValidationError } from "iot-transfer";

const SOURCE = "111122223333";
const TARGET = "444455556666";
const url = process.env.IOT_EMULATOR_URL;
assert.ok(url, "run the tests through scripts/run/with-emulator.sh, which sets IOT_EMULATOR_URL");

async function admin(method, path, body) {
  const response = await fetch(`${url}/_emulator/${path}`, { method, body: body && JSON.stringify(body) });
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

const bulk = async (count) => (await admin("POST", "certificates", { accountId: SOURCE, count })).certificateIds;

function client(accessKeyId, secretAccessKey) {
  return new IoTTransferClient({ region: "us-east-1", endpoint: url, credentials: { accessKeyId, secretAccessKey }, retryBaseDelay: 5 });
}

const source = () => client("AKIAEMULATORSOURCE", "emulator-source-secret");
const target = () => client("AKIAEMULATORTARGET", "emulator-target-secret");
const transfersSent = async () => (await admin("GET", "state")).requestCounts.TransferCertificate ?? 0;

test("a handover yields an event per certificate, reports progress, and a rerun with its journal skips them", async () => {
  const ids = await bulk(12);
  const journal = join(mkdtempSync(join(tmpdir(), "iot-transfer-batch-")), "run.jsonl");
  const before = await transfersSent();
  const progress = [];
  const input = { certificates: ids, targetAwsAccount: TARGET, maxConcurrency: 4, requestsPerSecond: 0, journal };
  const events = [];
  for await (const event of source().handover(input, { onProgress: (p) => progress.push(p) })) events.push(event);
  assert.equal(events.length, 12);
  assert.ok(events.every((event) => event.outcome.type === "Transferred" && event.outcome.certificateArn.includes(":cert/")));
  assert.deepEqual(events[0].steps, [{ action: { type: "Transfer" }, outcome: { type: "Done" } }]);
  assert.equal(progress.length, 12);
  const last = progress.at(-1);
  assert.deepEqual([last.total, last.done, last.remaining, last.failed], [12, 12, 0, 0]);
  assert.ok(last.requests >= 36 && typeof last.elapsed === "number" && typeof last.requestsPerSecond === "number");
  assert.equal((await transfersSent()) - before, 12);
  assert.equal(readFileSync(journal, "utf8").trim().split("\n").length, 1 + 12 + 12);

  const again = [];
  for await (const event of source().handover(input)) again.push(event.outcome.type);
  assert.deepEqual(new Set(again), new Set(["Skipped"]));
  assert.equal((await transfersSent()) - before, 12, "nothing was sent again");
});

test("a journal kept in the caller's store, as a browser page keeps one, refuses another batch's", async () => {
  const [id] = await bulk(1);
  const lines = [];
  const store = { readLines: async () => [...lines], appendLine: async (line) => void lines.push(line) };
  const input = { certificates: [id], targetAwsAccount: TARGET, journal: store };
  const events = [];
  for await (const event of source().handover(input)) events.push(event);
  assert.equal(events[0].outcome.type, "Transferred");
  assert.equal(lines.length, 3);
  assert.match(lines[0], /"batch":"handover"/);

  const other = source().handover({ ...input, targetAwsAccount: "777788889999" });
  await assert.rejects(other.next(), (error) => error instanceof JournalError && /not a handover to account 777788889999/.test(error.message));
  assert.equal(lines.length, 3, "the journal is never rewritten");
});

test("stop() starts nothing new and bad input rejects before anything is sent", async () => {
  const ids = await bulk(20);
  const batch = source().handover({ certificates: ids, targetAwsAccount: TARGET, maxConcurrency: 2, requestsPerSecond: 0 });
  const events = [];
  for await (const event of batch) {
    events.push(event);
    batch.stop();
  }
  assert.ok(events.length <= 3, `${events.length} events`);
  assert.equal(events.at(-1).progress.remaining, 20 - events.length);

  const before = await transfersSent();
  const bad = source().handover({ certificates: [ids[0], "nope"], targetAwsAccount: TARGET });
  await assert.rejects(bad.next(), (error) => error instanceof ValidationError && error.message === "certificates item 1 must be exactly 64 characters long (got 4)");
  const wrongType = source().handover({ certificates: "not a list", targetAwsAccount: TARGET });
  await assert.rejects(wrongType.next(), (error) => error instanceof ValidationError && /certificates must be a list of strings/.test(error.message));
  assert.equal(await transfersSent(), before);
});

test("the target accepts every transfer one account offers, and a plan changes nothing", async () => {
  const ids = await bulk(5);
  for await (const event of source().handover({ certificates: ids, targetAwsAccount: TARGET })) assert.equal(event.outcome.type, "Transferred");
  const plan = [];
  for await (const event of target().acceptTransfers({ fromAccount: SOURCE, planOnly: true })) plan.push(event.outcome);
  assert.ok(plan.length >= 5 && plan.every((outcome) => outcome.type === "Ready"), JSON.stringify(plan));
  const accepted = [];
  for await (const event of target().acceptTransfers({ certificates: ids, setAsActive: true })) accepted.push(event);
  assert.deepEqual(accepted.map((event) => event.outcome), ids.map(() => ({ type: "Accepted", reconciled: false })));
  const { certificates } = await admin("GET", "state");
  const mine = certificates.filter((c) => ids.includes(c.certificateId));
  assert.ok(mine.every((c) => c.ownerAccount === TARGET && c.status === "ACTIVE"));
});
