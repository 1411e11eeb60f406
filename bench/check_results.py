"""`make bench-smoke`'s check of a results file: every client ran every round, and every figure
of every round, every size and the handover's counts are present and positive. It asserts no
timing. Usage: python bench/check_results.py RESULTS.json [--handover CERTIFICATES]"""

import argparse
import json
from pathlib import Path

from report_stats import FIGURES


MAY_BE_ZERO = {"cpuMicrosPerCall"}
"""Figures that may be zero: CPU is read in clock ticks (10 ms on Linux, /proc), more than the
smoke pass's 20 calls of a fast client take."""


def _plausible(figure, value):
    """A number, positive, or zero where MAY_BE_ZERO allows it."""
    return isinstance(value, (int, float)) and (value > 0 or value == 0 and figure in MAY_BE_ZERO)


def problems(results, certificates):
    """Every figure missing or not positive (MAY_BE_ZERO aside), as a list of messages (empty when all is well)."""
    found = []
    calls = results.get("calls") or {}
    clients = calls.get("clients") or []
    if not clients:
        found.append("no client ran")
    for client in clients:
        name = f"{client['runtime']} {client['label']} {client['mode']}"
        if len(client["rounds"]) != calls.get("rounds"):
            found.append(f"{name}: {len(client['rounds'])} rounds of {calls.get('rounds')}")
        for index, figures in enumerate(client["rounds"]):
            found += [f"{name} round {index + 1}: {f} = {figures.get(f)}" for f in FIGURES
                      if not _plausible(f, figures.get(f))]
    sizes = results.get("sizes") or {}
    browser = sizes.get("browser") or {}
    for who in ("ours", "official"):
        for kind in ("raw", "gzip", "brotli"):
            value = (browser.get(who) or {}).get(kind)
            if not isinstance(value, int) or value <= 0:
                found.append(f"browser size {who} {kind} = {value}")
    if not ((browser.get("oursBatches") or {}).get("gzip") or 0) > 0:
        found.append("the batches' module's size is missing")
    if not (sizes.get("rustMinimal") or {}).get("ours"):
        found.append("the minimal Rust program's size is missing")
    if certificates:
        handover = results.get("handover") or {}
        for run in ("ours", "oursAskedTwiceTheLimit", "boto3", "killedAndResumed"):
            figures = handover.get(run) or {}
            if figures.get("transferred") != certificates or figures.get("duplicates") != 0:
                found.append(f"handover {run}: {figures.get('transferred')} of {certificates} transferred, "
                             f"{figures.get('duplicates')} second transfers")
    if not ((results.get("environment") or {}).get("versions")):
        found.append("the versions are missing")
    return found


def main():
    """Prints what is wrong and fails, or says what was checked."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("results")
    parser.add_argument("--handover", type=int, default=0)
    args = parser.parse_args()
    results = json.loads(Path(args.results).read_text())
    found = problems(results, args.handover)
    if found:
        raise SystemExit("bench-smoke: " + "; ".join(found))
    for client in results["calls"]["clients"]:
        ends = [r["exit"] for r in client["rounds"] if r.get("exit")]
        if ends:
            print(f"bench-smoke: warning: {client['runtime']} {client['label']} {client['mode']} printed its figures, then ended with {ends}")
    count = len(results["calls"]["clients"])
    print(f"bench-smoke: {count} client programs and modes, every figure present and positive (CPU per call zero or more: clock ticks); sizes, versions and handover present")


if __name__ == "__main__":
    main()
