"""The Python package against a scripted loopback endpoint: success, every error kind as its own
class with its fields, retries, timeouts, validation, a host credentials provider, async and
blocking calls, and secrets kept out of repr and str."""

import asyncio
import datetime
import json

import pytest

from iot_transfer import (
    AwsCredentials,
    ClientConfig,
    CredentialsProvider,
    CredentialsProviderError,
    IotTransferClient,
    IotTransferError,
    TransferCertificateInput,
)
from scripted_server import ScriptedServer, service_error, success

ID = "3c4f1e2b5d6a7c8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e"
ARN = f"arn:aws:iot:us-east-1:111122223333:cert/{ID}"
SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
TOKEN = "IQoJb3JpZ2luX2VjEXAMPLETOKEN"
INPUT = TransferCertificateInput(certificate_id=ID, target_aws_account="444455556666")


def client_for(server, **config):
    config.setdefault("retry_base_delay_ms", 1)
    return IotTransferClient(
        ClientConfig(region="us-east-1", endpoint_url=server.url, **config),
        AwsCredentials("AKIDEXAMPLE", SECRET, TOKEN),
    )


def test_blocking_success_sends_the_signed_request():
    with ScriptedServer([success(ARN)]) as server:
        output = client_for(server).transfer_certificate_blocking(
            TransferCertificateInput(certificate_id=ID, target_aws_account="444455556666", transfer_message='hi "✓"'))
    assert output.transferred_certificate_arn == ARN
    assert (output.metadata.http_status, output.metadata.request_id, output.metadata.attempts) == (200, "req-1", 1)
    assert output.metadata.total_retry_delay == datetime.timedelta(0)
    request = server.requests[0]
    assert request["method"] == "PATCH"
    assert request["path"] == f"/transfer-certificate/{ID}?targetAwsAccount=444455556666"
    assert request["headers"]["authorization"].startswith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/")
    assert request["headers"]["x-amz-security-token"] == TOKEN
    assert request["headers"]["user-agent"].endswith("binding/uniffi")
    assert request["body"] == '{"transferMessage":"hi \\"✓\\""}'


def test_async_success():
    with ScriptedServer([success(ARN)]) as server:
        output = asyncio.run(client_for(server).transfer_certificate(INPUT))
    assert output.transferred_certificate_arn == ARN


def test_the_same_errors_from_the_async_call():
    description = {"status": 200, "body": json.dumps({"certificateDescription": {"status": "ACTIVE"}})}
    with ScriptedServer([service_error(406, "CertificateStateException", "ACTIVE"), description]) as server:
        with pytest.raises(IotTransferError.CertificateState) as caught:
            asyncio.run(client_for(server).transfer_certificate(INPUT))
    assert caught.value.hint.startswith("The certificate is ACTIVE: deactivate it")
    assert caught.value.reconciled and not caught.value.possibly_applied


def test_retries_then_success():
    with ScriptedServer([service_error(503, "ServiceUnavailableException", "busy"), {"status": 503, "body": ""},
                         success(ARN)]) as server:
        output = client_for(server).transfer_certificate_blocking(INPUT)
    assert output.metadata.attempts == 3
    assert len(server.requests) == 3


def test_throttling_burst_ends_in_throttling_error():
    replies = [service_error(400, "ThrottlingException", "Rate exceeded") for _ in range(3)]
    with ScriptedServer(replies) as server:
        with pytest.raises(IotTransferError.Throttling) as caught:
            client_for(server).transfer_certificate_blocking(INPUT)
    assert caught.value.retryable and caught.value.attempts == 3


def test_attempt_timeout():
    with ScriptedServer([dict(success(ARN), delay=2), dict(success(ARN), delay=2)]) as server:
        with pytest.raises(IotTransferError.Timeout) as caught:
            client_for(server, attempt_timeout_ms=100, max_attempts=2).transfer_certificate_blocking(INPUT)
    assert caught.value.attempts == 2
    assert caught.value.possibly_applied


def test_dropped_connection_is_retried():
    with ScriptedServer([{"drop": True}, success(ARN)]) as server:
        assert client_for(server).transfer_certificate_blocking(INPUT).metadata.attempts == 2


@pytest.mark.parametrize("status", [302, 307])
def test_a_redirect_to_another_host_is_not_followed(status):
    with ScriptedServer([success(ARN)]) as elsewhere:
        target = f"{elsewhere.url}/transfer-certificate/{ID}?targetAwsAccount=444455556666"
        with ScriptedServer([{"status": status, "headers": {"location": target}}]) as server:
            with pytest.raises(IotTransferError.Transport) as caught:
                client_for(server).transfer_certificate_blocking(INPUT)
        assert elsewhere.requests == []
    assert caught.value.http_status == status and target in caught.value.error_message
    assert not caught.value.retryable and not caught.value.possibly_applied


