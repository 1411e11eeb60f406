"""What the examples runner does around one script: the local endpoint, the two variants of a
script (the official SDK's and this library's, one line apart), running one, and normalising its
output so that two runs against two fresh endpoints compare."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

REGION = "eu-west-1"
SOURCE = {"account_id": "111122223333", "key": "AKIAEMULATORSOURCE", "secret": "emulator-source-secret"}
TARGET = {"account_id": "444455556666", "key": "AKIAEMULATORTARGET", "secret": "emulator-target-secret"}

# The one line each language's script changes to use this library instead of the official SDK.
PYTHON_OFFICIAL_LINE = "import boto3"
PYTHON_OURS_LINE = "from iot_transfer import boto3"
JS_OFFICIAL_SPECIFIER = '"@aws-sdk/client-iot"'
JS_OURS_SPECIFIER = '"iot-transfer"'


class Emulator:
    """A running iot-emulator on a free port, stopped by `stop` (or on leaving a `with` block)."""

    def __init__(self, binary: Path):
        self.process = subprocess.Popen(
            [str(binary), "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
        )
        self.url = (self.process.stdout.readline() if self.process.stdout else "").strip()
        if not self.url.startswith("http://"):
            self.stop()
            raise RuntimeError(f"{binary} printed {self.url!r} instead of its URL")

    def stop(self) -> None:
        """Stops the process and waits for it."""
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def __enter__(self) -> "Emulator":
        """The running endpoint itself."""
        return self

    def __exit__(self, *exc_info) -> None:
        """Stops the endpoint however the block ends."""
        self.stop()


def ours_variant(language: str, text: str) -> str:
    """The script with its one line changed for this library; raises ValueError unless exactly
    one line is the official SDK's (and so exactly one line differs)."""
    lines = text.split("\n")
    if language == "python":
        hits = [i for i, line in enumerate(lines) if line == PYTHON_OFFICIAL_LINE]
        if len(hits) != 1:
            raise ValueError(f"expected exactly one line `{PYTHON_OFFICIAL_LINE}`, found {len(hits)}")
        lines[hits[0]] = PYTHON_OURS_LINE
    else:
        hits = [i for i, line in enumerate(lines) if JS_OFFICIAL_SPECIFIER in line]
        if len(hits) != 1 or lines[hits[0]].count(JS_OFFICIAL_SPECIFIER) != 1:
            raise ValueError(f"expected {JS_OFFICIAL_SPECIFIER} exactly once, on one line; found it on {len(hits)} lines")
        lines[hits[0]] = lines[hits[0]].replace(JS_OFFICIAL_SPECIFIER, JS_OURS_SPECIFIER)
    changed = [i for i, (a, b) in enumerate(zip(text.split("\n"), lines)) if a != b]
    if len(changed) != 1:
        raise ValueError(f"the substitution changed {len(changed)} lines, not one")
    return "\n".join(lines)


@dataclass
class Tools:
    """Where the runs find their interpreters and packages."""

    python: str
    node: str
    official_js: Path | None
    npm_package: Path | None


@dataclass
class Outcome:
    """What one run of a script printed and how it ended."""

    stdout: str
    stderr: str
    exit_code: int


def script_environment(language: str, url: str, account: dict, home: Path) -> dict:
    """The environment a script runs in: the client's settings from AWS_* variables only, with no
    profile, shared file or instance metadata to find. The region is in the one variable the
    language's official SDK reads (botocore: AWS_DEFAULT_REGION; the JS SDK: AWS_REGION), so a
    drop-in that reads another fails as a user's script would."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("AWS_")}
    env.update(
        {
            ("AWS_DEFAULT_REGION" if language == "python" else "AWS_REGION"): REGION,
            "AWS_ENDPOINT_URL_IOT": url,
            "AWS_ACCESS_KEY_ID": account["key"],
            "AWS_SECRET_ACCESS_KEY": account["secret"],
            "AWS_CONFIG_FILE": str(home / "aws-config"),
            "AWS_SHARED_CREDENTIALS_FILE": str(home / "aws-credentials"),
            "AWS_EC2_METADATA_DISABLED": "true",
            "AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED": "true",
            "HOME": str(home),
            "PYTHONDONTWRITEBYTECODE": "1",
            "PYTHONIOENCODING": "utf-8",
            "NO_COLOR": "1",
        }
    )
    return env


def link_node_modules(folder: Path, tools: Tools, ours: bool) -> None:
    """A node_modules beside the script: each package of the official SDK's folder, and for our
    run the npm package as `iot-transfer`, all symlinks."""
    modules = folder / "node_modules"
    modules.mkdir()
    if tools.official_js is not None:
        for entry in tools.official_js.iterdir():
            if not entry.name.startswith("."):
                (modules / entry.name).symlink_to(entry.resolve())
    if ours and tools.npm_package is not None:
        (modules / "iot-transfer").symlink_to(tools.npm_package.resolve())


def run_script(script: Path, language: str, ours: bool, args: list, url: str, account: dict, tools: Tools) -> Outcome:
    """Runs one variant of a script in a folder of its own (named `run`, so paths print the same)."""
    text = script.read_text()
    if ours:
        text = ours_variant(language, text)
    with tempfile.TemporaryDirectory(prefix="iot-examples-") as scratch:
        folder = Path(scratch) / "run"
        folder.mkdir()
        copy = folder / script.name
        copy.write_text(text)
        if language == "js":
            link_node_modules(folder, tools, ours)
            command = [tools.node, str(copy), *args]
        else:
            command = [tools.python, str(copy), *args]
        env = script_environment(language, url, account, Path(scratch))
        try:
            done = subprocess.run(command, cwd=folder, env=env, capture_output=True, text=True, timeout=120)
        except subprocess.TimeoutExpired as expired:
            return Outcome(str(expired.stdout or ""), f"timed out after 120 s\n{expired.stderr or ''}", -1)
        return Outcome(done.stdout.replace(str(folder), "<dir>"), done.stderr.replace(str(folder), "<dir>"), done.returncode)


UUID = re.compile(r"\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b")
TIMES = [
    re.compile(r"datetime\.datetime\((?:[^()]|\([^()]*\))*\)"),
    re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?"),
    re.compile(r"\b\w{3} \w{3} \d{2} \d{4} \d{2}:\d{2}:\d{2} GMT[+-]\d{4}(?: \([^)]*\))?"),
]


def normalise(text: str, names: dict, url: str) -> str:
    """The text with what differs between two fresh endpoints replaced by placeholders: the
    setup's IDs and ARNs (`names`: value -> placeholder, longest first), the endpoint's URL,
    request IDs and dates."""
    text = text.replace(url, "<endpoint>")
    for value in sorted(names, key=len, reverse=True):
        text = text.replace(value, f"<{names[value]}>")
    text = UUID.sub("<uuid>", text)
    for pattern in TIMES:
        text = pattern.sub("<time>", text)
    return text


def which(program: str) -> str:
    """The full path of a program on PATH, or the name itself when not found (the run then fails)."""
    return shutil.which(program) or program
