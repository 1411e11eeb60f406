// A TypeScript consumer of the package, type-checked with `tsc --noEmit --strict`: it must
// compile against index.d.ts exactly as a console's code would be written.

import {
  AcceptCertificateTransferCommand,
  TransferAlreadyCompletedException,
  paginateListCertificates,
  type CertificateStatus,
  type TransferBlocker,
  type TransferCheck,
  IoTTransferClient,
  IoTTransferError,
  CertificateStateException,
  TransferConflictException,
  ValidationError,
  initialize,
  type AwsCredentialIdentity,
  type TransferCertificateOutput,
  type SignedRequest,
  type ErrorKind,
  type InputField,
  type HttpRequest,
  type HttpResponse,
} from "iot-transfer";
import { fromNodeProviderChain, fromTemporaryCredentials } from "@aws-sdk/credential-providers";

async function refresh(): Promise<AwsCredentialIdentity> {
  return { accessKeyId: "ASIA", secretAccessKey: "s", sessionToken: "t", expiration: new Date() };
}

export async function transfer(certificateId: string, targetAwsAccount: string): Promise<string> {
  await initialize();
  const client = new IoTTransferClient({
    region: "eu-west-1",
    credentials: refresh,
    maxAttempts: 5,
    timeouts: { attempt: 2_000, call: 10_000 },
  });
  try {
    const output: TransferCertificateOutput = await client.transferCertificate({
      certificateId,
      targetAwsAccount,
      transferMessage: "welcome",
    });
    const attempts: number = output.$metadata.attempts;
    const status: number | undefined = output.$metadata.httpStatusCode;
    const reconciled: boolean = output.$metadata.reconciled;
    return `${output.transferredCertificateArn} ${attempts} ${status ?? ""} ${reconciled}`;
  } catch (error) {
    if (error instanceof CertificateStateException || error instanceof TransferConflictException) {
      return error.hint ?? error.message;
    }
    if (error instanceof ValidationError) {
      const field: InputField = error.field;
      return `${field}: ${error.rule}`;
    }
    if (error instanceof IoTTransferError) {
      const kind: ErrorKind = error.kind;
      const fault: "client" | "server" = error.$fault;
      return `${kind} ${fault} ${error.$metadata.requestId ?? ""} ${error.$retryable?.throttling ?? false}`;
    }
    throw error;
  } finally {
    await client.destroy();
  }
}

export async function presign(): Promise<SignedRequest> {
  const client = new IoTTransferClient({
    region: "us-east-1",
    endpoint: "http://127.0.0.1:4566",
    credentials: { accessKeyId: "AKID", secretAccessKey: "secret" },
  });
  const signed = await client.signTransferCertificate(
    { certificateId: "0".repeat(64), targetAwsAccount: "123456789012" },
    { signingDate: new Date() },
  );
  const headers: Record<string, string> = signed.headers;
  void headers;
  return signed;
}

/** A custom transport: sends with fetch, cancelled through the client's signal. */
async function viaFetch(request: HttpRequest): Promise<HttpResponse> {
  const response = await fetch(request.url, {
    method: request.method,
    headers: request.headers,
    body: new Uint8Array(request.body),
    signal: request.signal,
    redirect: "manual",
  });
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => (headers[name] = value));
  return { status: response.status, headers, body: new Uint8Array(await response.arrayBuffer()) };
}

export const clients = [
  new IoTTransferClient({ region: "eu-west-1", credentials: refresh, transport: "fetch" }),
  new IoTTransferClient({ region: "eu-west-1", credentials: refresh, transport: viaFetch }),
];

// @ts-expect-error: a transport is a function or "fetch".
void new IoTTransferClient({ region: "x", credentials: refresh, transport: "undici" });

// @ts-expect-error: targetAwsAccount is required.
void new IoTTransferClient({ region: "x", credentials: { accessKeyId: "a", secretAccessKey: "b" } }).transferCertificate({ certificateId: "x" });

/** The JS SDK's credential providers fit `credentials` unchanged, as with its own clients. */
export function withSdkProviders(): IoTTransferClient[] {
  const assumed = fromTemporaryCredentials({ params: { RoleArn: "arn:aws:iam::111122223333:role/transfer" } });
  return [new IoTTransferClient({ credentials: fromNodeProviderChain() }), new IoTTransferClient({ credentials: assumed })];
}

// The workflow's operations, commands, paginators and preflight, typed from the core's declarations.
export async function workflow(client: IoTTransferClient, certificateId: string): Promise<string[]> {
  const check: TransferCheck = await client.checkTransfer({ certificateId, targetAwsAccount: "444455556666" });
  const blockers = check.blockers.map((blocker: TransferBlocker) =>
    blocker.type === "PoliciesAttached" ? blocker.policyNames.join(",") : blocker.type,
  );
  const report = await client.prepareAndTransfer({ certificateId, targetAwsAccount: "444455556666", deactivate: true });
  blockers.push(report.leftState);
  const accepted = await client.send(new AcceptCertificateTransferCommand({ certificateId, setAsActive: true }));
  blockers.push(String(accepted.$metadata.reconciled));
  const status: CertificateStatus | undefined = (await client.describeCertificate({ certificateId })).certificateDescription.status;
  const created: Date | undefined = (await client.describeCertificate({ certificateId })).certificateDescription.creationDate;
  blockers.push(String(status), String(created?.getTime()));
  for await (const page of paginateListCertificates({ client }, { pageSize: 10 })) {
    blockers.push(...page.certificates.map((certificate) => certificate.certificateId ?? ""));
  }
  try {
    await client.cancelCertificateTransfer({ certificateId });
  } catch (error) {
    if (error instanceof TransferAlreadyCompletedException) blockers.push(error.hint ?? "");
  }
  return blockers;
}
