"""`make bench`'s fleet handover: CERTIFICATES certificates moved to another account through the
local endpoint, which throttles each account above RATE requests per second (its `--rate-limit`)
and answers each call LATENCY_MS late (a region's round trip; the environment's
HANDOVER_LATENCY_MS, default 10),
by `iot-transfer handover` (the wheel's console script, at `--rate RATE`) and by the obvious boto3
loop (bench/handover_boto3.py), each on a fresh endpoint. Then a run killed (SIGKILL) halfway and
resumed from its journal, checked against the endpoint's call log for a second TransferCertificate
of any certificate; and the command's peak memory at a tenth of the certificates, to show it flat.

Usage: python handover.py IOT_TRANSFER_COMMAND BOTO3_PYTHON EMULATOR [CERTIFICATES [RATE]]
Prints a table, and the figures as JSON on the last line."""

import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import Counter
from pathlib import Path

COMMAND, BOTO3_PYTHON, EMULATOR = sys.argv[1], sys.argv[2], sys.argv[3]
CERTIFICATES = int(sys.argv[4]) if len(sys.argv) > 4 else 10_000
RATE = int(sys.argv[5]) if len(sys.argv) > 5 else 200
LATENCY_MS = int(os.environ.get("HANDOVER_LATENCY_MS", "10"))
SOURCE, TARGET = "111122223333", "444455556666"
HERE = Path(__file__).parent
WORK = Path(tempfile.mkdtemp(prefix="iot-transfer-handover-bench-"))


