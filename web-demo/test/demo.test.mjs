// The web demo end to end in headless Chromium (Debian's, driven by playwright-core), both
// accounts: the source's certificates listed through the package with what blocks each, a
// refused preparation that changes nothing, a prepared transfer, the target accepting it, a
// transfer the target rejects, one the source cancels, a typed validation error, and a screenshot.
// Then the batch view over a fleet: a plan with what blocks each, a handover with its progress,
// a rerun after a reload skipped from the journal in localStorage, Stop, and Accept all, each
// checked against the endpoint's state and call log. The batches' module is fetched by the first
// batch, and never by the walk through the single-certificate workflow.

import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { startDemo } from "../serve.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const screenshots = path.join(root, "target", "web-demo");

async function choose(page, text) {
  await page.locator("#certificates .certificate", { hasText: text }).first().locator("input[type=radio]").check();
}

/** Clicks (or presses Enter on) `selector`, waits for a new result and the lists to settle, returns the result. */
async function act(page, selector, useKeyboard = false) {
  const before = await page.locator("#result-body").textContent();
  if (useKeyboard) {
    await page.focus(selector);
    await page.keyboard.press("Enter");
  } else {
    await page.click(selector);
  }
  await page.waitForFunction((old) => {
    const text = document.getElementById("result-body").textContent;
    return text && text !== old && !document.getElementById("transfer").disabled;
  }, before);
  return page.locator("#result-body").textContent();
}

function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/** The file names of the wasm modules `page` fetches, in order, as it fetches them. */
function wasmFetches(page) {
  const names = [];
  page.on("request", (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.endsWith(".wasm")) names.push(path.basename(pathname));
  });
  return names;
}

/** The status badge of `id` in the source's list. */
const badgeOf = (page, id) => page.locator(`#certificates .certificate[data-id="${id}"] .badge`).textContent();

