"""The shared bad-input table (tests/vectors/bad-input.json) in Python: each row is a typed
validation error naming the member, or, where the row says so, the exception uniffi's generated
layer raises for a value of the wrong type; either way nothing is sent."""

import builtins
import json
import pathlib

import pytest

from iot_transfer import AwsCredentials, ClientConfig, IotTransferClient, IotTransferError, TransferCertificateInput
from scripted_server import ScriptedServer
from test_client import ID

TABLE = json.loads((pathlib.Path(__file__).parents[3] / "tests/vectors/bad-input.json").read_text())
CONFIG_NAMES = {"maxAttempts": "max_attempts", "attempt": "attempt_timeout_ms", "call": "call_timeout_ms",
                "connect": "connect_timeout_ms"}


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


@pytest.mark.parametrize("row", [r for r in TABLE["config"] if applies(r)], ids=lambda r: r["name"])
def test_bad_config(row):
    settings = {}
    for name, v in row["config"].items():
        for inner, inner_value in (v.items() if name == "timeouts" else [(name, v)]):
            settings[CONFIG_NAMES[inner]] = value(inner_value)
    with ScriptedServer([]) as server:
        def call():
            config = ClientConfig(region="us-east-1", endpoint_url=server.url, **settings)
            IotTransferClient(config, AwsCredentials("AKID", "s")).transfer_certificate_blocking(
                TransferCertificateInput(certificate_id=ID, target_aws_account="444455556666"))
        expect(row, call)
        assert server.requests == []
