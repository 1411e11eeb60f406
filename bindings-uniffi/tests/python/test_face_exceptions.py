"""The face's exceptions, caught by the service's names as boto3 offers them
(``client.exceptions.CertificateStateException``, ``iot_transfer.exceptions.ResourceNotFoundException``)
for every code the core declares, under one base, with their fields and boto3's ``response``."""

import asyncio

import pytest

import emulator
import iot_transfer
from iot_transfer import AsyncClient, Client, exceptions
from scripted_server import ScriptedServer, service_error
from test_client import ID, SECRET


def source():
    key, secret = emulator.SOURCE_KEY
    return Client(region_name="us-east-1", endpoint_url=emulator.url(), aws_access_key_id=key,
                  aws_secret_access_key=secret)


def service_classes():
    """Every class of the face for a modelled service code: derived from the module, not listed."""
    return [cls for name, cls in sorted(vars(exceptions).items())
            if isinstance(cls, type) and issubclass(cls, exceptions.ClientError) and name.endswith("Exception")]


def test_an_unknown_certificate_is_a_resource_not_found_exception():
    client = source()
    with pytest.raises(client.exceptions.ResourceNotFoundException) as caught:
        client.describe_certificate(certificate_id="f" * 64)
    error = caught.value
    assert type(error) is exceptions.ResourceNotFoundException
    assert isinstance(error, exceptions.ClientError) and isinstance(error, exceptions.IotTransferError)
    assert isinstance(error, iot_transfer.IotTransferError.ResourceNotFound), "the generated class still catches it"
    assert (error.code, error.http_status, error.operation_name) == ("ResourceNotFoundException", 404, "DescribeCertificate")
    assert error.response["Error"]["Code"] == "ResourceNotFoundException"
    assert error.response["ResponseMetadata"] == {"HTTPStatusCode": 404, "RequestId": error.request_id,
                                                  "RetryAttempts": 0}
    assert str(error) == f"An error occurred (ResourceNotFoundException) when calling the DescribeCertificate " \
                         f"operation: {error.message}"


def test_transferring_an_active_certificate_is_a_certificate_state_exception():
    active = emulator.admin("POST", "seed-demo")["active"]

    async def transfer():
        key, secret = emulator.SOURCE_KEY
        async with AsyncClient(region_name="us-east-1", endpoint_url=emulator.url(), aws_access_key_id=key,
                               aws_secret_access_key=secret) as client:
            await client.transfer_certificate(certificate_id=active, target_aws_account=emulator.TARGET_ACCOUNT)

    with pytest.raises(exceptions.CertificateStateException) as caught:
        asyncio.run(transfer())
    assert caught.value.hint.startswith("The certificate is ACTIVE")
    # The hint names the method and argument as Python spells them.
    assert "update_certificate" in caught.value.hint and "new_status" in caught.value.hint, caught.value.hint
    assert "UpdateCertificate" not in caught.value.hint and "newStatus" not in caught.value.hint
    assert caught.value.reconciled and not caught.value.possibly_applied
    assert emulator.recorded(active) == ("ACTIVE", None)


def test_every_modelled_code_is_caught_by_its_name():
    classes = service_classes()
    assert len(classes) >= 10
    for cls in classes:
        status = 400 if cls.__name__ != "ServiceUnavailableException" else 503
        with ScriptedServer([service_error(status, cls.__name__, f"about {cls.__name__}")]) as server:
            client = Client(region_name="us-east-1", endpoint_url=server.url, aws_access_key_id="AKIDEXAMPLE",
                            aws_secret_access_key=SECRET, max_attempts=1)
            with pytest.raises(getattr(client.exceptions, cls.__name__)) as caught:
                client.describe_certificate(certificate_id=ID)
        assert type(caught.value) is cls and caught.value.code == cls.__name__
        assert caught.value.message == f"about {cls.__name__}" and caught.value.http_status == status


@pytest.mark.parametrize("code,status,name", [
    ("InvalidSignatureException", 403, "AuthError"),
    ("BrandNewException", 400, "UnknownServiceError"),
])
def test_service_errors_without_a_modelled_code_are_client_errors(code, status, name):
    with ScriptedServer([service_error(status, code, "no")]) as server:
        client = Client(region_name="us-east-1", endpoint_url=server.url, aws_access_key_id="AKIDEXAMPLE",
                        aws_secret_access_key=SECRET, max_attempts=1)
        with pytest.raises(exceptions.ClientError) as caught:
            client.describe_certificate(certificate_id=ID)
    assert type(caught.value).__name__ == name and caught.value.code == code


def test_local_errors_have_their_classes():
    client = Client(region_name="us-east-1", endpoint_url="http://127.0.0.1:9", aws_access_key_id="AKIDEXAMPLE",
                    aws_secret_access_key=SECRET, max_attempts=1, connect_timeout=1)
    with pytest.raises(exceptions.TransportError) as caught:
        client.describe_certificate(certificate_id=ID)
    assert not isinstance(caught.value, exceptions.ClientError)
    assert isinstance(caught.value, exceptions.IotTransferError) and caught.value.operation_name == "DescribeCertificate"
    with pytest.raises(exceptions.EndpointError):
        Client(region_name="us-east-1", endpoint_url="http://example.com", aws_access_key_id="AKIDEXAMPLE",
               aws_secret_access_key=SECRET).describe_certificate(certificate_id=ID)


def test_the_client_holds_the_module_s_classes():
    for name, cls in vars(exceptions).items():
        if isinstance(cls, type) and issubclass(cls, exceptions.IotTransferError):
            assert getattr(Client.exceptions, name) is cls and getattr(AsyncClient.exceptions, name) is cls
