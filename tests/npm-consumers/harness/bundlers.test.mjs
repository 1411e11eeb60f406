// Each bundler's build of the console page (tests/npm-consumers/app), served as a static site and
// opened in headless Chromium (Debian's, driven by playwright-core): the page must fetch the wasm
// its bundler emitted, instantiate it, transfer a certificate on the local endpoint (CORS, SigV4)
// and branch on the typed errors, exactly as the package does in Node, then plan a handover, for
// which it fetches the batches' module its bundler emitted too. Vite's dev server, where
// most consoles are written, serves the same page from the installed package.

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";
import { endpoint, seedCertificates, source, targetAwsAccount } from "./emulator.mjs";
import { assertConsumerResult } from "./expected.mjs";
import { serveFolder } from "./static-server.mjs";
import { startViteDevServer } from "./vite-dev-server.mjs";

const consumers = process.env.NPM_CONSUMERS;
let browser;

before(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    // Without the background-networking flags Chromium keeps calling out to a closed network.
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
});

after(() => browser?.close());

/**
 * Opens the console served at `site` on freshly seeded certificates and checks what it shows;
 * resolves to the responses the page got from `site` itself (`{ path, status }`).
 */
async function checkConsole(site) {
  const seeded = await seedCertificates();
  const page = await browser.newPage();
  const problems = [];
  const responses = [];
  page.on("pageerror", (error) => problems.push(`page error: ${error}`));
  page.on("console", (message) => {
    // Chromium logs every non-2xx response, the refused transfer's 406 among them; the
    // responses that matter are checked by the callers and in the result.
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) problems.push(`console: ${message.text()}`);
  });
  page.on("response", (response) => {
    const url = new URL(response.url());
    if (url.origin === site) responses.push({ path: url.pathname, status: response.status(), type: response.headers()["content-type"] });
  });
  try {
    const query = new URLSearchParams({
      endpoint,
      accessKeyId: source.accessKeyId,
      secretAccessKey: source.secretAccessKey,
      targetAwsAccount,
      transferable: seeded.transferable,
      active: seeded.active,
    });
    await page.goto(`${site}/?${query}`);
    await page.waitForSelector("#result:not([data-state=pending])", { timeout: 20_000 });
    const shown = await page.textContent("#result");
    assert.equal(await page.getAttribute("#result", "data-state"), "done", `${shown}\n${problems.join("\n")}`);
    const result = JSON.parse(shown);
    await assertConsumerResult(result, seeded);
    assert.deepEqual(result.planned, { outcomes: [{ certificateId: seeded.active, outcome: "Blocked" }] });
    // The console's own errors are the ones asserted above; nothing else went wrong on the page.
    assert.deepEqual(problems, []);
    return responses;
  } finally {
    await page.close();
  }
}

/**
 * The wasm modules the page fetched, each once and as application/wasm, `count` of them: the
 * operations' and, for the batch, the batches' (two), or the batches' alone when the console
 * loaded it first (one). The bundler may rename them.
 */
function assertWasm(responses, count) {
  const wasm = responses.filter((response) => response.path.endsWith(".wasm"));
  assert.equal(wasm.length, count, JSON.stringify(responses));
  for (const { status, type } of wasm) assert.deepEqual({ status, type }, { status: 200, type: "application/wasm" });
  assert.equal(new Set(wasm.map((response) => response.path)).size, count);
  return wasm;
}

/** How many wasm modules each bundler's page fetches: esbuild's entry loads the batches' module first (esbuild/entry.js). */
const WASM_FETCHED = { vite: 2, webpack: 2, esbuild: 1 };

for (const bundler of ["vite", "webpack", "esbuild"]) {
  test(`the ${bundler} build fetches its wasm and transfers on the local endpoint`, async () => {
    const dist = path.join(consumers, bundler, "dist");
    assert.ok(existsSync(path.join(dist, "index.html")), `no build in ${dist}`);
    const site = await serveFolder(dist);
    try {
      const responses = await checkConsole(site.url);
      // The wasm came from the build's own output, where the bundler put it, and nothing was missing.
      for (const wasm of assertWasm(responses, WASM_FETCHED[bundler])) assert.ok(existsSync(path.join(dist, wasm.path)), wasm.path);
      assert.deepEqual(site.requests.filter((request) => request.status !== 200), []);
    } finally {
      await site.close();
    }
  });
}

test("Vite's dev server serves the package's wasm and the console transfers", async () => {
  const server = await startViteDevServer(path.join(consumers, "vite"));
  try {
    assertWasm(await checkConsole(server.url), WASM_FETCHED.vite);
  } finally {
    await server.stop();
  }
});
