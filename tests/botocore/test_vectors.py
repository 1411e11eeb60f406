"""Proves the shared vectors in tests/vectors/ with botocore, an implementation independent of ours.

signing.json: every expected request is re-signed with botocore's SigV4Auth at the case's time and
must carry exactly our Authorization, X-Amz-Date and X-Amz-Security-Token; its URL and body are
checked by hand against the operation's HTTP binding and against what a real botocore IoT client
serializes; its host against botocore's own endpoint resolution.

responses.json: every response is parsed with botocore's rest-json parser for the real IoT model;
the error code, message, request id, ARN and the standard retry mode's decision must agree with
ours. Where botocore and we knowingly differ, the case is listed in KNOWN_DISAGREEMENTS and marked
as a strict xfail: it must keep failing for the stated reason, and it fails the run as soon as the
two agree (then remove the entry).

Run: $(scripts/setup/python.sh) -m pytest -q tests/botocore/test_vectors.py
"""

import datetime
import http.client
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
from botocore.retries import standard

VECTORS = Path(__file__).resolve().parent.parent / "vectors"
SIGNING = json.loads((VECTORS / "signing.json").read_text(encoding="utf-8"))
RESPONSES = json.loads((VECTORS / "responses.json").read_text(encoding="utf-8"))

SERVICE = "iot"
OPERATION = "TransferCertificate"
# The operations the crate implements, whose modelled error codes are its error kinds.
IMPLEMENTED = (
    "TransferCertificate", "AcceptCertificateTransfer", "RejectCertificateTransfer", "CancelCertificateTransfer",
    "DescribeCertificate", "UpdateCertificate", "ListCertificates", "ListOutgoingCertificates",
    "ListAttachedPolicies", "DetachPolicy",
)
# Headers botocore adds or replaces when it signs; everything else in `expected` is given to it.
SIGNATURE_HEADERS = {"authorization", "x-amz-date", "x-amz-security-token"}
# Where a restJson1 error response carries its code, as botocore reads it (header any case).
ERROR_TYPE_HEADER = "x-amzn-errortype"
BODY_CODE_KEYS = ("code", "Code", "__type")

# (check, case name) -> why botocore and our expected values differ. Reported, not papered over:
# each stays a strict xfail, so it is re-examined the moment either side changes.
KNOWN_DISAGREEMENTS = {
    ("error-message", "service-unavailable-error-message-spelling"): (
        "botocore (like the JS SDK v3) reads the message only from `message`/`Message` and yields ''; "
        "ours also reads `errorMessage` and yields its text"
    ),
    ("error-code", "body-code-capitalized"): (
        "botocore also reads the code from a body `Code` member (TransferConflictException); "
        "ours, like the JS SDK v3, reads only the header, `code` and `__type`, and yields UnknownError"
    ),
    ("retry", "too-many-requests-429-without-code"): (
        "botocore's standard mode retries on error codes and HTTP 500/502/503/504 only, so a codeless "
        "429 is not retried; ours classifies HTTP 429 as throttling (retryable), as the JS SDK v3 "
        "does (@smithy/service-error-classification isThrottlingError)"
    ),
}


def cases(vectors, check, select=lambda case: True):
    """The selected cases as pytest params named after the case, with KNOWN_DISAGREEMENTS as xfails."""
    params = []
    for case in vectors:
        if not select(case):
            continue
        reason = KNOWN_DISAGREEMENTS.get((check, case["name"]))
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        params.append(pytest.param(case, id=case["name"], marks=marks))
    return params


def test_known_disagreements_name_existing_cases():
    names = {case["name"] for case in SIGNING + RESPONSES}
    assert {name for _, name in KNOWN_DISAGREEMENTS} <= names


@pytest.fixture(scope="module")
def operation(session):
    return session.get_service_model(SERVICE).operation_model(OPERATION)


def frozen_time(case):
    """Patches the clock botocore's SigV4Auth reads (botocore.auth.get_current_datetime)."""
    moment = datetime.datetime.strptime(case["time"], "%Y-%m-%dT%H:%M:%SZ")
    return mock.patch.object(botocore.auth, "get_current_datetime", return_value=moment)


