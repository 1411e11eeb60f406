// Follows: aws-doc-sdk-examples javascriptv3/example_code/s3/actions/list-objects.js (paginateListObjectsV2({ client, pageSize }, ...), pages printed, caught instanceof S3ServiceException: no JS IoT example is published); @aws-sdk/client-iot paginateListCertificates
/**
 * Logs the account's AWS IoT certificates page by page with the AWS SDK for JavaScript v3's
 * paginator, as the AWS example lists a bucket's objects.
 *
 * Usage: node list_certificates.mjs [--pageSize N]
 */
import {
  IoTClient,
  IoTServiceException,
  paginateListCertificates,
} from "@aws-sdk/client-iot";

/**
 * Log every certificate's ID and status, by page.
 * @param {{ pageSize: string }}
 */
export const main = async ({ pageSize }) => {
  const client = new IoTClient({});
  /** @type {string[][]} */
  const certificates = [];
  try {
    const paginator = paginateListCertificates(
      { client, /* Max items per page */ pageSize: Number.parseInt(pageSize) },
      {},
    );

    for await (const page of paginator) {
      certificates.push(page.certificates.map((c) => `${c.certificateId} ${c.status}`));
    }
    certificates.forEach((certificateList, pageNum) => {
      console.log(
        `Page ${pageNum + 1}\n------\n${certificateList.map((c) => `• ${c}`).join("\n")}\n`,
      );
    });
  } catch (caught) {
    if (caught instanceof IoTServiceException) {
      console.error(
        `Error from AWS IoT while listing certificates.  ${caught.name}: ${caught.message}`,
      );
    } else {
      throw caught;
    }
  }
};

// Call function if run directly
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const options = {
    pageSize: {
      type: "string",
      default: "2",
    },
  };
  const { values } = parseArgs({ options });
  await main(values);
}
