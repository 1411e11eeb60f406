# Follows: aws-doc-sdk-examples python/example_code/iot/iot_wrapper.py, IoTWrapper.list_certificates (the closest: no ListOutgoingCertificates example is published), with get_paginator("list_outgoing_certificates"); boto3 docs, IoT.Paginator.ListOutgoingCertificates and guide/paginators.html (PaginationConfig PageSize)
"""Lists the certificates this account is transferring, with boto3's paginator, in the style of
the AWS example that lists certificates.

Usage: list_outgoing_certificates.py
"""

import logging

import boto3
from botocore.exceptions import ClientError

logger = logging.getLogger(__name__)


def list_outgoing_certificates(iot_client):
    """
    Lists the certificates being transferred to another account.

    :param iot_client: A Boto3 AWS IoT client.
    :return: The list of outgoing certificates.
    """
    try:
        certificates = []
        paginator = iot_client.get_paginator("list_outgoing_certificates")
        for page in paginator.paginate(PaginationConfig={"PageSize": 1}):
            certificates.extend(page["outgoingCertificates"])
        logger.info("Retrieved %s outgoing certificates.", len(certificates))
        return certificates
    except ClientError as err:
        if err.response["Error"]["Code"] == "ThrottlingException":
            logger.error("Request throttled. Please try again later.")
        else:
            logger.error(
                "Couldn't list outgoing certificates. Here's why: %s: %s",
                err.response["Error"]["Code"],
                err.response["Error"]["Message"],
            )
        raise


def main():
    """Prints each pending transfer: the certificate, its target account, date and message."""
    certificates = list_outgoing_certificates(boto3.client("iot"))
    print(f"Found {len(certificates)} outgoing certificate(s)")
    for cert in certificates:
        print(f"  Certificate ID: {cert['certificateId']}")
        print(f"  Transferred to: {cert['transferredTo']}")
        print(f"  Transfer date: {cert['transferDate']}")
        print(f"  Message: {cert.get('transferMessage', '')}")


if __name__ == "__main__":
    main()
