# Follows: aws-doc-sdk-examples python/example_code/iot/iot_wrapper.py, IoTWrapper.list_certificates (get_paginator("list_certificates")), and scenario_iot_basics.py's step 8 (its printing)
"""Lists the account's AWS IoT certificates with boto3's paginator and prints them, as the AWS IoT
basics scenario does.

Usage: list_certificates.py
"""

import logging

import boto3
from botocore.exceptions import ClientError

logger = logging.getLogger(__name__)


def list_certificates(iot_client):
    """
    Lists AWS IoT certificates.

    :param iot_client: A Boto3 AWS IoT client.
    :return: The list of certificates.
    """
    try:
        certificates = []
        paginator = iot_client.get_paginator("list_certificates")
        for page in paginator.paginate():
            certificates.extend(page["certificates"])
        logger.info("Retrieved %s certificates.", len(certificates))
        return certificates
    except ClientError as err:
        if err.response["Error"]["Code"] == "ThrottlingException":
            logger.error("Request throttled. Please try again later.")
        else:
            logger.error(
                "Couldn't list certificates. Here's why: %s: %s",
                err.response["Error"]["Code"],
                err.response["Error"]["Message"],
            )
        raise


def main():
    """Prints how many certificates there are, and each one's ID, ARN and status."""
    certificates = list_certificates(boto3.client("iot"))
    print(f"Found {len(certificates)} certificate(s)")
    for cert in certificates:
        print(f"  Certificate ID: {cert['certificateId']}")
        print(f"  Certificate ARN: {cert['certificateArn']}")
        print(f"  Status: {cert['status']}")


if __name__ == "__main__":
    main()
