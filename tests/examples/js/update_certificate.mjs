// Follows: aws-doc-sdk-examples javascriptv3/example_code/iam/actions/update-access-key.js (a function returning client.send(command), the status from the SDK's enum object: no JS IoT example is published), with the error handling of s3/actions/delete-bucket.js in its caller; @aws-sdk/client-iot UpdateCertificateCommand example syntax
/**
 * Deactivates AWS IoT certificates with the AWS SDK for JavaScript v3 (a transfer requires an
 * INACTIVE certificate), with the status taken from the SDK's `CertificateStatus` as the IAM
 * example takes `StatusType`.
 *
 * Usage: node update_certificate.mjs --certificateId ID...
 */
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

import {
  CertificateStatus,
  IoTClient,
  IoTServiceException,
  ResourceNotFoundException,
  UpdateCertificateCommand,
} from "@aws-sdk/client-iot";

const client = new IoTClient({});

/**
 *
 * @param {string} certificateId
 */
export const deactivateCertificate = (certificateId) => {
  const command = new UpdateCertificateCommand({
    certificateId: certificateId,
    newStatus: CertificateStatus.INACTIVE,
  });

  return client.send(command);
};

// Invoke main function if this file was run directly.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: { certificateId: { type: "string", multiple: true } },
  });
  for (const id of values.certificateId) {
    try {
      await deactivateCertificate(id);
      console.log(`Certificate ${id} is now ${CertificateStatus.INACTIVE}.`);
    } catch (caught) {
      if (caught instanceof ResourceNotFoundException) {
        console.error(`Certificate ${id} doesn't exist.`);
      } else if (caught instanceof IoTServiceException) {
        console.error(
          `Error from AWS IoT while updating ${id}. ${caught.name}: ${caught.message}`,
        );
      } else {
        throw caught;
      }
    }
  }
}
