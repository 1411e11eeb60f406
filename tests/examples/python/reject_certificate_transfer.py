# Follows: aws-doc-sdk-examples python/example_code/iot/iot_wrapper.py (detach_thing_principal's handling of ResourceNotFoundException: no RejectCertificateTransfer example is published); boto3 docs, IoT.Client.reject_certificate_transfer
"""Rejects AWS IoT certificate transfers with boto3, signed as the receiving account, the way the
AWS examples call an IoT action: a certificate that is not found is logged and skipped, any other
ClientError is logged and re-raised.

Usage: reject_certificate_transfer.py [--reject-reason TEXT] --certificate-id ID...
"""

import argparse
import logging

import boto3
from botocore.exceptions import ClientError

logger = logging.getLogger(__name__)


def reject_certificate_transfer(iot_client, certificate_id, reject_reason):
    """
    Rejects a certificate transferred to this account; it returns to its owner, INACTIVE.

    :param iot_client: A Boto3 AWS IoT client.
    :param certificate_id: The ID of the certificate.
    :param reject_reason: Why the transfer is rejected.
    """
    try:
        iot_client.reject_certificate_transfer(certificateId=certificate_id, rejectReason=reject_reason)
        logger.info("Rejected certificate %s.", certificate_id)
    except ClientError as err:
        if err.response["Error"]["Code"] == "ResourceNotFoundException":
            logger.error("Cannot reject certificate transfer. Resource not found.")
            return
        logger.error(
            "Couldn't reject certificate transfer. Here's why: %s: %s",
            err.response["Error"]["Code"],
            err.response["Error"]["Message"],
        )
        raise


def main():
    """Rejects each certificate given on the command line."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reject-reason", default="")
    parser.add_argument("--certificate-id", action="append", required=True)
    args = parser.parse_args()

    iot_client = boto3.client("iot")
    for certificate_id in args.certificate_id:
        reject_certificate_transfer(iot_client, certificate_id, args.reject_reason)
        print(f"Done with certificate {certificate_id}.")


if __name__ == "__main__":
    main()
