"""The iot-emulator binary as a subprocess, its admin endpoint, and boto3 IoT clients for its accounts.

The binary is $IOT_EMULATOR_BIN, else target/debug/iot-emulator under the workspace root
(build it with `cargo build -p iot-emulator`).
"""

import json
import os
import subprocess
import urllib.request
from pathlib import Path

import boto3
import pytest
from botocore.config import Config

WORKSPACE_ROOT = Path(__file__).resolve().parents[3]
SOURCE = {"account_id": "111122223333", "key": "AKIAEMULATORSOURCE", "secret": "emulator-source-secret"}
TARGET = {"account_id": "444455556666", "key": "AKIAEMULATORTARGET", "secret": "emulator-target-secret"}
REGION = "eu-west-1"


def emulator_binary() -> Path:
    configured = os.environ.get("IOT_EMULATOR_BIN")
    binary = Path(configured) if configured else WORKSPACE_ROOT / "target" / "debug" / "iot-emulator"
    if not binary.is_file():
        pytest.fail(
            f"iot-emulator binary not found at {binary}: run `cargo build -p iot-emulator` or set IOT_EMULATOR_BIN",
            pytrace=False,
        )
    return binary


class Emulator:
    """A running emulator: its URL, its admin endpoint and official IoT clients for its accounts."""

    def __init__(self, process: subprocess.Popen, url: str):
        self.process = process
        self.url = url

    def admin(self, method: str, action: str, body=None) -> dict:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(f"{self.url}/_emulator/{action}", data=data, method=method)
        request.add_header("content-type", "application/json")
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.load(response)

    def client(self, account: dict, **config):
        return boto3.client(
            "iot",
            endpoint_url=self.url,
            region_name=REGION,
            aws_access_key_id=account["key"],
            aws_secret_access_key=account["secret"],
            config=Config(**config) if config else None,
        )


def start_emulator() -> Emulator:
    """Starts the emulator on a free port; the first line it prints is its URL."""
    process = subprocess.Popen([str(emulator_binary()), "--port", "0"], stdout=subprocess.PIPE, text=True)
    url = process.stdout.readline().strip()
    if not url.startswith("http://"):
        process.terminate()
        pytest.fail(f"the emulator printed {url!r} instead of its URL", pytrace=False)
    return Emulator(process, url)


def stop_emulator(emulator: Emulator) -> None:
    emulator.process.terminate()
    emulator.process.wait(timeout=10)
