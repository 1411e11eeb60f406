"""The state each example script needs, made with boto3 on a fresh endpoint, and the arguments
the script is given. Every setup names what it created, so the runner can put placeholders in
place of the IDs and ARNs a fresh endpoint makes anew."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field

import boto3

from harness import REGION, SOURCE, TARGET

POLICY = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iot:Connect", "Resource": "*"}]})
# A well-formed certificate ID no endpoint has: the scripts' not-found path.
MISSING_ID = "d" * 64
TRANSFER_MESSAGE = "For the Lisbon fleet"


@dataclass
class Prepared:
    """What a script runs with: the account it signs as, its options (name, value) and the
    placeholder for each value the setup created."""

    account: dict
    options: list = field(default_factory=list)
    names: dict = field(default_factory=dict)

    def certificate(self, client, name: str, active: bool) -> dict:
        """Creates a certificate named `name` in the placeholders (its ID, and its ARN as NAME_ARN)."""
        created = client.create_keys_and_certificate(setAsActive=active)
        self.names[created["certificateId"]] = name
        self.names[created["certificateArn"]] = f"{name}_ARN"
        time.sleep(0.005)  # distinct creation times: the lists order by them
        return created

    def python_args(self) -> list:
        """The options as the Python scripts take them: --certificate-id VALUE."""
        return [part for name, value in self.options for part in (f"--{name}", value)]

    def js_args(self) -> list:
        """The options as the JS scripts take them (node:util parseArgs): --certificateId VALUE."""
        return [part for name, value in self.options for part in (f"--{camel(name)}", value)]


def camel(name: str) -> str:
    """certificate-id -> certificateId."""
    head, *rest = name.split("-")
    return head + "".join(word.capitalize() for word in rest)


def client(url: str, account: dict):
    """A boto3 IoT client of `account` on the endpoint."""
    return boto3.client(
        "iot",
        endpoint_url=url,
        region_name=REGION,
        aws_access_key_id=account["key"],
        aws_secret_access_key=account["secret"],
    )


def pending(source, prepared: Prepared, name: str) -> dict:
    """A certificate of the source's, transferred to the target and not yet answered."""
    created = prepared.certificate(source, name, active=False)
    source.transfer_certificate(
        certificateId=created["certificateId"], targetAwsAccount=TARGET["account_id"], transferMessage=TRANSFER_MESSAGE
    )
    return created


def transfer_certificate(url: str) -> Prepared:
    """An INACTIVE certificate to transfer, and an ACTIVE one the service refuses."""
    source, prepared = client(url, SOURCE), Prepared(SOURCE)
    inactive = prepared.certificate(source, "CERT_INACTIVE", active=False)
    active = prepared.certificate(source, "CERT_ACTIVE", active=True)
    prepared.options = [
        ("target-account", TARGET["account_id"]),
        ("transfer-message", TRANSFER_MESSAGE),
        ("certificate-id", inactive["certificateId"]),
        ("certificate-id", active["certificateId"]),
    ]
    return prepared


def accept_certificate_transfer(url: str) -> Prepared:
    """Signed as the target: one pending transfer, and one already accepted."""
    source, target, prepared = client(url, SOURCE), client(url, TARGET), Prepared(TARGET)
    waiting = pending(source, prepared, "CERT_PENDING")
    accepted = pending(source, prepared, "CERT_ACCEPTED")
    target.accept_certificate_transfer(certificateId=accepted["certificateId"])
    prepared.names[accepted["certificateArn"].replace(SOURCE["account_id"], TARGET["account_id"])] = "CERT_ACCEPTED_TARGET_ARN"
    prepared.names[waiting["certificateArn"].replace(SOURCE["account_id"], TARGET["account_id"])] = "CERT_PENDING_TARGET_ARN"
    prepared.options = [("certificate-id", waiting["certificateId"]), ("certificate-id", accepted["certificateId"])]
    return prepared


def reject_certificate_transfer(url: str) -> Prepared:
    """Signed as the target: one pending transfer, and an ID the endpoint does not know."""
    source, prepared = client(url, SOURCE), Prepared(TARGET)
    waiting = pending(source, prepared, "CERT_PENDING")
    prepared.options = [
        ("reject-reason", "Not one of our devices"),
        ("certificate-id", waiting["certificateId"]),
        ("certificate-id", MISSING_ID),
    ]
    return prepared


