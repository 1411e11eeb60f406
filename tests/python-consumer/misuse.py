"""What the wheel's types must give and must refuse; scripts/test/python-types.sh type-checks this
file with mypy and pyright (it is never run). Each misuse carries ``# type: ignore``, and both
checkers fail on an ignore that nothing needed (mypy's --warn-unused-ignores, pyright's
reportUnnecessaryTypeIgnoreComment): a stub that lets a misuse through fails the check."""

from typing import Any, List, Mapping, Type

from typing_extensions import assert_type

from iot_transfer import (
    AsyncClient,
    Client,
    ListCertificatesOutput,
    PrepareReport,
    TransferCertificateOutput,
    TransferCheck,
    UpdateCertificateOutput,
)
from iot_transfer.exceptions import (
    CertificateStateException,
    ClientError,
    IotTransferError,
    ParamValidationError,
    ResourceNotFoundException,
)
from iot_transfer.paginate import AsyncPageIterator, PageIterator

ID = "0" * 64


def results(client: Client) -> None:
    """Each call's result is its output record, each paginator's pages their output."""
    assert_type(client.transfer_certificate(certificate_id=ID, target_aws_account="1"), TransferCertificateOutput)
    assert_type(client.update_certificate(certificate_id=ID, new_status="INACTIVE"), UpdateCertificateOutput)
    assert_type(client.check_transfer(certificate_id=ID, target_aws_account="1"), TransferCheck)
    assert_type(client.prepare_and_transfer(certificate_id=ID, target_aws_account="1", deactivate=True), PrepareReport)
    pages = client.get_paginator("list_certificates").paginate(page_size=1)
    assert_type(pages, PageIterator[ListCertificatesOutput])
    assert_type([page.next_marker for page in pages], List["str | None"])


async def async_results(client: AsyncClient) -> None:
    """The async client's calls are awaited for the same records."""
    assert_type(await client.transfer_certificate(certificate_id=ID, target_aws_account="1"), TransferCertificateOutput)
    pages = client.get_paginator("list_certificates").paginate(marker="m")
    assert_type(pages, AsyncPageIterator[ListCertificatesOutput])
    async with AsyncClient(region_name="eu-west-1") as inner:
        assert_type(inner, AsyncClient)


def exceptions(client: Client) -> None:
    """The exception classes, by name and from the client, with their fields."""
    assert_type(client.exceptions.CertificateStateException, Type[CertificateStateException])
    try:
        client.describe_certificate(certificate_id=ID)
    except ResourceNotFoundException as error:
        assert_type(error.response, "Mapping[str, Any]")
        assert_type(error.http_status, "int | None")
        service_error: ClientError = error
        assert_type(service_error.operation_name, "str | None")
    except ParamValidationError as error:
        assert_type(error.field, str)
    except IotTransferError as error:
        assert_type(error.possibly_applied, bool)


def misuses(client: Client) -> None:
    """Calls the stubs refuse."""
    client.transfer_certificate(certificateId=ID, target_aws_account="1")  # type: ignore
    client.transfer_certificate(certificate_id=ID)  # type: ignore
    client.transfer_certificate(certificate_id=1, target_aws_account="1")  # type: ignore
    client.transfer_certificate(ID, "1")  # type: ignore
    client.update_certificate(certificate_id=ID, new_status="GONE")  # type: ignore
    client.get_paginator("transfer_certificate")  # type: ignore
    client.get_paginator("list_certificates").paginate(page_size="1")  # type: ignore
    client.exceptions.NoSuchException  # type: ignore
    Client(region="eu-west-1")  # type: ignore
    Client(max_attempts="3")  # type: ignore


async def async_misuses(client: AsyncClient) -> None:
    """An async client's call is a coroutine, and its pages are async."""
    output: TransferCertificateOutput = client.transfer_certificate(certificate_id=ID, target_aws_account="1")  # type: ignore
    for _ in client.get_paginator("list_certificates").paginate():  # type: ignore
        pass
    assert output
