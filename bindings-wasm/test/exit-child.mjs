// The child process of the exit test: one successful call with long timeouts set, its result
// printed, then nothing: Node must exit at once (no timer or socket may keep it alive).
// Usage: node exit-child.mjs ENDPOINT [fetch]

import { IoTTransferClient } from "iot-transfer";

const [endpoint, transport] = process.argv.slice(2);
const client = new IoTTransferClient({
  region: "us-east-1",
  endpoint,
  credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" },
  timeouts: { call: 20_000, attempt: 10_000 },
  transport: transport || undefined,
});
const output = await client.transferCertificate({
  certificateId: "3c4f1e2b5d6a7c8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e",
  targetAwsAccount: "444455556666",
});
console.log(JSON.stringify(output));
