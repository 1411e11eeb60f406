"""Runs each example script (tests/examples/python/*.py, tests/examples/js/*.mjs) twice, each time
against a fresh local endpoint set up the same way: once as written, with the official SDK (boto3,
@aws-sdk/client-iot), and once with one line changed to use this library (`import boto3` becomes
`from iot_transfer import boto3`; "@aws-sdk/client-iot" becomes "iot-transfer"). Their stdout,
stderr and exit codes must match once request IDs, dates and the setup's IDs and ARNs are replaced
by placeholders. Prints a table, then a diff for each script that differs; exits 1 if any does.

Usage: python3 tests/examples/run.py [--python PATH] [--npm-package DIR] [--official-js DIR]
       [--emulator PATH] [--only NAME] [--official-only]
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
from pathlib import Path

from harness import Emulator, Outcome, Tools, normalise, ours_variant, run_script, which
from setups import SETUPS

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
LANGUAGES = {"python": ("python", ".py"), "js": ("js", ".mjs")}


def follows(script: Path) -> str:
    """The example a script follows, from its header's `Follows:` line, up to its first remark
    in brackets or after a semicolon (the header says the rest)."""
    for line in script.read_text().splitlines():
        text = line.lstrip("#/ ").strip()
        if text.startswith("Follows:"):
            return re.split(r" \(|; ", text[len("Follows:") :].strip())[0]
    return "(no Follows: line in its header)"


def one_run(script: Path, language: str, name: str, ours: bool, tools: Tools, emulator: Path) -> Outcome:
    """A fresh endpoint, the script's setup, one run; the outcome normalised."""
    with Emulator(emulator) as endpoint:
        prepared = SETUPS[name](endpoint.url)
        args = prepared.python_args() if language == "python" else prepared.js_args()
        outcome = run_script(script, language, ours, args, endpoint.url, prepared.account, tools)
        names = prepared.names
        return Outcome(
            normalise(outcome.stdout, names, endpoint.url), normalise(outcome.stderr, names, endpoint.url), outcome.exit_code
        )


def compare(official: Outcome, ours: Outcome, labels: tuple) -> list:
    """The differences between two outcomes, as lines: the exit codes, then a unified diff per stream."""
    lines = []
    if official.exit_code != ours.exit_code:
        lines.append(f"exit code: {labels[0]} {official.exit_code}, {labels[1]} {ours.exit_code}")
    for stream in ("stdout", "stderr"):
        a, b = getattr(official, stream), getattr(ours, stream)
        if a != b:
            diff = difflib.unified_diff(
                a.splitlines(), b.splitlines(), f"{labels[0]} {stream}", f"{labels[1]} {stream}", lineterm=""
            )
            lines.extend(diff)
    return lines


def check_script(script: Path, language: str, args, tools: Tools) -> tuple:
    """(result, detail lines) for one script: 'match', or why not."""
    name = script.stem
    try:
        ours_variant(language, script.read_text())
    except ValueError as problem:
        return "bad script", [f"the one-line substitution does not apply: {problem}"]
    labels = ("official", "official again" if args.official_only else "ours")
    official = one_run(script, language, name, False, tools, args.emulator)
    second = one_run(script, language, name, not args.official_only, tools, args.emulator)
    detail = []
    if official.exit_code != 0:
        detail.append(f"the official run exited {official.exit_code}: the script or its setup is wrong")
        detail.extend(f"  official stderr: {line}" for line in official.stderr.splitlines()[-15:])
    differences = compare(official, second, labels)
    if differences:
        return "differs", detail + differences
    return ("match" if not detail else "official failed"), detail


def scripts(only: str | None) -> list:
    """(language, script) for every script, or those whose name is `only`."""
    found = []
    for language, (folder, suffix) in LANGUAGES.items():
        for script in sorted((HERE / folder).glob(f"*{suffix}")):
            if script.stem not in SETUPS:
                raise SystemExit(f"{script}: no setup named {script.stem!r} in setups.py")
            if only is None or script.stem == only:
                found.append((language, script))
    if not found:
        raise SystemExit(f"no script named {only!r}")
    return found


def parse_args(argv: list) -> argparse.Namespace:
    """The runner's options."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--python", default=sys.executable, help="interpreter with boto3 (and iot_transfer for ours)")
    parser.add_argument("--npm-package", type=Path, help="the built npm package (bindings-wasm/pkg)")
    parser.add_argument("--official-js", type=Path, default=ROOT / "tests/official-clients/js/node_modules",
                        help="a node_modules folder holding @aws-sdk/client-iot")
    parser.add_argument("--emulator", type=Path, default=ROOT / "target/debug/iot-emulator")
    parser.add_argument("--only", help="one operation's scripts, e.g. transfer_certificate")
    parser.add_argument("--official-only", action="store_true", help="run the official SDK in both slots")
    return parser.parse_args(argv)


def main(argv: list) -> int:
    """Runs every selected script, prints the table and the differences; 0 when all match."""
    args = parse_args(argv)
    if not args.emulator.is_file():
        raise SystemExit(f"no iot-emulator at {args.emulator}: `cargo build -p iot-emulator`, or --emulator PATH")
    if not (args.official_js / "@aws-sdk" / "client-iot").is_dir():
        raise SystemExit(f"no @aws-sdk/client-iot in {args.official_js}: run tests/official-clients/run.sh, or --official-js DIR")
    if not args.official_only and args.npm_package is None:
        print("run.py: no --npm-package: the JS scripts' runs with this library cannot find iot-transfer", file=sys.stderr)
    tools = Tools(args.python, which("node"), args.official_js, args.npm_package)
    rows, failures = [], []
    for language, script in scripts(args.only):
        result, detail = check_script(script, language, args, tools)
        label = f"{language}/{script.name}"
        rows.append((label, follows(script), result))
        print(f"{label}: {result}", file=sys.stderr, flush=True)
        if result != "match":
            failures.append((label, result, detail))
    print_table(rows, "official vs official again" if args.official_only else "official vs ours")
    for label, result, detail in failures:
        print(f"\n=== {label}: {result}")
        print("\n".join(detail))
    if failures:
        print(f"\nrun.py: {len(failures)} of {len(rows)} scripts do not match: {', '.join(l for l, _, _ in failures)}")
        return 1
    print(f"\nrun.py: all {len(rows)} scripts match")
    return 0


def print_table(rows: list, heading: str) -> None:
    """The results as a Markdown table."""
    print(f"| script | follows | {heading} |\n|---|---|---|")
    for label, example, result in rows:
        print(f"| {label} | {example} | {result} |")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
