// Follows: aws-doc-sdk-examples javascriptv3/example_code/s3/actions/delete-bucket.js (its style: no JS IoT example is published); @aws-sdk/client-iot AcceptCertificateTransferCommand example syntax
/**
 * Accepts AWS IoT certificate transfers with the AWS SDK for JavaScript v3, signed as the
 * receiving account: a transfer already completed is reported, any other service error printed.
 *
 * Usage: node accept_certificate_transfer.mjs --certificateId ID...
 */
import {
  AcceptCertificateTransferCommand,
  IoTClient,
  IoTServiceException,
  TransferAlreadyCompletedException,
} from "@aws-sdk/client-iot";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";

/**
 * Accept each certificate, active at once.
 * @param {{ certificateId: string[] }}
 */
export const main = async ({ certificateId }) => {
  const client = new IoTClient({});
  for (const id of certificateId) {
    try {
      await client.send(
        new AcceptCertificateTransferCommand({
          certificateId: id,
          setAsActive: true,
        }),
      );
      console.log(`Certificate ${id} accepted and active.`);
    } catch (caught) {
      if (caught instanceof TransferAlreadyCompletedException) {
        console.error(
          `${caught.message}. The transfer of ${id} is already completed.`,
        );
      } else if (caught instanceof IoTServiceException) {
        console.error(
          `Error from AWS IoT while accepting ${id}. ${caught.name}: ${caught.message}`,
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
  };
  const { values } = parseArgs({ options });
  await main(values);
}
