// The package as a drop-in for `@aws-sdk/client-iot`: code written the JS SDK's way (`IoTClient`,
// commands through `send`, paginators configured with `{ client, pageSize }`, the model's enums,
// `catch (e) { if (e instanceof ResourceNotFoundException) ... }`) against the project's local IoT
// endpoint (IOT_EMULATOR_URL, set by scripts/run/with-emulator.sh), with credentials found as the
// JS SDK finds them when the script gives none. That the package exports every
// name the JS SDK does for these operations is checked against the installed JS SDK itself, in
// tests/official-clients/js/drop-in.test.mjs.

import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  AcceptCertificateTransferCommand,
  CertificateStateException,
  CertificateStatus,
  DescribeCertificateCommand,
  DetachPolicyCommand,
  IoT,
  IoTClient,
  IoTServiceException,
  IoTTransferClient,
  ListCertificatesCommand,
  ResourceNotFoundException,
  TransferAlreadyCompletedException,
  TransferCertificateCommand,
  UpdateCertificateCommand,
  paginateListAttachedPolicies,
  paginateListCertificates,
  paginateListOutgoingCertificates,
} from "iot-transfer";

const SOURCE = { accessKeyId: "AKIAEMULATORSOURCE", secretAccessKey: "emulator-source-secret" };
const TARGET = { accessKeyId: "AKIAEMULATORTARGET", secretAccessKey: "emulator-target-secret" };
const TARGET_ACCOUNT = "444455556666";
const url = process.env.IOT_EMULATOR_URL;
assert.ok(url, "run the tests through scripts/run/with-emulator.sh, which sets IOT_EMULATOR_URL");

/** The emulator's demo certificates, fresh: `transferable`, `active` (ACTIVE), `withPolicy`. */
async function seed() {
  const response = await fetch(`${url}/_emulator/seed-demo`, { method: "POST" });
  return response.json();
}

/** Runs `body` with `variables` set in `process.env`, then restores them. */
async function withEnvironment(variables, body) {
  const saved = { ...process.env };
  Object.assign(process.env, variables);
  try {
    return await body();
  } finally {
    for (const name of Object.keys(variables)) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  }
}

/** Collects every page of a paginator. */
async function pagesOf(paginator) {
  const pages = [];
  for await (const page of paginator) pages.push(page);
  return pages;
}

test("IoTClient and IoT are the client itself, not copies", () => {
  assert.equal(IoTClient, IoTTransferClient);
  assert.equal(IoT, IoTTransferClient);
  assert.equal(CertificateStatus.INACTIVE, "INACTIVE");
  assert.equal(CertificateStatus.PENDING_TRANSFER, "PENDING_TRANSFER");
});

// The target's client is configured by the environment alone, which (as in the JS SDK) is read
// when the client is first used.
const targetEnvironment = () => ({
  AWS_REGION: "us-east-1",
  AWS_ENDPOINT_URL_IOT: url,
  AWS_ACCESS_KEY_ID: TARGET.accessKeyId,
  AWS_SECRET_ACCESS_KEY: TARGET.secretAccessKey,
});

