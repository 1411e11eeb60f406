// What the package accepts as configuration, input and signing dates: every member of the wrong
// type is an error naming it (never ignored or defaulted, never echoing the value), `null` and
// `undefined` mean "not set", unknown members are ignored.

import { test } from "node:test";
import assert from "node:assert/strict";
import { IoTTransferClient, ConfigurationError, ValidationError } from "iot-transfer";

const ID = "3c4f1e2b5d6a7c8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e";
const SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
const input = { certificateId: ID, targetAwsAccount: "444455556666" };
const credentials = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: SECRET };

function client(extra = {}) {
  return new IoTTransferClient({ region: "us-east-1", credentials, ...extra });
}

const configErrors = [
  [{ timeouts: 5 }, "timeouts must be an object"],
  [{ timeouts: { attempt: "5" } }, "timeouts.attempt must be a duration from 0 to 24 days"],
  [{ timeouts: { call: -1 } }, "timeouts.call must be a duration from 0 to 24 days"],
  [{ timeouts: { connect: Infinity } }, "timeouts.connect must be a duration from 0 to 24 days"],
  [{ transport: 42 }, 'transport must be a function or "fetch"'],
  [{ transport: "undici" }, 'transport must be a function or "fetch"'],
  [{ transport: {} }, 'transport must be a function or "fetch"'],
  [{ maxAttempts: 1e12 }, "maxAttempts must be a whole number from 1 to 4294967295"],
  [{ maxAttempts: 0 }, "maxAttempts must be a whole number from 1 to 4294967295"],
  [{ maxAttempts: 2.5 }, "maxAttempts must be a whole number from 1 to 4294967295"],
  [{ maxAttempts: "3" }, "maxAttempts must be a whole number from 1 to 4294967295"],
  [{ retryBaseDelay: NaN }, "retryBaseDelay must be a duration from 0 to 24 days"],
  [{ useFipsEndpoint: "yes" }, "useFipsEndpoint must be a boolean"],
  [{ region: 1 }, "region must be a string"],
  [{ credentials: "AKID:secret" }, "credentials must be an object or an async function returning one"],
  [{ retryMode: "legacy" }, 'retryMode must be "standard" or "adaptive"'],
  [{ credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: [SECRET] } }, "credentials.secretAccessKey must be a string"],
  [{ credentials: { accessKeyId: "AKIDEXAMPLE" } }, "credentials.secretAccessKey is missing"],
  [{ credentials: { ...credentials, expiration: "tomorrow" } }, "credentials.expiration must be a valid Date or a finite number of milliseconds since the epoch"],
];

for (const [extra, message] of configErrors) {
  test(`configuration ${JSON.stringify(extra, (_, v) => (typeof v === "number" && !Number.isFinite(v) ? String(v) : v))} is a ConfigurationError`, async () => {
    const error = await client(extra).transferCertificate(input).catch((e) => e);
    assert.ok(error instanceof ConfigurationError, String(error));
    assert.equal(error.message, message);
    assert.equal(error.$fault, "client");
    assert.ok(!error.message.includes(SECRET) && !error.message.includes("tomorrow"), "the value is not echoed");
  });
}

test("a configuration that is not an object is a ConfigurationError", async () => {
  const error = await new IoTTransferClient("us-east-1").transferCertificate(input).catch((e) => e);
  assert.ok(error instanceof ConfigurationError);
  assert.equal(error.message, "the configuration must be an object");
});

test("null and undefined members are not set, unknown members are ignored", async () => {
  const signed = await client({
    endpoint: undefined,
    maxAttempts: null,
    timeouts: null,
    transport: null,
    appName: undefined,
    somethingElse: { nested: true },
  }).signTransferCertificate(input);
  assert.equal(signed.url, `https://iot.us-east-1.amazonaws.com/transfer-certificate/${ID}?targetAwsAccount=444455556666`);
  const withTimeouts = await client({ timeouts: { attempt: null, call: undefined, other: "x" } }).signTransferCertificate(input);
  assert.equal(withTimeouts.method, "PATCH");
});

test("an input member of the wrong type is a ValidationError naming it", async () => {
  for (const [bad, field] of [
    [{ ...input, certificateId: 5 }, "certificateId"],
    [{ ...input, targetAwsAccount: 444455556666 }, "targetAwsAccount"],
    [{ ...input, transferMessage: ["hi"] }, "transferMessage"],
  ]) {
    const error = await client().transferCertificate(bad).catch((e) => e);
    assert.ok(error instanceof ValidationError, String(error));
    assert.equal(error.field, field);
    assert.equal(error.rule, "must be a string");
    assert.equal(error.message, `${field} must be a string`);
  }
});

test("members read through getters are checked and named too", async () => {
  class Input {
    #id;
    constructor(id) {
      this.#id = id;
    }
    get certificateId() {
      return this.#id;
    }
    get targetAwsAccount() {
      return "444455556666";
    }
  }
  const error = await client().transferCertificate(new Input(64)).catch((e) => e);
  assert.ok(error instanceof ValidationError, String(error));
  assert.equal(error.field, "certificateId");
  const signed = await client().signTransferCertificate(new Input(ID));
  assert.equal(signed.url, `https://iot.us-east-1.amazonaws.com/transfer-certificate/${ID}?targetAwsAccount=444455556666`);
});

const badSigningDates = [
  ["NaN", NaN, "must be a valid Date or a finite number of milliseconds since the epoch"],
  ["an invalid Date", new Date("x"), "must be a valid Date or a finite number of milliseconds since the epoch"],
  ["a string", "yesterday", "must be a valid Date or a finite number of milliseconds since the epoch"],
  ["Infinity", Infinity, "must be a valid Date or a finite number of milliseconds since the epoch"],
  ["year 10000", Date.UTC(10000, 0, 1), "must be between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59Z"],
  ["a number past any date", 1e300, "must be between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59Z"],
  ["before 1970", -1, "must be between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59Z"],
  ["a Date before 1970", new Date(Date.UTC(1969, 11, 31)), "must be between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59Z"],
];

for (const [name, signingDate, rule] of badSigningDates) {
  test(`signingDate ${name} is a ValidationError of signingDate`, async () => {
    const error = await client().signTransferCertificate(input, { signingDate }).catch((e) => e);
    assert.ok(error instanceof ValidationError, String(error));
    assert.equal(error.field, "signingDate");
    assert.equal(error.rule, rule);
    assert.equal(error.$metadata.attempts, 0);
  });
}

test("signingDate from 1970 to the last second of 9999 signs", async () => {
  const cases = [
    [new Date(Date.UTC(9999, 11, 31, 23, 59, 59)), "99991231T235959Z"],
    [Date.UTC(9999, 11, 31, 23, 59, 59, 999), "99991231T235959Z"],
    [0, "19700101T000000Z"],
    [new Date(Date.UTC(2026, 10, 25, 12, 0, 0)), "20261125T120000Z"],
  ];
  for (const [signingDate, amzDate] of cases) {
    const signed = await client().signTransferCertificate(input, { signingDate });
    assert.equal(signed.headers["x-amz-date"], amzDate);
    assert.match(signed.headers.authorization, new RegExp(`Credential=AKIDEXAMPLE/${amzDate.slice(0, 8)}/us-east-1/iot/aws4_request`));
  }
});
