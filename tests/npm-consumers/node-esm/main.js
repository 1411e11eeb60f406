// A Node script's use of the package through `import`: the client configured from the
// environment, as the JS SDK is (AWS_REGION, AWS_ENDPOINT_URL_IOT, AWS_ACCESS_KEY_ID, ...), one
// transfer and the typed errors it branches on, printed as JSON for the test to read.
// Certificate IDs and the target account come from argv: TRANSFERABLE ACTIVE TARGET.

import { createRequire } from "node:module";
import { IoTTransferClient, IoTTransferError, CertificateStateException, ValidationError } from "iot-transfer";

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

/**
 * A call of a client that finds no credentials: none configured, none in the environment, and
 * the JS SDK's default chain not installed (the package's optional peer dependency).
 */
async function withoutCredentials() {
  const keys = { AWS_ACCESS_KEY_ID: process.env.AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY: process.env.AWS_SECRET_ACCESS_KEY };
  delete process.env.AWS_ACCESS_KEY_ID;
  delete process.env.AWS_SECRET_ACCESS_KEY;
  try {
    return await outcome(() => new IoTTransferClient().transferCertificate({ certificateId: transferable, targetAwsAccount }));
  } finally {
    Object.assign(process.env, keys);
  }
}

const result = {
  transferred: await outcome(() => client.transferCertificate({ certificateId: transferable, targetAwsAccount })),
  refused: await outcome(() => client.transferCertificate({ certificateId: active, targetAwsAccount })),
  invalid: await outcome(() => client.transferCertificate({ certificateId: "not-a-certificate-id", targetAwsAccount })),
  // import and require give the same classes (one module instance), so instanceof holds across both.
  sameClassesAsRequire: createRequire(import.meta.url)("iot-transfer").IoTTransferError === IoTTransferError,
  noCredentials: await withoutCredentials(),
};
await client.destroy();
console.log(JSON.stringify(result));