def test_a_timed_out_attempt_is_closed_before_its_retry_is_sent():
    with ScriptedServer([{"hang": True}, success(ARN)]) as server:
        output = client_for(server, attempt_timeout_ms=200).transfer_certificate_blocking(INPUT)
    assert output.metadata.attempts == 2
    assert server.requests[1]["hung_connections_closed_before"] == 1, "the retry raced the attempt it replaces"


@pytest.mark.parametrize("when", [
    datetime.datetime(1969, 12, 31, 23, 59, 59, tzinfo=datetime.timezone.utc),
    datetime.datetime(1, 1, 1, tzinfo=datetime.timezone.utc),
])
def test_a_signing_date_before_1970_is_a_validation_error(when):
    client = IotTransferClient(ClientConfig(region="us-east-1"), AwsCredentials("AKIDEXAMPLE", SECRET))
    with pytest.raises(IotTransferError.Validation) as caught:
        client.sign_transfer_certificate_blocking(INPUT, when)
    assert caught.value.field == "signingDate"
    assert caught.value.error_message == "signingDate must be between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59Z"


def test_the_last_second_of_9999_signs():
    client = IotTransferClient(ClientConfig(region="us-east-1"), AwsCredentials("AKIDEXAMPLE", SECRET))
    signed = client.sign_transfer_certificate_blocking(INPUT, datetime.datetime.max.replace(tzinfo=datetime.timezone.utc))
    assert signed.header("x-amz-date") == "99991231T235959Z"


@pytest.mark.parametrize("certificate_id,account,message,field", [
    ("nope", "444455556666", None, "certificateId"),
    (ID, "4444-5555-6666", None, "targetAwsAccount"),
    (ID, "444455556666", "x" * 129, "transferMessage"),
])
def test_validation_errors_name_the_field_and_send_nothing(certificate_id, account, message, field):
    with ScriptedServer([]) as server:
        with pytest.raises(IotTransferError.Validation) as caught:
            client_for(server).transfer_certificate_blocking(
                TransferCertificateInput(certificate_id=certificate_id, target_aws_account=account,
                                         transfer_message=message))
    assert caught.value.field == field
    assert caught.value.error_message.startswith(field)
    assert server.requests == []


class RefreshingProvider(CredentialsProvider):
    """Hands out short-lived credentials, counting its calls."""

    def __init__(self, fail=False):
        self.calls = 0
        self.fail = fail

    def provide_credentials(self):
        self.calls += 1
        if self.fail:
            raise CredentialsProviderError.Failed(reason="identity pool unreachable")
        expiry = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(seconds=60)
        return AwsCredentials(f"ASIAREFRESH{self.calls}", SECRET, TOKEN, expiry)


def test_a_host_credentials_provider_is_asked_again_near_expiry():
    provider = RefreshingProvider()
    with ScriptedServer([success(ARN), success(ARN)]) as server:
        client = IotTransferClient.with_provider(
            ClientConfig(region="us-east-1", endpoint_url=server.url), provider)
        client.transfer_certificate_blocking(INPUT)
        asyncio.run(client.transfer_certificate(INPUT))
    assert provider.calls == 2
    assert "Credential=ASIAREFRESH2/" in server.requests[1]["headers"]["authorization"]


def test_a_failing_provider_is_a_credentials_error():
    client = IotTransferClient.with_provider(ClientConfig(region="us-east-1"), RefreshingProvider(fail=True))
    with pytest.raises(IotTransferError.Credentials) as caught:
        client.transfer_certificate_blocking(INPUT)
    assert "identity pool unreachable" in caught.value.error_message


def test_no_secret_in_repr_or_str():
    credentials = AwsCredentials("AKIDEXAMPLE", SECRET, TOKEN)
    client = IotTransferClient(ClientConfig(region="us-east-1"), credentials)
    signed = client.sign_transfer_certificate_blocking(INPUT)
    error = None
    try:
        client.transfer_certificate_blocking(TransferCertificateInput(certificate_id="x", target_aws_account="1"))
    except IotTransferError as caught:
        error = caught
    for value in (credentials, client, signed, error, ClientConfig(region="us-east-1")):
        for printed in (repr(value), str(value)):
            assert SECRET not in printed and TOKEN not in printed, printed
    assert signed.header("x-amz-security-token") == TOKEN
