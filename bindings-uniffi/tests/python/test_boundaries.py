"""No crash crosses the boundary: a panic in the library, and a credentials provider that raises
something unexpected or returns something that is not credentials, each end as a typed error; the
client stays usable."""

import asyncio

import pytest

from iot_transfer import ClientConfig, CredentialsProvider, IotTransferClient, IotTransferError
from scripted_server import ScriptedServer, success
from test_client import ARN, INPUT, client_for


def test_a_panic_is_an_internal_error_and_the_client_stays_usable():
    with ScriptedServer([success(ARN)]) as server:
        client = client_for(server)
        with pytest.raises(IotTransferError.Internal) as caught:
            asyncio.run(client.panic_for_tests())
        assert "a panic requested by a test of the panic boundary" in caught.value.error_message
        assert caught.value.possibly_applied and "DescribeCertificate" in caught.value.hint
        with pytest.raises(IotTransferError.Internal):
            client.panic_for_tests_blocking()
        assert client.transfer_certificate_blocking(INPUT).transferred_certificate_arn == ARN


class Raising(CredentialsProvider):
    def provide_credentials(self):
        raise ValueError("the vault is sealed")


SECRET_IN_GARBAGE = "wJalrXUtnFEMI/K7MDENG+garbageSECRET"


class ReturningGarbage(CredentialsProvider):
    def provide_credentials(self):
        return f"AKIDEXAMPLE:{SECRET_IN_GARBAGE}"


@pytest.mark.parametrize("provider", [Raising(), ReturningGarbage()], ids=["raises", "returns a string"])
def test_a_misbehaving_credentials_provider_is_a_credentials_error_and_nothing_is_sent(provider):
    with ScriptedServer([]) as server:
        client = IotTransferClient.with_provider(ClientConfig(region="us-east-1", endpoint_url=server.url), provider)
        with pytest.raises(IotTransferError.Credentials) as caught:
            client.transfer_certificate_blocking(INPUT)
        assert server.requests == []
    assert caught.value.code == "CredentialsError" and not caught.value.possibly_applied
    assert SECRET_IN_GARBAGE not in str(caught.value) and SECRET_IN_GARBAGE not in repr(caught.value)