def amz_date(case):
    return datetime.datetime.strptime(case["time"], "%Y-%m-%dT%H:%M:%SZ").strftime("%Y%m%dT%H%M%SZ")


def header_map(case):
    return dict(case["expected"]["headers"])


# --------------------------------------------------------------------------------------------
# signing.json


def test_time_patch_reproduces_the_aws_sigv4_test_suite():
    """The harness itself: with the patched clock, SigV4Auth yields the suite's get-vanilla signature."""
    request = AWSRequest(method="GET", url="https://example.amazonaws.com/")
    credentials = Credentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
    with frozen_time({"time": "2015-08-30T12:36:00Z"}):
        botocore.auth.SigV4Auth(credentials, "service", "us-east-1").add_auth(request)
    assert request.headers["Authorization"] == (
        "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
        "SignedHeaders=host;x-amz-date, "
        "Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"
    )


def test_signing_vectors_are_well_formed():
    names = [case["name"] for case in SIGNING]
    assert len(names) == len(set(names))
    for case in SIGNING:
        expected = case["expected"]
        header_names = [name for name, _ in expected["headers"]]
        assert all(name == name.lower() for name in header_names), case["name"]
        assert len(header_names) == len(set(header_names)), case["name"]
        assert "user-agent" not in header_names, case["name"]
        assert {"authorization", "x-amz-date"} <= set(header_names), case["name"]


@pytest.mark.parametrize("case", cases(SIGNING, "signature"))
def test_signature_matches_botocore(case):
    expected = case["expected"]
    ours = header_map(case)
    headers = {name: value for name, value in expected["headers"] if name not in SIGNATURE_HEADERS}
    request = AWSRequest(
        method=expected["method"], url=expected["url"], data=expected["body"].encode("utf-8"), headers=headers
    )
    creds = case["credentials"]
    credentials = Credentials(creds["accessKeyId"], creds["secretAccessKey"], creds.get("sessionToken"))
    signer = botocore.auth.SigV4Auth(credentials, SERVICE, case["config"]["region"])
    with frozen_time(case):
        signer.add_auth(request)
        canonical = signer.canonical_request(request)

    assert request.headers["X-Amz-Date"] == ours["x-amz-date"] == amz_date(case)
    assert request.headers["Authorization"] == ours["authorization"], f"botocore's canonical request:\n{canonical}"
    token = creds.get("sessionToken")
    if token is None:
        assert "X-Amz-Security-Token" not in request.headers
        assert "x-amz-security-token" not in ours
    else:
        assert request.headers["X-Amz-Security-Token"] == ours["x-amz-security-token"] == token


def certificate_id(case):
    """The certificate ID the request must carry: the input, or the ID part of a certificate ARN."""
    value = case["input"]["certificateId"]
    if not value.startswith("arn:"):
        return value
    _, partition, service, region, account, resource = value.split(":", 5)
    assert partition and service == "iot" and region and account and resource.startswith("cert/")
    return resource[len("cert/") :]


@pytest.mark.parametrize("case", cases(SIGNING, "request-shape"))
def test_request_matches_the_http_binding(case):
    """PATCH {base}/transfer-certificate/{certificateId}?targetAwsAccount=..., JSON body, by hand."""
    expected = case["expected"]
    ours = header_map(case)
    url = urlsplit(expected["url"])
    endpoint_url = case["config"].get("endpointUrl")
    if endpoint_url:
        base = urlsplit(endpoint_url)
        scheme, netloc, prefix = base.scheme, base.netloc, base.path.rstrip("/")
    else:
        scheme, netloc, prefix = "https", url.netloc, ""
    cid = certificate_id(case)
    # The IDs are hexadecimal (optionally 0x-prefixed): nothing in them needs percent-encoding.
    assert all(c in "0123456789abcdefABCDEFx" for c in cid)

    assert expected["method"] == "PATCH"
    assert (url.scheme, url.netloc) == (scheme, netloc)
    assert url.path == f"{prefix}/transfer-certificate/{cid}"
    assert url.query == f"targetAwsAccount={case['input']['targetAwsAccount']}"
    assert url.fragment == ""
    assert ours["content-type"] == "application/json"

    message = case["input"].get("transferMessage")
    assert json.loads(expected["body"]) == ({} if message is None else {"transferMessage": message})

    creds = case["credentials"]
    scope = f"{creds['accessKeyId']}/{amz_date(case)[:8]}/{case['config']['region']}/{SERVICE}/aws4_request"
    assert ours["authorization"].startswith(f"AWS4-HMAC-SHA256 Credential={scope}, SignedHeaders=")


