// Follows: aws-doc-sdk-examples javascriptv3/example_code/iotsitewise/actions/describe-asset-model.js (const { ...Description } = await client.send(...); no JS IoT example is published), with caught instanceof ResourceNotFoundException as in location/actions/delete-map.js; @aws-sdk/client-iot DescribeCertificateCommand example syntax
/**
 * Describes AWS IoT certificates with the AWS SDK for JavaScript v3: the description returned to
 * the caller, a certificate that is not found reported with the service's message.
 *
 * Usage: node describe_certificate.mjs --certificateId ID...
 */
import {
  DescribeCertificateCommand,
  IoTClient,
  ResourceNotFoundException,
} from "@aws-sdk/client-iot";
import { parseArgs } from "node:util";

/**
 * Describe a certificate.
 * @param {{ certificateId : string }}
 */
export const main = async ({ certificateId }) => {
  const client = new IoTClient({});
  try {
    const { certificateDescription } = await client.send(
      new DescribeCertificateCommand({
        certificateId: certificateId, // The ID of the certificate to describe.
      }),
    );
    console.log("Certificate information retrieved successfully.");
    return { certificateDescription: certificateDescription };
  } catch (caught) {
    if (caught instanceof ResourceNotFoundException) {
      console.warn(
        `${caught.message}. The certificate could not be found. Please check the certificate id.`,
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
    const result = await main({ certificateId });
    const description = result?.certificateDescription;
    if (description) {
      const { certificateId: id, certificateArn, status, ownedBy, creationDate, transferData } = description;
      console.log({ id, certificateArn, status, ownedBy, creationDate, transferData });
    }
  }
}
