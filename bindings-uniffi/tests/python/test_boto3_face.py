"""``from iot_transfer import boto3`` in place of ``import boto3``: the same script, run once with
boto3 and once with the boto3 face against the local endpoint, prints the same thing; errors are
caught by botocore's classes (and by ``client.exceptions`` without botocore); paginators take
botocore's ``PaginationConfig``."""

import datetime
import re
import subprocess
import sys

import boto3 as official_boto3
import botocore.exceptions
import pytest
from botocore.config import Config

import emulator
from iot_transfer import boto3 as face_boto3
from iot_transfer import _boto3_errors, _declarations, exceptions

REGION = "us-east-1"
TARGET_KEY = ("AKIAEMULATORTARGET", "emulator-target-secret")


def clients(boto3, key=emulator.SOURCE_KEY):
    """``boto3.client("iot", ...)`` as a script makes it, for either module."""
    return boto3.client("iot", region_name=REGION, endpoint_url=emulator.url(), aws_access_key_id=key[0],
                        aws_secret_access_key=key[1])


def hand_over(boto3, certificates, printed):
    """The fleet migration a boto3 user writes: describe, deactivate when ACTIVE, detach every
    policy through the paginator, transfer; then, on the target side, accept what is pending."""
    source, target = clients(boto3), clients(boto3, TARGET_KEY)
    for certificate_id in certificates:
        description = source.describe_certificate(certificateId=certificate_id)["certificateDescription"]
        printed.append(("status", description["status"], type(description["creationDate"]).__name__))
        if description["status"] == "ACTIVE":
            source.update_certificate(certificateId=certificate_id, newStatus="INACTIVE")
        for page in source.get_paginator("list_attached_policies").paginate(target=description["certificateArn"]):
            for policy in page["policies"]:
                source.detach_policy(policyName=policy["policyName"], target=description["certificateArn"])
                printed.append(("detached", policy["policyName"]))
        try:
            response = source.transfer_certificate(certificateId=certificate_id,
                                                   targetAwsAccount=emulator.TARGET_ACCOUNT,
                                                   transferMessage="For the Lisbon fleet")
        except botocore.exceptions.ClientError as error:
            printed.append(("refused", error.response["Error"]["Code"]))
            continue
        printed.append(("transferred", response["transferredCertificateArn"],
                        response["ResponseMetadata"]["HTTPStatusCode"], response["ResponseMetadata"]["RetryAttempts"]))
    for certificate in target.list_certificates()["certificates"]:
        if certificate["status"] == "PENDING_TRANSFER" and certificate["certificateId"] in certificates:
            target.accept_certificate_transfer(certificateId=certificate["certificateId"], setAsActive=True)
            printed.append(("accepted", certificate["status"]))
    for certificate_id in certificates:
        try:
            source.cancel_certificate_transfer(certificateId=certificate_id)
        except source.exceptions.TransferAlreadyCompletedException as error:
            printed.append(("cancel refused", error.response["Error"]["Code"], error.operation_name))
        except botocore.exceptions.ClientError as error:
            printed.append(("cancel failed", error.response["Error"]["Code"]))


def normalised(printed, seeded):
    """``printed`` with each seeded certificate's ID in its ARN replaced by its role in the seed."""
    text = repr(printed)
    for role, certificate_id in seeded.items():
        text = text.replace(certificate_id, f"<{role}>")
    return re.sub(r"\d{12}:cert", "ACCOUNT:cert", text)


def test_a_boto3_script_prints_the_same_with_either_import():
    outputs = []
    for boto3 in (official_boto3, face_boto3):
        seeded = emulator.admin("POST", "seed-demo")
        roles = {role: seeded[role] for role in ("transferable", "active", "withPolicy")}
        printed = []
        hand_over(boto3, list(roles.values()), printed)
        outputs.append(normalised(printed, roles))
    assert outputs[0] == outputs[1]
    assert "('transferred', " in outputs[1] and "('accepted', 'PENDING_TRANSFER')" in outputs[1]


def test_responses_are_boto3s_dicts():
    seeded = emulator.admin("POST", "seed-demo")
    official, face = clients(official_boto3), clients(face_boto3)
    expected = official.describe_certificate(certificateId=seeded["active"])
    got = face.describe_certificate(certificateId=seeded["active"])
    assert got["certificateDescription"] == expected["certificateDescription"]
    assert isinstance(got["certificateDescription"]["creationDate"], datetime.datetime)
    assert got["ResponseMetadata"].keys() <= expected["ResponseMetadata"].keys()
    assert (got["ResponseMetadata"]["HTTPStatusCode"], got["ResponseMetadata"]["RetryAttempts"]) == (200, 0)
    assert got["ResponseMetadata"]["RequestId"]
    assert face.update_certificate(certificateId=seeded["active"], newStatus="INACTIVE").keys() == {"ResponseMetadata"}


def test_service_errors_are_botocore_client_errors():
    seeded = emulator.admin("POST", "seed-demo")
    client = clients(face_boto3)
    with pytest.raises(botocore.exceptions.ClientError) as caught:
        client.transfer_certificate(certificateId=seeded["active"], targetAwsAccount=emulator.TARGET_ACCOUNT)
    error = caught.value
    assert isinstance(error, client.exceptions.CertificateStateException)
    assert isinstance(error, exceptions.CertificateStateException), "the face's class catches it too"
    assert error.response["Error"]["Code"] == "CertificateStateException"
    assert error.response["ResponseMetadata"]["HTTPStatusCode"] == 406
    assert error.operation_name == "TransferCertificate"
    assert str(error).startswith("An error occurred (CertificateStateException) when calling the "
                                 "TransferCertificate operation: ")
    assert "UpdateCertificate" in error.hint, "hints name operations as the model does"
    assert client.exceptions.ClientError is botocore.exceptions.ClientError


