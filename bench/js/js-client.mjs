// One Node client of `make bench`: `node js-client.mjs ours|sdk|floor MODE URL WARMUP CALLS`
// (MODE `sequential` or `concurrent`) measures TransferCertificate calls against the stub and prints
// one JSON line of figures (measure.mjs). `ours` is this package with its Node default transport
// (node:http), `sdk` the official @aws-sdk/client-iot, `floor` node:http with a keep-alive agent
// sending the same PATCH unsigned (no SDK).

import { measure } from "./measure.mjs";

const [impl, mode, endpoint, warmup, calls] = process.argv.slice(2);
const input = { certificateId: "a".repeat(64), targetAwsAccount: "444455556666" };
const credentials = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" };

/** The client's label and its one call, made for the stub at `endpoint`. */
async function client() {
  if (impl === "ours") {
    const { IoTTransferClient } = await import("iot-transfer");
    const client = new IoTTransferClient({ region: "us-east-1", endpoint, credentials });
    return ["iot-transfer (npm, Node)", () => client.transferCertificate(input)];
  }
  if (impl === "sdk") {
    const { IoTClient, TransferCertificateCommand } = await import("@aws-sdk/client-iot");
    const client = new IoTClient({ region: "us-east-1", endpoint, credentials });
    return ["@aws-sdk/client-iot (Node)", () => client.send(new TransferCertificateCommand(input))];
  }
  if (impl === "floor") {
    const { floorCall } = await import("./floor.mjs");
    return ["node:http, no SDK (Node)", floorCall(endpoint, input)];
  }
  throw new Error(`unknown client ${impl}: ours, sdk or floor`);
}

const [label, call] = await client();
await measure(label, call, { mode, warmup: Number(warmup), calls: Number(calls) });
