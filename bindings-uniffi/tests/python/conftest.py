"""Shared by every Python test: the machine's AWS settings never reach a client, as every
client now reads the environment and the shared files the AWS SDKs read."""

import os

import pytest


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch, tmp_path):
    """No AWS setting of the machine leaks in: a fresh HOME, no AWS_* variable, IMDS off."""
    for name in list(os.environ):
        if name.startswith("AWS_") or name.upper() in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")