def botocore_client(session, case):
    config = case["config"]
    creds = case["credentials"]
    kwargs = {
        "region_name": config["region"],
        "aws_access_key_id": creds["accessKeyId"],
        "aws_secret_access_key": creds["secretAccessKey"],
        "aws_session_token": creds.get("sessionToken"),
        "config": Config(
            use_fips_endpoint=config["useFips"],
            use_dualstack_endpoint=config["useDualStack"],
            retries={"mode": "standard", "max_attempts": 1},
        ),
    }
    if config.get("endpointUrl"):
        kwargs["endpoint_url"] = config["endpointUrl"]
    return session.create_client(SERVICE, **kwargs)


@pytest.mark.parametrize("case", cases(SIGNING, "endpoint"))
def test_endpoint_matches_botocore_resolution(session, case):
    url = urlsplit(case["expected"]["url"])
    ours = f"{url.scheme}://{url.netloc}{url.path[: url.path.index('/transfer-certificate/')]}"
    resolved = botocore_client(session, case).meta.endpoint_url
    assert ours == resolved.rstrip("/")


class _Body:
    def __init__(self, data):
        self._data = data

    def stream(self, **_):
        yield self._data


@pytest.mark.parametrize("case", cases(SIGNING, "botocore-client"))
def test_request_matches_a_botocore_client(session, case):
    """A real botocore IoT client, stopped just before sending: same URL, method, body, scope."""
    client = botocore_client(session, case)
    sent = []

    def before_send(request, **_):
        sent.append(request)
        body = json.dumps({"transferredCertificateArn": "arn:aws:iot:us-east-1:111122223333:cert/x"}).encode()
        return AWSResponse(request.url, 200, {"x-amzn-requestid": "vector"}, _Body(body))

    client.meta.events.register(f"before-send.{SERVICE}.{OPERATION}", before_send)
    params = {"certificateId": certificate_id(case), "targetAwsAccount": case["input"]["targetAwsAccount"]}
    if case["input"].get("transferMessage") is not None:
        params["transferMessage"] = case["input"]["transferMessage"]
    with frozen_time(case):
        client.transfer_certificate(**params)

    (request,) = sent
    # A prepared request's header values are bytes.
    theirs = {
        name.lower(): value.decode() if isinstance(value, bytes) else value for name, value in request.headers.items()
    }
    expected = case["expected"]
    ours = header_map(case)
    assert request.method == expected["method"]
    assert request.url == expected["url"]
    # botocore writes the JSON differently (spaces, \uXXXX escapes), so compare it as JSON.
    assert json.loads(request.body) == json.loads(expected["body"])
    assert theirs["content-type"] == ours["content-type"]
    assert theirs["x-amz-date"] == ours["x-amz-date"]
    assert theirs.get("x-amz-security-token") == ours.get("x-amz-security-token")
    # botocore signs its own extra headers (amz-sdk-*), so only the credential scope can match.
    assert theirs["authorization"].split(", ")[0] == ours["authorization"].split(", ")[0]


# --------------------------------------------------------------------------------------------
# responses.json


def is_success(case):
    return 200 <= case["status"] < 300


def is_error(case):
    return not is_success(case)


def declares_code(case):
    """Whether the response carries an error code anywhere botocore's rest-json parser reads one."""
    if any(name.lower() == ERROR_TYPE_HEADER for name, _ in case["headers"]):
        return True
    try:
        body = json.loads(case["body"])
    except ValueError:
        return False
    return isinstance(body, dict) and any(key in body for key in BODY_CODE_KEYS)


def is_generic_botocore_error(case):
    """A 5xx whose body is empty or HTML: botocore then parses no code or message from it."""
    body = case["body"].strip()
    return case["status"] >= 500 and (not body or body.startswith("<html>"))


