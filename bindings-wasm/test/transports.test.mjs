// Both Node transports, node:http (the default) and `transport: "fetch"` (the core's reqwest over
// fetch), against scripted loopback endpoints: redirects are not followed, a timed-out attempt is
// closed before its retry, no timer keeps Node alive after the last call, oversized bodies are
// refused.

import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { IoTTransferClient, TransportError } from "iot-transfer";
import { startServer, success, redirect } from "./scripted-server.mjs";

const ID = "3c4f1e2b5d6a7c8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e";
const ARN = `arn:aws:iot:us-east-1:111122223333:cert/${ID}`;
const input = { certificateId: ID, targetAwsAccount: "444455556666" };

/** The transports under test: the `transport` member each is chosen with. */
const transports = [
  ["node:http", undefined],
  ["fetch", "fetch"],
];

function clientFor(server, transport, extra = {}) {
  return new IoTTransferClient({
    region: "us-east-1",
    endpoint: server.url,
    credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret", sessionToken: "token" },
    retryBaseDelay: 1,
    transport,
    ...extra,
  });
}

for (const status of [302, 307]) {
  test(`node:http: a ${status} to another host is not followed`, async () => {
    const other = await startServer([success(ARN)]);
    const server = await startServer([redirect(status, `${other.url}/transfer-certificate/${ID}?targetAwsAccount=444455556666`)]);
    try {
      const error = await clientFor(server, undefined).transferCertificate(input).then(
        () => assert.fail("expected a rejection"),
        (e) => e,
      );
      assert.ok(error instanceof TransportError, String(error));
      assert.equal(error.name, "TransportError");
      assert.equal(error.$metadata.httpStatusCode, status);
      assert.match(error.message, new RegExp(other.url.replace(/[.]/g, "\\.")));
      assert.equal(error.possiblyApplied, false);
      assert.equal(server.requests.length, 1, "a redirect is not retried");
      assert.equal(other.requests.length, 0, "the other host got a request");
    } finally {
      await server.close();
      await other.close();
    }
  });

  // reqwest's fetch backend has no redirect setting, so fetch follows redirects itself (see the
  // README). Node 20's fetch then fails the redirected cross-origin PATCH: the call ends in a
  // TransportError, never in the other host's answer, and the other host gets nothing.
  test(`fetch: a ${status} to another host never yields the other host's answer`, async () => {
    const other = await startServer([success(ARN), success(ARN), success(ARN)]);
    const target = `${other.url}/transfer-certificate/${ID}?targetAwsAccount=444455556666`;
    const server = await startServer([redirect(status, target), redirect(status, target), redirect(status, target)]);
    try {
      const error = await clientFor(server, "fetch").transferCertificate(input).then(
        () => assert.fail("the other host's answer was taken as the result"),
        (e) => e,
      );
      assert.ok(error instanceof TransportError, String(error));
      assert.equal(other.requests.length, 0, "the other host got a request");
    } finally {
      await server.close();
      await other.close();
    }
  });
}

for (const [name, transport] of transports) {
  test(`${name}: a timed-out attempt is closed before its retry is sent`, async () => {
    const server = await startServer([{ hang: true }, success(ARN)]);
    try {
      const output = await clientFor(server, transport, { maxAttempts: 2, timeouts: { attempt: 300 } }).transferCertificate(input);
      assert.equal(output.$metadata.attempts, 2);
      const [first, second] = server.requests.map((request) => request.connection);
      assert.notEqual(first, second, "the retry came on a new connection");
      const closed = server.events.findIndex((event) => event.type === "close" && event.connection === first);
      const retried = server.events.findIndex((event) => event.type === "request" && event.connection === second);
      assert.ok(closed !== -1 && closed < retried, `events: ${JSON.stringify(server.events)}`);
    } finally {
      await server.close();
    }
  });

  test(`${name}: Node exits right after the last call, whatever timeouts are set`, async () => {
    const server = await startServer([success(ARN)]);
    try {
      const child = spawn(process.execPath, [fileURLToPath(new URL("./exit-child.mjs", import.meta.url)), server.url, transport ?? ""], {
        stdio: ["ignore", "pipe", "pipe"],
      });
      const started = performance.now();
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (chunk) => (stdout += chunk));
      child.stderr.on("data", (chunk) => (stderr += chunk));
      const code = await new Promise((resolve) => child.on("exit", resolve));
      const elapsed = performance.now() - started;
      assert.equal(code, 0, stderr);
      assert.equal(JSON.parse(stdout).transferredCertificateArn, ARN);
      assert.ok(elapsed < 5000, `the child took ${elapsed.toFixed(0)} ms to exit`);
    } finally {
      await server.close();
    }
  });

  test(`${name}: a body over 1 MiB is refused`, async () => {
    const huge = JSON.stringify({ transferredCertificateArn: ARN, padding: "x".repeat(2 << 20) });
    const server = await startServer([{ status: 200, body: huge }]);
    try {
      const error = await clientFor(server, transport, { maxAttempts: 1 }).transferCertificate(input).catch((e) => e);
      assert.ok(error instanceof TransportError, String(error));
      assert.match(error.message, /larger than the 1048576 byte limit/);
      assert.equal(error.possiblyApplied, true);
    } finally {
      await server.close();
    }
  });
}

test("a panic rejects every call with an InternalError, and the process lives on", async () => {
  const server = await startServer([{ hang: true }]);
  try {
    const child = spawn(process.execPath, [fileURLToPath(new URL("./panic-child.mjs", import.meta.url)), server.url], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const code = await new Promise((resolve) => child.on("exit", resolve));
    assert.equal(code, 0, stderr);
    const { panicked, inFlight, later } = JSON.parse(stdout);
    for (const outcome of [panicked, inFlight, later]) {
      assert.equal(outcome.name, "InternalError", JSON.stringify(outcome));
      assert.equal(outcome.kind, "Internal");
      assert.match(outcome.message, /panicked and cannot be used any more \(.*a panic requested by a test of the panic boundary/);
      assert.match(outcome.message, /load the package again/);
    }
    assert.equal(inFlight.possiblyApplied, true, "the transfer in flight may have been sent");
    assert.equal(later.possiblyApplied, false);
  } finally {
    await server.close();
  }
});
