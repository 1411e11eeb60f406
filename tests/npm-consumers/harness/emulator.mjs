// The local IoT endpoint the consumers call (scripts/run/with-emulator.sh exports its URL), reached
// through its admin endpoint to seed certificates and to read what a call really did.

export const endpoint = process.env.IOT_EMULATOR_URL;
if (!endpoint) throw new Error("IOT_EMULATOR_URL is not set: run the tests through scripts/run/with-emulator.sh");

/** The emulator's documented source account and its public keys (a local endpoint only). */
export const source = { accountId: "111122223333", accessKeyId: "AKIAEMULATORSOURCE", secretAccessKey: "emulator-source-secret" };
export const targetAwsAccount = "444455556666";

async function admin(path, init) {
  const response = await fetch(`${endpoint}/_emulator/${path}`, init);
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** New certificates in the source account: `{ transferable, active, withPolicy }` (IDs). */
export function seedCertificates() {
  return admin("seed-demo", { method: "POST" });
}

/** The certificate `certificateId` as the emulator stores it (`status`, `transfer`, ...). */
export async function storedCertificate(certificateId) {
  const { certificates } = await admin("state");
  return certificates.find((certificate) => certificate.certificateId === certificateId);
}
