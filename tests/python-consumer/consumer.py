"""A program written against the installed wheel as its users write one: the face's clients made
with boto3's keyword arguments, operations called with keyword arguments, paginators, and
exceptions caught by the service's names. scripts/test/python-types.sh type-checks it with mypy
and pyright in strict mode, then runs it against the local IoT endpoint (IOT_EMULATOR_URL)."""

import asyncio
import json
import os
import urllib.request
from typing import Dict, List

from iot_transfer import AsyncClient, CertificateStatus, Client, TransferCheck, boto3
from iot_transfer.exceptions import (
    ClientError,
    IotTransferError,
    ParamValidationError,
    ResourceNotFoundException,
)

TARGET_ACCOUNT = "444455556666"
UNKNOWN_CERTIFICATE = "0" * 64


def seeded_certificates(endpoint_url: str) -> Dict[str, str]:
    """Test setup, not the library: the local endpoint's demo certificates (active, transferable)."""
    request = urllib.request.Request(f"{endpoint_url}/_emulator/seed-demo", data=b"", method="POST")
    with urllib.request.urlopen(request) as response:
        demo: Dict[str, str] = json.loads(response.read())
    return demo


def source_client(endpoint_url: str) -> Client:
    return Client(
        region_name="us-east-1",
        endpoint_url=endpoint_url,
        aws_access_key_id="AKIAEMULATORSOURCE",
        aws_secret_access_key="emulator-source-secret",
        max_attempts=2,
        retry_base_delay=0.005,
        connect_timeout=2.0,
    )


def blocking_calls(endpoint_url: str, active: str, transferable: str) -> List[str]:
    """Every kind of blocking call; returns what it saw, one line each."""
    seen: List[str] = []
    with source_client(endpoint_url) as iot:
        check: TransferCheck = iot.check_transfer(certificate_id=active, target_aws_account=TARGET_ACCOUNT)
        seen.append(f"blockers of the active certificate: {len(check.blockers)}")
        try:
            iot.transfer_certificate(certificate_id=active, target_aws_account=TARGET_ACCOUNT)
        except iot.exceptions.CertificateStateException as error:
            seen.append(f"{error.code} (HTTP {error.http_status}): {error.hint}")
        try:
            iot.describe_certificate(certificate_id=UNKNOWN_CERTIFICATE)
        except ResourceNotFoundException as error:
            seen.append(f"{error.response['Error']['Code']} from {error.operation_name}")
        try:
            iot.transfer_certificate(certificate_id="not-an-id", target_aws_account=TARGET_ACCOUNT)
        except ParamValidationError as error:
            seen.append(f"refused before sending: {error.field}: {error.rule}")
        output = iot.transfer_certificate(
            certificate_id=transferable, target_aws_account=TARGET_ACCOUNT, transfer_message="from the consumer"
        )
        seen.append(f"transferred {output.transferred_certificate_arn} in {output.metadata.attempts} attempt(s)")
        count = 0
        for page in iot.get_paginator("list_outgoing_certificates").paginate(page_size=1):
            count += len(page.outgoing_certificates)
        seen.append(f"outgoing transfers: {count}")
    return seen


async def async_calls(endpoint_url: str, transferable: str) -> List[str]:
    """The same client as asyncio code: awaited calls, async pages, async with."""
    seen: List[str] = []
    async with AsyncClient(
        region_name="us-east-1",
        endpoint_url=endpoint_url,
        aws_access_key_id="AKIAEMULATORSOURCE",
        aws_secret_access_key="emulator-source-secret",
    ) as iot:
        described = await iot.describe_certificate(certificate_id=transferable)
        status = described.certificate_description.status
        seen.append(f"pending: {status == CertificateStatus.PENDING_TRANSFER and status == 'PENDING_TRANSFER'}")
        await iot.cancel_certificate_transfer(certificate_id=transferable)
        await iot.update_certificate(certificate_id=transferable, new_status="INACTIVE")
        names: List[str] = []
        async for page in iot.get_paginator("list_certificates").paginate(page_size=2):
            names += [c.certificate_id or "?" for c in page.certificates]
        seen.append(f"certificates listed: {len(names)}")
        try:
            await iot.transfer_certificate(certificate_id=UNKNOWN_CERTIFICATE, target_aws_account=TARGET_ACCOUNT)
        except ClientError as error:
            seen.append(f"a service error: {error.code}")
        except IotTransferError as error:
            seen.append(f"another error: {error.code}: {error.message}")
    return seen


def boto3_calls(endpoint_url: str, active: str) -> List[str]:
    """A boto3 script's calls, with ``from iot_transfer import boto3`` for ``import boto3``."""
    iot = boto3.client("iot", region_name="us-east-1", endpoint_url=endpoint_url,
                       aws_access_key_id="AKIAEMULATORSOURCE", aws_secret_access_key="emulator-source-secret")
    response = iot.describe_certificate(certificateId=active)
    seen = [f"boto3 face: {response['certificateDescription']['status']}"]
    try:
        iot.transfer_certificate(certificateId=active, targetAwsAccount=TARGET_ACCOUNT)
    except iot.exceptions.CertificateStateException as error:
        seen.append(f"boto3 face: {error.response['Error']['Code']}")
    return seen


def main() -> None:
    endpoint_url = os.environ["IOT_EMULATOR_URL"]
    demo = seeded_certificates(endpoint_url)
    lines = blocking_calls(endpoint_url, demo["active"], demo["transferable"])
    lines += asyncio.run(async_calls(endpoint_url, demo["transferable"]))
    lines += boto3_calls(endpoint_url, demo["active"])
    print("\n".join(lines))
    expected = [
        "blockers of the active certificate: 1",
        "CertificateStateException (HTTP 406): ",
        "ResourceNotFoundException from DescribeCertificate",
        "refused before sending: certificate_id: ",
        "transferred arn:aws:iot:us-east-1:",
        "outgoing transfers: ",
        "pending: True",
        "certificates listed: ",
        "a service error: ResourceNotFoundException",
        "boto3 face: ACTIVE",
        "boto3 face: CertificateStateException",
    ]
    assert len(lines) == len(expected) and all(map(str.startswith, lines, expected)), lines


if __name__ == "__main__":
    main()
