"""What the face's clients return behaves like Python: a status is a ``str`` enum (equal to its
text and its member; one this version does not know comes as its text), records print their
fields, compare by value and give boto3's dict with ``to_dict()``; inputs take a status as text or
as a member."""

import json

import emulator
from iot_transfer import CertificateStatus, Client, DescribeCertificateOutput, TransferBlocker, values
from scripted_server import ScriptedServer
from test_client import ID


def source(**settings):
    key, secret = emulator.SOURCE_KEY
    return Client(region_name="us-east-1", endpoint_url=emulator.url(), aws_access_key_id=key,
                  aws_secret_access_key=secret, **settings)


def test_a_status_is_its_text_and_its_member():
    seeded = emulator.admin("POST", "seed-demo")
    description = source().describe_certificate(certificate_id=seeded["active"]).certificate_description
    assert description.status == "ACTIVE"
    assert description.status is CertificateStatus.ACTIVE and description.status == CertificateStatus.ACTIVE
    assert description.status != "INACTIVE" and isinstance(description.status, str)
    assert f"{description.status}" == str(description.status) == "ACTIVE"
    assert {"ACTIVE": 1}[description.status] == 1
    assert json.dumps(description.status) == '"ACTIVE"'
    assert repr(description.status) == "CertificateStatus.ACTIVE"


def test_inputs_take_a_status_as_text_or_as_a_member():
    seeded = emulator.admin("POST", "seed-demo")
    client = source()
    client.update_certificate(certificate_id=seeded["active"], new_status=CertificateStatus.INACTIVE)
    assert emulator.recorded(seeded["active"])[0] == "INACTIVE"
    client.update_certificate(certificate_id=seeded["active"], new_status="ACTIVE")
    assert client.describe_certificate(certificate_id=seeded["active"]).certificate_description.status == "ACTIVE"


def test_a_status_this_version_does_not_know_comes_as_its_text():
    body = json.dumps({"certificateDescription": {"certificateId": ID, "status": "QUARANTINED"}})
    with ScriptedServer([{"status": 200, "headers": {"x-amzn-RequestId": "r-1"}, "body": body}]) as server:
        client = Client(region_name="us-east-1", endpoint_url=server.url, aws_access_key_id="AKIDEXAMPLE",
                        aws_secret_access_key="secret")
        status = client.describe_certificate(certificate_id=ID).certificate_description.status
    assert status == "QUARANTINED" and type(status) is str


def test_records_print_compare_and_give_boto3s_dict():
    seeded = emulator.admin("POST", "seed-demo")
    client = source()
    first = client.describe_certificate(certificate_id=seeded["withPolicy"])
    assert isinstance(first, DescribeCertificateOutput)
    shown = repr(first)
    assert shown.startswith("DescribeCertificateOutput(certificate_description=CertificateDescription(")
    assert f"certificate_id='{seeded['withPolicy']}'" in shown and "status=CertificateStatus.INACTIVE" in shown
    assert repr([first]) == f"[{shown}]" and str(first) == shown
    again = client.describe_certificate(certificate_id=seeded["withPolicy"])
    assert again.certificate_description == first.certificate_description
    assert again != first, "the metadata differs: another request id"
    shape = first.to_dict()
    assert shape["certificateDescription"]["certificateId"] == seeded["withPolicy"]
    assert shape["certificateDescription"]["status"] == "INACTIVE" and type(shape["certificateDescription"]["status"]) is str
    assert shape["ResponseMetadata"] == {"RequestId": first.metadata.request_id, "HTTPStatusCode": 200,
                                         "RetryAttempts": 0}
    assert "caCertificateId" not in shape["certificateDescription"], "absent members are left out, as boto3 does"


def test_a_blockers_type_is_its_name():
    seeded = emulator.admin("POST", "seed-demo")
    check = source().check_transfer(certificate_id=seeded["withPolicy"], target_aws_account=emulator.TARGET_ACCOUNT)
    (blocker,) = check.blockers
    assert blocker.type == "PoliciesAttached" and isinstance(blocker, TransferBlocker)
    assert blocker == TransferBlocker.PoliciesAttached(policy_names=blocker.policy_names)
    assert repr(blocker) == f"TransferBlocker.PoliciesAttached(policy_names={blocker.policy_names!r})"
    assert blocker.to_dict() == {"type": "PoliciesAttached", "policyNames": blocker.policy_names}
    assert check.to_dict()["blockers"] == [blocker.to_dict()]
    assert isinstance(check, values.TransferCheck)


def test_the_package_exports_the_values_and_every_other_generated_name():
    import iot_transfer
    from iot_transfer.iot_transfer import iot_transfer as generated

    for name in generated.__all__:
        expected = getattr(values, name) if name in values.__all__ else getattr(generated, name)
        assert getattr(iot_transfer, name, None) is expected, name
