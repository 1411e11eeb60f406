// A CommonJS module of a Node program (its imports compile to require calls): the package's
// "require" entry and its types must fit it as its "import" entry fits consumer.ts.

import { IoTTransferClient, IoTServiceException, type TransferCertificateInput } from "iot-transfer";

export async function transfer(input: TransferCertificateInput): Promise<string | undefined> {
  const client = new IoTTransferClient({ region: "us-east-1" });
  try {
    return (await client.transferCertificate(input)).transferredCertificateArn;
  } catch (error) {
    if (error instanceof IoTServiceException) return error.$metadata.requestId;
    throw error;
  } finally {
    await client.destroy();
  }
}
