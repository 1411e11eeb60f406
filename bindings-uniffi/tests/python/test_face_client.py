"""The face's clients (``iot_transfer.Client``, ``AsyncClient``) as boto3 users make and call them:
boto3's keyword arguments or none at all (the environment and the shared files), operations with
snake-case keyword arguments, blocking and awaited, arguments refused before anything is sent,
and secrets kept out of what they print."""

import asyncio
import inspect
import json

import pytest

import emulator
import iot_transfer
from iot_transfer import AsyncClient, Client, ClientConfig, TransferCertificateOutput
from iot_transfer._settings import ARGUMENTS
from iot_transfer.exceptions import ParamValidationError
from scripted_server import ScriptedServer, service_error, success
from test_client import ARN, ID, SECRET, TOKEN

ACCOUNT = "444455556666"


def keys(server, **settings):
    """Settings with static keys against ``server``, as boto3 users pass them."""
    return dict(region_name="us-east-1", endpoint_url=server.url, aws_access_key_id="AKIDEXAMPLE",
                aws_secret_access_key=SECRET, aws_session_token=TOKEN, retry_base_delay=0.001, **settings)


def test_boto3_names_reach_the_signed_request():
    with ScriptedServer([service_error(503, "ServiceUnavailableException", "busy"), success(ARN)]) as server:
        client = Client(**dict(keys(server), region_name="eu-west-1"), user_agent_appid="fleet-tool", max_attempts=2,
                        retry_mode="adaptive")
        output = client.transfer_certificate(certificate_id=ID, target_aws_account=ACCOUNT, transfer_message="hi")
    assert isinstance(output, TransferCertificateOutput) and output.metadata.attempts == 2
    headers = server.requests[1]["headers"]
    assert "Credential=AKIDEXAMPLE/" in headers["authorization"] and "/eu-west-1/iot/" in headers["authorization"]
    assert headers["x-amz-security-token"] == TOKEN
    assert "fleet-tool" in headers["user-agent"]
    assert json.loads(server.requests[1]["body"]) == {"transferMessage": "hi"}


def test_timeouts_are_in_seconds():
    with ScriptedServer([dict(success(ARN), delay=2)]) as server:
        client = Client(**keys(server), attempt_timeout=0.1, max_attempts=1)
        with pytest.raises(client.exceptions.TimeoutError) as caught:
            client.transfer_certificate(certificate_id=ID, target_aws_account=ACCOUNT)
    assert "100 ms" in caught.value.message and caught.value.attempts == 1


@pytest.mark.parametrize("settings,refused", [
    ({"retry_mode": "legacy"}, "retry_mode must be one of standard, adaptive"),
    ({"aws_access_key_id": "AKIDEXAMPLE"}, "aws_access_key_id was given without aws_secret_access_key"),
    ({"aws_secret_access_key": SECRET}, "aws_secret_access_key was given without aws_access_key_id"),
    ({"aws_session_token": TOKEN}, "aws_session_token was given without aws_access_key_id"),
])
def test_settings_that_cannot_be_used_are_refused_when_the_client_is_made(settings, refused):
    with pytest.raises(ValueError) as caught:
        Client(region_name="us-east-1", **settings)
    assert str(caught.value).startswith(refused)


@pytest.mark.parametrize("settings,refused", [
    ({"connect_timeout": -1}, "connect_timeout must be a duration from 0 to 24 days"),
    ({"call_timeout": 25 * 24 * 3600}, "call_timeout must be a duration from 0 to 24 days"),
    ({"attempt_timeout": float("inf")}, "attempt_timeout must be a duration from 0 to 24 days"),
    ({"max_attempts": 0}, "max_attempts must be a whole number from 1 to 4294967295"),
    ({"max_attempts": -1}, "max_attempts must be a whole number from 1 to 4294967295"),
    ({"max_attempts": 10**30}, "max_attempts must be a whole number from 1 to 4294967295"),
])
def test_settings_out_of_range_are_configuration_errors_named_as_python_spells_them(settings, refused):
    with pytest.raises(Client.exceptions.ConfigurationError) as caught:
        Client(region_name="us-east-1", aws_access_key_id="AKID", aws_secret_access_key=SECRET, **settings)
    assert caught.value.message == refused


@pytest.mark.parametrize("settings", [{"connect_timeout": "1"}, {"call_timeout": float("nan")},
                                      {"max_attempts": 2.0}, {"max_attempts": True}, {"regoin_name": "x"}])
def test_settings_of_the_wrong_type_or_name_are_type_errors(settings):
    with pytest.raises(TypeError):
        Client(region_name="us-east-1", **settings)


def test_no_arguments_finds_everything_where_the_aws_sdks_do(monkeypatch):
    monkeypatch.setenv("AWS_REGION", "us-east-1")
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", emulator.SOURCE_KEY[0])
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", emulator.SOURCE_KEY[1])
    monkeypatch.setenv("AWS_ENDPOINT_URL_IOT", emulator.url())
    certificate = emulator.transferable_certificate()
    Client().transfer_certificate(certificate_id=certificate, target_aws_account=emulator.TARGET_ACCOUNT)
    assert emulator.recorded(certificate) == ("PENDING_TRANSFER", emulator.TARGET_ACCOUNT)


