"""The whole certificate-transfer workflow through the wheel against the project's local IoT
endpoint, with a client for each account: preflight, prepare, transfer, the target's view, accept,
reject, cancel, paginators, and a lost accept reported as done."""

import asyncio

import pytest

import emulator
from iot_transfer.iot_transfer import (
    AcceptCertificateTransferInput,
    AwsCredentials,
    CancelCertificateTransferInput,
    CertificateStatus,
    CheckTransferInput,
    ClientConfig,
    DescribeCertificateInput,
    IotTransferClient,
    ListCertificatesInput,
    PrepareAndTransferInput,
    RejectCertificateTransferInput,
    StepAction,
    TransferBlocker,
    IotTransferError,
    TransferCertificateInput,
    UpdateCertificateInput,
)

TARGET_KEY = ("AKIAEMULATORTARGET", "emulator-target-secret")
SOURCE_ACCOUNT = "111122223333"


def client(key):
    config = ClientConfig(region="us-east-1", endpoint_url=emulator.url(), retry_base_delay_ms=5)
    return IotTransferClient(config, AwsCredentials(*key))


@pytest.fixture
def source():
    return client(emulator.SOURCE_KEY)


@pytest.fixture
def target():
    return client(TARGET_KEY)


@pytest.fixture(autouse=True)
def no_faults_after():
    yield
    emulator.clear_faults()


def transfer(certificate):
    return TransferCertificateInput(certificate_id=certificate, target_aws_account=emulator.TARGET_ACCOUNT)


def to_target(record, certificate_id, **options):
    """The workflow call's input for `certificate_id` and the emulator's target account."""
    return record(certificate_id=certificate_id, target_aws_account=emulator.TARGET_ACCOUNT, **options)


def test_preflight_names_the_blockers_and_prepare_clears_only_what_it_may(source):
    demo = emulator.admin("POST", "seed-demo")
    check = source.check_transfer_blocking(to_target(CheckTransferInput, demo["active"]))
    assert check.blockers == [TransferBlocker.ACTIVE()]
    assert check.certificate.status == CertificateStatus.ACTIVE()
    with_policy = asyncio.run(source.check_transfer(to_target(CheckTransferInput, demo["withPolicy"])))
    assert with_policy.blockers == [TransferBlocker.POLICIES_ATTACHED(policy_names=["emulator-demo-device-policy"])]

    refused = source.prepare_and_transfer_blocking(to_target(PrepareAndTransferInput, demo["active"]))
    assert refused.transfer is None and refused.steps == []
    assert refused.remaining_blockers == [TransferBlocker.ACTIVE()]
    assert refused.left_state == "Nothing was changed: the certificate is as it was."
    assert emulator.recorded(demo["active"]) == ("ACTIVE", None)

    report = source.prepare_and_transfer_blocking(to_target(PrepareAndTransferInput, demo["active"], deactivate=True))
    assert [step.action for step in report.steps] == [StepAction.DEACTIVATE(), StepAction.TRANSFER()]
    assert report.transfer.transferred_certificate_arn.endswith(demo["active"])
    assert emulator.recorded(demo["active"]) == ("PENDING_TRANSFER", emulator.TARGET_ACCOUNT)


def test_the_target_lists_accepts_and_owns_it(source, target):
    certificate = emulator.transferable_certificate()
    source.transfer_certificate_blocking(transfer(certificate))
    pages = target.list_certificates_paginator(ListCertificatesInput(page_size=1))
    offered = []
    while (page := pages.next_page_blocking()) is not None:
        offered += [c for c in page.certificates if c.certificate_id == certificate]
    assert [c.status for c in offered] == [CertificateStatus.PENDING_TRANSFER()]

    accepted = asyncio.run(
        target.accept_certificate_transfer(AcceptCertificateTransferInput(certificate_id=certificate, set_as_active=True)))
    assert accepted.metadata.http_status == 200 and not accepted.metadata.reconciled
    described = target.describe_certificate_blocking(DescribeCertificateInput(certificate_id=certificate))
    assert described.certificate_description.owned_by == emulator.TARGET_ACCOUNT
    assert described.certificate_description.previous_owned_by == SOURCE_ACCOUNT
    assert described.certificate_description.transfer_data.accept_date is not None

    with pytest.raises(IotTransferError.TransferAlreadyCompleted) as again:
        target.accept_certificate_transfer_blocking(AcceptCertificateTransferInput(certificate_id=certificate))
    assert "already ended before this call" in again.value.hint
    assert not again.value.possibly_applied


def test_reject_cancel_and_a_lost_cancel(source, target):
    certificate = emulator.transferable_certificate()
    source.transfer_certificate_blocking(transfer(certificate))
    target.reject_certificate_transfer_blocking(
        RejectCertificateTransferInput(certificate_id=certificate, reject_reason="not ours"))
    described = source.describe_certificate_blocking(DescribeCertificateInput(certificate_id=certificate))
    assert described.certificate_description.transfer_data.reject_reason == "not ours"
    assert emulator.recorded(certificate) == ("INACTIVE", None)

    source.transfer_certificate_blocking(transfer(certificate))
    emulator.set_faults({"script": [{"operation": "CancelCertificateTransfer", "fault": "dropResponse"}]})
    cancelled = asyncio.run(source.cancel_certificate_transfer(CancelCertificateTransferInput(certificate_id=certificate)))
    assert cancelled.metadata.reconciled and cancelled.metadata.attempts == 2
    assert emulator.recorded(certificate) == ("INACTIVE", None)


def test_bad_input_names_the_member_and_nothing_is_sent(source):
    with pytest.raises(IotTransferError.Validation) as error:
        source.update_certificate_blocking(UpdateCertificateInput(certificate_id="a" * 64,
                                                                  new_status=CertificateStatus.PENDING_TRANSFER()))
    assert error.value.field == "newStatus"
    assert error.value.attempts == 0


def test_paginators_are_iterators_and_async_iterators(source):
    for _ in range(2):
        emulator.transferable_certificate()
    pages = list(source.list_certificates_paginator(ListCertificatesInput(page_size=1)))
    assert len(pages) >= 2 and all(len(page.certificates) <= 1 for page in pages)

    async def collect():
        return [page async for page in source.list_certificates_paginator(ListCertificatesInput(page_size=1))]

    assert [c.certificate_id for p in asyncio.run(collect()) for c in p.certificates] == [
        c.certificate_id for p in pages for c in p.certificates]
