"""The face's paginators as boto3 has them, against the local endpoint:
``client.get_paginator("list_certificates").paginate(page_size=1)`` iterated for pages (``async
for`` from an ``AsyncClient``), arguments checked when ``paginate`` is called, and the face's
``check_transfer`` and ``prepare_and_transfer`` with keyword arguments."""

import asyncio

import pytest

import emulator
from iot_transfer import AsyncClient, Client, ListCertificatesOutput, StepAction, TransferBlocker
from iot_transfer.exceptions import ParamValidationError
from scripted_server import ScriptedServer
from test_client import SECRET


def settings():
    key, secret = emulator.SOURCE_KEY
    return dict(region_name="us-east-1", endpoint_url=emulator.url(), aws_access_key_id=key,
                aws_secret_access_key=secret)


def ids(pages):
    return [certificate.certificate_id for page in pages for certificate in page.certificates]


def test_pages_one_request_each_blocking_and_async():
    for _ in range(3):
        emulator.transferable_certificate()
    pages = list(Client(**settings()).get_paginator("list_certificates").paginate(page_size=1))
    assert len(pages) >= 3 and all(isinstance(p, ListCertificatesOutput) and len(p.certificates) == 1 for p in pages)
    assert pages[-1].next_marker is None and all(p.next_marker for p in pages[:-1])

    async def collect():
        async with AsyncClient(**settings()) as client:
            return [page async for page in client.get_paginator("list_certificates").paginate(page_size=2)]

    assert ids(asyncio.run(collect())) == ids(pages)


def test_each_iteration_starts_again_from_the_first_page():
    emulator.transferable_certificate()
    pages = Client(**settings()).get_paginator("list_certificates").paginate(page_size=1)
    assert ids(pages) == ids(pages)


def test_arguments_are_checked_when_paginate_is_called():
    with ScriptedServer([]) as server:
        client = Client(region_name="us-east-1", endpoint_url=server.url, aws_access_key_id="AKIDEXAMPLE",
                        aws_secret_access_key=SECRET)
        paginator = client.get_paginator("list_attached_policies")
        with pytest.raises(ParamValidationError) as missing:
            paginator.paginate()
        with pytest.raises(ParamValidationError) as too_big:
            list(client.get_paginator("list_certificates").paginate(page_size=251))
    assert server.requests == []
    assert missing.value.message == "target is required"
    assert too_big.value.message == "page_size must be between 1 and 250 (got 251)"


def test_only_list_operations_paginate():
    client = Client(**settings())
    assert [client.can_paginate(name) for name in ("list_certificates", "transfer_certificate")] == [True, False]
    with pytest.raises(ValueError, match="'transfer_certificate' cannot be paginated; these can: list_certificates"):
        client.get_paginator("transfer_certificate")


def test_check_and_prepare_take_keyword_arguments():
    demo = emulator.admin("POST", "seed-demo")
    client = Client(**settings())
    check = client.check_transfer(certificate_id=demo["active"], target_aws_account=emulator.TARGET_ACCOUNT)
    assert check.blockers == [TransferBlocker.Active()]
    assert [blocker.type for blocker in check.blockers] == ["Active"]
    report = client.prepare_and_transfer(certificate_id=demo["active"], target_aws_account=emulator.TARGET_ACCOUNT,
                                         deactivate=True)
    assert [step.action for step in report.steps] == [StepAction.Deactivate(), StepAction.Transfer()]
    assert report.to_dict()["steps"][0] == {"action": {"type": "Deactivate"}, "outcome": {"type": "Done"}}
    assert emulator.recorded(demo["active"]) == ("PENDING_TRANSFER", emulator.TARGET_ACCOUNT)

    async def prepare_the_one_with_a_policy():
        async with AsyncClient(**settings()) as inner:
            await inner.check_transfer(certificate_id=demo["withPolicy"], target_aws_account=emulator.TARGET_ACCOUNT)
            return await inner.prepare_and_transfer(certificate_id=demo["withPolicy"],
                                                    target_aws_account=emulator.TARGET_ACCOUNT)

    refused = asyncio.run(prepare_the_one_with_a_policy())
    assert refused.transfer is None and refused.steps == [] and len(refused.remaining_blockers) == 1
    with pytest.raises(ParamValidationError, match="detach_polices is not an argument of prepare_and_transfer"):
        client.prepare_and_transfer(certificate_id=demo["withPolicy"], target_aws_account="1", detach_polices=True)
