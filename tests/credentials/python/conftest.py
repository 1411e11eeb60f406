"""pytest fixtures: one iot-emulator process for the session, and for each test a clean slate:
counters and credential settings reset, HOME in a temporary folder, no AWS_* variables."""

import json
import os
import subprocess
import urllib.request
from pathlib import Path

import botocore.credentials
import botocore.tokens
import pytest

WORKSPACE_ROOT = Path(__file__).resolve().parents[3]


class Emulator:
    """The running emulator: its URL and its admin endpoint."""

    def __init__(self, process, url):
        self.process = process
        self.url = url

    def admin(self, method, action, body=None):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(f"{self.url}/_emulator/{action}", data=data, method=method)
        request.add_header("content-type", "application/json")
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.load(response)

    def issued(self, access_key_id):
        """The emulator's record of issued credentials (source, account, uses), or None."""
        for entry in self.admin("GET", "credentials")["issued"]:
            if entry["accessKeyId"] == access_key_id:
                return entry
        return None


def emulator_binary():
    configured = os.environ.get("IOT_EMULATOR_BIN")
    target = Path(os.environ.get("CARGO_TARGET_DIR", WORKSPACE_ROOT / "target"))
    binary = Path(configured) if configured else target / "debug" / "iot-emulator"
    if not binary.is_file():
        pytest.fail(f"no iot-emulator at {binary}: run `cargo build -p iot-emulator` or set IOT_EMULATOR_BIN", pytrace=False)
    return binary


@pytest.fixture(scope="session")
def emulator():
    process = subprocess.Popen(
        [str(emulator_binary()), "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    try:
        url = process.stdout.readline().strip()
        assert url.startswith("http://"), f"the emulator printed {url!r}"
        yield Emulator(process, url)
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def fresh(emulator, tmp_path, monkeypatch):
    """The emulator with its counters and settings reset, and an environment in which botocore
    finds no credentials, config or region but what the test puts there."""
    emulator.admin("POST", "reset")
    for name in list(os.environ):
        if name.startswith("AWS_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / ".aws" / "config"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / ".aws" / "credentials"))
    # Nothing should wait on the real 169.254.169.254 if a test's chain falls through.
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    # botocore expands ~/.aws/sso/cache when it is imported, before HOME moved: point its SSO
    # token caches at the new HOME's, where the tests write what `aws sso login` would.
    sso_cache = str(tmp_path / ".aws" / "sso" / "cache")
    monkeypatch.setattr(botocore.credentials.SSOProvider, "_SSO_TOKEN_CACHE_DIR", sso_cache)
    monkeypatch.setattr(botocore.tokens.SSOTokenProvider, "_SSO_TOKEN_CACHE_DIR", sso_cache)
    return emulator
