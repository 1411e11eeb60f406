// Code a console or a Node program writes against the package, type-checked (never run) under
// each tsconfig here: the client, an operation, its output, the errors it narrows, a command, a
// paginator. Every name is the package's own; a declaration that does not fit fails `tsc`.

import {
  AcceptCertificateTransferCommand,
  CertificateStateException,
  IoTTransferClient,
  IoTTransferError,
  ValidationError,
  initialize,
  paginateListCertificates,
  type AwsCredentialIdentity,
  type ErrorKind,
  type InputField,
  type TransferCertificateOutput,
} from "iot-transfer";

async function credentials(): Promise<AwsCredentialIdentity> {
  return { accessKeyId: "ASIA", secretAccessKey: "secret", sessionToken: "token", expiration: new Date() };
}

export async function transfer(certificateId: string, targetAwsAccount: string): Promise<string> {
  await initialize();
  const client = new IoTTransferClient({ region: "eu-west-1", credentials, timeouts: { call: 10_000 } });
  try {
    const output: TransferCertificateOutput = await client.transferCertificate({ certificateId, targetAwsAccount });
    const attempts: number = output.$metadata.attempts;
    return `${output.transferredCertificateArn} after ${attempts}`;
  } catch (error) {
    if (error instanceof CertificateStateException) return error.hint ?? error.message;
    if (error instanceof ValidationError) {
      const field: InputField = error.field;
      return `${field}: ${error.rule}`;
    }
    if (error instanceof IoTTransferError) {
      const kind: ErrorKind = error.kind;
      return `${error.name} (${kind}, ${error.$fault}) ${error.$metadata.httpStatusCode ?? ""}`;
    }
    throw error;
  } finally {
    await client.destroy();
  }
}

export async function acceptAll(client: IoTTransferClient): Promise<number> {
  let accepted = 0;
  for await (const page of paginateListCertificates({ client }, { pageSize: 50 })) {
    for (const { certificateId, status } of page.certificates) {
      if (status !== "PENDING_TRANSFER" || certificateId === undefined) continue;
      const { $metadata } = await client.send(new AcceptCertificateTransferCommand({ certificateId, setAsActive: true }));
      if ($metadata.httpStatusCode === 200 || $metadata.reconciled) accepted += 1;
    }
  }
  return accepted;
}

// @ts-expect-error: targetAwsAccount is required.
void new IoTTransferClient().transferCertificate({ certificateId: "x" });