test("the demo walks both sides of the transfer workflow", async () => {
  // Without the fleet: this walk (and its screenshot, the README's) is about one certificate.
  const demo = await startDemo({ port: 0, fleet: 0 });
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 1400 } });
    const errors = [];
    page.on("pageerror", (error) => errors.push(String(error)));
    const wasm = wasmFetches(page);
    await page.goto(demo.url);
    await page.waitForSelector("#certificates .certificate");
    assert.equal(await page.locator("#certificates .certificate").count(), 3);
    assert.match(await page.textContent("#certificates-status"), /3 certificate\(s\) in the source account/);
    assert.match(await page.textContent("#certificates"), /ACTIVE: deactivate it first/);
    assert.match(await page.textContent("#certificates"), /policies attached \(emulator-demo-device-policy\)/);
    assert.match(await page.textContent("#offered-status"), /0 certificate\(s\) offered/);

    // The ACTIVE one, without the page allowed to deactivate it: nothing is changed.
    await choose(page, "ACTIVE: deactivate");
    const active = await page.inputValue("#certificate-id");
    let text = await act(page, "#transfer");
    assert.match(text, /Not transferred: something blocks it, and nothing was changed/);
    assert.match(text, /Nothing was changed/);
    assert.equal(await badgeOf(page, active), "ACTIVE");

    // Allowed to: deactivated, then transferred; the target sees it and accepts it as ACTIVE.
    await page.check("#deactivate");
    await page.fill("#message", "Certificates for the Lisbon fleet");
    text = await act(page, "#transfer");
    assert.match(text, /Transfer started: the certificate is PENDING_TRANSFER/);
    assert.match(text, /Set INACTIVEdone/);
    assert.match(text, /arn:aws:iot:us-east-1:111122223333:cert\/[0-9a-f]{64}/);
    assert.equal(await badgeOf(page, active), "PENDING_TRANSFER");
    assert.match(await page.textContent("#offered-status"), /1 certificate\(s\) offered/);
    await page.check("#set-as-active");
    text = await act(page, `#offered .certificate[data-id="${active}"] .accept`);
    assert.match(text, /Accepted: the certificate now belongs to the target account/);
    assert.equal(await page.locator(`#certificates .certificate[data-id="${active}"]`).count(), 0);

    // The one with a policy: detached and transferred, then rejected by the target.
    await page.check("#detach-policies");
    await choose(page, "policies attached");
    const withPolicy = await page.inputValue("#certificate-id");
    text = await act(page, "#transfer");
    assert.match(text, /Detached emulator-demo-device-policydone/);
    await page.fill("#reject-reason", "not for this fleet");
    text = await act(page, `#offered .certificate[data-id="${withPolicy}"] .reject`);
    assert.match(text, /Rejected: the certificate is back with the source account/);
    assert.equal(await badgeOf(page, withPolicy), "INACTIVE");

    // A typed validation error names the field; then a transfer the source cancels.
    await choose(page, "ready to transfer");
    const ready = await page.inputValue("#certificate-id");
    await page.fill("#target-account", "4444-5555-6666");
    text = await act(page, "#transfer");
    assert.match(text, /ValidationError/);
    assert.match(text, /check the targetAwsAccount field/);
    await page.fill("#target-account", "444455556666");
    await page.locator(`#certificates .certificate[data-id="${ready}"] input[type=radio]`).check();
    text = await act(page, "#transfer", true);
    assert.match(text, /Transfer started/);
    text = await act(page, `#certificates .certificate[data-id="${ready}"] .cancel`);
    assert.match(text, /Cancelled: the certificate stays with the source account/);
    assert.equal(await badgeOf(page, ready), "INACTIVE");

    // For the README: a transfer pending on the target's side.
    await page.locator(`#certificates .certificate[data-id="${ready}"] input[type=radio]`).check();
    await act(page, "#transfer");
    await page.waitForSelector("#offered .certificate");
    await mkdir(screenshots, { recursive: true });
    await page.screenshot({ path: path.join(screenshots, "screenshot.png"), fullPage: true });
    assert.deepEqual(wasm, ["iot_transfer_wasm_bg.wasm"], "a page calling only operations never loads the batches' module");
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    await demo.stop();
  }
});

const TARGET = "444455556666";
const JOURNAL_KEY = `iot-transfer-demo/journal/handover/${TARGET}`;

/** The endpoint's admin answer to `GET /_emulator/<what>`. */
async function admin(demo, what) {
  return (await fetch(`${demo.endpoint}/_emulator/${what}`)).json();
}

/** The IDs of the source's listed certificates whose row says `text`. */
const idsWith = (page, text) =>
  page.locator("#certificates .certificate", { hasText: text }).evaluateAll((rows) => rows.map((row) => row.dataset.id));

async function select(page, ids) {
  for (const id of ids) await page.locator(`#certificates .certificate[data-id="${id}"] input.select`).check();
}

/** Clicks `button`, waits for the batch shown in `#<run>` to end and the lists to settle, returns its status. */
async function runBatch(page, button, run) {
  // The click starts the run at once (the status leaves "finished" and the buttons are disabled).
  await page.click(button);
  await page.waitForFunction((run) => {
    const status = document.querySelector(`#${run} .status`).textContent;
    return /(finished|stopped|ended early)/.test(status) && !document.getElementById("plan").disabled;
  }, run);
  return page.textContent(`#${run} .status`);
}

/** Each result of the batch shown in `#<run>`: `{ id, outcome, facts }`. */
const results = (page, run) =>
  page.locator(`#${run} .results .outcome`).evaluateAll((items) =>
    items.map((item) => ({ id: item.dataset.id, outcome: item.dataset.outcome, facts: item.querySelector(".facts").textContent })),
  );

const transfersApplied = async (demo) =>
  (await admin(demo, "calls?operation=TransferCertificate")).calls.filter((call) => call.outcome === "applied").map((call) => call.certificateId);

