"""The ``iot-transfer`` console script the wheel installs, run as an operator runs it against the
local endpoint: a handover killed with SIGKILL mid-run and resumed from its journal sends exactly
one TransferCertificate per certificate (the endpoint's call log proves it); ``status``;
``--output json``; ``accept``; the exit codes; ``--help`` for every command."""

import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from emulator import SOURCE_KEY, TARGET_ACCOUNT, admin, url

TARGET_KEY = ("AKIAEMULATORTARGET", "emulator-target-secret")
SOURCE_ACCOUNT = "111122223333"
COMMAND = str(Path(sys.executable).parent / "iot-transfer")


def environment(keys=SOURCE_KEY):
    env = {key: value for key, value in os.environ.items() if not key.startswith("AWS_")}
    env.update(AWS_ACCESS_KEY_ID=keys[0], AWS_SECRET_ACCESS_KEY=keys[1], AWS_CONFIG_FILE="/nonexistent", AWS_SHARED_CREDENTIALS_FILE="/nonexistent")
    return env


def cli(*args, keys=SOURCE_KEY, **kwargs):
    command = [COMMAND, *args, "--region", "us-east-1", "--endpoint-url", url()]
    return subprocess.run(command, env=environment(keys), capture_output=True, text=True, timeout=120, **kwargs)


def certificates_file(tmp_path, count):
    ids = admin("POST", "certificates", {"accountId": SOURCE_ACCOUNT, "count": count})["certificateIds"]
    path = tmp_path / "certs.txt"
    path.write_text("# the fleet\n" + "\n".join(ids) + "\n\n")
    return ids, path


def test_a_handover_killed_mid_run_resumes_with_one_transfer_per_certificate(tmp_path):
    ids, certs = certificates_file(tmp_path, 300)
    journal = tmp_path / "run.jsonl"
    admin("POST", "rate-limit", {"requestsPerSecond": 150})
    try:
        args = ["handover", "--certificates", str(certs), "--to", TARGET_ACCOUNT, "--journal", str(journal), "--rate", "150", "--concurrency", "8"]
        process = subprocess.Popen([COMMAND, *args, "--region", "us-east-1", "--endpoint-url", url()], env=environment(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and (not journal.exists() or journal.read_text().count("\n") < 100):
            time.sleep(0.02)
        process.send_signal(signal.SIGKILL)
        process.wait()
        lines = journal.read_text().count("\n")
        assert 100 <= lines < 1 + 2 * 300, f"killed mid-run, with {lines} lines journaled"

        status = cli("status", "--journal", str(journal), "--output", "json")
        assert status.returncode == 1, status.stderr
        recorded = json.loads(status.stdout)
        assert recorded["batch"] == "handover" and recorded["targetAwsAccount"] == TARGET_ACCOUNT
        assert 0 < recorded["outcomes"].get("Transferred", 0) < 300

        resumed = cli(*args, "--output", "json")
        assert resumed.returncode == 0, resumed.stderr
        lines = [json.loads(line) for line in resumed.stdout.splitlines()]
        summary = lines[-1]["summary"]
        assert summary["done"] + summary["skipped"] == 300 and summary["remaining"] == 0, summary
        assert summary["skipped"] >= recorded["outcomes"]["Transferred"]
    finally:
        admin("DELETE", "rate-limit")
    calls = admin("GET", "calls?operation=TransferCertificate")["calls"]
    applied = Counter(call["certificateId"] for call in calls if call["outcome"] == "applied")
    assert {certificate: applied[certificate] for certificate in ids} == {certificate: 1 for certificate in ids}
    assert cli("status", "--journal", str(journal)).returncode == 0


def test_blocked_certificates_make_a_partial_exit_and_a_plan_changes_nothing(tmp_path):
    demo = admin("POST", "seed-demo")
    certs = tmp_path / "certs.txt"
    certs.write_text(f"{demo['transferable']}\n{demo['active']}\n")
    plan = cli("handover", "--certificates", str(certs), "--to", TARGET_ACCOUNT, "--plan", "--prepare", "deactivate")
    assert plan.returncode == 0, plan.stderr
    assert "ready (plan)" in plan.stdout
    run = cli("handover", "--certificates", str(certs), "--to", TARGET_ACCOUNT)
    assert run.returncode == 1, run.stderr
    assert f"BLOCKED {demo['active']}: The certificate is ACTIVE" in run.stderr
    assert "blocked" in run.stdout and "done" in run.stdout

    # Everything the source offers is accepted, the kill-and-resume test's 300 included: with no
    # rate of the tool's own (the default 10/s would spend half a minute here).
    accepted = cli("accept", "--from", SOURCE_ACCOUNT, "--rate", "0", "--concurrency", "16", "--output", "json", keys=TARGET_KEY)
    assert accepted.returncode == 0, accepted.stderr
    outcomes = [json.loads(line) for line in accepted.stdout.splitlines()]
    assert {"certificateId": demo["transferable"], "outcome": "Accepted", "reconciled": False} in outcomes


def test_usage_and_configuration_errors_exit_2_and_every_command_has_help(tmp_path):
    assert cli("handover", "--to", TARGET_ACCOUNT).returncode == 2
    missing = cli("handover", "--certificates", str(tmp_path / "none.txt"), "--to", TARGET_ACCOUNT)
    assert missing.returncode == 2 and "none.txt" in missing.stderr
    bad = tmp_path / "bad.txt"
    bad.write_text("not-a-certificate\n")
    invalid = cli("handover", "--certificates", str(bad), "--to", TARGET_ACCOUNT)
    assert invalid.returncode == 2 and "certificates item 0 must be exactly 64 characters long" in invalid.stderr
    other = tmp_path / "other.jsonl"
    other.write_text('{"journal":"iot-transfer batch journal","version":1,"batch":"reject"}\n')
    refused = cli("accept", "--journal", str(other), keys=TARGET_KEY)
    assert refused.returncode == 2 and "give this batch a journal of its own" in refused.stderr
    assert cli("reject", "--set-active").returncode == 2
    for command in ["handover", "accept", "reject", "status"]:
        shown = cli(command, "--help")
        assert shown.returncode == 0 and "Usage: iot-transfer " + command in shown.stdout
