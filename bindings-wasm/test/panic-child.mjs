// The child process of the panic test: a call is in flight (the endpoint never answers) when the
// module panics; prints how the panicking call, the call in flight and a later call ended, then
// exits on its own. Usage: node panic-child.mjs ENDPOINT

import { IoTTransferClient } from "iot-transfer";

const [endpoint] = process.argv.slice(2);
const client = new IoTTransferClient({
  region: "us-east-1",
  endpoint,
  credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" },
});
const input = {
  certificateId: "3c4f1e2b5d6a7c8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e",
  targetAwsAccount: "444455556666",
};
const settled = (promise) =>
  promise.then(
    () => ({ resolved: true }),
    (error) => ({ name: error.name, kind: error.kind, message: error.message, possiblyApplied: error.possiblyApplied }),
  );

const inFlight = settled(client.transferCertificate(input));
await new Promise((resolve) => setTimeout(resolve, 300));
const panicked = await settled(IoTTransferClient[Symbol.for("iot-transfer.panicForTests")]());
const later = await settled(client.transferCertificate(input));
console.log(JSON.stringify({ panicked, inFlight: await inFlight, later }));
// The hung request's socket would keep the process alive; the module cannot close it any more.
process.exit(0);
