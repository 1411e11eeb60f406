// The abortSignal call option, as the JS SDK takes it: the retries stop, the attempt in flight is
// aborted (its connection closed), and the call rejects with an AbortError saying whether the
// transfer may have been applied. Through the default Node transport and the core's fetch one.

import { test } from "node:test";
import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import { IoTTransferClient, AbortError, ConfigurationError, IoTTransferError } from "iot-transfer";
import { startServer, serviceError } from "./scripted-server.mjs";

const ID = "3c4f1e2b5d6a7c8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e";
const input = { certificateId: ID, targetAwsAccount: "444455556666" };

function clientFor(server, extra = {}) {
  return new IoTTransferClient({
    region: "us-east-1",
    endpoint: server.url,
    credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" },
    ...extra,
  });
}

const rejection = (promise) => promise.then(() => assert.fail("expected a rejection"), (e) => e);

async function waitFor(condition) {
  for (let i = 0; i < 200 && !condition(); i++) await sleep(10);
  assert.ok(condition(), "timed out waiting");
}

for (const transport of [undefined, "fetch"]) {
  const label = transport ?? "node:http";

  test(`${label}: aborting an attempt in flight closes it and says it may have been applied`, async () => {
    const server = await startServer([{ hang: true }]);
    try {
      const controller = new AbortController();
      const call = rejection(clientFor(server, { transport }).transferCertificate(input, { abortSignal: controller.signal }));
      await waitFor(() => server.requests.length === 1);
      controller.abort();
      const error = await call;
      assert.ok(error instanceof AbortError && error instanceof IoTTransferError, String(error));
      assert.equal(error.name, "AbortError");
      assert.equal(error.kind, "Cancelled");
      assert.equal(error.possiblyApplied, true);
      assert.equal(error.$metadata.attempts, 1);
      await waitFor(() => server.events.some((event) => event.type === "close"));
    } finally {
      await server.close();
    }
  });
}

test("aborting during a backoff stops the retries", async () => {
  const server = await startServer([serviceError(400, "ThrottlingException", "slow down"), { hang: true }]);
  try {
    const controller = new AbortController();
    const client = clientFor(server, { retryBaseDelay: 10_000 });
    const call = rejection(client.transferCertificate(input, { abortSignal: controller.signal }));
    await waitFor(() => server.requests.length >= 1);
    // Let the throttled answer reach the client, so that the abort finds it backing off.
    await sleep(100);
    controller.abort();
    const error = await call;
    assert.ok(error instanceof AbortError, String(error));
    // Full jitter may have sent the retry (which hangs) before the abort: only then may the
    // transfer have been applied. The throttled attempt was not.
    const attempts = error.$metadata.attempts;
    assert.equal(error.possiblyApplied, attempts === 2);
    await sleep(200);
    assert.equal(server.requests.length, attempts, "no retry after the abort");
  } finally {
    await server.close();
  }
});

test("a signal aborted before the call sends nothing", async () => {
  const server = await startServer([]);
  try {
    const error = await rejection(clientFor(server).transferCertificate(input, { abortSignal: AbortSignal.abort() }));
    assert.ok(error instanceof AbortError, String(error));
    assert.equal(error.possiblyApplied, false);
    assert.equal(server.requests.length, 0);
  } finally {
    await server.close();
  }
});

test("an abortSignal that is not an AbortSignal is a ConfigurationError", async () => {
  const server = await startServer([]);
  try {
    const error = await rejection(clientFor(server).transferCertificate(input, { abortSignal: { aborted: true } }));
    assert.ok(error instanceof ConfigurationError, String(error));
    assert.match(error.message, /abortSignal must be an AbortSignal/);
    assert.equal(server.requests.length, 0);
  } finally {
    await server.close();
  }
});
