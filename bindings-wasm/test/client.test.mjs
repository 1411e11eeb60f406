// The npm package in Node, against a scripted loopback endpoint: success, every error class,
// retries, throttling, timeouts, validation, refreshable credentials, and secrets kept out of print.

import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import * as api from "iot-transfer";
import { startServer, success, serviceError } from "./scripted-server.mjs";

const {
  IoTTransferClient,
  IoTTransferError,
  IoTServiceException,
  ValidationError,
  TimeoutError,
  ThrottlingException,
  CertificateStateException,
} = api;

const ID = "3c4f1e2b5d6a7c8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e";
const ARN = `arn:aws:iot:us-east-1:111122223333:cert/${ID}`;
const SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
const TOKEN = "IQoJb3JpZ2luX2VjEXAMPLETOKEN";
const input = { certificateId: ID, targetAwsAccount: "444455556666" };

function clientFor(server, extra = {}) {
  return new IoTTransferClient({
    region: "us-east-1",
    endpoint: server.url,
    credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: SECRET, sessionToken: TOKEN },
    retryBaseDelay: 1,
    ...extra,
  });
}

test("a transfer sends the signed request and resolves to the ARN and $metadata", async () => {
  const server = await startServer([success(ARN)]);
  try {
    const output = await clientFor(server).transferCertificate({ ...input, transferMessage: 'hi "there" ✓' });
    assert.equal(output.transferredCertificateArn, ARN);
    assert.deepEqual(output.$metadata, { httpStatusCode: 200, requestId: "req-1", attempts: 1, totalRetryDelay: 0, reconciled: false });
    const [request] = server.requests;
    assert.equal(request.method, "PATCH");
    assert.equal(request.url, `/transfer-certificate/${ID}?targetAwsAccount=444455556666`);
    assert.match(request.headers.authorization, /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/us-east-1\/iot\/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-security-token, Signature=[0-9a-f]{64}$/);
    assert.equal(request.headers["x-amz-security-token"], TOKEN);
    assert.match(request.headers["user-agent"], /^iot-transfer\/\d+\.\d+\.\d+ lang\/rust .* lang\/js$/);
    assert.deepEqual(JSON.parse(request.body), { transferMessage: 'hi "there" ✓' });
  } finally {
    await server.close();
  }
});

// Which class each code is thrown as, and its $fault, are checked for every vector of
// responses.json (vectors.test.mjs); this is the shape of one such error.
test("a modelled code is thrown as its own class, shaped like the JS SDK's", async () => {
  const code = "CertificateStateException";
  const server = await startServer([serviceError(406, code, `about ${code}`)]);
  try {
    const error = await clientFor(server, { maxAttempts: 1 }).transferCertificate(input).then(
      () => assert.fail("expected a rejection"),
      (e) => e,
    );
    assert.ok(error instanceof api[code], `instanceof ${code}`);
    assert.ok(error instanceof IoTServiceException && error instanceof IoTTransferError && error instanceof Error);
    assert.equal(error.name, code);
    assert.equal(error.message, `about ${code}`);
    assert.equal(error.$fault, "client");
    assert.deepEqual(error.$metadata, { httpStatusCode: 406, requestId: "req-1", attempts: 1, totalRetryDelay: 0, reconciled: false });
    assert.ok(typeof error.stack === "string");
  } finally {
    await server.close();
  }
});

test("an unmodelled code is an IoTServiceException named after the code", async () => {
  const server = await startServer([{ status: 400, body: '{"__type":"aws.iot#BrandNewException","message":"new"}' }]);
  try {
    const error = await clientFor(server).transferCertificate(input).catch((e) => e);
    assert.equal(error.constructor, IoTServiceException);
    assert.equal(error.name, "BrandNewException");
    assert.equal(error.kind, "UnknownService");
  } finally {
    await server.close();
  }
});

test("503, 503, then success: retried with backoff", async () => {
  const server = await startServer([
    serviceError(503, "ServiceUnavailableException", "busy"),
    { status: 503, body: "" },
    success(ARN),
  ]);
  try {
    const output = await clientFor(server, { retryBaseDelay: 20 }).transferCertificate(input);
    assert.equal(output.$metadata.attempts, 3);
    assert.ok(output.$metadata.totalRetryDelay <= 60, `delay ${output.$metadata.totalRetryDelay}`);
    assert.equal(server.requests.length, 3);
  } finally {
    await server.close();
  }
});

test("a throttling burst ends in a ThrottlingException after maxAttempts", async () => {
  const throttle = () => serviceError(400, "ThrottlingException", "Rate exceeded");
  const server = await startServer([throttle(), throttle(), throttle(), throttle()]);
  try {
    const error = await clientFor(server, { maxAttempts: 4 }).transferCertificate(input).catch((e) => e);
    assert.ok(error instanceof ThrottlingException);
    assert.deepEqual(error.$retryable, { throttling: true });
    assert.equal(error.$metadata.attempts, 4);
  } finally {
    await server.close();
  }
});