test("a JS SDK script: deactivate, detach, transfer, list, accept", () => withEnvironment(targetEnvironment(), async () => {
  const { active, withPolicy } = await seed();
  // The source as JS SDK scripts configure a client in code; the target from the environment.
  const client = new IoTClient({ region: "us-east-1", endpoint: url, credentials: SOURCE, maxAttempts: 3, retryMode: "standard" });
  const target = new IoTClient({});

  for (const certificateId of [active, withPolicy]) {
    const { certificateDescription } = await client.send(new DescribeCertificateCommand({ certificateId }));
    assert.ok(certificateDescription.creationDate instanceof Date);
    if (certificateDescription.status === CertificateStatus.ACTIVE) {
      const updated = await client.send(new UpdateCertificateCommand({ certificateId, newStatus: CertificateStatus.INACTIVE }));
      assert.equal(updated.$metadata.httpStatusCode, 200);
    }
    const input = { target: certificateDescription.certificateArn };
    for await (const page of paginateListAttachedPolicies({ client, pageSize: 10 }, input)) {
      for (const { policyName } of page.policies) {
        await client.send(new DetachPolicyCommand({ policyName, target: certificateDescription.certificateArn }));
      }
    }
    const output = await client.send(new TransferCertificateCommand({ certificateId, targetAwsAccount: TARGET_ACCOUNT }));
    assert.equal(output.transferredCertificateArn, certificateDescription.certificateArn);
    const { httpStatusCode, requestId, attempts, totalRetryDelay } = output.$metadata;
    assert.deepEqual([httpStatusCode, typeof requestId, attempts, totalRetryDelay], [200, "string", 1, 0]);
  }

  const outgoing = (await pagesOf(paginateListOutgoingCertificates({ client }, {}))).flatMap((page) => page.outgoingCertificates);
  for (const id of [active, withPolicy]) {
    const transfer = outgoing.find((certificate) => certificate.certificateId === id);
    assert.equal(transfer?.transferredTo, TARGET_ACCOUNT);
    assert.ok(transfer.transferDate instanceof Date);
  }

  // The target sees them offered, one certificate a page.
  const pages = await pagesOf(paginateListCertificates({ client: target, pageSize: 1 }, {}));
  assert.ok(pages.every((page) => page.certificates.length <= 1 && page.$metadata.httpStatusCode === 200));
  const offered = pages.flatMap((page) => page.certificates).filter((c) => c.certificateId === active || c.certificateId === withPolicy);
  assert.deepEqual(offered.map((c) => c.status), [CertificateStatus.PENDING_TRANSFER, CertificateStatus.PENDING_TRANSFER]);

  await target.send(new AcceptCertificateTransferCommand({ certificateId: active, setAsActive: true }));
  const { certificateDescription } = await target.send(new DescribeCertificateCommand({ certificateId: active }));
  assert.deepEqual([certificateDescription.status, certificateDescription.ownedBy], ["ACTIVE", TARGET_ACCOUNT]);
  assert.ok(certificateDescription.transferData.acceptDate instanceof Date);
  client.destroy();
  target.destroy();
}));

test("errors are caught as JS SDK scripts catch them", async () => {
  const { active } = await seed();
  const client = new IoTClient({ region: "us-east-1", endpoint: url, credentials: async () => SOURCE });
  try {
    await client.send(new DescribeCertificateCommand({ certificateId: "0".repeat(64) }));
    assert.fail("expected ResourceNotFoundException");
  } catch (e) {
    if (!(e instanceof ResourceNotFoundException)) throw e;
    assert.ok(e instanceof IoTServiceException && e instanceof Error);
    assert.equal(e.name, "ResourceNotFoundException");
    assert.equal(e.$fault, "client");
    assert.equal(e.$metadata.httpStatusCode, 404);
    assert.equal(typeof e.$metadata.requestId, "string");
    assert.equal(e.$metadata.attempts, 1);
    assert.equal(typeof e.message, "string");
  }

  const refused = await client.send(new TransferCertificateCommand({ certificateId: active, targetAwsAccount: TARGET_ACCOUNT })).catch((e) => e);
  assert.equal(refused.name, "CertificateStateException");
  assert.ok(refused instanceof CertificateStateException && refused instanceof IoTServiceException);
  assert.equal(refused.$metadata.httpStatusCode, 406);

  await client.send(new UpdateCertificateCommand({ certificateId: active, newStatus: "INACTIVE" }));
  await client.send(new TransferCertificateCommand({ certificateId: active, targetAwsAccount: TARGET_ACCOUNT }));
  const target = new IoTClient({ region: "us-east-1", endpoint: url, credentials: TARGET });
  await target.send(new AcceptCertificateTransferCommand({ certificateId: active }));
  const again = await target.send(new AcceptCertificateTransferCommand({ certificateId: active })).catch((e) => e);
  assert.ok(again instanceof TransferAlreadyCompletedException, String(again));
  assert.deepEqual([again.name, again.$fault, again.$metadata.httpStatusCode], ["TransferAlreadyCompletedException", "client", 410]);
});

test("send takes the JS SDK's abortSignal option", async () => {
  const client = new IoTClient({ region: "us-east-1", endpoint: url, credentials: SOURCE });
  const aborted = await client.send(new ListCertificatesCommand({}), { abortSignal: AbortSignal.abort() }).catch((e) => e);
  assert.equal(aborted.name, "AbortError");
  const listed = await client.send(new ListCertificatesCommand({}), { abortSignal: new AbortController().signal });
  assert.ok(Array.isArray(listed.certificates));
});

