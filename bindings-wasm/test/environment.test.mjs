// Where the npm package in Node takes what its configuration leaves out, against the project's
// local IoT endpoint (IOT_EMULATOR_URL, set by scripts/run/with-emulator.sh): the environment, as the
// JS SDK reads it, and credential providers of the JS SDK's own `@aws-sdk/credential-providers`,
// passed as `credentials` unchanged.

import { test, beforeEach, afterEach } from "node:test";
import assert from "node:assert/strict";
import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fromNodeProviderChain, fromProcess, fromTemporaryCredentials } from "@aws-sdk/credential-providers";
import { IoTTransferClient, ConfigurationError } from "iot-transfer";

const TARGET = "444455556666";
const KEY = "AKIAEMULATORSOURCE";
const SECRET = "emulator-source-secret";
const url = process.env.IOT_EMULATOR_URL;
assert.ok(url, "run the tests through scripts/run/with-emulator.sh, which sets IOT_EMULATOR_URL");

async function admin(method, path) {
  const response = await fetch(`${url}/_emulator/${path}`, { method });
  return JSON.parse(await response.text());
}

/** Transfers a fresh certificate of the source account, which only its credentials can do. */
async function transferWith(client) {
  const { transferable } = await admin("POST", "seed-demo");
  const output = await client.transferCertificate({ certificateId: transferable, targetAwsAccount: TARGET });
  assert.ok(output.transferredCertificateArn.endsWith(`cert/${transferable}`));
  const { certificates } = await admin("GET", "state");
  assert.equal(certificates.find((c) => c.certificateId === transferable).status, "PENDING_TRANSFER");
}

let saved;
beforeEach(() => {
  saved = { ...process.env };
  for (const name of Object.keys(process.env)) if (name.startsWith("AWS_")) delete process.env[name];
  process.env.HOME = mkdtempSync(join(tmpdir(), "iot-transfer-home-"));
  process.env.AWS_EC2_METADATA_DISABLED = "true";
});
afterEach(() => {
  for (const name of Object.keys(process.env)) delete process.env[name];
  Object.assign(process.env, saved);
});

test("with no configuration but a region, the environment gives the keys and the IoT endpoint", async () => {
  Object.assign(process.env, {
    AWS_ACCESS_KEY_ID: KEY,
    AWS_SECRET_ACCESS_KEY: SECRET,
    AWS_ENDPOINT_URL: "http://127.0.0.1:9",
    AWS_ENDPOINT_URL_IOT: url,
  });
  await transferWith(new IoTTransferClient({ region: "us-east-1" }));
  process.env.AWS_REGION = "us-east-1";
  await transferWith(new IoTTransferClient());
});

test("members given win over the environment", async () => {
  Object.assign(process.env, { AWS_REGION: "eu-west-1", AWS_ENDPOINT_URL_IOT: "http://127.0.0.1:9" });
  await transferWith(
    new IoTTransferClient({ region: "us-east-1", endpoint: url, credentials: { accessKeyId: KEY, secretAccessKey: SECRET } }),
  );
});

test("a variable whose member is given is not read", async () => {
  Object.assign(process.env, { AWS_RETRY_MODE: "legacy", AWS_USE_FIPS_ENDPOINT: "sometimes", AWS_MAX_ATTEMPTS: "0" });
  const client = new IoTTransferClient({
    region: "us-east-1",
    endpoint: url,
    credentials: { accessKeyId: KEY, secretAccessKey: SECRET },
    retryMode: "standard",
    useFipsEndpoint: false,
    maxAttempts: 2,
  });
  await transferWith(client);
});

test("an unusable variable is a configuration error naming it, not its value", async () => {
  Object.assign(process.env, { AWS_USE_FIPS_ENDPOINT: "sometimes", AWS_SECRET_ACCESS_KEY: "s3cr3t" });
  const client = new IoTTransferClient({ region: "us-east-1", endpoint: url });
  const error = await client.transferCertificate({ certificateId: "a".repeat(64), targetAwsAccount: TARGET }).catch((e) => e);
  assert.ok(error instanceof ConfigurationError, String(error));
  assert.match(error.message, /process\.env\.AWS_USE_FIPS_ENDPOINT must be true or false/);
  assert.doesNotMatch(error.message, /sometimes|s3cr3t/);
});

test("the JS SDK's fromNodeProviderChain plugs in unchanged", async () => {
  // Keys only in a shared credentials file: the package reads no files, the JS SDK's chain does.
  const dir = mkdtempSync(join(tmpdir(), "iot-transfer-ini-"));
  writeFileSync(join(dir, "credentials"), `[default]\naws_access_key_id = ${KEY}\naws_secret_access_key = ${SECRET}\n`);
  process.env.AWS_SHARED_CREDENTIALS_FILE = join(dir, "credentials");
  const credentials = fromNodeProviderChain();
  await transferWith(new IoTTransferClient({ region: "us-east-1", endpoint: url, credentials }));
});

test("the JS SDK's fromProcess runs a credential_process and plugs in unchanged", async () => {
  const dir = mkdtempSync(join(tmpdir(), "iot-transfer-process-"));
  const script = join(dir, "issue-credentials");
  writeFileSync(script, `#!/bin/sh\necho '{"Version": 1, "AccessKeyId": "${KEY}", "SecretAccessKey": "${SECRET}"}'\n`);
  chmodSync(script, 0o755);
  writeFileSync(join(dir, "config"), `[profile scripted]\ncredential_process = ${script}\n`);
  process.env.AWS_CONFIG_FILE = join(dir, "config");
  const credentials = fromProcess({ profile: "scripted" });
  await transferWith(new IoTTransferClient({ region: "us-east-1", endpoint: url, credentials }));
});

test("the JS SDK's fromTemporaryCredentials assumes a role with the local STS and plugs in unchanged", async () => {
  // The master credentials are the target account's: only the assumed role can move the certificate.
  const credentials = fromTemporaryCredentials({
    params: { RoleArn: "arn:aws:iam::111122223333:role/transfer-operator", RoleSessionName: "npm-test" },
    masterCredentials: { accessKeyId: "AKIAEMULATORTARGET", secretAccessKey: "emulator-target-secret" },
    clientConfig: { region: "us-east-1", endpoint: url },
  });
  await transferWith(new IoTTransferClient({ region: "us-east-1", endpoint: url, credentials }));
});