class Endpoint:
    """A fresh local endpoint throttling above RATE requests per second per account, each answer LATENCY_MS late."""

    def __enter__(self):
        flags = ["--port", "0", "--rate-limit", str(RATE), "--latency-ms", str(LATENCY_MS)]
        self.process = subprocess.Popen([EMULATOR, *flags], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        self.url = self.process.stdout.readline().strip()
        return self

    def __exit__(self, *exc):
        self.process.kill()
        self.process.wait()

    def admin(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(f"{self.url}/_emulator/{path}", data=data, method=method)
        with urllib.request.urlopen(request) as response:
            return json.loads(response.read() or b"null")

    def fleet(self, count):
        """`count` new INACTIVE certificates in the source account, in a file, one per line."""
        ids = self.admin("POST", "certificates", {"accountId": SOURCE, "count": count})["certificateIds"]
        path = WORK / f"certs-{count}-{time.monotonic_ns()}.txt"
        path.write_text("\n".join(ids) + "\n")
        return ids, path

    def transfers(self):
        """Applied TransferCertificate calls per certificate, and all calls and throttles by operation."""
        calls = self.admin("GET", "calls")["calls"]
        applied = Counter(c["certificateId"] for c in calls if c["operation"] == "TransferCertificate" and c["outcome"] == "applied")
        return applied, len(calls), sum(c["outcome"] == "throttled" for c in calls)

    def pending(self, ids):
        """How many of `ids` are PENDING_TRANSFER to the target, per the endpoint's own records."""
        wanted = set(ids)
        states = self.admin("GET", "state")["certificates"]
        return sum(1 for c in states if c["certificateId"] in wanted and c["status"] == "PENDING_TRANSFER" and (c.get("transfer") or {}).get("targetAccount") == TARGET)


def ours(endpoint, certs, journal, rate=RATE):
    """Runs the command; returns its summary line and peak RSS (MB)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update(AWS_ACCESS_KEY_ID="AKIAEMULATORSOURCE", AWS_SECRET_ACCESS_KEY="emulator-source-secret", AWS_REGION="us-east-1", AWS_CONFIG_FILE="/nonexistent", AWS_SHARED_CREDENTIALS_FILE="/nonexistent")
    args = [COMMAND, "handover", "--certificates", str(certs), "--to", TARGET, "--journal", str(journal), "--rate", str(rate), "--concurrency", "8", "--output", "json", "--endpoint-url", endpoint.url]
    # Its output goes to a file: a pipe nobody reads while the run is watched would fill and stop it.
    output = journal.with_suffix(f".out-{time.monotonic_ns()}")
    with open(output, "w") as out:
        process = subprocess.Popen(args, env=env, stdout=out, stderr=subprocess.DEVNULL)
    process.output = output
    return process


def finish(process):
    _, status, usage = os.wait4(process.pid, 0)
    out = process.output.read_text()
    process.returncode = os.waitstatus_to_exitcode(status)
    lines = out.strip().splitlines()
    summary = json.loads(lines[-1])["summary"] if lines else {}
    return summary, usage.ru_maxrss / 1024


def run_ours(rate=RATE):
    with Endpoint() as endpoint:
        ids, certs = endpoint.fleet(CERTIFICATES)
        started = time.perf_counter()
        summary, rss = finish(ours(endpoint, certs, WORK / f"ours-{rate}.jsonl", rate))
        assert summary.get("total") == CERTIFICATES, summary
        seconds = time.perf_counter() - started
        applied, calls, throttled = endpoint.transfers()
        return {
            "seconds": seconds, "calls": calls, "throttled": throttled, "requestsPerSecond": calls / seconds,
            "transferred": endpoint.pending(ids), "unknown": summary.get("remaining", 0) + summary.get("failed", 0),
            "duplicates": sum(n - 1 for n in applied.values() if n > 1), "peakRssMb": rss,
        }


def run_boto3():
    with Endpoint() as endpoint:
        ids, certs = endpoint.fleet(CERTIFICATES)
        started = time.perf_counter()
        out = subprocess.run([BOTO3_PYTHON, str(HERE / "handover_boto3.py"), endpoint.url, TARGET, str(certs)], capture_output=True, text=True, check=True).stdout
        seconds = time.perf_counter() - started
        figures = json.loads(out.strip().splitlines()[-1])
        applied, calls, throttled = endpoint.transfers()
        return {
            "seconds": seconds, "calls": calls, "throttled": throttled, "requestsPerSecond": calls / seconds,
            "transferred": endpoint.pending(ids), "failed": sum(figures["failed"].values()), "failedCodes": figures["failed"],
            "unknown": figures["unknown"], "duplicates": sum(n - 1 for n in applied.values() if n > 1),
        }


def run_killed_and_resumed():
    with Endpoint() as endpoint:
        ids, certs = endpoint.fleet(CERTIFICATES)
        journal = WORK / "killed.jsonl"
        process = ours(endpoint, certs, journal)
        while not journal.exists() or journal.read_text().count("\n") < CERTIFICATES:
            time.sleep(0.05)
        process.send_signal(signal.SIGKILL)
        process.wait()
        killed_at = journal.read_text().count("\n")
        summary, _ = finish(ours(endpoint, certs, journal))
        applied, _, _ = endpoint.transfers()
        return {
            "killedAfterJournalLines": killed_at, "resumedSkipped": summary.get("skipped", 0),
            "transferred": endpoint.pending(ids), "duplicates": sum(n - 1 for n in applied.values() if n > 1),
            "certificatesWithNoTransfer": sum(1 for i in ids if applied[i] == 0),
        }


def run_memory_at(count):
    with Endpoint() as endpoint:
        _, certs = endpoint.fleet(count)
        summary, rss = finish(ours(endpoint, certs, WORK / f"memory-{count}.jsonl"))
        assert summary.get("done") == count, summary
        return rss


figures = {"certificates": CERTIFICATES, "rateLimit": RATE, "latencyMs": LATENCY_MS}
figures["ours"] = run_ours()
figures["oursAskedTwiceTheLimit"] = run_ours(2 * RATE)
figures["boto3"] = run_boto3()
figures["killedAndResumed"] = run_killed_and_resumed()
figures["peakRssMb"] = {str(CERTIFICATES // 10): run_memory_at(CERTIFICATES // 10), str(CERTIFICATES): figures["ours"]["peakRssMb"]}

o, t, b, k = figures["ours"], figures["oursAskedTwiceTheLimit"], figures["boto3"], figures["killedAndResumed"]
print(f"Fleet handover: {CERTIFICATES} certificates, the endpoint throttling above {RATE} requests/s per account and answering {LATENCY_MS} ms late\n")
print(f"{'':28}{'iot-transfer handover':>24}{f'--rate {2 * RATE}':>14}{'boto3 loop':>14}")
for label, key, form in [("time (s)", "seconds", "{:.1f}"), ("calls", "calls", "{}"), ("calls/s", "requestsPerSecond", "{:.1f}"), ("throttled by the endpoint", "throttled", "{}"), ("transferred", "transferred", "{}"), ("left unknown or failed", "unknown", "{}"), ("second transfers", "duplicates", "{}")]:
    print(f"{label:28}{form.format(o[key]):>24}{form.format(t[key]):>14}{form.format(b[key]):>14}")
print(f"{'failed (boto3, by code)':28}{'':>38}{json.dumps(b['failedCodes']):>14}")
print(f"\niot-transfer sustained {o['requestsPerSecond'] / RATE:.2f} of the {RATE}/s limit at --rate {RATE}, "
      f"and {t['requestsPerSecond'] / RATE:.2f} of it asked for twice the limit (slowing down on the {t['throttled']} throttles).")
print(f"Killed (SIGKILL) after {k['killedAfterJournalLines']} journal lines and resumed: {k['transferred']} of {CERTIFICATES} transferred, "
      f"{k['duplicates']} second TransferCertificate calls, {k['certificatesWithNoTransfer']} certificates never transferred.")
print(f"Peak memory of the command: {figures['peakRssMb']}")
print(json.dumps(figures))
