"""Against the project's local IoT endpoint: a lost response, an attempt slower than its timeout and
a call slower than its timeout end in the truth about the transfer, checked with the endpoint's
own record."""

import asyncio
import time

import pytest

import emulator
from iot_transfer import AwsCredentials, ClientConfig, IotTransferClient, IotTransferError, TransferCertificateInput


def client(**config):
    config.setdefault("retry_base_delay_ms", 10)
    return IotTransferClient(
        ClientConfig(region="us-east-1", endpoint_url=emulator.url(), **config), AwsCredentials(*emulator.SOURCE_KEY))


def transfer_input(certificate_id):
    return TransferCertificateInput(certificate_id=certificate_id, target_aws_account=emulator.TARGET_ACCOUNT)


@pytest.fixture(autouse=True)
def no_faults_after():
    yield
    emulator.clear_faults()


def test_a_dropped_response_is_reported_as_the_transfer_it_was():
    certificate = emulator.transferable_certificate()
    emulator.set_faults({"script": [{"operation": "TransferCertificate", "fault": "dropResponse"}]})
    output = asyncio.run(client().transfer_certificate(transfer_input(certificate)))
    assert output.metadata.reconciled and output.metadata.attempts == 2
    assert output.transferred_certificate_arn.endswith(f"cert/{certificate}")
    assert emulator.recorded(certificate) == ("PENDING_TRANSFER", emulator.TARGET_ACCOUNT)


def test_an_attempt_slower_than_its_timeout_ends_in_the_truth():
    certificate = emulator.transferable_certificate()
    emulator.set_faults({"script": [{"operation": "TransferCertificate", "fault": "latency", "latencyMs": 600}]})
    output = client(attempt_timeout_ms=150).transfer_certificate_blocking(transfer_input(certificate))
    assert output.metadata.attempts == 2
    time.sleep(0.7)
    assert emulator.recorded(certificate) == ("PENDING_TRANSFER", emulator.TARGET_ACCOUNT)


def test_a_call_slower_than_its_timeout_says_the_transfer_may_have_happened():
    certificate = emulator.transferable_certificate()
    emulator.set_faults({"latencyMs": 800, "operations": ["TransferCertificate"]})
    with pytest.raises(IotTransferError.Timeout) as caught:
        client(call_timeout_ms=300).transfer_certificate_blocking(transfer_input(certificate))
    assert caught.value.possibly_applied
    assert "DescribeCertificate" in caught.value.hint


def test_a_second_transfer_of_a_pending_certificate_is_explained_not_undone():
    certificate = emulator.transferable_certificate()
    client().transfer_certificate_blocking(transfer_input(certificate))
    with pytest.raises(IotTransferError.CertificateState) as caught:
        client().transfer_certificate_blocking(transfer_input(certificate))
    assert caught.value.reconciled and not caught.value.possibly_applied
    assert f"already PENDING_TRANSFER to account {emulator.TARGET_ACCOUNT}" in caught.value.hint
    assert "cancel" not in caught.value.hint.lower()
