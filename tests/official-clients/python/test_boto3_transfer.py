"""A whole certificate transfer through boto3 against the local IoT emulator: every response
must parse and every error must be the modelled exception class."""

import datetime
import json

import pytest
from emulator_process import REGION, SOURCE, TARGET

POLICY = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iot:Connect", "Resource": "*"}]})


def new_inactive_certificate(client) -> str:
    return client.create_keys_and_certificate(setAsActive=False)["certificateId"]


def error_of(raised) -> tuple:
    response = raised.value.response
    return response["Error"]["Code"], response["ResponseMetadata"]["HTTPStatusCode"]


def test_whole_transfer_refusals_success_accept_and_accept_again(fresh):
    source, target = fresh.client(SOURCE), fresh.client(TARGET)

    created = source.create_keys_and_certificate(setAsActive=True)
    certificate_id, arn = created["certificateId"], created["certificateArn"]
    assert len(certificate_id) == 64 and all(c in "0123456789abcdef" for c in certificate_id)
    assert arn == f"arn:aws:iot:{REGION}:{SOURCE['account_id']}:cert/{certificate_id}"
    assert created["certificatePem"].startswith("-----BEGIN CERTIFICATE-----")
    assert "PRIVATE KEY-----" in created["keyPair"]["PrivateKey"]
    assert created["keyPair"]["PublicKey"].startswith("-----BEGIN PUBLIC KEY-----")
    assert created["ResponseMetadata"]["RequestId"]

    def transfer():
        return source.transfer_certificate(
            certificateId=certificate_id, targetAwsAccount=TARGET["account_id"], transferMessage="For the Lisbon fleet"
        )

    with pytest.raises(source.exceptions.CertificateStateException) as raised:
        transfer()
    assert error_of(raised) == ("CertificateStateException", 406)
    assert raised.value.response["ResponseMetadata"]["RequestId"]

    source.update_certificate(certificateId=certificate_id, newStatus="INACTIVE")
    policy = source.create_policy(policyName="fleet-policy", policyDocument=POLICY)
    assert policy["policyArn"] == f"arn:aws:iot:{REGION}:{SOURCE['account_id']}:policy/fleet-policy"
    source.attach_policy(policyName="fleet-policy", target=arn)
    assert [p["policyName"] for p in source.list_attached_policies(target=arn)["policies"]] == ["fleet-policy"]

    with pytest.raises(source.exceptions.TransferConflictException) as raised:
        transfer()
    assert error_of(raised) == ("TransferConflictException", 409)

    source.detach_policy(policyName="fleet-policy", target=arn)
    assert transfer()["transferredCertificateArn"] == arn

    pending = source.describe_certificate(certificateId=certificate_id)["certificateDescription"]
    assert pending["status"] == "PENDING_TRANSFER"
    assert pending["ownedBy"] == SOURCE["account_id"]
    assert pending["transferData"]["transferMessage"] == "For the Lisbon fleet"
    assert isinstance(pending["transferData"]["transferDate"], datetime.datetime)
    now = datetime.datetime.now(datetime.timezone.utc)
    assert abs((pending["creationDate"] - now).total_seconds()) < 60

    outgoing = source.list_outgoing_certificates()["outgoingCertificates"]
    assert [(c["certificateId"], c["transferredTo"]) for c in outgoing] == [(certificate_id, TARGET["account_id"])]
    incoming = target.list_certificates()["certificates"]
    assert [(c["certificateId"], c["status"]) for c in incoming] == [(certificate_id, "PENDING_TRANSFER")]

    with pytest.raises(source.exceptions.UnauthorizedException) as raised:
        source.accept_certificate_transfer(certificateId=certificate_id)
    assert error_of(raised) == ("UnauthorizedException", 401)

    target.accept_certificate_transfer(certificateId=certificate_id, setAsActive=True)
    accepted = target.describe_certificate(certificateId=certificate_id)["certificateDescription"]
    assert accepted["status"] == "ACTIVE"
    assert accepted["ownedBy"] == TARGET["account_id"]
    assert accepted["previousOwnedBy"] == SOURCE["account_id"]
    assert accepted["certificateArn"] == f"arn:aws:iot:{REGION}:{TARGET['account_id']}:cert/{certificate_id}"
    assert isinstance(accepted["transferData"]["acceptDate"], datetime.datetime)

    with pytest.raises(target.exceptions.TransferAlreadyCompletedException) as raised:
        target.accept_certificate_transfer(certificateId=certificate_id)
    assert error_of(raised) == ("TransferAlreadyCompletedException", 410)
    with pytest.raises(source.exceptions.ResourceNotFoundException):
        source.describe_certificate(certificateId=certificate_id)


