"""The shared vectors through the Python package: the same input and clock give byte-identical
signed requests, and the same response gives the same error kind, as in Rust and JavaScript."""

import datetime
import json
import pathlib

from iot_transfer import AwsCredentials, ClientConfig, IotTransferClient, IotTransferError, TransferCertificateInput
from iot_transfer import _arguments, _conversions, _table
from scripted_server import ScriptedServer

VECTORS = pathlib.Path(__file__).resolve().parents[3] / "tests" / "vectors"


def operation_input(call, given):
    """The uniffi input record of a vector's model-named ``given`` members, built through the face's
    own table (which also reads a status by name)."""
    names = {member.model_name: member.name for record in call.records for member in record.members}
    (record,) = _arguments.records(call, {names[k]: v for k, v in given.items() if v is not None})
    return record


CALLS = {call.operation_name: call for call in _table.OPERATIONS if call.operation_name}
"""Every operation of the face's table, by its model name."""


def test_signing_vectors():
    for vector in json.loads((VECTORS / "signing.json").read_text()):
        config, creds = vector["config"], vector["credentials"]
        client = IotTransferClient(
            ClientConfig(region=config["region"], endpoint_url=config.get("endpointUrl"),
                         use_fips=config["useFips"], use_dual_stack=config["useDualStack"]),
            AwsCredentials(creds["accessKeyId"], creds["secretAccessKey"], creds.get("sessionToken")))
        given = vector["input"]
        time = datetime.datetime.fromisoformat(vector["time"].replace("Z", "+00:00"))
        signed = client.sign_transfer_certificate_blocking(
            TransferCertificateInput(certificate_id=given["certificateId"], target_aws_account=given["targetAwsAccount"],
                                     transfer_message=given.get("transferMessage")), time)
        expected = vector["expected"]
        assert (signed.method(), signed.url(), signed.body()) == (expected["method"], expected["url"], expected["body"]), vector["name"]
        headers = [[name, signed.header(name)] for name in signed.header_names() if name != "user-agent"]
        assert headers == expected["headers"], vector["name"]


def test_every_operations_signing_vectors():
    """Each operation's request, signed by the uniffi client's generated ``sign_<operation>``; the
    input is built from the vector's model-named members through the face's own table."""
    vectors = json.loads((VECTORS / "operations.json").read_text())
    creds = vectors["credentials"]
    client = IotTransferClient(ClientConfig(region=vectors["region"]),
                               AwsCredentials(creds["accessKeyId"], creds["secretAccessKey"], creds.get("sessionToken")))
    time = datetime.datetime.fromisoformat(vectors["time"].replace("Z", "+00:00"))
    # Every operation of the face's table but TransferCertificate (signing.json) has vectors here.
    covered = {vector["operation"] for vector in vectors["signing"]}
    assert covered == set(CALLS) - {"TransferCertificate"}, "operations with signing vectors"
    for vector in vectors["signing"]:
        call = CALLS[vector["operation"]]
        signed = getattr(client, f"sign_{call.method}_blocking")(operation_input(call, vector["input"]), time)
        expected = vector["expected"]
        assert (signed.method(), signed.url(), signed.body()) == (expected["method"], expected["url"], expected["body"]), vector["name"]
        headers = [[name, signed.header(name)] for name in signed.header_names() if name != "user-agent"]
        assert headers == expected["headers"], vector["name"]


def test_response_vectors():
    with ScriptedServer() as server:
        client = IotTransferClient(ClientConfig(region="us-east-1", endpoint_url=server.url, max_attempts=1),
                                   AwsCredentials("AKIDEXAMPLE", "secret"))
        for vector in json.loads((VECTORS / "responses.json").read_text()):
            headers = {name: value for name, value in vector.get("headers", [])}
            headers.setdefault("x-amzn-RequestId", "")
            server.push({"status": vector["status"], "headers": headers, "body": vector["body"]})
            expected = vector["expected"]
            try:
                output = client.transfer_certificate_blocking(
                    TransferCertificateInput(certificate_id="0" * 64, target_aws_account="123456789012"))
                assert output.transferred_certificate_arn == expected["arn"], vector["name"]
            except IotTransferError as error:
                # Each variant is named after the core's kind, which its details name too.
                assert type(error).__name__ == expected["kind"] == error.kind, vector["name"]
                assert (error.code, error.error_message, error.http_status, error.retryable) == (
                    expected["code"], expected["message"], expected["httpStatus"], expected["retryable"]), vector["name"]
                if expected.get("requestId"):
                    assert error.request_id == expected["requestId"], vector["name"]


def epoch_seconds(value):
    """``value`` with every timestamp as epoch seconds, as the vectors write them."""
    if isinstance(value, datetime.datetime):
        return value.timestamp()
    if isinstance(value, list):
        return [epoch_seconds(item) for item in value]
    if isinstance(value, dict):
        return {key: epoch_seconds(item) for key, item in value.items()}
    return value


def as_vector(output):
    """An output in the vectors' form, made by the face: its value's ``to_dict()`` (model member
    names, absent members left out, statuses as their text), timestamps as epoch seconds, and no
    ``ResponseMetadata``. The vectors are botocore's parse of the same responses, so this also
    proves ``to_dict()`` gives what boto3 gives."""
    shape = _conversions.CONVERT[type(output).__name__](output).to_dict()
    del shape["ResponseMetadata"]
    return epoch_seconds(shape)


def test_every_other_operations_response_vectors():
    vectors = json.loads((VECTORS / "operations.json").read_text())["responses"]
    with ScriptedServer() as server:
        client = IotTransferClient(ClientConfig(region="us-east-1", endpoint_url=server.url, max_attempts=1),
                                   AwsCredentials("AKIDEXAMPLE", "secret"))
        for vector in vectors:
            server.push({"status": vector["status"], "headers": dict(vector["headers"]), "body": vector["body"]})
            call = CALLS[vector["operation"]]
            try:
                output = getattr(client, f"{call.method}_blocking")(operation_input(call, vector["input"]))
                outcome = {"output": as_vector(output)}
            except IotTransferError as error:
                outcome = {"error": {"code": error.code, "kind": type(error).__name__, "message": error.error_message}}
            assert outcome == vector["expected"], vector["name"]
