// Follows: aws-doc-sdk-examples javascriptv3/example_code/location/actions/delete-map.js (catch (caught) { if (caught instanceof ResourceNotFoundException) ... }: no JS IoT example is published); @aws-sdk/client-iot RejectCertificateTransferCommand example syntax
/**
 * Rejects AWS IoT certificate transfers with the AWS SDK for JavaScript v3, signed as the
 * receiving account: a certificate that is not found is reported.
 *
 * Usage: node reject_certificate_transfer.mjs [--rejectReason TEXT] --certificateId ID...
 */
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import {
  IoTClient,
  RejectCertificateTransferCommand,
  ResourceNotFoundException,
} from "@aws-sdk/client-iot";

/**
 * Reject each certificate's transfer with a reason.
 * @param {{ certificateId: string[], rejectReason?: string }}
 */
export const main = async ({ certificateId, rejectReason }) => {
  const iotClient = new IoTClient({});
  for (const id of certificateId) {
    const rejectParams = {
      certificateId: id,
      rejectReason: rejectReason,
    };
    try {
      const command = new RejectCertificateTransferCommand(rejectParams);
      const response = await iotClient.send(command);
      console.log(`Transfer of ${id} rejected.`);
    } catch (caught) {
      if (caught instanceof ResourceNotFoundException) {
        console.error(`${id} certificate not found.`);
      }
    }
  }
};

// Invoke main function if this file was run directly.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const options = {
    certificateId: { type: "string", multiple: true },
    rejectReason: { type: "string" },
  };
  const { values } = parseArgs({ options });
  await main(values);
}
