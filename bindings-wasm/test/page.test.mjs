// The package loaded by a real page in headless Chromium (Debian's, driven by playwright-core),
// doing real calls across origins to the scripted endpoint.

import { test } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import { readFile } from "node:fs/promises";
import { chromium } from "playwright-core";
import { startServer, success, serviceError, redirect } from "./scripted-server.mjs";

const ARN = "arn:aws:iot:us-east-1:111122223333:cert/3c4f1e2b5d6a7c8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e";
const types = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm" };

/** Serves the test page at / and the built package at /pkg/. */
async function startPageServer() {
  const server = http.createServer(async (request, response) => {
    const path = new URL(request.url, "http://x").pathname;
    const file = path === "/" ? new URL("./page.html", import.meta.url) : path.startsWith("/pkg/") ? new URL(`../pkg/${path.slice(5)}`, import.meta.url) : null;
    try {
      const body = await readFile(file);
      const extension = path === "/" ? ".html" : path.slice(path.lastIndexOf("."));
      response.writeHead(200, { "content-type": types[extension] ?? "application/octet-stream" }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) };
}

test("a page loads the package and transfers, then gets a typed error", async () => {
  const other = await startServer([success(ARN)]);
  const target = `${other.url}/transfer-certificate/3c4f1e2b5d6a7c8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e?targetAwsAccount=444455556666`;
  const api = await startServer([
    success(ARN),
    serviceError(406, "CertificateStateException", "The certificate is ACTIVE"),
    { status: 200, body: JSON.stringify({ certificateDescription: { status: "ACTIVE" } }) },
    redirect(307, target),
    { hang: true },
    success(ARN),
  ]);
  const page = await startPageServer();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    const tab = await browser.newPage();
    const logs = [];
    tab.on("console", (message) => logs.push(message.text()));
    await tab.goto(`${page.url}/?endpoint=${encodeURIComponent(api.url)}`);
    await tab.waitForFunction(() => document.getElementById("result").textContent !== "pending", null, { timeout: 20_000 });
    const result = JSON.parse(await tab.textContent("#result"));
    assert.equal(result.failure, undefined, `${result.failure}\n${logs.join("\n")}`);
    assert.equal(result.success.transferredCertificateArn, ARN);
    assert.equal(result.success.$metadata.httpStatusCode, 200);
    assert.equal(result.success.$metadata.attempts, 1);
    assert.equal(result.success.$metadata.requestId, "req-1");
    assert.deepEqual(
      { name: result.error.name, a: result.error.isCertificateState, b: result.error.isServiceException, c: result.error.isError },
      { name: "CertificateStateException", a: true, b: true, c: true },
    );
    assert.equal(result.error.metadata.httpStatusCode, 406);
    assert.match(result.error.hint, /^The certificate is ACTIVE: deactivate it/);
    // Browsers follow the redirect (reqwest's fetch backend has no redirect setting); the client
    // refuses the answer that came from another URL instead of reporting it as the result.
    assert.equal(result.redirected.name, "TransportError", JSON.stringify(result.redirected));
    assert.match(result.redirected.message, /^the endpoint redirected the request to http:\/\/127\.0\.0\.1:\d+\/transfer-certificate\//);
    assert.equal(result.redirected.possiblyApplied, false);
    // An attempt that timed out is aborted: the browser closes its connection, on its network
    // service's own schedule (which may come after the retry has gone out on another connection).
    assert.deepEqual(result.afterTimeout, { arn: ARN, attempts: 2 });
    // The 406 was followed by a DescribeCertificate: 6 requests, the hung one fifth.
    assert.equal(api.requests.length, 6);
    assert.equal(api.requests[2].method, "GET");
    const hung = api.requests[4].connection;
    const isClosed = () => api.events.some((event) => event.type === "close" && event.connection === hung);
    for (let waited = 0; waited < 2000 && !isClosed(); waited += 20) await new Promise((r) => setTimeout(r, 20));
    assert.ok(isClosed(), `the aborted attempt's connection stayed open: ${JSON.stringify(api.events)}`);
    assert.notEqual(api.requests[5].connection, hung, "the retry went out on the aborted connection");
    assert.match(api.requests[0].headers.authorization, /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\//);
  } finally {
    await browser.close();
    await page.close();
    await api.close();
    await other.close();
  }
});
