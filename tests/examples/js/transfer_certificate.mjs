// Follows: aws-doc-sdk-examples javascriptv3/example_code/s3/actions/delete-bucket.js (its style: no JS IoT example is published); @aws-sdk/client-iot TransferCertificateCommand example syntax
/**
 * Transfers AWS IoT certificates to another account with the AWS SDK for JavaScript v3, the way
 * the AWS examples call an action: a `main` taking named options, errors told apart with
 * `instanceof`, a certificate the service refuses while it is ACTIVE reported and skipped.
 *
 * Usage: node transfer_certificate.mjs --targetAccount ACCOUNT [--transferMessage TEXT] --certificateId ID...
 */
import {
  CertificateStateException,
  IoTClient,
  IoTServiceException,
  TransferCertificateCommand,
} from "@aws-sdk/client-iot";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";

/**
 * Transfer each certificate to the target account.
 * @param {{ certificateId: string[], targetAccount: string, transferMessage?: string }}
 */
export const main = async ({ certificateId, targetAccount, transferMessage }) => {
  const client = new IoTClient({});
  for (const id of certificateId) {
    try {
      const { transferredCertificateArn } = await client.send(
        new TransferCertificateCommand({
          certificateId: id, // The ID of the certificate to transfer.
          targetAwsAccount: targetAccount,
          transferMessage: transferMessage,
        }),
      );
      console.log(`Transferred certificate: ${transferredCertificateArn}`);
      console.log(`The target account ${targetAccount} must now accept it.`);
    } catch (caught) {
      if (caught instanceof CertificateStateException) {
        console.error(
          `${caught.message}. Deactivate certificate ${id} before transferring it.`,
        );
      } else if (caught instanceof IoTServiceException) {
        console.error(
          `Error from AWS IoT while transferring ${id}. ${caught.name}: ${caught.message}`,
        );
      } else {
        throw caught;
      }
    }
  }
};

// Call function if run directly
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const options = {
    certificateId: { type: "string", multiple: true },
    targetAccount: { type: "string" },
    transferMessage: { type: "string" },
  };
  const { values } = parseArgs({ options });
  await main(values);
}