def test_profile_name_picks_the_profile(monkeypatch, tmp_path):
    key, secret = emulator.SOURCE_KEY
    config = tmp_path / "config"
    config.write_text(f"[profile dev]\nregion = us-east-1\naws_access_key_id = {key}\naws_secret_access_key = {secret}\n"
                      f"services = local\n\n[services local]\niot =\n  endpoint_url = {emulator.url()}\n")
    monkeypatch.setenv("AWS_CONFIG_FILE", str(config))
    certificate = emulator.transferable_certificate()
    asyncio.run(AsyncClient(profile_name="dev").transfer_certificate(
        certificate_id=certificate, target_aws_account=emulator.TARGET_ACCOUNT))
    assert emulator.recorded(certificate) == ("PENDING_TRANSFER", emulator.TARGET_ACCOUNT)


def test_every_client_config_field_has_a_keyword_argument():
    fields = set(inspect.signature(ClientConfig).parameters)
    assert set(ARGUMENTS.values()) == fields, "a ClientConfig field the face cannot set, or a stale one"
    with ScriptedServer([]) as server:
        for cls in (Client, AsyncClient):
            cls(**{**{argument: None for argument in ARGUMENTS}, **keys(server)})


def test_the_async_client_awaits_the_same_call():
    async def transfer(server):
        async with AsyncClient(**keys(server)) as client:
            return await client.transfer_certificate(certificate_id=ID, target_aws_account=ACCOUNT)

    with ScriptedServer([success(ARN)]) as server:
        output = asyncio.run(transfer(server))
    assert output.transferred_certificate_arn == ARN
    assert server.requests[0]["path"] == f"/transfer-certificate/{ID}?targetAwsAccount={ACCOUNT}"


@pytest.mark.parametrize("arguments,field,model_field,message", [
    ({"certificate_id": "nope", "target_aws_account": ACCOUNT}, "certificate_id", "certificateId",
     "certificate_id must be exactly 64 characters long (got 4)"),
    ({"certificate_id": ID, "target_aws_account": "4444-5555-6666"}, "target_aws_account", "targetAwsAccount",
     "target_aws_account must be exactly 12 characters long (got 14)"),
    ({"certificate_id": ID, "target_aws_account": ACCOUNT, "transfer_message": "x" * 129}, "transfer_message",
     "transferMessage", "transfer_message must be at most 128 characters long (got 129)"),
    ({"certificate_id": ID}, "target_aws_account", "targetAwsAccount", "target_aws_account is required"),
    ({"certificateId": ID, "target_aws_account": ACCOUNT}, "certificateId", "certificateId",
     "certificateId is not an argument of transfer_certificate "
     "(it takes certificate_id, target_aws_account, transfer_message)"),
])
def test_a_bad_argument_is_named_as_python_spells_it_and_nothing_is_sent(arguments, field, model_field, message):
    with ScriptedServer([]) as server:
        client, async_client = Client(**keys(server)), AsyncClient(**keys(server))
        with pytest.raises(ParamValidationError) as caught:
            client.transfer_certificate(**arguments)
        with pytest.raises(async_client.exceptions.ValidationError) as caught_async:
            asyncio.run(async_client.transfer_certificate(**arguments))
    assert server.requests == []
    for error in (caught.value, caught_async.value):
        assert (error.field, error.model_field, error.message) == (field, model_field, message)
        assert str(error) == f"Parameter validation failed: {message}"
        assert error.code == "ValidationError" and error.attempts == 0 and not error.possibly_applied
        assert isinstance(error, iot_transfer.IotTransferError.Validation), "the generated class still catches it"


def test_arguments_are_keywords_only():
    with ScriptedServer([]) as server:
        with pytest.raises(TypeError):
            Client(**keys(server)).transfer_certificate(ID, ACCOUNT)
        with pytest.raises(TypeError):
            Client("us-east-1")
    assert server.requests == []


def test_a_status_may_be_given_by_name():
    with ScriptedServer([{"status": 200, "body": ""}]) as server:
        client = Client(**keys(server))
        client.update_certificate(certificate_id=ID, new_status="INACTIVE")
        with pytest.raises(ParamValidationError) as caught:
            client.update_certificate(certificate_id=ID, new_status="PENDING_TRANSFER")
    assert [r["path"] for r in server.requests] == [f"/certificates/{ID}?newStatus=INACTIVE"]
    assert caught.value.message == "new_status must be one of ACTIVE, INACTIVE, REVOKED"


def test_a_closed_client_refuses_calls():
    with ScriptedServer([]) as server:
        with Client(**keys(server)) as client:
            pass
        with pytest.raises(RuntimeError, match="closed"):
            client.describe_certificate(certificate_id=ID)
    assert server.requests == []


def test_no_secret_in_what_the_face_prints():
    with ScriptedServer([service_error(404, "ResourceNotFoundException", "no such certificate")]) as server:
        client = Client(**keys(server))
        with pytest.raises(client.exceptions.ResourceNotFoundException) as caught:
            client.describe_certificate(certificate_id=ID)
        with pytest.raises(ParamValidationError) as refused:
            client.transfer_certificate(certificate_id="x", target_aws_account=ACCOUNT)
        assert repr(client) == f"Client(region_name='us-east-1', endpoint_url='{server.url}')"
        printed = [repr(client), str(client), repr(vars(client)), repr(caught.value), str(caught.value),
                   repr(refused.value), repr(vars(caught.value)), repr(AsyncClient(**keys(server)))]
    for text in printed:
        assert SECRET not in text and TOKEN not in text, text
