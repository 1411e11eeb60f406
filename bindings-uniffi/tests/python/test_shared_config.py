"""Configuration from where the AWS SDKs find it: `IotTransferClient.from_environment()` with no
arguments (or only a region) reads the environment and the shared files through the core's
`aws-config` chain, and a transfer against the local endpoint proves which account signed it."""

import os
import stat

import pytest

import emulator
from iot_transfer import ClientConfig, IotTransferClient, TransferCertificateError, TransferCertificateInput

KEY, SECRET = emulator.SOURCE_KEY


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch, tmp_path):
    """No AWS setting of the machine leaks in: a fresh HOME, no AWS_* variable, IMDS off."""
    for name in list(os.environ):
        if name.startswith("AWS_") or name.upper() in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")


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
    with pytest.raises(TransferCertificateError.Credentials):
        client.transfer_certificate_blocking(TransferCertificateInput(
            certificate_id=certificate, target_aws_account=emulator.TARGET_ACCOUNT))
    assert emulator.recorded(certificate) == ("INACTIVE", None), "nothing was sent"


def test_no_region_anywhere_is_an_endpoint_error(monkeypatch):
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", KEY)
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", SECRET)
    client = IotTransferClient.from_environment()
    with pytest.raises(TransferCertificateError.Endpoint, match="Missing Region"):
        client.transfer_certificate_blocking(TransferCertificateInput(
            certificate_id="a" * 64, target_aws_account=emulator.TARGET_ACCOUNT))
