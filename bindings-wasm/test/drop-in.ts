// A TypeScript script written for `@aws-sdk/client-iot` with only the package name in its import
// changed, type-checked with `tsc --noEmit --strict`: the JS SDK's names of the client, its
// configuration, the commands and their input and output types, the paginators' configuration
// and the model's enums all compile against the package's declarations. That it is a JS SDK
// script is checked too: tests/official-clients/js/drop-in.test.mjs type-checks it, with the
// import changed back, against the installed JS SDK.

import {
  CertificateStatus,
  DescribeCertificateCommand,
  IoTClient,
  IoTServiceException,
  ResourceNotFoundException,
  TransferCertificateCommand,
  UpdateCertificateCommand,
  paginateListOutgoingCertificates,
  type DescribeCertificateCommandOutput,
  type IoTClientConfig,
  type IoTPaginationConfiguration,
  type OutgoingCertificate,
  type TransferCertificateCommandInput,
  type TransferCertificateCommandOutput,
  type TransferCertificateRequest,
  type UpdateCertificateCommandOutput,
} from "iot-transfer";

const config: IoTClientConfig = {
  region: "eu-west-1",
  credentials: async () => ({ accessKeyId: "AKID", secretAccessKey: "secret" }),
  maxAttempts: 5,
  retryMode: "standard",
};
const client: IoTClient = new IoTClient(config);

export async function transferOne(certificateId: string, targetAwsAccount: string, signal: AbortSignal): Promise<string> {
  const described: DescribeCertificateCommandOutput = await client.send(new DescribeCertificateCommand({ certificateId }));
  if (described.certificateDescription?.status === CertificateStatus.ACTIVE) {
    const updated: UpdateCertificateCommandOutput = await client.send(
      new UpdateCertificateCommand({ certificateId, newStatus: CertificateStatus.INACTIVE }),
    );
    void updated.$metadata.httpStatusCode;
  }
  const request: TransferCertificateRequest = { certificateId, targetAwsAccount };
  const input: TransferCertificateCommandInput = request;
  try {
    const output: TransferCertificateCommandOutput = await client.send(new TransferCertificateCommand(input), { abortSignal: signal });
    const { httpStatusCode, requestId, attempts, totalRetryDelay } = output.$metadata;
    return `${output.transferredCertificateArn} ${httpStatusCode} ${requestId} ${attempts} ${totalRetryDelay}`;
  } catch (e) {
    if (e instanceof ResourceNotFoundException) return `${e.name} ${e.$metadata.httpStatusCode} ${e.$fault}`;
    if (e instanceof IoTServiceException && e.name === "CertificateStateException") return e.message;
    throw e;
  } finally {
    client.destroy();
  }
}

export async function outgoing(): Promise<OutgoingCertificate[]> {
  const paging: IoTPaginationConfiguration = { client, pageSize: 25, startingToken: undefined };
  const all: OutgoingCertificate[] = [];
  for await (const page of paginateListOutgoingCertificates(paging, {})) all.push(...(page.outgoingCertificates ?? []));
  return all;
}

// @ts-expect-error: a status is one of the model's (or a string), not a number.
void new UpdateCertificateCommand({ certificateId: "x", newStatus: 1 });
