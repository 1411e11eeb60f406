// A web console's use of the package, as its users write it: a named import of the package, a
// client for the endpoint and account given in the query string, one transfer, the typed errors
// it branches on, and a batch (the fleet handover's plan, whose module the page loads then). What it found is shown as JSON in #result for the test to read. The
// client and one call are written as for @aws-sdk/client-iot (`IoTClient`, a command sent with
// `send`), with no `initialize()` first: the package is a drop-in for it in a bundle too.

import {
  IoTClient,
  IoTTransferError,
  CertificateStateException,
  TransferCertificateCommand,
  ValidationError,
} from "iot-transfer";

const query = new URLSearchParams(location.search);
const client = new IoTClient({
  region: "us-east-1",
  endpoint: query.get("endpoint"),
  credentials: { accessKeyId: query.get("accessKeyId"), secretAccessKey: query.get("secretAccessKey") },
});
const target = query.get("targetAwsAccount");

/** The members of an error a console branches on. */
function describe(error) {
  return {
    name: error.name,
    message: error.message,
    kind: error.kind,
    field: error.field,
    httpStatusCode: error.$metadata?.httpStatusCode,
    hint: error.hint,
    isIoTTransferError: error instanceof IoTTransferError,
    isValidationError: error instanceof ValidationError,
    isCertificateStateException: error instanceof CertificateStateException,
  };
}

/** Runs `call`, resolving to its output or to its error described. */
async function outcome(call) {
  try {
    const { $metadata, ...output } = await call();
    return { output, httpStatusCode: $metadata.httpStatusCode };
  } catch (error) {
    return { error: describe(error) };
  }
}

/** The outcome types of a plan-only handover of `certificates`, in the order they came, or its error described. */
async function plan(certificates) {
  try {
    const outcomes = [];
    for await (const event of client.handover({ certificates, targetAwsAccount: target, planOnly: true })) {
      outcomes.push({ certificateId: event.certificateId, outcome: event.outcome.type });
    }
    return { outcomes };
  } catch (error) {
    return { error: describe(error) };
  }
}

async function main() {
  return {
    transferred: await outcome(() => client.transferCertificate({ certificateId: query.get("transferable"), targetAwsAccount: target })),
    // An ACTIVE certificate: the service refuses it, and the error is its own class.
    refused: await outcome(() => client.send(new TransferCertificateCommand({ certificateId: query.get("active"), targetAwsAccount: target }))),
    // Refused before anything is sent.
    invalid: await outcome(() => client.transferCertificate({ certificateId: "not-a-certificate-id", targetAwsAccount: target })),
    // A batch, after the calls: the ACTIVE certificate planned (blocked: nothing is changed).
    planned: await plan([query.get("active")]),
  };
}

const shown = document.getElementById("result");
main().then(
  (result) => {
    shown.textContent = JSON.stringify(result, null, 2);
    shown.dataset.state = "done";
  },
  (failure) => {
    shown.textContent = String(failure?.stack ?? failure);
    shown.dataset.state = "failed";
  },
);
