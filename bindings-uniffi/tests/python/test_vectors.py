"""The shared vectors through the Python package: the same input and clock give byte-identical
signed requests, and the same response gives the same error kind, as in Rust and JavaScript."""

import datetime
import json
import pathlib

from iot_transfer import AwsCredentials, ClientConfig, IotTransferClient, TransferCertificateError, TransferCertificateInput
from scripted_server import ScriptedServer

VECTORS = pathlib.Path(__file__).resolve().parents[3] / "tests" / "vectors"



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
            except TransferCertificateError as error:
                # Each variant is named after the core's kind.
                assert type(error).__name__ == expected["kind"], vector["name"]
                assert (error.code, error.error_message, error.http_status, error.retryable) == (
                    expected["code"], expected["message"], expected["httpStatus"], expected["retryable"]), vector["name"]
                if expected.get("requestId"):
                    assert error.request_id == expected["requestId"], vector["name"]
