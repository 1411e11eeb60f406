"""Configuration from where the AWS SDKs find it: `IotTransferClient.from_environment()` with no
arguments (or only a region) reads the environment and the shared files through the core's
`aws-config` chain, and a transfer against the local endpoint proves which account signed it."""

import hashlib
import json
import stat

import pytest

import emulator
from iot_transfer import ClientConfig, IotTransferClient, IotTransferError, TransferCertificateInput

KEY, SECRET = emulator.SOURCE_KEY


def transfer_with(client):
    """Transfers a fresh certificate of the source account: only its credentials can."""
    certificate = emulator.transferable_certificate()
    output = client.transfer_certificate_blocking(TransferCertificateInput(
        certificate_id=certificate, target_aws_account=emulator.TARGET_ACCOUNT))
    assert output.transferred_certificate_arn.endswith(certificate)
    assert emulator.recorded(certificate) == ("PENDING_TRANSFER", emulator.TARGET_ACCOUNT)


def write_config(tmp_path, text):
    path = tmp_path / "config"
    path.write_text(text)
    return str(path)


def test_no_arguments_but_a_region_uses_the_environment_keys_and_the_iot_endpoint(monkeypatch):
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", KEY)
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", SECRET)
    monkeypatch.setenv("AWS_ENDPOINT_URL", "http://127.0.0.1:9")
    monkeypatch.setenv("AWS_ENDPOINT_URL_IOT", emulator.url())
    transfer_with(IotTransferClient.from_environment(ClientConfig(region="us-east-1")))


def test_a_named_profile_gives_everything(monkeypatch, tmp_path):
    config = write_config(tmp_path, (
        f"[profile dev]\nregion = eu-west-1\naws_access_key_id = {KEY}\naws_secret_access_key = {SECRET}\n"
        f"services = local\n\n[services local]\niot =\n  endpoint_url = {emulator.url()}\n"))
    monkeypatch.setenv("AWS_CONFIG_FILE", config)
    monkeypatch.setenv("AWS_PROFILE", "dev")
    transfer_with(IotTransferClient.from_environment())
    monkeypatch.delenv("AWS_PROFILE")
    transfer_with(IotTransferClient.from_environment(ClientConfig(profile="dev")))


def test_a_credential_process_supplies_the_keys(monkeypatch, tmp_path):
    script = tmp_path / "issue-credentials"
    script.write_text(
        f"#!/bin/sh\necho '{{\"Version\": 1, \"AccessKeyId\": \"{KEY}\", \"SecretAccessKey\": \"{SECRET}\"}}'\n")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("AWS_CONFIG_FILE", write_config(tmp_path, f"[default]\ncredential_process = {script}\n"))
    monkeypatch.setenv("AWS_ENDPOINT_URL_IOT", emulator.url())
    transfer_with(IotTransferClient.from_environment(ClientConfig(region="us-east-1")))


def test_explicit_settings_win_over_the_environment(monkeypatch):
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", KEY)
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", SECRET)
    monkeypatch.setenv("AWS_ENDPOINT_URL_IOT", "http://127.0.0.1:9")
    monkeypatch.setenv("AWS_REGION", "eu-west-1")
    transfer_with(IotTransferClient.from_environment(ClientConfig(region="us-east-1", endpoint_url=emulator.url())))


def test_no_credentials_anywhere_is_a_credentials_error(monkeypatch):
    monkeypatch.setenv("AWS_ENDPOINT_URL_IOT", emulator.url())
    client = IotTransferClient.from_environment(ClientConfig(region="us-east-1"))
    certificate = emulator.transferable_certificate()
    with pytest.raises(IotTransferError.Credentials):
        client.transfer_certificate_blocking(TransferCertificateInput(
            certificate_id=certificate, target_aws_account=emulator.TARGET_ACCOUNT))
    assert emulator.recorded(certificate) == ("INACTIVE", None), "nothing was sent"


def test_no_region_anywhere_is_an_endpoint_error(monkeypatch):
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", KEY)
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", SECRET)
    client = IotTransferClient.from_environment()
    with pytest.raises(IotTransferError.Endpoint, match="Missing Region"):
        client.transfer_certificate_blocking(TransferCertificateInput(
            certificate_id="a" * 64, target_aws_account=emulator.TARGET_ACCOUNT))


ROLE_ARN = "arn:aws:iam::111122223333:role/transfer-operator"
TARGET_KEY, TARGET_SECRET = "AKIAEMULATORTARGET", "emulator-target-secret"


def asked(before, after):
    """The credential endpoints asked between two counts (the IMDS region lookup aside)."""
    return sorted(k for k, n in after.items() if before.get(k) != n and k != "imds:region")


def test_imds_gives_credentials_with_no_arguments_but_a_region(monkeypatch):
    monkeypatch.delenv("AWS_EC2_METADATA_DISABLED")
    monkeypatch.setenv("AWS_EC2_METADATA_SERVICE_ENDPOINT", emulator.url() + "/")
    monkeypatch.setenv("AWS_ENDPOINT_URL_IOT", emulator.url())
    before = emulator.credential_requests()
    client = IotTransferClient.from_environment(ClientConfig(region="us-east-1"))
    transfer_with(client)
    transfer_with(client)
    counts = emulator.credential_requests()
    assert counts["imds:credentials"] - before.get("imds:credentials", 0) == 1, "cached for the second call"


