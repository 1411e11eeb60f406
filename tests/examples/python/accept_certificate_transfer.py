# Follows: aws-doc-sdk-examples python/example_code/iot/iot_wrapper.py (the style of its IoTWrapper actions: no AcceptCertificateTransfer example is published); boto3 docs, IoT.Client.accept_certificate_transfer
"""Accepts AWS IoT certificate transfers with boto3, signed as the receiving account, the way the
AWS examples call an IoT action: a transfer that was already completed is logged and skipped,
any other ClientError is logged and re-raised.

Usage: accept_certificate_transfer.py --certificate-id ID...
"""

import argparse
import logging

import boto3
from botocore.exceptions import ClientError

logger = logging.getLogger(__name__)


def accept_certificate_transfer(iot_client, certificate_id, set_as_active=True):
    """
    Accepts a certificate transferred to this account.

    :param iot_client: A Boto3 AWS IoT client.
    :param certificate_id: The ID of the certificate.
    :param set_as_active: Whether the certificate is ACTIVE once accepted.
    :return: True when accepted, False when its transfer was already completed.
    """
    try:
        iot_client.accept_certificate_transfer(certificateId=certificate_id, setAsActive=set_as_active)
        logger.info("Accepted certificate %s.", certificate_id)
    except ClientError as err:
        if err.response["Error"]["Code"] == "TransferAlreadyCompletedException":
            logger.error("Cannot accept certificate %s. Its transfer is already completed.", certificate_id)
            return False
        logger.error(
            "Couldn't accept certificate %s. Here's why: %s: %s",
            certificate_id,
            err.response["Error"]["Code"],
            err.response["Error"]["Message"],
        )
        raise
    else:
        return True


def main():
    """Accepts each certificate given on the command line and prints what became of it."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--certificate-id", action="append", required=True)
    args = parser.parse_args()

    iot_client = boto3.client("iot")
    for certificate_id in args.certificate_id:
        try:
            accepted = accept_certificate_transfer(iot_client, certificate_id)
        except ClientError as err:
            print(f"Couldn't accept certificate {certificate_id}. Error: {err}")
            continue
        print(f"Certificate {certificate_id}: {'accepted and active' if accepted else 'not accepted'}")


if __name__ == "__main__":
    main()
