// One JavaScript client for `make bench`: `node js-client.mjs ours|ours-fetch|sdk URL WARMUP CALLS`
// makes WARMUP then CALLS sequential TransferCertificate calls and prints one JSON line of figures.
// `ours` is this package with its Node default (node:http), `ours-fetch` the same with
// `transport: "fetch"` (the core's reqwest over Node's fetch).

const [impl, endpoint, warmup, calls] = [process.argv[2], process.argv[3], Number(process.argv[4]), Number(process.argv[5])];
const input = { certificateId: "a".repeat(64), targetAwsAccount: "444455556666" };
const credentials = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" };

let call;
if (impl === "ours" || impl === "ours-fetch") {
  const { IoTTransferClient } = await import("iot-transfer");
  const transport = impl === "ours-fetch" ? "fetch" : undefined;
  const client = new IoTTransferClient({ region: "us-east-1", endpoint, credentials, transport });
  call = () => client.transferCertificate(input);
} else {
  const { IoTClient, TransferCertificateCommand } = await import("@aws-sdk/client-iot");
  const client = new IoTClient({ region: "us-east-1", endpoint, credentials });
  call = () => client.send(new TransferCertificateCommand(input));
}
await call();
const firstResponseMs = performance.now();
for (let i = 0; i < warmup; i++) await call();
const cpuBefore = process.cpuUsage();
const started = performance.now();
for (let i = 0; i < calls; i++) await call();
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
console.log(JSON.stringify({
  client: { ours: "iot-transfer (npm, Node, node:http)", "ours-fetch": "iot-transfer (npm, Node, fetch)" }[impl] ?? "@aws-sdk/client-iot (Node)",
  firstResponseMs,
  callsPerSecond: calls / seconds,
  cpuMicrosPerCall: (cpu.user + cpu.system) / Math.max(calls, 1),
  peakRssMb: process.resourceUsage().maxRSS / 1024,
}));
