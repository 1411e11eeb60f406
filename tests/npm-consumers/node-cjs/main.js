// A CommonJS script's use of the package through `require`: the client configured from the
// environment (AWS_REGION, AWS_ENDPOINT_URL_IOT, AWS_ACCESS_KEY_ID, ...), one transfer and the
// typed errors it branches on, printed as JSON for the test to read.
// Certificate IDs and the target account come from argv: TRANSFERABLE ACTIVE TARGET.

const { IoTTransferClient, IoTTransferError, CertificateStateException, ValidationError } = require("iot-transfer");

const [transferable, active, targetAwsAccount] = process.argv.slice(2);
const client = new IoTTransferClient();

/** The members of an error a caller branches on. */
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

async function main() {
  const result = {
    transferred: await outcome(() => client.transferCertificate({ certificateId: transferable, targetAwsAccount })),
    refused: await outcome(() => client.transferCertificate({ certificateId: active, targetAwsAccount })),
    invalid: await outcome(() => client.transferCertificate({ certificateId: "not-a-certificate-id", targetAwsAccount })),
  };
  await client.destroy();
  console.log(JSON.stringify(result));
}

main().catch((failure) => {
  console.error(failure);
  process.exitCode = 1;
});
