// The web demo end to end in headless Chromium (Debian's, driven by playwright-core), both
// accounts: the source's certificates listed through the package with what blocks each, a
// refused preparation that changes nothing, a prepared transfer, the target accepting it, a
// transfer the target rejects, one the source cancels, a typed validation error, and a screenshot.

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
  await page.locator("#certificates .certificate", { hasText: text }).first().locator("input").check();
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

/** The status badge of `id` in the source's list. */
const badgeOf = (page, id) => page.locator(`#certificates .certificate[data-id="${id}"] .badge`).textContent();

test("the demo walks both sides of the transfer workflow", async () => {
  const demo = await startDemo({ port: 0 });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 1400 } });
    const errors = [];
    page.on("pageerror", (error) => errors.push(String(error)));
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
    await page.locator(`#certificates .certificate[data-id="${ready}"] input`).check();
    text = await act(page, "#transfer", true);
    assert.match(text, /Transfer started/);
    text = await act(page, `#certificates .certificate[data-id="${ready}"] .cancel`);
    assert.match(text, /Cancelled: the certificate stays with the source account/);
    assert.equal(await badgeOf(page, ready), "INACTIVE");

    // For the README: a transfer pending on the target's side.
    await page.locator(`#certificates .certificate[data-id="${ready}"] input`).check();
    await act(page, "#transfer");
    await page.waitForSelector("#offered .certificate");
    await mkdir(screenshots, { recursive: true });
    await page.screenshot({ path: path.join(screenshots, "screenshot.png"), fullPage: true });
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    await demo.stop();
  }
});
