# Follows: aws-doc-sdk-examples python/example_code/iot/iot_wrapper.py (the style of its IoTWrapper actions: no CancelCertificateTransfer example is published) and scenario_iot_basics.py's main (print(f"An error occurred: {e}")); boto3 docs, IoT.Client.cancel_certificate_transfer
"""Cancels AWS IoT certificate transfers with boto3, signed as the sending account, the way the
AWS examples call an IoT action: a ClientError is logged with its code and message and re-raised,
and the caller prints it.

Usage: cancel_certificate_transfer.py --certificate-id ID...
"""

import argparse
import logging

import boto3
from botocore.exceptions import ClientError

logger = logging.getLogger(__name__)


def cancel_certificate_transfer(iot_client, certificate_id):
    """
    Cancels a pending transfer of one of this account's certificates; it is INACTIVE again.

    :param iot_client: A Boto3 AWS IoT client.
    :param certificate_id: The ID of the certificate.
    """
    try:
        iot_client.cancel_certificate_transfer(certificateId=certificate_id)
        logger.info("Cancelled the transfer of certificate %s.", certificate_id)
    except ClientError as err:
        logger.error(
            "Couldn't cancel the transfer of certificate %s. Here's why: %s: %s",
            certificate_id,
            err.response["Error"]["Code"],
            err.response["Error"]["Message"],
        )
        raise


def main():
    """Cancels the transfer of each certificate given on the command line."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--certificate-id", action="append", required=True)
    args = parser.parse_args()

    iot_client = boto3.client("iot")
    for certificate_id in args.certificate_id:
        try:
            cancel_certificate_transfer(iot_client, certificate_id)
            print(f"Cancelled the transfer of certificate {certificate_id}.")
        except Exception as e:
            print(f"An error occurred: {e}")


if __name__ == "__main__":
    main()
