"""The project's local IoT endpoint, started by scripts/run/with-emulator.sh (IOT_EMULATOR_URL): seeds
certificates, scripts faults and reads the endpoint's own record of a certificate."""

import json
import os
import urllib.request

SOURCE_KEY = ("AKIAEMULATORSOURCE", "emulator-source-secret")
TARGET_ACCOUNT = "444455556666"


def url():
    value = os.environ.get("IOT_EMULATOR_URL")
    assert value, "run the tests through scripts/run/with-emulator.sh, which sets IOT_EMULATOR_URL"
    return value


def admin(method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(f"{url()}/_emulator/{path}", data=data, method=method)
    with urllib.request.urlopen(request) as response:
        return json.loads(response.read() or b"null")


def transferable_certificate():
    """A fresh INACTIVE certificate without policies in the source account."""
    return admin("POST", "seed-demo")["transferable"]


def set_faults(settings):
    admin("POST", "faults", settings)


def clear_faults():
    admin("DELETE", "faults")


def recorded(certificate_id):
    """(status, pending target account) as the endpoint records the certificate."""
    for certificate in admin("GET", "state")["certificates"]:
        if certificate["certificateId"] == certificate_id:
            transfer = certificate.get("transfer") or {}
            pending = transfer.get("targetAccount") if certificate["status"] == "PENDING_TRANSFER" else None
            return certificate["status"], pending
    raise AssertionError(f"the endpoint has no certificate {certificate_id}")


def credential_requests():
    """How many requests each credential service stand-in has answered, by endpoint."""
    return admin("GET", "credential-requests")
