"""Writes `make bench`'s report, docs/benchmarks.md, from the results: each runtime's clients side
by side (median and spread of every figure), the ratios of ours to the official SDK and to the
floor, the sizes, the fleet handover, the targets (computed) with the notes on those missed, and
what was run where."""

import re
from pathlib import Path

from report_stats import FIGURES, find, median, summarise
from report_targets import targets

RUNTIMES = ("Node", "Python", "Rust")
ROLES = ("ours", "ours-async", "official", "floor")
MODES = (("sequential", "sequential"), ("concurrent", "32 in flight"))
HEADINGS = {"callsPerSecond": "calls/s", "cpuMicrosPerCall": "CPU µs/call", "p50Micros": "p50 µs",
            "p99Micros": "p99 µs", "firstResponseMs": "cold start ms", "peakRssMb": "peak MB"}


def _number(value):
    """A figure as the tables show it: no decimals from 100 up or for a whole number, one otherwise."""
    if value is None:
        return "-"
    return f"{value:,.0f}" if abs(value) >= 100 or float(value).is_integer() else f"{value:.1f}"


def _cell(spread):
    """A figure's median with its spread over the rounds."""
    if spread.median is None:
        return "-"
    if len(spread.values) == 1:
        return _number(spread.median)
    return f"{_number(spread.median)} ({_number(spread.low)}–{_number(spread.high)})"


def _ratio(value):
    """A ratio with two decimals, or '-' when it could not be computed."""
    return "-" if value is None else f"{value:.2f}x"


def _runtime_table(results, runtime):
    """One runtime's clients in both modes: every figure's median (min–max)."""
    lines = ["| client | in flight | " + " | ".join(HEADINGS[f] for f in FIGURES) + " |",
             "|---|---|" + "---|" * len(FIGURES)]
    for mode, _ in MODES:
        for role in ROLES:
            client = find(results, runtime, role, mode)
            if client:
                figures = summarise(client)
                lines.append(f"| {client['label']} | {client['how']} | " + " | ".join(_cell(figures[f]) for f in FIGURES) + " |")
    return lines


def _pairs_table(results):
    """Ours against the official SDK and the floor, per runtime and mode: the ratios of the medians."""
    lines = ["| runtime | client | in flight | calls/s vs SDK | CPU/call: SDK ÷ ours | p99: SDK ÷ ours | calls/s vs no-SDK floor |",
             "|---|---|---|---|---|---|---|"]
    for runtime in RUNTIMES:
        for mode, label in MODES:
            for role in ("ours", "ours-async"):
                client = find(results, runtime, role, mode)
                if not client:
                    continue
                get = lambda who, figure: median(results, runtime, who, mode, figure)
                over = lambda a, b: None if a is None or not b else a / b
                lines.append(f"| {runtime} | {client['label']} | {label} | "
                             f"{_ratio(over(get(role, 'callsPerSecond'), get('official', 'callsPerSecond')))} | "
                             f"{_ratio(over(get('official', 'cpuMicrosPerCall'), get(role, 'cpuMicrosPerCall')))} | "
                             f"{_ratio(over(get('official', 'p99Micros'), get(role, 'p99Micros')))} | "
                             f"{_ratio(over(get(role, 'callsPerSecond'), get('floor', 'callsPerSecond')))} |")
    return lines


