"""Draws `make bench`'s chart, docs/benchmarks.png, from the results: per runtime, ours against the
official SDK and the no-SDK floor: calls/s and CPU µs per call, sequential and 32 in flight, cold
start; and the sizes (browser download against the JS SDK bundle, minimal Rust programs). Bars are
medians over the rounds, whiskers the spread (min to max)."""

import matplotlib
import matplotlib.patches

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402 (the backend is chosen first)

from report_stats import find, summarise  # noqa: E402

RUNTIMES = ("Node", "Python", "Rust")
ROLES = (("ours", "iot-transfer", "#2b7bba"), ("ours-async", "iot-transfer (asyncio)", "#74add1"),
         ("official", "official SDK", "#d7301f"), ("floor", "no SDK (floor)", "#999999"))


def _bars(axis, results, mode, figure, title):
    """Grouped bars of one figure by runtime, a bar per role, whiskers from min to max."""
    width = 0.2
    for index, (role, label, colour) in enumerate(ROLES):
        xs, heights, low, high = [], [], [], []
        for position, runtime in enumerate(RUNTIMES):
            client = find(results, runtime, role, mode)
            if not client:
                continue
            spread = summarise(client)[figure]
            if spread.median is None:
                continue
            xs.append(position + (index - 1.5) * width)
            heights.append(spread.median)
            low.append(spread.median - spread.low)
            high.append(spread.high - spread.median)
        if xs:
            axis.bar(xs, heights, width, yerr=[low, high], capsize=2, label=label, color=colour)
    axis.set_xticks(range(len(RUNTIMES)), RUNTIMES)
    axis.set_title(title, fontsize=10)
    axis.grid(axis="y", alpha=0.3)


def _sizes(axis, results):
    """Sizes in KB on a log scale, each bar labelled: the browser download (gzip) against the JS SDK
    bundle, and the minimal Rust programs (release, stripped)."""
    sizes = results.get("sizes") or {}
    browser, rust = sizes.get("browser") or {}, sizes.get("rustMinimal") or {}
    groups = [("browser download, gzip", (browser.get("ours") or {}).get("gzip"), (browser.get("official") or {}).get("gzip")),
              ("Rust minimal program", rust.get("ours"), rust.get("official"))]
    for position, (label, ours, official) in enumerate(groups):
        for offset, value, colour in ((-0.15, ours, ROLES[0][2]), (0.15, official, ROLES[2][2])):
            if value:
                axis.bar(position + offset, value / 1024, 0.3, color=colour)
                axis.annotate(f"{value / 1024:,.0f} KB", (position + offset, value / 1024), ha="center", va="bottom", fontsize=8)
    axis.set_yscale("log")
    axis.set_xticks(range(len(groups)), [g[0] for g in groups])
    axis.set_title("size, KB, log scale (lower is better)", fontsize=10)
    axis.grid(axis="y", alpha=0.3)


def draw(results, path):
    """Writes the chart as a PNG at path."""
    figure, axes = plt.subplots(3, 2, figsize=(11, 12))
    _bars(axes[0][0], results, "sequential", "callsPerSecond", "calls/s, sequential (higher is better)")
    _bars(axes[0][1], results, "concurrent", "callsPerSecond", "calls/s, 32 in flight (higher is better)")
    _bars(axes[1][0], results, "sequential", "cpuMicrosPerCall", "client CPU µs per call, sequential (lower is better)")
    _bars(axes[1][1], results, "concurrent", "cpuMicrosPerCall", "client CPU µs per call, 32 in flight (lower is better)")
    _bars(axes[2][0], results, "sequential", "firstResponseMs", "cold start: spawn to first response, ms (lower is better)")
    _sizes(axes[2][1], results)
    handles = [matplotlib.patches.Patch(color=colour, label=label) for _, label, colour in ROLES]
    figure.legend(handles=handles, loc="lower center", ncol=len(ROLES), fontsize=9)
    date = ((results.get("environment") or {}).get("date") or "")[:10]
    figure.suptitle(f"iot-transfer against the official SDKs, one loopback stub ({date}; medians, whiskers min–max)")
    figure.tight_layout(rect=(0, 0.03, 1, 1))
    figure.savefig(path, dpi=90)
    plt.close(figure)
