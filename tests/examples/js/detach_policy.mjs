// Follows: aws-doc-sdk-examples javascriptv3/example_code/iam/actions/detach-role-policy.js (a function returning client.send(command): the closest, no JS IoT example is published); @aws-sdk/client-iot DetachPolicyCommand example syntax
/**
 * Detaches a policy from an AWS IoT certificate (a transfer needs none attached) with the AWS SDK
 * for JavaScript v3, as the IAM example detaches a policy from a role.
 *
 * Usage: node detach_policy.mjs --policyName NAME --target CERTIFICATE_ARN
 */
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

import { DetachPolicyCommand, IoTClient } from "@aws-sdk/client-iot";

const client = new IoTClient({});

/**
 *
 * @param {string} policyName
 * @param {string} target
 */
export const detachPolicy = (policyName, target) => {
  const command = new DetachPolicyCommand({
    policyName: policyName,
    target: target,
  });

  return client.send(command);
};

// Invoke main function if this file was run directly.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: { policyName: { type: "string" }, target: { type: "string" } },
  });
  const response = await detachPolicy(values.policyName, values.target);
  console.log(`Detached ${values.policyName}: HTTP ${response.$metadata.httpStatusCode}`);
}