def test_bad_input_is_botocores_param_validation_error_naming_the_models_member():
    client = clients(face_boto3)
    with pytest.raises(botocore.exceptions.ParamValidationError) as caught:
        client.transfer_certificate(certificateId="abc", targetAwsAccount=emulator.TARGET_ACCOUNT)
    assert str(caught.value) == "Parameter validation failed: certificateId must be exactly 64 characters long (got 3)"
    assert caught.value.field == "certificateId"
    with pytest.raises(botocore.exceptions.ParamValidationError, match="certificate_id is not a parameter of "
                       "TransferCertificate \\(it takes certificateId, targetAwsAccount, transferMessage\\)"):
        client.transfer_certificate(certificate_id="a" * 64, targetAwsAccount=emulator.TARGET_ACCOUNT)
    with pytest.raises(client.exceptions.ParamValidationError, match="targetAwsAccount is required"):
        client.transfer_certificate(certificateId="a" * 64)


def test_below_http_errors_are_botocores():
    client = face_boto3.client("iot", region_name=REGION, endpoint_url="http://127.0.0.1:9",
                               aws_access_key_id="AKID", aws_secret_access_key="secret",
                               config=Config(retries={"total_max_attempts": 1}))
    with pytest.raises(botocore.exceptions.EndpointConnectionError) as caught:
        client.describe_certificate(certificateId="a" * 64)
    assert isinstance(caught.value, botocore.exceptions.BotoCoreError)
    assert isinstance(caught.value, exceptions.TransportError)


def test_config_and_session_settings_reach_the_client():
    session = face_boto3.Session(aws_access_key_id=emulator.SOURCE_KEY[0],
                                 aws_secret_access_key=emulator.SOURCE_KEY[1], region_name=REGION)
    client = session.client("iot", endpoint_url=emulator.url(),
                            config=Config(retries={"max_attempts": 0, "mode": "standard"}, connect_timeout=5))
    seeded = emulator.admin("POST", "seed-demo")
    assert client.describe_certificate(certificateId=seeded["active"])["certificateDescription"]["status"] == "ACTIVE"
    for wrong in (dict(service_name="s3"), dict(service_name="iot", verify=False),
                  dict(service_name="iot", config=Config(proxies={"https": "http://proxy:3128"}))):
        with pytest.raises(ValueError):
            session.client(**wrong)


def test_pagination_config_max_items_page_size_and_starting_token():
    emulator.admin("POST", "seed-demo")
    emulator.admin("POST", "seed-demo")
    official, face = clients(official_boto3), clients(face_boto3)
    every = official.get_paginator("list_certificates").paginate().build_full_result()["certificates"]
    assert len(every) >= 6
    assert face.get_paginator("list_certificates").paginate().build_full_result()["certificates"] == every
    pages = list(face.get_paginator("list_certificates").paginate(PaginationConfig={"PageSize": 2}))
    assert [len(page["certificates"]) for page in pages[:-1]] == [2] * (len(pages) - 1)
    first = face.get_paginator("list_certificates").paginate(PaginationConfig={"MaxItems": 3, "PageSize": 2})
    result = first.build_full_result()
    assert result["certificates"] == every[:3] and "NextToken" in result
    rest = face.get_paginator("list_certificates").paginate(
        PaginationConfig={"StartingToken": result["NextToken"], "PageSize": 2}).build_full_result()
    assert rest["certificates"] == every[3:] and "NextToken" not in rest
    ids = list(face.get_paginator("list_certificates").paginate().search("certificates[].certificateId"))
    assert ids == [certificate["certificateId"] for certificate in every]
    with pytest.raises(botocore.exceptions.ParamValidationError, match="pageSize must be"):
        list(face.get_paginator("list_certificates").paginate(PaginationConfig={"PageSize": 0}))


def test_without_botocore_client_exceptions_still_catch():
    script = f"""
import sys
sys.modules["botocore"] = None
from iot_transfer import boto3, exceptions
client = boto3.client("iot", region_name="{REGION}", endpoint_url="{emulator.url()}",
                      aws_access_key_id="{emulator.SOURCE_KEY[0]}", aws_secret_access_key="{emulator.SOURCE_KEY[1]}")
try:
    client.describe_certificate(certificateId="f" * 64)
except client.exceptions.ResourceNotFoundException as error:
    assert client.exceptions.ClientError is exceptions.ClientError
    assert isinstance(error, client.exceptions.ClientError)
    print(error.response["Error"]["Code"])
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert (done.returncode, done.stdout, done.stderr) == (0, "ResourceNotFoundException\n", "")


def test_a_session_never_shows_its_secret():
    session = face_boto3.Session(aws_access_key_id="AKIDEXAMPLE", aws_secret_access_key="very-secret",
                                 aws_session_token="a-token", region_name=REGION)
    shown = repr(vars(session)) + repr(session.client("iot", endpoint_url=emulator.url()))
    assert "AKIDEXAMPLE" in shown and "very-secret" not in shown and "a-token" not in shown


def test_each_botocore_class_named_for_a_kind_is_botocores_and_the_kind_is_declared():
    kinds = {kind for kind, *_ in _declarations.ERROR_KINDS}
    for kind, name in _boto3_errors._BOTOCORE_LOCAL_CLASS.items():
        assert kind in kinds, kind
        assert issubclass(getattr(botocore.exceptions, name), botocore.exceptions.BotoCoreError), name
