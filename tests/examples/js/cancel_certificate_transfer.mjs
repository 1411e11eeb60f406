// Follows: aws-doc-sdk-examples javascriptv3/example_code/iotsitewise/actions/delete-asset.js (caught instanceof Error && caught.name === "...": no JS IoT example is published); @aws-sdk/client-iot CancelCertificateTransferCommand example syntax
/**
 * Cancels AWS IoT certificate transfers with the AWS SDK for JavaScript v3, signed as the sending
 * account: a transfer already completed is told apart by the error's name, as the AWS IoT
 * SiteWise examples do.
 *
 * Usage: node cancel_certificate_transfer.mjs --certificateId ID...
 */
import {
  CancelCertificateTransferCommand,
  IoTClient,
} from "@aws-sdk/client-iot";
import { parseArgs } from "node:util";

/**
 * Cancel a certificate's transfer.
 * @param {{ certificateId : string }}
 */
export const main = async ({ certificateId }) => {
  const client = new IoTClient({});
  try {
    await client.send(
      new CancelCertificateTransferCommand({
        certificateId: certificateId, // The certificate whose transfer to cancel.
      }),
    );
    console.log("Certificate transfer cancelled successfully.");
    return { transferCancelled: true };
  } catch (caught) {
    if (
      caught instanceof Error &&
      caught.name === "TransferAlreadyCompletedException"
    ) {
      console.warn(
        `${caught.message}. There was a problem cancelling the transfer.`,
      );
    } else {
      throw caught;
    }
  }
};

import { fileURLToPath } from "node:url";
// Call function if run directly
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const options = {
    certificateId: { type: "string", multiple: true },
  };
  const { values } = parseArgs({ options });
  for (const certificateId of values.certificateId) {
    console.log(await main({ certificateId }));
  }
}
