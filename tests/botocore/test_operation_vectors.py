"""Proves tests/vectors/operations.json with botocore, an implementation independent of ours.

Signing cases: our expected request is re-signed with botocore's SigV4Auth at the file's time and
must carry exactly our Authorization, X-Amz-Date and X-Amz-Security-Token; a real botocore IoT
client, stopped just before sending, must send the same method, URL and body (as JSON).

Response cases: each is parsed with botocore's rest-json parser for the real IoT model; the error
code and message, or the output's members, must be ours.

Run: $(scripts/setup/python.sh) -m pytest -q tests/botocore/test_operation_vectors.py
"""

import datetime
import json
from pathlib import Path
from unittest import mock
from urllib.parse import urlsplit

import botocore
import botocore.auth
import botocore.parsers
import pytest
from botocore.awsrequest import AWSRequest, AWSResponse, HeadersDict
from botocore.config import Config
from botocore.credentials import Credentials

VECTORS = json.loads((Path(__file__).resolve().parent.parent / "vectors" / "operations.json").read_text("utf-8"))
SERVICE = "iot"
SIGNATURE_HEADERS = {"authorization", "x-amz-date", "x-amz-security-token"}
MOMENT = datetime.datetime.strptime(VECTORS["time"], "%Y-%m-%dT%H:%M:%SZ")


def frozen_time():
    return mock.patch.object(botocore.auth, "get_current_datetime", return_value=MOMENT)


def credentials():
    creds = VECTORS["credentials"]
    return Credentials(creds["accessKeyId"], creds["secretAccessKey"], creds.get("sessionToken"))


def named(cases):
    return [pytest.param(case, id=case["name"]) for case in cases]


def test_every_vector_names_an_operation_of_the_model(session):
    # Which operations must have vectors is the core's registry's to say: the Rust, Kotlin and
    # Swift vector tests fail for an operation without any. Here: each is one botocore knows.
    model = session.get_service_model(SERVICE)
    operations = {case["operation"] for case in VECTORS["signing"] + VECTORS["responses"]}
    assert operations and operations <= set(model.operation_names)


@pytest.mark.parametrize("case", named(VECTORS["signing"]))
def test_signature_matches_botocore(case):
    expected = case["expected"]
    ours = dict(expected["headers"])
    headers = {name: value for name, value in expected["headers"] if name not in SIGNATURE_HEADERS}
    request = AWSRequest(method=expected["method"], url=expected["url"], data=expected["body"].encode(), headers=headers)
    signer = botocore.auth.SigV4Auth(credentials(), SERVICE, VECTORS["region"])
    with frozen_time():
        signer.add_auth(request)
        canonical = signer.canonical_request(request)
    assert request.headers["Authorization"] == ours["authorization"], f"botocore's canonical request:\n{canonical}"
    assert request.headers["X-Amz-Date"] == ours["x-amz-date"]
    assert request.headers["X-Amz-Security-Token"] == ours["x-amz-security-token"]


def model_params(case):
    """The input as botocore takes it: a certificate ARN given for certificateId becomes its ID."""
    params = dict(case["input"])
    if params.get("certificateId", "").startswith("arn:"):
        params["certificateId"] = params["certificateId"].rsplit("/", 1)[1]
    return params


def snake(name):
    return "".join("_" + c.lower() if c.isupper() else c for c in name).lstrip("_")


class _Body:
    def __init__(self, data):
        self._data = data

    def stream(self, **_):
        yield self._data


@pytest.mark.parametrize("case", named(VECTORS["signing"]))
def test_request_matches_a_botocore_client(session, case):
    creds = VECTORS["credentials"]
    client = session.create_client(
        SERVICE,
        region_name=VECTORS["region"],
        aws_access_key_id=creds["accessKeyId"],
        aws_secret_access_key=creds["secretAccessKey"],
        aws_session_token=creds.get("sessionToken"),
        config=Config(retries={"mode": "standard", "max_attempts": 1}),
    )
    sent = []

    def before_send(request, **_):
        sent.append(request)
        return AWSResponse(request.url, 200, {"x-amzn-requestid": "vector"}, _Body(b"{}"))

    client.meta.events.register(f"before-send.{SERVICE}.{case['operation']}", before_send)
    with frozen_time():
        getattr(client, snake(case["operation"]))(**model_params(case))
    (request,) = sent
    expected = case["expected"]
    ours = dict(expected["headers"])
    theirs = {k.lower(): v.decode() if isinstance(v, bytes) else v for k, v in request.headers.items()}
    assert request.method == expected["method"]
    # botocore sorts the query's members; the order is not part of the request's meaning (SigV4
    # sorts them too), so the URLs are compared with their query as a sorted list.
    assert same_url(request.url, expected["url"])
    their_body = request.body or b""
    if expected["body"]:
        assert json.loads(their_body) == json.loads(expected["body"])
    else:
        assert their_body in (b"", "")
    assert theirs.get("content-type") == ours.get("content-type")
    assert theirs["authorization"].split(", ")[0] == ours["authorization"].split(", ")[0]


def same_url(theirs, ours):
    a, b = urlsplit(theirs), urlsplit(ours)
    return (a.scheme, a.netloc, a.path, sorted(a.query.split("&"))) == (b.scheme, b.netloc, b.path, sorted(b.query.split("&")))


def parse_with_botocore(session, case):
    operation = session.get_service_model(SERVICE).operation_model(case["operation"])
    headers = HeadersDict()
    for name, value in case["headers"]:
        headers[name] = value
    response = AWSResponse("https://iot.us-east-1.amazonaws.com/", case["status"], headers, _Body(case["body"].encode()))
    response_dict = {
        "status_code": response.status_code,
        "headers": response.headers,
        "body": response.content,
        "context": {"operation_name": operation.name},
    }
    return botocore.parsers.create_parser("rest-json").parse(response_dict, operation.output_shape)


def plain(value):
    """botocore's parsed output with timestamps as epoch seconds, as the vectors write them."""
    if isinstance(value, datetime.datetime):
        return value.timestamp()
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items() if k != "ResponseMetadata"}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


@pytest.mark.parametrize("case", named(VECTORS["responses"]))
def test_response_matches_botocore(session, case):
    parsed = parse_with_botocore(session, case)
    expected = case["expected"]
    if "error" in expected:
        assert parsed["Error"]["Code"] == expected["error"]["code"]
        assert parsed["Error"]["Message"] == expected["error"]["message"]
    else:
        assert "Error" not in parsed
        assert plain(parsed) == expected["output"]