def cancel_certificate_transfer(url: str) -> Prepared:
    """Signed as the source: one pending transfer, and one the target already rejected."""
    source, target, prepared = client(url, SOURCE), client(url, TARGET), Prepared(SOURCE)
    waiting = pending(source, prepared, "CERT_PENDING")
    rejected = pending(source, prepared, "CERT_REJECTED")
    target.reject_certificate_transfer(certificateId=rejected["certificateId"], rejectReason="Not ours")
    prepared.options = [("certificate-id", waiting["certificateId"]), ("certificate-id", rejected["certificateId"])]
    return prepared


def describe_certificate(url: str) -> Prepared:
    """An INACTIVE certificate, one pending transfer, and an ID the endpoint does not know."""
    source, prepared = client(url, SOURCE), Prepared(SOURCE)
    inactive = prepared.certificate(source, "CERT_INACTIVE", active=False)
    waiting = pending(source, prepared, "CERT_PENDING")
    prepared.options = [
        ("certificate-id", inactive["certificateId"]),
        ("certificate-id", waiting["certificateId"]),
        ("certificate-id", MISSING_ID),
    ]
    return prepared


def update_certificate(url: str) -> Prepared:
    """An ACTIVE certificate to deactivate, one pending transfer (its status cannot change), and
    an ID the endpoint does not know."""
    source, prepared = client(url, SOURCE), Prepared(SOURCE)
    active = prepared.certificate(source, "CERT_ACTIVE", active=True)
    waiting = pending(source, prepared, "CERT_PENDING")
    prepared.options = [
        ("certificate-id", active["certificateId"]),
        ("certificate-id", MISSING_ID),
        ("certificate-id", waiting["certificateId"]),
    ]
    return prepared


def list_certificates(url: str) -> Prepared:
    """Three certificates of the source's (ACTIVE, INACTIVE, pending transfer): two pages of two."""
    source, prepared = client(url, SOURCE), Prepared(SOURCE)
    prepared.certificate(source, "CERT_ACTIVE", active=True)
    prepared.certificate(source, "CERT_INACTIVE", active=False)
    pending(source, prepared, "CERT_PENDING")
    return prepared


def list_outgoing_certificates(url: str) -> Prepared:
    """Two pending transfers and a certificate that is not being transferred."""
    source, prepared = client(url, SOURCE), Prepared(SOURCE)
    pending(source, prepared, "CERT_PENDING_1")
    prepared.certificate(source, "CERT_KEPT", active=True)
    pending(source, prepared, "CERT_PENDING_2")
    return prepared


def with_policies(source, prepared: Prepared, names: list) -> dict:
    """An ACTIVE certificate with the named policies attached."""
    created = prepared.certificate(source, "CERT_WITH_POLICIES", active=True)
    for name in names:
        policy = source.create_policy(policyName=name, policyDocument=POLICY)
        prepared.names[policy["policyArn"]] = f"POLICY_ARN_{name}"
        source.attach_policy(policyName=name, target=created["certificateArn"])
    return created


def list_attached_policies(url: str) -> Prepared:
    """A certificate with two policies attached, and the ARN of one the endpoint does not know."""
    source, prepared = client(url, SOURCE), Prepared(SOURCE)
    created = with_policies(source, prepared, ["fleet-connect", "fleet-telemetry"])
    missing_arn = f"arn:aws:iot:{REGION}:{SOURCE['account_id']}:cert/{MISSING_ID}"
    prepared.options = [("target", created["certificateArn"]), ("target", missing_arn)]
    return prepared


def detach_policy(url: str) -> Prepared:
    """A certificate with a policy attached, to detach before a transfer."""
    source, prepared = client(url, SOURCE), Prepared(SOURCE)
    created = with_policies(source, prepared, ["fleet-connect"])
    prepared.options = [("policy-name", "fleet-connect"), ("target", created["certificateArn"])]
    return prepared


SETUPS = {
    "transfer_certificate": transfer_certificate,
    "accept_certificate_transfer": accept_certificate_transfer,
    "reject_certificate_transfer": reject_certificate_transfer,
    "cancel_certificate_transfer": cancel_certificate_transfer,
    "describe_certificate": describe_certificate,
    "update_certificate": update_certificate,
    "list_certificates": list_certificates,
    "list_outgoing_certificates": list_outgoing_certificates,
    "list_attached_policies": list_attached_policies,
    "detach_policy": detach_policy,
}