test("the batch view plans, hands over with progress, skips from its journal after a reload, stops, and accepts all", async () => {
  const demo = await startDemo({ port: 0 });
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 1400 } });
    const errors = [];
    page.on("pageerror", (error) => errors.push(String(error)));
    const wasm = wasmFetches(page);
    await page.goto(demo.url);
    await page.waitForSelector("#certificates .certificate");
    assert.match(await page.textContent("#certificates-status"), /28 certificate\(s\) in the source account/);
    assert.match(await page.textContent("#source-account"), /111122223333/);

    await page.click("#select-all");
    assert.match(await page.textContent("#batch-selected"), /28 of 28 certificate\(s\) selected/);
    await page.click("#select-none");
    assert.equal(await page.textContent("#batch-selected"), "No certificate selected.");
    assert.equal(await page.locator("#certificates input.select:checked").count(), 0);

    // A plan: six ready, the ACTIVE one blocked (the batch may not deactivate it); nothing sent.
    const fleet = (await idsWith(page, "ready to transfer")).slice(0, 6);
    const [active] = await idsWith(page, "ACTIVE: deactivate");
    const batch = [...fleet, active];
    await select(page, batch);
    assert.match(await page.textContent("#batch-selected"), /7 of 28 certificate\(s\) selected/);
    await page.fill("#batch-rate", "20");
    assert.deepEqual(wasm, ["iot_transfer_wasm_bg.wasm"], "the batches' module waits for the first batch");
    let status = await runBatch(page, "#plan", "handover-run");
    assert.deepEqual(wasm, ["iot_transfer_wasm_bg.wasm", "iot_transfer_batches_bg.wasm"], "the first batch loads the batches' module");
    assert.equal(status, "Plan finished: 7 of 7 (6 ready, 1 blocked).");
    let outcomes = await results(page, "handover-run");
    assert.equal(outcomes.length, 7);
    assert.ok(outcomes.filter((r) => r.id !== active).every((r) => r.outcome === "Ready" && r.facts === "would transfer it"), JSON.stringify(outcomes));
    assert.deepEqual(outcomes.find((r) => r.id === active), { id: active, outcome: "Blocked", facts: "ACTIVE: deactivate it first" });
    assert.deepEqual(await transfersApplied(demo), []);
    assert.equal(await page.evaluate((key) => localStorage.getItem(key), JOURNAL_KEY), null, "a plan writes no journal");

    await page.check("#batch-deactivate");
    await runBatch(page, "#plan", "handover-run");
    outcomes = await results(page, "handover-run");
    assert.equal(outcomes.find((r) => r.id === active).facts, "would set it INACTIVE, then transfer it");

    // The handover: the bar moves as each finishes (every value it is given is recorded) and
    // reaches the total; each is Transferred.
    await page.evaluate(() => {
      const bar = document.querySelector("#handover-run progress");
      const value = Object.getOwnPropertyDescriptor(HTMLProgressElement.prototype, "value");
      window.barValues = [];
      Object.defineProperty(bar, "value", {
        get: () => value.get.call(bar),
        set: (set) => {
          window.barValues.push(set);
          value.set.call(bar, set);
        },
      });
    });
    status = await runBatch(page, "#hand-over", "handover-run");
    assert.equal(status, "Handover finished: 7 of 7 (7 done).");
    assert.deepEqual(await page.evaluate(() => window.barValues), [1, 2, 3, 4, 5, 6, 7]);
    assert.equal(await page.getAttribute("#handover-run progress", "max"), "7");
    assert.equal(await page.textContent('#handover-run [data-count="done"]'), "7");
    assert.equal(await page.textContent('#handover-run [data-count="remaining"]'), "0");
    assert.match(await page.textContent('#handover-run [data-count="requestsPerSecond"]'), /^[0-9]+\.[0-9]$/);
    outcomes = await results(page, "handover-run");
    assert.deepEqual(outcomes.map((r) => r.outcome), Array(7).fill("Transferred"));
    assert.match(outcomes.find((r) => r.id === active).facts, /first set INACTIVE/);
    assert.deepEqual((await transfersApplied(demo)).sort(), [...batch].sort());
    assert.equal(await badgeOf(page, active), "PENDING_TRANSFER");
    assert.match(await page.textContent("#offered-status"), /7 certificate\(s\) offered/);
    assert.match(await page.textContent("#journal-status"), /15 line\(s\) kept in localStorage/);
    await mkdir(screenshots, { recursive: true });
    await page.locator("#batch").screenshot({ path: path.join(screenshots, "batch.png") });

    // localStorage holds the journal's lines only: IDs, calls, outcomes, never a key or secret.
    const stored = await page.evaluate(() => Object.entries(localStorage));
    assert.deepEqual(stored.map(([key]) => key), [JOURNAL_KEY]);
    assert.doesNotMatch(stored[0][1], /AKIA|secret|emulator-/);

    // After a reload, the same handover is skipped from the journal: no transfer is sent again.
    await page.reload();
    await page.waitForSelector("#certificates .certificate");
    assert.match(await page.textContent("#journal-status"), /15 line\(s\)/);
    await select(page, batch);
    status = await runBatch(page, "#hand-over", "handover-run");
    assert.equal(status, "Handover finished: 7 of 7 (7 skipped).");
    outcomes = await results(page, "handover-run");
    assert.ok(outcomes.every((r) => r.outcome === "Skipped" && /Done by an earlier run \(Transferred\), as its journal records/.test(r.facts)), JSON.stringify(outcomes));
    assert.equal((await transfersApplied(demo)).length, 7);

    // Stop: what is in flight finishes, nothing new starts.
    await page.click("#select-none");
    const more = (await idsWith(page, "ready to transfer")).slice(0, 12);
    await select(page, more);
    await page.fill("#batch-rate", "3");
    await page.click("#hand-over");
    await page.waitForSelector("#handover-run .results .outcome");
    await page.click("#handover-run .stop");
    await page.waitForFunction(() => !document.getElementById("plan").disabled);
    status = await page.textContent("#handover-run .status");
    assert.match(status, /^Handover stopped: [0-9]+ of 12 finished \([0-9]+ done\), [0-9]+ not started\.$/);
    const stopped = await results(page, "handover-run");
    assert.ok(stopped.length < 12 && stopped.every((r) => r.outcome === "Transferred"), JSON.stringify(stopped));
    assert.equal(await page.getAttribute("#handover-run progress", "value"), String(stopped.length));

    // The target accepts everything the source offered, as ACTIVE.
    await page.check("#accept-from-source");
    await page.check("#set-as-active");
    await page.fill("#accept-rate", "20");
    const offered = [...batch, ...stopped.map((r) => r.id)];
    status = await runBatch(page, "#accept-all", "accept-run");
    assert.equal(status, `Accept finished: ${offered.length} of ${offered.length} (${offered.length} done).`);
    outcomes = await results(page, "accept-run");
    assert.deepEqual(outcomes.map((r) => r.id).sort(), [...offered].sort());
    assert.ok(outcomes.every((r) => r.outcome === "Accepted"), JSON.stringify(outcomes));
    assert.equal(await page.getAttribute("#accept-run progress", "value"), String(offered.length));
    const { certificates } = await admin(demo, "state");
    const moved = certificates.filter((c) => offered.includes(c.certificateId));
    assert.equal(moved.length, offered.length);
    assert.ok(moved.every((c) => c.ownerAccount === TARGET && c.status === "ACTIVE"), JSON.stringify(moved));
    assert.match(await page.textContent("#offered-status"), /0 certificate\(s\) offered/);
    assert.match(await page.textContent("#certificates-status"), new RegExp(`${28 - offered.length} certificate\\(s\\) in the source account`));
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    await demo.stop();
  }
});
