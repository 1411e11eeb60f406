// Follows: aws-doc-sdk-examples javascriptv3/example_code/bedrock-agent/actions/list-agents.js (listAgentsWithPaginator: paginatorConfig { client, pageSize }, every page's items pushed into one array: no JS IoT example is published); @aws-sdk/client-iot paginateListOutgoingCertificates
/**
 * Retrieves the certificates this account is transferring with the AWS SDK for JavaScript v3's
 * paginator function, as the Amazon Bedrock Agents example lists agents, and logs each.
 *
 * Usage: node list_outgoing_certificates.mjs
 */
import { fileURLToPath } from "node:url";

import {
  IoTClient,
  paginateListOutgoingCertificates,
} from "@aws-sdk/client-iot";

/**
 * Retrieves the outgoing certificates with the paginator function.
 *
 * @param {string} [region] - The AWS region in use (the environment's when not given).
 * @returns {Promise<OutgoingCertificate[]>} An array of outgoing certificates.
 */
export const listOutgoingCertificatesWithPaginator = async (region) => {
  const client = new IoTClient({ region });

  const paginatorConfig = {
    client,
    pageSize: 1, // optional, added for demonstration purposes
  };

  const pages = paginateListOutgoingCertificates(paginatorConfig, {});

  // Paginate until there are no more results
  const outgoingCertificates = [];
  for await (const page of pages) {
    outgoingCertificates.push(...page.outgoingCertificates);
  }

  return outgoingCertificates;
};

// Invoke main function if this file was run directly.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const certificates = await listOutgoingCertificatesWithPaginator();
  console.log(`Found ${certificates.length} outgoing certificate(s)`);
  for (const certificate of certificates) {
    console.log(certificate);
  }
}
