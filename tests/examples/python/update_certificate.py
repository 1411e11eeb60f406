# Follows: aws-doc-sdk-examples python/example_code/iot/iot_wrapper.py, IoTWrapper.delete_certificate (its update_certificate(certificateId=..., newStatus="INACTIVE") call and error handling)
"""Deactivates AWS IoT certificates with boto3, as the AWS example does before deleting one: a
certificate that is not found is logged and skipped, any other ClientError is logged and
re-raised, and the caller prints it.

Usage: update_certificate.py --certificate-id ID...
"""

import argparse
import logging

import boto3
from botocore.exceptions import ClientError

logger = logging.getLogger(__name__)


def deactivate_certificate(iot_client, certificate_id):
    """
    Sets a certificate's status to INACTIVE (as a transfer requires).

    :param iot_client: A Boto3 AWS IoT client.
    :param certificate_id: The ID of the certificate to deactivate.
    """
    try:
        iot_client.update_certificate(certificateId=certificate_id, newStatus="INACTIVE")
        logger.info("Deactivated certificate %s.", certificate_id)
    except ClientError as err:
        if err.response["Error"]["Code"] == "ResourceNotFoundException":
            logger.error("Cannot deactivate certificate. Resource not found.")
            return
        logger.error(
            "Couldn't deactivate certificate. Here's why: %s: %s",
            err.response["Error"]["Code"],
            err.response["Error"]["Message"],
        )
        raise


def main():
    """Deactivates each certificate given on the command line."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--certificate-id", action="append", required=True)
    args = parser.parse_args()

    iot_client = boto3.client("iot")
    for certificate_id in args.certificate_id:
        try:
            deactivate_certificate(iot_client, certificate_id)
            print(f"Done with certificate {certificate_id}.")
        except ClientError as err:
            print(f"Couldn't deactivate certificate {certificate_id}. Error: {err}")


if __name__ == "__main__":
    main()
