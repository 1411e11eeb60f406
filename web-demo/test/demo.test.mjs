// The web demo end to end in headless Chromium (Debian's, driven by playwright-core): the page
// lists the seeded certificates, transfers one, shows typed errors with what to do next for the
// ACTIVE one and the one with a policy, and a screenshot is saved.

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
  await page.locator(".certificate", { hasText: text }).locator("input").check();
}

async function transferAndRead(page, useKeyboard = false) {
  const before = await page.locator("#result-body").textContent();
  if (useKeyboard) {
    await page.focus("#message");
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement.id), "transfer", "Tab reaches the Transfer button");
    await page.keyboard.press("Enter");
  } else {
    await page.click("#transfer");
  }
  await page.waitForFunction((old) => {
    const text = document.getElementById("result-body").textContent;
    return text && text !== old && !document.getElementById("transfer").disabled;
  }, before);
  return page.locator("#result-body").textContent();
}

test("the demo transfers a certificate and explains the errors", async () => {
  const demo = await startDemo({ port: 0 });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const errors = [];
    page.on("pageerror", (error) => errors.push(String(error)));
    await page.goto(demo.url);
    await page.waitForSelector(".certificate");
    assert.equal(await page.locator(".certificate").count(), 3);
    assert.match(await page.textContent("#certificates-status"), /3 certificate\(s\) in account 111122223333/);

    await choose(page, "ACTIVE certificates cannot");
    let text = await transferAndRead(page);
    assert.match(text, /CertificateStateException/);
    assert.match(text, /What to do next: .*deactivate/i);

    await choose(page, "detach them");
    text = await transferAndRead(page);
    assert.match(text, /TransferConflictException/);
    assert.match(text, /Detach every policy/);

    await page.fill("#target-account", "4444-5555-6666");
    await choose(page, "ready to transfer");
    text = await transferAndRead(page);
    assert.match(text, /ValidationError/);
    assert.match(text, /check the targetAwsAccount field/);

    await page.fill("#target-account", "444455556666");
    await page.fill("#message", "Certificates for the Lisbon fleet");
    text = await transferAndRead(page, true);
    assert.match(text, /Transfer started: the certificate is PENDING_TRANSFER/);
    assert.match(text, /arn:aws:iot:us-east-1:111122223333:cert\/[0-9a-f]{64}/);
    assert.match(text, /Attempts1/);
    await page.waitForSelector(".badge.PENDING_TRANSFER");

    await mkdir(screenshots, { recursive: true });
    await page.screenshot({ path: path.join(screenshots, "screenshot.png"), fullPage: true });
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    await demo.stop();
  }
});