def _sizes(results):
    """The browser download against the JS SDK bundle, and the minimal Rust programs."""
    sizes = results.get("sizes") or {}
    browser, rust = sizes.get("browser") or {}, sizes.get("rustMinimal") or {}
    ours, sdk = browser.get("ours") or {}, browser.get("official") or {}
    over = lambda a, b: None if a is None or not b else a / b
    lines = ["| | ours | official | ours ÷ official |", "|---|---|---|---|"]
    for kind in ("raw", "gzip", "brotli"):
        lines.append(f"| browser download, {kind} (npm package: the operations' .wasm + browser.js; JS SDK: esbuild bundle) | "
                     f"{_number(ours.get(kind))} B | {_number(sdk.get(kind))} B | {_ratio(over(ours.get(kind), sdk.get(kind)))} |")
    batches = browser.get("oursBatches") or {}
    lines.append(f"| the batches' module, gzip, which a browser downloads when the first batch starts (the JS SDK has no batches) | "
                 f"{_number(batches.get('gzip'))} B | | |")
    floor = browser.get("floor") or {}
    lines.append(f"| the design's packages alone, one signed call, gzip (bench/wasm-floor, built as the npm package) | "
                 f"{_number(floor.get('gzip'))} B | {_number(sdk.get('gzip'))} B | {_ratio(over(floor.get('gzip'), sdk.get('gzip')))} |")
    lines.append(f"| Rust: minimal program of one call, release, stripped | {_number(rust.get('ours'))} B | "
                 f"{_number(rust.get('official'))} B | {_ratio(over(rust.get('ours'), rust.get('official')))} |")
    return lines


def _handover(results):
    """handover.py's figures: the command at the limit and at twice it, against the boto3 loop."""
    handover = results.get("handover")
    if not handover:
        return ["Not run in this pass."]
    runs = [handover.get("ours", {}), handover.get("oursAskedTwiceTheLimit", {}), handover.get("boto3", {})]
    rate = handover.get("rateLimit")
    lines = [f"{handover.get('certificates')} certificates; the endpoint throttles each account above {rate} requests/s "
             f"and answers every call {handover.get('latencyMs')} ms late.", "",
             f"| | `iot-transfer handover --rate {rate}` | `--rate {2 * rate if rate else '-'}` | boto3 loop |", "|---|---|---|---|"]
    for key, label in (("seconds", "time (s)"), ("requestsPerSecond", "calls/s"), ("calls", "calls"), ("throttled", "throttled"),
                       ("transferred", "transferred"), ("unknown", "failed or unknown"), ("duplicates", "second transfers")):
        lines.append(f"| {label} | " + " | ".join(_number(run.get(key)) for run in runs) + " |")
    ours, boto3 = runs[0].get("seconds"), runs[2].get("seconds")
    if ours and boto3:
        lines += ["", f"The boto3 loop took {boto3 / ours:.2f}x the command's time."]
    killed = handover.get("killedAndResumed") or {}
    if killed:
        lines += ["", f"Killed (SIGKILL) after {killed.get('killedAfterJournalLines')} journal lines and resumed: "
                      f"{killed.get('transferred')} transferred, {killed.get('duplicates')} second transfers."]
    if handover.get("peakRssMb"):
        lines += ["", "Peak memory of the command (MB) by batch size: "
                  + ", ".join(f"{count} certificates: {_number(mb)}" for count, mb in handover["peakRssMb"].items()) + "."]
    return lines


def _problems(results):
    """The runs that printed their figures but did not exit cleanly (run.mjs's `exit`), if any."""
    lines = []
    for client in (results.get("calls") or {}).get("clients", []):
        ends = [r["exit"] for r in client["rounds"] if r.get("exit")]
        if ends:
            lines.append(f"- {client['runtime']} {client['label']}, {client['how']}: {len(ends)} of {len(client['rounds'])} "
                         f"runs ended with {', '.join(sorted(set(ends)))} after printing their figures (kept above).")
    return lines


def _notes(path):
    """The hand-written notes on missed targets (bench/targets.md): {key: text}, by `## key` headings."""
    text = Path(path).read_text() if Path(path).exists() else ""
    return {m.group(1): " ".join(m.group(2).split()) for m in re.finditer(r"^## (\S+)\n(.*?)(?=^## |\Z)", text, re.S | re.M)}


