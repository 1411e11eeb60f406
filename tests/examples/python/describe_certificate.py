# Follows: boto3 docs, guide/error-handling.html (except client.exceptions.X) and IoT.Client.describe_certificate; aws-doc-sdk-examples python/example_code/iot/iot_hello.py (printing, ClientError) for the rest: no DescribeCertificate example is published
"""Describes AWS IoT certificates with boto3: the modelled not-found error caught through
`client.exceptions`, as boto3's error-handling guide shows, any other ClientError printed.

Usage: describe_certificate.py --certificate-id ID...
"""

import argparse

import boto3
from botocore.exceptions import ClientError


def describe_certificate(iot_client, certificate_id):
    """
    Prints what AWS IoT knows of one certificate.

    :param iot_client: A Boto3 AWS IoT client.
    :param certificate_id: The ID of the certificate.
    """
    try:
        response = iot_client.describe_certificate(certificateId=certificate_id)
        description = response["certificateDescription"]
        print(f"Certificate ID: {description['certificateId']}")
        print(f"  ARN: {description['certificateArn']}")
        print(f"  Status: {description['status']}")
        print(f"  Owned by: {description['ownedBy']}")
        print(f"  Created: {description['creationDate']}")
        transfer = description.get("transferData", {})
        if "transferMessage" in transfer:
            print(f"  Transfer message: {transfer['transferMessage']}")
            print(f"  Transfer date: {transfer['transferDate']}")
    except iot_client.exceptions.ResourceNotFoundException as err:
        print(f"Certificate {certificate_id} not found: {err.response['Error']['Message']}")
    except ClientError as err:
        print(f"Couldn't describe certificate {certificate_id}. Error: {err}")


def main():
    """Describes each certificate given on the command line."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--certificate-id", action="append", required=True)
    args = parser.parse_args()

    iot_client = boto3.client("iot")
    for certificate_id in args.certificate_id:
        describe_certificate(iot_client, certificate_id)


if __name__ == "__main__":
    main()
