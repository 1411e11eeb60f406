// The Node projects (an ES module that imports the package, a CommonJS one that requires it),
// each run as its own process from its folder, configured through the environment as a Node
// program on AWS is, against the local endpoint.

import { test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { endpoint, seedCertificates, source, targetAwsAccount } from "./emulator.mjs";
import { assertConsumerResult } from "./expected.mjs";

const run = promisify(execFile);
const consumers = process.env.NPM_CONSUMERS;

/** Runs the project's main.js on `seeded`; resolves to what it printed, parsed. */
async function runConsumer(project, seeded) {
  const env = {
    PATH: process.env.PATH,
    AWS_REGION: "us-east-1",
    AWS_ENDPOINT_URL_IOT: endpoint,
    AWS_ACCESS_KEY_ID: source.accessKeyId,
    AWS_SECRET_ACCESS_KEY: source.secretAccessKey,
  };
  const cwd = path.join(consumers, project);
  const { stdout } = await run(process.execPath, ["main.js", seeded.transferable, seeded.active, targetAwsAccount], { cwd, env, timeout: 20_000 });
  return JSON.parse(stdout);
}

test("an ES module imports the package and transfers on the local endpoint", async () => {
  const seeded = await seedCertificates();
  const { sameClassesAsRequire, noCredentials, ...result } = await runConsumer("node-esm", seeded);
  await assertConsumerResult(result, seeded);
  assert.equal(sameClassesAsRequire, true);
  // Without the JS SDK's credential chain installed, a client with no credentials says what to do.
  assert.equal(noCredentials.error?.name, "CredentialsError", JSON.stringify(noCredentials));
  assert.match(noCredentials.error.message, /install @aws-sdk\/credential-provider-node/);
});

test("a CommonJS module requires the package and transfers on the local endpoint", async () => {
  const seeded = await seedCertificates();
  await assertConsumerResult(await runConsumer("node-cjs", seeded), seeded);
});
