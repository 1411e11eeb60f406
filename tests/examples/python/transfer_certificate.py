# Follows: aws-doc-sdk-examples python/example_code/iot/iot_wrapper.py (the style of its IoTWrapper actions: no TransferCertificate example is published); boto3 docs, IoT.Client.transfer_certificate
"""Transfers AWS IoT certificates to another account with boto3, the way the AWS examples call an
IoT action: a wrapper function that logs and re-raises a ClientError, and skips a certificate the
service refuses because it is still ACTIVE (CertificateStateException).

Usage: transfer_certificate.py --target-account ACCOUNT [--transfer-message TEXT] --certificate-id ID...
"""

import argparse
import logging

import boto3
from botocore.exceptions import ClientError

logger = logging.getLogger(__name__)


def transfer_certificate(iot_client, certificate_id, target_account, transfer_message):
    """
    Transfers a certificate to another AWS account.

    :param iot_client: A Boto3 AWS IoT client.
    :param certificate_id: The ID of the certificate to transfer.
    :param target_account: The AWS account ID that receives the certificate.
    :param transfer_message: A message for the receiving account.
    :return: The ARN of the transferred certificate, or None when its state forbids the transfer.
    """
    try:
        response = iot_client.transfer_certificate(
            certificateId=certificate_id,
            targetAwsAccount=target_account,
            transferMessage=transfer_message,
        )
        logger.info("Transferred certificate %s.", certificate_id)
    except ClientError as err:
        if err.response["Error"]["Code"] == "CertificateStateException":
            logger.error(
                "Cannot transfer certificate %s. Deactivate it first: %s",
                certificate_id,
                err.response["Error"]["Message"],
            )
            return None
        logger.error(
            "Couldn't transfer certificate %s. Here's why: %s: %s",
            certificate_id,
            err.response["Error"]["Code"],
            err.response["Error"]["Message"],
        )
        raise
    else:
        return response["transferredCertificateArn"]


def main():
    """Transfers each certificate given on the command line and prints what became of it."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--target-account", required=True)
    parser.add_argument("--transfer-message", default="")
    parser.add_argument("--certificate-id", action="append", required=True)
    args = parser.parse_args()

    iot_client = boto3.client("iot")
    for certificate_id in args.certificate_id:
        try:
            arn = transfer_certificate(iot_client, certificate_id, args.target_account, args.transfer_message)
        except ClientError as err:
            print(f"Couldn't transfer certificate {certificate_id}. Error: {err}")
            continue
        if arn:
            print(f"Transferred certificate: {arn}")
            print(f"The target account {args.target_account} must now accept it.")
        else:
            print(f"Certificate {certificate_id} was not transferred.")


if __name__ == "__main__":
    main()
