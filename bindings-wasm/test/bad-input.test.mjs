// The shared bad-input table (tests/vectors/bad-input.json) in JavaScript: every row is a typed
// ValidationError (or ConfigurationError) naming the member, and nothing is sent.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { IoTTransferClient, ValidationError, ConfigurationError } from "iot-transfer";
import { startServer } from "./scripted-server.mjs";

const table = JSON.parse(readFileSync(new URL("../../tests/vectors/bad-input.json", import.meta.url), "utf8"));
const valid = { certificateId: "3c4f1e2b5d6a7c8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e", targetAwsAccount: "444455556666" };
const appliesHere = (row) => !row.only || row.only.includes("js");

/** A table value as the JavaScript value it stands for. */
function value(v) {
  if (v === null || typeof v !== "object" || Array.isArray(v)) return v;
  if ("repeat" in v) return v.repeat.repeat(v.times);
  if ("surrogate" in v) return v.prefix + String.fromCharCode(v.surrogate) + v.suffix;
  if (v.undefined) return undefined;
  if (v.NaN) return NaN;
  if (v.Infinity) return Infinity;
  if (v.object) return {};
  return Object.fromEntries(Object.entries(v).map(([key, inner]) => [key, value(inner)]));
}

const rejection = (promise) => promise.then(() => assert.fail("expected a rejection"), (e) => e);

for (const row of table.inputs.filter(appliesHere)) {
  test(`input: ${row.name}`, async () => {
    const server = await startServer([]);
    try {
      const client = new IoTTransferClient({ region: "us-east-1", endpoint: server.url, credentials: { accessKeyId: "AKID", secretAccessKey: "s" } });
      const input = { ...valid, ...value(row.input) };
      const error = await rejection(client.transferCertificate(input));
      assert.ok(error instanceof ValidationError, String(error));
      assert.equal(error.field, row.field);
      assert.ok(error.rule.startsWith(row.rule), `${error.rule} does not start with ${row.rule}`);
      assert.ok(error.message.length < 300, "the message does not repeat the value");
      assert.equal(server.requests.length, 0);
    } finally {
      await server.close();
    }
  });
}

for (const row of table.config.filter(appliesHere)) {
  test(`config: ${row.name}`, async () => {
    const server = await startServer([]);
    try {
      const config = { region: "us-east-1", endpoint: server.url, credentials: { accessKeyId: "AKID", secretAccessKey: "s" }, ...value(row.config) };
      const error = await rejection(new IoTTransferClient(config).transferCertificate(valid));
      assert.ok(error instanceof ConfigurationError, String(error));
      assert.equal(error.message, `${row.member} ${row.message}`);
      assert.equal(server.requests.length, 0);
    } finally {
      await server.close();
    }
  });
}

test("a message holding a real U+FFFD is not mistaken for a lone surrogate", async () => {
  const server = await startServer([{ status: 200, body: JSON.stringify({ transferredCertificateArn: "arn:aws:iot:us-east-1:111122223333:cert/x" }) }]);
  try {
    const client = new IoTTransferClient({ region: "us-east-1", endpoint: server.url, credentials: { accessKeyId: "AKID", secretAccessKey: "s" } });
    await client.transferCertificate({ ...valid, transferMessage: "replacement \uFFFD character" });
    assert.equal(JSON.parse(server.requests[0].body).transferMessage, "replacement \uFFFD character");
  } finally {
    await server.close();
  }
});