def http_response(case):
    headers = HeadersDict()
    for name, value in case["headers"]:
        headers[name] = value
    return AWSResponse("https://iot.us-east-1.amazonaws.com/", case["status"], headers, _Body(case["body"].encode()))


def parse_with_botocore(case, operation):
    response = http_response(case)
    response_dict = {
        "status_code": response.status_code,
        "headers": response.headers,
        "body": response.content,
        "context": {"operation_name": operation.name},
    }
    return botocore.parsers.create_parser("rest-json").parse(response_dict, operation.output_shape)


def test_response_vectors_are_well_formed():
    names = [case["name"] for case in RESPONSES]
    assert len(names) == len(set(names))
    for case in RESPONSES:
        expected = case["expected"]
        if "arn" in expected:
            assert set(expected) == {"arn"} and is_success(case), case["name"]
        else:
            assert set(expected) == {"kind", "code", "message", "httpStatus", "requestId", "retryable"}
            assert expected["httpStatus"] == case["status"], case["name"]


@pytest.mark.parametrize("case", cases(RESPONSES, "success", is_success))
def test_success_matches_botocore(operation, case):
    parsed = parse_with_botocore(case, operation)
    expected = case["expected"]
    assert "Error" not in parsed
    if "arn" in expected:
        assert parsed["transferredCertificateArn"] == expected["arn"]
    else:
        # botocore returns an output without the ARN; we report the response as invalid instead.
        assert "transferredCertificateArn" not in parsed
        assert (expected["kind"], expected["code"], expected["retryable"]) == (
            "InvalidResponse",
            "InvalidResponseError",
            False,
        )


@pytest.mark.parametrize("case", cases(RESPONSES, "error-code", is_error))
def test_error_code_matches_botocore(operation, case):
    error = parse_with_botocore(case, operation)["Error"]
    expected = case["expected"]
    if declares_code(case):
        assert error["Code"] == expected["code"]
    else:
        # Recorded: without a code botocore uses the HTTP status as the code; ours is UnknownError.
        assert error["Code"] == str(case["status"])
        assert expected["code"] == "UnknownError"
    # A code the model defines for an operation the crate implements maps to the kind named after
    # it, at the model's HTTP status (the crate's error kinds are shared by all its operations).
    model = operation.service_model
    shapes = {shape.name: shape for name in IMPLEMENTED for shape in model.operation_model(name).error_shapes}
    if expected["code"] in shapes:
        assert expected["kind"] == expected["code"].removesuffix("Exception")
        assert case["status"] == shapes[expected["code"]].metadata["error"]["httpStatusCode"]
    else:
        assert expected["kind"] in {"Auth", "UnknownService"}


@pytest.mark.parametrize("case", cases(RESPONSES, "error-message", is_error))
def test_error_message_matches_botocore(operation, case):
    error = parse_with_botocore(case, operation)["Error"]
    expected = case["expected"]
    if is_generic_botocore_error(case):
        # Recorded: botocore uses the HTTP reason phrase; ours says the response had no code.
        assert not declares_code(case)
        assert error["Message"] == http.client.responses[case["status"]]
        assert expected["message"] == f"the service answered HTTP {case['status']} without an error code"
    else:
        assert error["Message"] == expected["message"]


@pytest.mark.parametrize("case", cases(RESPONSES, "request-id", is_error))
def test_error_request_id_matches_botocore(operation, case):
    metadata = parse_with_botocore(case, operation)["ResponseMetadata"]
    if "RequestId" in metadata:
        assert metadata["RequestId"] == case["expected"]["requestId"]
    else:
        # botocore skips the headers of generic (HTML or empty) 5xx responses.
        assert is_generic_botocore_error(case) or not any(
            name.lower() == "x-amzn-requestid" for name, _ in case["headers"]
        )


@pytest.mark.parametrize("case", cases(RESPONSES, "retry", is_error))
def test_retry_decision_matches_botocore_standard_mode(operation, case):
    context = standard.RetryContext(
        attempt_number=1,
        operation_model=operation,
        parsed_response=parse_with_botocore(case, operation),
        http_response=http_response(case),
    )
    assert standard.StandardRetryConditions(max_attempts=3).is_retryable(context) == case["expected"]["retryable"]