def test_an_sso_profile_uses_the_token_aws_sso_login_cached(monkeypatch, tmp_path):
    start_url = "https://example.awsapps.com/start"
    cache = tmp_path / ".aws" / "sso" / "cache"
    cache.mkdir(parents=True)
    token = {"startUrl": start_url, "region": "us-east-1", "accessToken": "emulator-sso-access-token",
             "expiresAt": "2099-01-01T00:00:00Z"}
    (cache / (hashlib.sha1(b"corp").hexdigest() + ".json")).write_text(json.dumps(token))
    (tmp_path / ".aws" / "config").write_text(
        "[default]\nsso_session = corp\nsso_account_id = 111122223333\nsso_role_name = Transfer\n\n"
        f"[sso-session corp]\nsso_start_url = {start_url}\nsso_region = us-east-1\n")
    monkeypatch.setenv("AWS_ENDPOINT_URL_SSO", emulator.url())
    monkeypatch.setenv("AWS_ENDPOINT_URL_IOT", emulator.url())
    before = emulator.credential_requests()
    transfer_with(IotTransferClient.from_environment(ClientConfig(region="us-east-1")))
    assert asked(before, emulator.credential_requests()) == ["sso:GetRoleCredentials"]


def test_an_assume_role_profile_calls_sts(monkeypatch, tmp_path):
    # The source profile holds the target account's keys: only the role can move the certificate.
    monkeypatch.setenv("AWS_CONFIG_FILE", write_config(tmp_path, (
        f"[default]\nrole_arn = {ROLE_ARN}\nsource_profile = base\n\n"
        f"[profile base]\naws_access_key_id = {TARGET_KEY}\naws_secret_access_key = {TARGET_SECRET}\n")))
    monkeypatch.setenv("AWS_ENDPOINT_URL_STS", emulator.url())
    monkeypatch.setenv("AWS_ENDPOINT_URL_IOT", emulator.url())
    before = emulator.credential_requests()
    transfer_with(IotTransferClient.from_environment(ClientConfig(region="us-east-1")))
    assert asked(before, emulator.credential_requests()) == ["sts:AssumeRole"]


def test_a_web_identity_token_is_exchanged_with_sts(monkeypatch, tmp_path):
    (tmp_path / "token").write_text("emulator-web-identity-token\n")
    monkeypatch.setenv("AWS_WEB_IDENTITY_TOKEN_FILE", str(tmp_path / "token"))
    monkeypatch.setenv("AWS_ROLE_ARN", ROLE_ARN)
    monkeypatch.setenv("AWS_ENDPOINT_URL_STS", emulator.url())
    monkeypatch.setenv("AWS_ENDPOINT_URL_IOT", emulator.url())
    before = emulator.credential_requests()
    transfer_with(IotTransferClient.from_environment(ClientConfig(region="us-east-1")))
    assert asked(before, emulator.credential_requests()) == ["sts:AssumeRoleWithWebIdentity"]


def test_the_ecs_container_endpoint_gives_credentials(monkeypatch):
    monkeypatch.setenv("AWS_CONTAINER_CREDENTIALS_FULL_URI", f"{emulator.url()}/v2/credentials/111122223333")
    monkeypatch.setenv("AWS_CONTAINER_AUTHORIZATION_TOKEN", "emulator-container-token")
    monkeypatch.setenv("AWS_ENDPOINT_URL_IOT", emulator.url())
    before = emulator.credential_requests()
    transfer_with(IotTransferClient.from_environment(ClientConfig(region="us-east-1")))
    assert asked(before, emulator.credential_requests()) == ["container:credentials"]


def test_the_environment_comes_before_the_container_and_imds(monkeypatch):
    monkeypatch.delenv("AWS_EC2_METADATA_DISABLED")
    monkeypatch.setenv("AWS_EC2_METADATA_SERVICE_ENDPOINT", emulator.url() + "/")
    monkeypatch.setenv("AWS_CONTAINER_CREDENTIALS_FULL_URI", f"{emulator.url()}/v2/credentials/111122223333")
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", KEY)
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", SECRET)
    monkeypatch.setenv("AWS_ENDPOINT_URL_IOT", emulator.url())
    before = emulator.credential_requests()
    transfer_with(IotTransferClient.from_environment(ClientConfig(region="us-east-1")))
    assert asked(before, emulator.credential_requests()) == []
    monkeypatch.delenv("AWS_ACCESS_KEY_ID")
    transfer_with(IotTransferClient.from_environment(ClientConfig(region="us-east-1")))
    assert asked(before, emulator.credential_requests()) == ["container:credentials"]


def test_a_retry_setting_that_cannot_be_used_is_a_configuration_error_unless_given(monkeypatch, tmp_path):
    from iot_transfer import RetryMode
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", KEY)
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", SECRET)
    monkeypatch.setenv("AWS_ENDPOINT_URL_IOT", emulator.url())
    monkeypatch.setenv("AWS_RETRY_MODE", "legacy")
    with pytest.raises(IotTransferError.Configuration, match="AWS_RETRY_MODE"):
        IotTransferClient.from_environment(ClientConfig(region="us-east-1"))
    # Given in code, the setting is not read from the environment.
    transfer_with(IotTransferClient.from_environment(ClientConfig(region="us-east-1", retry_mode=RetryMode.ADAPTIVE)))
    monkeypatch.delenv("AWS_RETRY_MODE")
    monkeypatch.setenv("AWS_CONFIG_FILE", write_config(tmp_path, "[default]\nmax_attempts = 0\n"))
    with pytest.raises(IotTransferError.Configuration, match="max_attempts"):
        IotTransferClient.from_environment(ClientConfig(region="us-east-1"))
    transfer_with(IotTransferClient.from_environment(ClientConfig(region="us-east-1", max_attempts=2)))