def _targets(results, notes_path):
    """The targets table (with what the no-SDK floor reaches on the same terms), then a note for every one missed."""
    notes = _notes(notes_path)
    rows = targets(results)
    verdict = {True: "met", False: "**missed**", None: "not measured"}
    floor = {True: "meets it", False: "misses it too", None: ""}
    lines = ["| target | measured (ours ÷ theirs) | wanted | | no-SDK floor ÷ theirs |", "|---|---|---|---|---|"]
    lines += [f"| {row['title']} | {_ratio(row['ratio'])} | {row['wanted']} | {verdict[row['met']]} | "
              f"{_ratio(row.get('floorRatio'))} {floor[row.get('floorMeets')]} |" for row in rows]
    missed = [row for row in rows if row["met"] is False]
    if missed:
        lines += ["", "Why each missed target is missed. A target the no-SDK floor (no signing, no SDK, the same "
                  "runtime) misses too cannot be met by any client of that runtime against this peer; the notes "
                  "are hand-written in `bench/targets.md` and kept across runs.", ""]
        for row in missed:
            computed = " The floor misses it too." if row.get("floorMeets") is False else ""
            note = notes.get(row["key"], "not explained yet (add a `## " + row["key"] + "` section to bench/targets.md).")
            lines.append(f"- **{row['title']}**:{computed} {note}")
    return lines


def _environment(results):
    """Versions, machine, date, commands."""
    env, calls = results.get("environment") or {}, results.get("calls") or {}
    machine, versions = env.get("machine", {}), env.get("versions", {})
    lines = [f"- Date: {env.get('date', 'unknown')}; command: `{env.get('command', 'make bench')}`; settings: {env.get('settings') or 'defaults'}.",
             f"- Machine: {machine.get('cores')} cores ({machine.get('cpu')}), {machine.get('memoryGb')} GB, Linux {machine.get('kernel')}; "
             f"load average at the start {machine.get('loadAverage')}. The machine is shared with other builds: compare figures within one run only.",
             "- Versions: " + ", ".join(f"{k} {v}" for k, v in versions.items()) + ".",
             f"- Peer: {calls.get('peer', '-')}.",
             f"- Each program ran as a fresh process per round: its first call (cold start, from the spawn), "
             f"{calls.get('warmup')} warm-up calls, then {calls.get('calls')} measured calls; {calls.get('rounds')} rounds, "
             "taken in turn by every program. Cells are the median over the rounds (min–max).",
             "", "Commands (URL is the stub's):", ""]
    lines += [f"- `{c['command']}`" for c in calls.get("clients", [])]
    return lines


def write(results, out_dir, notes_path, chart_name, label=None):
    """Writes benchmarks.md into out_dir."""
    parts = ["# Benchmarks", "",
             "Generated by `make bench` (bench/report.py) from `target/bench/results.json`; do not edit by hand.",
             "Whole-process figures from one run against one loopback stub: compare within the run only.", ""]
    if label:
        parts += [f"> **{label}**", ""]
    parts += [f"![calls/s, CPU per call, cold start and size: ours, the official SDK, the no-SDK floor]({chart_name})", ""]
    parts += ["## Side by side", ""] + _pairs_table(results) + [""]
    for runtime in RUNTIMES:
        parts += [f"## {runtime}", ""] + _runtime_table(results, runtime) + [""]
    problems = _problems(results)
    if problems:
        parts += ["## Problems seen in this run", ""] + problems + [""]
    parts += ["## Size", ""] + _sizes(results) + [""]
    parts += ["## Fleet handover", "", "bench/handover.py: the wheel's `iot-transfer handover` against the obvious boto3 loop on the local endpoint.", ""]
    parts += _handover(results) + [""]
    parts += ["## Targets", "", "Computed from this run's medians (ours ÷ the official SDK's figure).", ""]
    parts += _targets(results, notes_path) + [""]
    parts += ["## How it was run", ""] + _environment(results) + [""]
    Path(out_dir, "benchmarks.md").write_text("\n".join(parts))
