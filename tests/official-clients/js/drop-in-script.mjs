// A certificate-transfer script as a user of the official AWS SDK for JavaScript v3 writes it.
// drop-in.test.mjs runs it as it is, on @aws-sdk/client-iot, and again with only the package name
// in its import changed to "iot-transfer", and compares what the two runs print.
//
// The source account's client comes from the environment (AWS_REGION, AWS_ENDPOINT_URL_IOT,
// AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY), the target's is configured in code; DEMO names the
// emulator's fresh demo certificates as JSON ({ transferable, active, withPolicy }). It prints one
// JSON line per fact it relies on, leaving out what differs from run to run (IDs, dates, request IDs).
import {
  AcceptCertificateTransferCommand,
  CancelCertificateTransferCommand,
  CertificateStatus,
  DescribeCertificateCommand,
  DetachPolicyCommand,
  IoTClient,
  IoTServiceException,
  ListAttachedPoliciesCommand,
  ListCertificatesCommand,
  RejectCertificateTransferCommand,
  ResourceNotFoundException,
  TransferAlreadyCompletedException,
  TransferCertificateCommand,
  UpdateCertificateCommand,
  paginateListCertificates,
  paginateListOutgoingCertificates,
} from "@aws-sdk/client-iot";

const demo = JSON.parse(process.env.DEMO);
const targetAccount = "444455556666";
const source = new IoTClient({});
const target = new IoTClient({
  region: process.env.AWS_REGION,
  endpoint: process.env.AWS_ENDPOINT_URL_IOT,
  credentials: async () => ({ accessKeyId: "AKIAEMULATORTARGET", secretAccessKey: "emulator-target-secret" }),
  maxAttempts: 2,
  retryMode: "standard",
});

const print = (fact, value) => console.log(JSON.stringify([fact, value]));
/** The members of `$metadata` a script reads. */
const metadata = ({ httpStatusCode, requestId, attempts, totalRetryDelay }) => ({ httpStatusCode, requestId: typeof requestId, attempts, totalRetryDelay });
/** What a script branches on in an error. */
const failure = (e) => ({
  name: e.name,
  isServiceException: e instanceof IoTServiceException,
  isError: e instanceof Error,
  fault: e.$fault,
  message: typeof e.message,
  metadata: metadata(e.$metadata),
});

// Clear what blocks each certificate's transfer, then transfer it.
for (const certificateId of [demo.active, demo.withPolicy]) {
  const { certificateDescription: description, $metadata } = await source.send(new DescribeCertificateCommand({ certificateId }));
  print("described", { status: description.status, created: description.creationDate instanceof Date, members: Object.keys(description).sort(), metadata: metadata($metadata) });
  if (description.status === CertificateStatus.ACTIVE) {
    const updated = await source.send(new UpdateCertificateCommand({ certificateId, newStatus: CertificateStatus.INACTIVE }));
    print("deactivated", metadata(updated.$metadata));
  }
  const { policies } = await source.send(new ListAttachedPoliciesCommand({ target: description.certificateArn }));
  for (const { policyName } of policies) {
    const detached = await source.send(new DetachPolicyCommand({ policyName, target: description.certificateArn }));
    print("detached", { policyName, metadata: metadata(detached.$metadata) });
  }
  const transferred = await source.send(new TransferCertificateCommand({ certificateId, targetAwsAccount: targetAccount, transferMessage: "fleet" }));
  print("transferred", { arn: transferred.transferredCertificateArn === description.certificateArn, metadata: metadata(transferred.$metadata) });
}

for await (const page of paginateListOutgoingCertificates({ client: source, pageSize: 1 }, {})) {
  print("outgoing page", page.outgoingCertificates.map((c) => ({ to: c.transferredTo, dated: c.transferDate instanceof Date })));
}
for await (const page of paginateListCertificates({ client: target, pageSize: 1 }, {})) {
  print("offered page", { statuses: page.certificates.map((c) => c.status), more: page.nextMarker !== undefined });
}

const accepted = await target.send(new AcceptCertificateTransferCommand({ certificateId: demo.active, setAsActive: true }));
print("accepted", metadata(accepted.$metadata));
const { certificateDescription: owned } = await target.send(new DescribeCertificateCommand({ certificateId: demo.active }));
print("owned", { status: owned.status, owner: owned.ownedBy, previous: owned.previousOwnedBy, acceptedAt: owned.transferData.acceptDate instanceof Date });
try {
  await target.send(new AcceptCertificateTransferCommand({ certificateId: demo.active }));
} catch (e) {
  print("accepted again", { ...failure(e), isTransferAlreadyCompleted: e instanceof TransferAlreadyCompletedException });
}

await target.send(new RejectCertificateTransferCommand({ certificateId: demo.withPolicy, rejectReason: "not ours" }));
const { certificateDescription: rejected } = await source.send(new DescribeCertificateCommand({ certificateId: demo.withPolicy }));
print("rejected", { status: rejected.status, reason: rejected.transferData.rejectReason });

await source.send(new TransferCertificateCommand({ certificateId: demo.transferable, targetAwsAccount: targetAccount }));
try {
  // Already PENDING_TRANSFER: refused.
  await source.send(new TransferCertificateCommand({ certificateId: demo.transferable, targetAwsAccount: targetAccount }));
} catch (e) {
  if (e.name === "CertificateStateException") print("refused", failure(e));
  else throw e;
}
const cancelled = await source.send(new CancelCertificateTransferCommand({ certificateId: demo.transferable }));
print("cancelled", metadata(cancelled.$metadata));

try {
  await source.send(new DescribeCertificateCommand({ certificateId: "0".repeat(64) }));
} catch (e) {
  if (!(e instanceof ResourceNotFoundException)) throw e;
  print("not found", failure(e));
}
try {
  await source.send(new ListCertificatesCommand({}), { abortSignal: AbortSignal.abort() });
} catch (e) {
  print("aborted", { name: e.name, isError: e instanceof Error });
}
source.destroy();
target.destroy();
print("done", true);
