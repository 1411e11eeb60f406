// The shared vectors through the npm package: the same input and clock give byte-identical
// signed requests, and the same response gives the same error kind, as in Rust.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as api from "iot-transfer";
import { IoTTransferClient } from "iot-transfer";
import { startServer } from "./scripted-server.mjs";

/** A client of the scripted endpoint that makes one attempt, so each reply answers one call. */
const scriptedClient = (server) =>
  new IoTTransferClient({
    region: "us-east-1",
    endpoint: server.url,
    credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" },
    maxAttempts: 1,
  });

const vectors = (name) => JSON.parse(readFileSync(new URL(`../../tests/vectors/${name}`, import.meta.url), "utf8"));

test("signing vectors", async () => {
  for (const vector of vectors("signing.json")) {
    const client = new IoTTransferClient({
      region: vector.config.region,
      endpoint: vector.config.endpointUrl,
      useFipsEndpoint: vector.config.useFips,
      useDualstackEndpoint: vector.config.useDualStack,
      credentials: vector.credentials,
    });
    const input = { ...vector.input, transferMessage: vector.input.transferMessage ?? undefined };
    const signed = await client.signTransferCertificate(input, { signingDate: new Date(vector.time) });
    assert.equal(signed.method, vector.expected.method, vector.name);
    assert.equal(signed.url, vector.expected.url, vector.name);
    assert.equal(signed.body, vector.expected.body, vector.name);
    const headers = Object.entries(signed.headers).filter(([name]) => name !== "user-agent");
    assert.deepEqual(headers, vector.expected.headers, vector.name);
  }
});

test("every operation's signing vectors, each signed by its generated sign method", async () => {
  const { time, region, credentials, signing } = vectors("operations.json");
  const client = new IoTTransferClient({ region, credentials });
  // Every operation of the package (a command class each) but TransferCertificate (signing.json).
  const declared = Object.keys(api).filter((name) => name.endsWith("Command")).map((name) => name.slice(0, -"Command".length));
  const covered = new Set(signing.map((vector) => vector.operation));
  assert.deepEqual([...covered].sort(), declared.filter((name) => name !== "TransferCertificate").sort(), "operations with signing vectors");
  for (const vector of signing) {
    const signed = await client[`sign${vector.operation}`](vector.input, { signingDate: new Date(time) });
    const { method, url, body, headers } = vector.expected;
    assert.deepEqual([signed.method, signed.url, signed.body], [method, url, body], vector.name);
    assert.deepEqual(Object.entries(signed.headers).filter(([name]) => name !== "user-agent"), headers, vector.name);
  }
});

test("response vectors", async () => {
  const cases = vectors("responses.json");
  const server = await startServer();
  try {
    const client = scriptedClient(server);
    for (const vector of cases) {
      const headers = Object.fromEntries(vector.headers ?? []);
      server.push({ status: vector.status, headers, body: vector.body, requestId: "" });
      const { expected } = vector;
      const outcome = await client.transferCertificate({ certificateId: "0".repeat(64), targetAwsAccount: "123456789012" }).then(
        (output) => ({ arn: output.transferredCertificateArn }),
        (error) => ({ error, kind: error.kind, code: error.code, message: error.message, httpStatus: error.$metadata.httpStatusCode, requestId: error.$metadata.requestId, retryable: error.$retryable !== undefined }),
      );
      if (expected.arn !== undefined && expected.arn !== null) {
        assert.equal(outcome.arn, expected.arn, vector.name);
        continue;
      }
      assert.equal(outcome.kind, expected.kind, vector.name);
      assert.equal(outcome.code, expected.code, vector.name);
      assert.equal(outcome.message, expected.message, vector.name);
      assert.equal(outcome.httpStatus, expected.httpStatus, vector.name);
      assert.equal(outcome.retryable, expected.retryable, vector.name);
      // A modelled code is thrown as its class, named after the code, and a 5xx is the server's fault.
      const ErrorClass = api[expected.code];
      if (ErrorClass?.prototype instanceof api.IoTServiceException) {
        assert.ok(outcome.error instanceof ErrorClass, `${vector.name}: instanceof ${expected.code}`);
        assert.equal(outcome.error.name, expected.code, vector.name);
      }
      assert.equal(outcome.error.$fault, expected.httpStatus >= 500 ? "server" : "client", vector.name);
      if (expected.requestId) assert.equal(outcome.requestId, expected.requestId, vector.name);
    }
  } finally {
    await server.close();
  }
});

/** The output in the vectors' form: model member names, timestamps as epoch seconds, no `$metadata`. */
function asVector(value) {
  if (value instanceof Date) return value.getTime() / 1000;
  if (Array.isArray(value)) return value.map(asVector);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).filter(([key]) => key !== "$metadata").map(([key, v]) => [key, asVector(v)]));
  }
  return value;
}

test("every other operation's response vectors", async () => {
  const { responses } = vectors("operations.json");
  const server = await startServer();
  try {
    const client = scriptedClient(server);
    for (const vector of responses) {
      server.push({ status: vector.status, headers: Object.fromEntries(vector.headers), body: vector.body, requestId: "" });
      const method = vector.operation[0].toLowerCase() + vector.operation.slice(1);
      const outcome = await client[method](vector.input).then(
        (output) => ({ output: asVector(output) }),
        (error) => ({ error: { code: error.code, kind: error.kind, message: error.message } }),
      );
      assert.deepEqual(outcome, vector.expected, vector.name);
    }
  } finally {
    await server.close();
  }
});
