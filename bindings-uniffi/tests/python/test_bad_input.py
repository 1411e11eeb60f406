"""The shared bad-input table (tests/vectors/bad-input.json) in Python: each input row is a typed
validation error naming the member, or, where the row says so, the exception uniffi's generated
layer raises for a value of the wrong type; each config row is the face's configuration error
naming the keyword argument, or the exception for a value of the wrong type; either way nothing
is sent."""

import builtins
import json
import pathlib

import pytest

from iot_transfer import AwsCredentials, Client, ClientConfig, IotTransferClient, IotTransferError, TransferCertificateInput
from scripted_server import ScriptedServer
from test_client import ID

TABLE = json.loads((pathlib.Path(__file__).parents[3] / "tests/vectors/bad-input.json").read_text())


def applies(row):
    return "only" not in row or "python" in row["only"]


def value(v):
    if isinstance(v, dict):
        if "repeat" in v:
            return v["repeat"] * v["times"]
        if "surrogate" in v:
            return v["prefix"] + chr(v["surrogate"]) + v["suffix"]
        if v.get("object"):
            return {}
        if v.get("NaN"):
            return float("nan")
        if v.get("Infinity"):
            return float("inf")
    return v


def expect(row, call):
    """Runs `call` and checks its failure against the row."""
    if "python" in row:
        with pytest.raises(getattr(builtins, row["python"])):
            call()
        return None
    with pytest.raises(IotTransferError) as caught:
        call()
    return caught.value


@pytest.mark.parametrize("row", [r for r in TABLE["inputs"] if applies(r)], ids=lambda r: r["name"])
def test_bad_input(row):
    members = {"certificate_id": ID, "target_aws_account": "444455556666", "transfer_message": None}
    for name, v in row["input"].items():
        members[{"certificateId": "certificate_id", "targetAwsAccount": "target_aws_account",
                 "transferMessage": "transfer_message"}[name]] = value(v)
    with ScriptedServer([]) as server:
        client = IotTransferClient(ClientConfig(region="us-east-1", endpoint_url=server.url), AwsCredentials("AKID", "s"))
        error = expect(row, lambda: client.transfer_certificate_blocking(TransferCertificateInput(**members)))
        assert server.requests == []
    if error is not None:
        assert isinstance(error, IotTransferError.Validation), repr(error)
        assert error.field == row["field"] and error.rule.startswith(row["rule"]), (error.field, error.rule)
        assert len(error.error_message) < 300, "the message does not repeat the value"


@pytest.mark.parametrize("row", TABLE["config"], ids=lambda r: r["name"])
def test_bad_config(row):
    """The face's client, given the row's keyword arguments: the core's rule, named as Python spells
    the setting, or the exception for a value of the wrong Python type."""
    python = row["python"]
    arguments = {name: value(v) for name, v in python["arguments"].items()}
    with ScriptedServer([]) as server:
        def call():
            client = Client(region_name="us-east-1", endpoint_url=server.url, aws_access_key_id="AKID",
                            aws_secret_access_key="s", **arguments)
            client.transfer_certificate(certificate_id=ID, target_aws_account="444455556666")
        if "raises" in python:
            with pytest.raises(getattr(builtins, python["raises"])):
                call()
        else:
            with pytest.raises(Client.exceptions.ConfigurationError) as caught:
                call()
            assert caught.value.message == f"{python['member']} {row['message']}"
        assert server.requests == []