test("a paginator's configuration is read as the JS SDK reads it", async () => {
  await seed();
  await seed();
  const client = new IoTClient({ region: "us-east-1", endpoint: url, credentials: SOURCE });
  const all = await pagesOf(paginateListCertificates({ client, pageSize: 1 }, { ascendingOrder: true }));
  assert.ok(all.length >= 6 && all.every((page) => page.certificates.length === 1));
  // startingToken wins over the input's marker.
  const [resumed] = await pagesOf(paginateListCertificates({ client, pageSize: 1, startingToken: all[0].nextMarker }, { ascendingOrder: true, marker: "0" }));
  assert.deepEqual(resumed.certificates, all[1].certificates);
  // The input's pageSize wins over the configuration's.
  const [wide] = await pagesOf(paginateListCertificates({ client, pageSize: 1 }, { ascendingOrder: true, pageSize: 2 }));
  assert.deepEqual(wide.certificates, [...all[0].certificates, ...all[1].certificates]);
});

test("the constructor takes what JS SDK scripts pass, and ignores the JS SDK's other members", async () => {
  const { transferable } = await seed();
  const client = new IoTClient({
    region: "us-east-1",
    endpoint: url,
    credentials: async () => ({ ...SOURCE, expiration: new Date(Date.now() + 3_600_000) }),
    maxAttempts: 2,
    retryMode: "adaptive",
    logger: console,
    customUserAgent: "my-script/1.0",
  });
  const { certificateDescription } = await client.send(new DescribeCertificateCommand({ certificateId: transferable }));
  assert.equal(certificateDescription.status, CertificateStatus.INACTIVE);
});

/** A shared credentials file whose default profile holds `keys`. */
function credentialsFile(keys) {
  const file = join(mkdtempSync(join(tmpdir(), "iot-transfer-drop-in-")), "credentials");
  writeFileSync(file, `[default]\naws_access_key_id = ${keys.accessKeyId}\naws_secret_access_key = ${keys.secretAccessKey}\n`);
  return file;
}

test("new IoTClient({ region }) finds credentials in the shared files, through the JS SDK's default chain", async () => {
  const { transferable } = await seed();
  // The source's keys only in the file: the package reads no files, the JS SDK's chain (installed
  // here as a dependency of @aws-sdk/credential-providers) does.
  await withEnvironment({ AWS_ENDPOINT_URL_IOT: url, AWS_SHARED_CREDENTIALS_FILE: credentialsFile(SOURCE) }, async () => {
    const client = new IoTClient({ region: "us-east-1" });
    const { certificateDescription } = await client.send(new DescribeCertificateCommand({ certificateId: transferable }));
    assert.equal(certificateDescription.status, CertificateStatus.INACTIVE);
  });
});

test("the environment's keys win over the default chain, as in the JS SDK", async () => {
  const { transferable } = await seed();
  // The target's keys in the file would not see the source's certificate.
  const variables = {
    AWS_ENDPOINT_URL_IOT: url,
    AWS_SHARED_CREDENTIALS_FILE: credentialsFile(TARGET),
    AWS_ACCESS_KEY_ID: SOURCE.accessKeyId,
    AWS_SECRET_ACCESS_KEY: SOURCE.secretAccessKey,
  };
  await withEnvironment(variables, async () => {
    const client = new IoTClient({ region: "us-east-1" });
    const { certificateDescription } = await client.send(new DescribeCertificateCommand({ certificateId: transferable }));
    assert.equal(certificateDescription.certificateId, transferable);
  });
});

test("with no credentials anywhere the call is a CredentialsError from the chain, and nothing is sent", async () => {
  await withEnvironment({ AWS_ENDPOINT_URL_IOT: url, AWS_SHARED_CREDENTIALS_FILE: join(tmpdir(), "iot-transfer-none") }, async () => {
    const client = new IoTClient({ region: "us-east-1" });
    const error = await client.send(new ListCertificatesCommand({})).catch((e) => e);
    assert.equal(error.name, "CredentialsError", String(error));
    assert.equal(error.$metadata.attempts, 0);
  });
});
