// Follows: aws-doc-sdk-examples javascriptv3/example_code/iam/actions/list-attached-role-policies.js (an async generator paging by marker, each policy logged: the closest, no JS IoT example is published); @aws-sdk/client-iot ListAttachedPoliciesCommand example syntax
/**
 * Lists the policies attached to an AWS IoT certificate (a transfer needs none) with the AWS SDK
 * for JavaScript v3, paging by marker in an async generator as the IAM example does.
 *
 * Usage: node list_attached_policies.mjs --target CERTIFICATE_ARN
 */
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

import {
  ListAttachedPoliciesCommand,
  IoTClient,
} from "@aws-sdk/client-iot";

const client = new IoTClient({});

/**
 * A generator function that handles paginated results.
 * The AWS SDK for JavaScript (v3) provides paginator functions to simplify this.
 * @param {string} target
 */
export async function* listAttachedPolicies(target) {
  const command = new ListAttachedPoliciesCommand({
    target: target,
    pageSize: 1,
  });

  let response = await client.send(command);

  while (response.policies?.length) {
    for (const policy of response.policies) {
      yield policy;
    }

    if (response.nextMarker) {
      response = await client.send(
        new ListAttachedPoliciesCommand({
          target: target,
          pageSize: 1,
          marker: response.nextMarker,
        }),
      );
    } else {
      break;
    }
  }
}

// Invoke main function if this file was run directly.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { target: { type: "string", multiple: true } } });
  for await (const policy of listAttachedPolicies(values.target[0])) {
    console.log(policy);
  }
}
