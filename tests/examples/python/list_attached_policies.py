# Follows: aws-doc-sdk-examples python/example_code/iot/iot_wrapper.py, IoTWrapper.list_certificates (paginator) and detach_thing_principal (ResourceNotFoundException): no ListAttachedPolicies example is published; boto3 docs, IoT.Paginator.ListAttachedPolicies
"""Lists the policies attached to AWS IoT certificates (a transfer needs none), with boto3's
paginator, in the style of the AWS examples: a target that is not found is logged and skipped.

Usage: list_attached_policies.py --target CERTIFICATE_ARN...
"""

import argparse
import logging

import boto3
from botocore.exceptions import ClientError

logger = logging.getLogger(__name__)


def list_attached_policies(iot_client, target):
    """
    Lists the policies attached to a target.

    :param iot_client: A Boto3 AWS IoT client.
    :param target: The ARN of the certificate.
    :return: The list of policies, or None when the target is not found.
    """
    try:
        policies = []
        paginator = iot_client.get_paginator("list_attached_policies")
        for page in paginator.paginate(target=target):
            policies.extend(page["policies"])
        logger.info("Retrieved %s policies.", len(policies))
        return policies
    except ClientError as err:
        if err.response["Error"]["Code"] == "ResourceNotFoundException":
            logger.error("Cannot list attached policies. Resource not found.")
            return None
        logger.error(
            "Couldn't list attached policies. Here's why: %s: %s",
            err.response["Error"]["Code"],
            err.response["Error"]["Message"],
        )
        raise


def main():
    """Prints the policies attached to each target given on the command line."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--target", action="append", required=True)
    args = parser.parse_args()

    iot_client = boto3.client("iot")
    for target in args.target:
        policies = list_attached_policies(iot_client, target)
        if policies is None:
            print(f"No such target: {target}")
            continue
        print(f"Found {len(policies)} policy(ies) attached to {target}")
        for policy in policies:
            print(f"  Policy name: {policy['policyName']}")
            print(f"  Policy ARN: {policy['policyArn']}")


if __name__ == "__main__":
    main()