def test_rejected_transfer_returns_the_certificate_inactive_with_the_reason(fresh):
    source, target = fresh.client(SOURCE), fresh.client(TARGET)
    certificate_id = new_inactive_certificate(source)
    source.transfer_certificate(certificateId=certificate_id, targetAwsAccount=TARGET["account_id"])
    target.reject_certificate_transfer(certificateId=certificate_id, rejectReason="Not ours")
    rejected = source.describe_certificate(certificateId=certificate_id)["certificateDescription"]
    assert rejected["status"] == "INACTIVE"
    assert rejected["ownedBy"] == SOURCE["account_id"]
    assert rejected["transferData"]["rejectReason"] == "Not ours"
    assert isinstance(rejected["transferData"]["rejectDate"], datetime.datetime)
    with pytest.raises(target.exceptions.TransferAlreadyCompletedException):
        target.reject_certificate_transfer(certificateId=certificate_id)


def test_cancelled_transfer_returns_the_certificate_inactive(fresh):
    source = fresh.client(SOURCE)
    certificate_id = new_inactive_certificate(source)
    source.transfer_certificate(certificateId=certificate_id, targetAwsAccount=TARGET["account_id"])
    source.cancel_certificate_transfer(certificateId=certificate_id)
    cancelled = source.describe_certificate(certificateId=certificate_id)["certificateDescription"]
    assert cancelled["status"] == "INACTIVE"
    assert source.list_outgoing_certificates()["outgoingCertificates"] == []
    with pytest.raises(source.exceptions.TransferAlreadyCompletedException):
        source.cancel_certificate_transfer(certificateId=certificate_id)


def test_invalid_input_is_an_invalid_request_from_the_service(fresh):
    source = fresh.client(SOURCE, parameter_validation=False)
    certificate_id = new_inactive_certificate(source)
    with pytest.raises(source.exceptions.InvalidRequestException) as raised:
        source.transfer_certificate(certificateId=certificate_id, targetAwsAccount="4444-5555-66")
    assert error_of(raised) == ("InvalidRequestException", 400)
    with pytest.raises(source.exceptions.InvalidRequestException):
        source.transfer_certificate(
            certificateId=certificate_id, targetAwsAccount=TARGET["account_id"], transferMessage="x" * 129
        )
    with pytest.raises(source.exceptions.ResourceNotFoundException):
        source.describe_certificate(certificateId="0" * 64)


def test_throttling_is_retried_until_it_succeeds(fresh):
    source = fresh.client(SOURCE, retries={"mode": "standard", "max_attempts": 3})
    certificate_id = new_inactive_certificate(source)
    fresh.admin("POST", "faults", {"script": [{"operation": "TransferCertificate", "fault": "throttle", "times": 2}]})
    transferred = source.transfer_certificate(certificateId=certificate_id, targetAwsAccount=TARGET["account_id"])
    assert transferred["ResponseMetadata"]["RetryAttempts"] == 2
    assert fresh.admin("GET", "state")["requestCounts"]["TransferCertificate"] == 3


def test_a_dropped_connection_is_retried(fresh):
    source = fresh.client(SOURCE, retries={"mode": "standard", "max_attempts": 3})
    fresh.admin("POST", "faults", {"script": [{"operation": "ListCertificates", "fault": "dropConnection"}]})
    listed = source.list_certificates()
    assert listed["certificates"] == []
    assert listed["ResponseMetadata"]["RetryAttempts"] == 1


def test_a_wrong_secret_is_refused(fresh):
    impostor = fresh.client({**SOURCE, "secret": "not-the-secret"}, retries={"max_attempts": 1})
    with pytest.raises(impostor.exceptions.ClientError) as raised:
        impostor.list_certificates()
    assert error_of(raised) == ("InvalidSignatureException", 403)


def test_boto3_misreports_an_accept_whose_response_was_lost(fresh):
    """The comparison for issue 11's settling of accept/reject/cancel: botocore's standard mode
    resends an accept whose response was lost and reports the second attempt's
    TransferAlreadyCompletedException for a transfer its first attempt accepted. The wheel, the npm
    package, Kotlin, Swift and Rust answer the same fault with a success marked `reconciled`
    (bindings-uniffi/tests, bindings-wasm/test/workflow.test.mjs, core/tests/emulator_workflow.rs)."""
    source, target = fresh.client(SOURCE), fresh.client(TARGET, retries={"mode": "standard", "max_attempts": 3})
    certificate_id = new_inactive_certificate(source)
    source.transfer_certificate(certificateId=certificate_id, targetAwsAccount=TARGET["account_id"])
    fresh.admin("POST", "faults", {"script": [{"operation": "AcceptCertificateTransfer", "fault": "dropResponse"}]})
    with pytest.raises(target.exceptions.TransferAlreadyCompletedException):
        target.accept_certificate_transfer(certificateId=certificate_id)
    accepted = target.describe_certificate(certificateId=certificate_id)["certificateDescription"]
    assert accepted["ownedBy"] == TARGET["account_id"], "the accept that boto3 reported as failed was applied"
