# Follows: aws-doc-sdk-examples python/example_code/iot/iot_wrapper.py, IoTWrapper.detach_thing_principal (the closest: no DetachPolicy example is published); boto3 docs, IoT.Client.detach_policy
"""Detaches a policy from an AWS IoT certificate with boto3 (a transfer needs none attached), the
way the AWS example detaches a certificate from a thing.

Usage: detach_policy.py --policy-name NAME --target CERTIFICATE_ARN
"""

import argparse
import logging

import boto3
from botocore.exceptions import ClientError

logger = logging.getLogger(__name__)


def detach_policy(iot_client, policy_name, target):
    """
    Detaches a policy from a certificate.

    :param iot_client: A Boto3 AWS IoT client.
    :param policy_name: The name of the policy.
    :param target: The ARN of the certificate.
    """
    try:
        iot_client.detach_policy(policyName=policy_name, target=target)
        logger.info("Detached policy %s from %s.", policy_name, target)
    except ClientError as err:
        if err.response["Error"]["Code"] == "ResourceNotFoundException":
            logger.error("Cannot detach policy. Resource not found.")
            return
        logger.error(
            "Couldn't detach policy from certificate. Here's why: %s: %s",
            err.response["Error"]["Code"],
            err.response["Error"]["Message"],
        )
        raise


def main():
    """Detaches the policy given on the command line from the target."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--policy-name", required=True)
    parser.add_argument("--target", required=True)
    args = parser.parse_args()

    detach_policy(boto3.client("iot"), args.policy_name, args.target)
    print(f"Detached policy {args.policy_name} from certificate: {args.target}")


if __name__ == "__main__":
    main()