test("a response slower than the attempt timeout is a TimeoutError", async () => {
  const slow = () => ({ ...success(ARN), delayMs: 1500 });
  const server = await startServer([slow(), slow()]);
  try {
    const error = await clientFor(server, { maxAttempts: 2, timeouts: { attempt: 100 } })
      .transferCertificate(input)
      .catch((e) => e);
    assert.ok(error instanceof TimeoutError, String(error));
    assert.equal(error.$metadata.attempts, 2);
    assert.equal(error.possiblyApplied, true);
    assert.match(error.hint, /DescribeCertificate/);
  } finally {
    await server.close();
  }
});

test("a dropped connection is retried", async () => {
  const server = await startServer([{ drop: true }, success(ARN)]);
  try {
    const output = await clientFor(server).transferCertificate(input);
    assert.equal(output.$metadata.attempts, 2);
  } finally {
    await server.close();
  }
});

test("invalid input is a ValidationError naming the field, and nothing is sent", async () => {
  const server = await startServer([]);
  try {
    const client = clientFor(server);
    const cases = [
      [{ ...input, certificateId: "nope" }, "certificateId"],
      [{ ...input, targetAwsAccount: "4444-5555-6666" }, "targetAwsAccount"],
      [{ ...input, transferMessage: "x".repeat(129) }, "transferMessage"],
      [{ certificateId: ID }, "targetAwsAccount"],
    ];
    for (const [bad, field] of cases) {
      const error = await client.transferCertificate(bad).catch((e) => e);
      assert.ok(error instanceof ValidationError, String(error));
      assert.equal(error.field, field);
      assert.equal(error.$fault, "client");
      assert.ok(error.message.startsWith(field));
    }
    assert.equal(server.requests.length, 0);
  } finally {
    await server.close();
  }
});

test("a certificate ARN is accepted in place of its ID", async () => {
  const server = await startServer([success(ARN)]);
  try {
    await clientFor(server).transferCertificate({ ...input, certificateId: ARN });
    assert.ok(server.requests[0].url.startsWith(`/transfer-certificate/${ID}?`));
  } finally {
    await server.close();
  }
});

test("refreshable credentials: the async function is called again when they near expiry", async () => {
  const server = await startServer([success(ARN), success(ARN)]);
  let calls = 0;
  const credentials = async () => ({
    accessKeyId: `ASIAREFRESH${calls++}`,
    secretAccessKey: SECRET,
    sessionToken: TOKEN,
    expiration: new Date(Date.now() + 60_000),
  });
  try {
    const client = new IoTTransferClient({ region: "us-east-1", endpoint: server.url, credentials });
    await client.transferCertificate(input);
    await client.transferCertificate(input);
    assert.equal(calls, 2);
    assert.match(server.requests[1].headers.authorization, /Credential=ASIAREFRESH1\//);
  } finally {
    await server.close();
  }
});

test("a credentials function that fails is a CredentialsError", async () => {
  const client = new IoTTransferClient({
    region: "us-east-1",
    credentials: async () => {
      throw new Error("identity pool unreachable");
    },
  });
  const error = await client.transferCertificate(input).catch((e) => e);
  assert.equal(error.name, "CredentialsError");
  assert.ok(error instanceof api.CredentialsError);
  assert.match(error.message, /identity pool unreachable/);
});

test("configuration errors are ConfigurationError instances", async () => {
  const error = await new IoTTransferClient({ region: "us-east-1", maxAttempts: "3" }).transferCertificate(input).catch((e) => e);
  assert.ok(error instanceof api.ConfigurationError);
  assert.match(error.message, /maxAttempts/);
});

test("secrets never show in String, JSON or inspect output", async () => {
  const util = await import("node:util");
  const client = new IoTTransferClient({
    region: "us-east-1",
    credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: SECRET, sessionToken: TOKEN },
  });
  const signed = await client.signTransferCertificate(input);
  const error = await client.transferCertificate({ ...input, certificateId: "x" }).catch((e) => e);
  for (const value of [client, signed, signed.headers, error]) {
    for (const printed of [String(value), JSON.stringify(value), util.inspect(value, { depth: 5 })]) {
      assert.ok(!printed.includes(SECRET), `secret in ${printed}`);
      assert.ok(!printed.includes(TOKEN), `token in ${printed}`);
    }
  }
  assert.equal(signed.headers["x-amz-security-token"], TOKEN, "the token is still there to send");
});

test("require() and import give the same classes", () => {
  const required = createRequire(import.meta.url)("iot-transfer");
  assert.equal(required.IoTTransferClient, IoTTransferClient);
  assert.equal(required.CertificateStateException, CertificateStateException);
  assert.deepEqual(Object.keys(required).sort(), Object.keys(api).filter((k) => k !== "default").sort());
});
