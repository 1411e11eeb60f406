"""The issue's targets for `make bench`, each computed from the results: the measured ratio, the
ratio wanted, and whether it is met. Nothing here is a result: every figure comes from the run."""

from report_stats import median

RUNTIME_SDK = {"Node": "@aws-sdk/client-iot", "Python": "boto3", "Rust": "aws-sdk-iot"}


def _ratio(numerator, denominator):
    """numerator / denominator, or None when either is missing or the denominator is zero."""
    if numerator is None or not denominator:
        return None
    return numerator / denominator


def _at_least(key, title, ours, theirs, wanted, floor=None):
    """A target met when ours / theirs >= wanted; `floor` is the no-SDK floor's figure, for context."""
    ratio = _ratio(ours, theirs)
    floor_ratio = _ratio(floor, theirs)
    return {"key": key, "title": title, "ratio": ratio, "wanted": f">= {wanted:g}x", "met": None if ratio is None else ratio >= wanted,
            "floorRatio": floor_ratio, "floorMeets": None if floor_ratio is None else floor_ratio >= wanted}


def _at_most(key, title, ours, theirs, wanted, floor=None):
    """A target met when ours / theirs <= wanted; `floor` is the no-SDK floor's figure, for context."""
    ratio = _ratio(ours, theirs)
    floor_ratio = _ratio(floor, theirs)
    return {"key": key, "title": title, "ratio": ratio, "wanted": f"<= {wanted:g}x", "met": None if ratio is None else ratio <= wanted,
            "floorRatio": floor_ratio, "floorMeets": None if floor_ratio is None else floor_ratio <= wanted}


def _npm(results, mode, label):
    """npm >= 2.5x the JS SDK's calls/s, or within 10% of node:http unsigned, whichever is lower."""
    ours = median(results, "Node", "ours", mode, "callsPerSecond")
    sdk = median(results, "Node", "official", mode, "callsPerSecond")
    floor = median(results, "Node", "floor", mode, "callsPerSecond")
    bars = [bar for bar in (sdk and 2.5 * sdk, floor and 0.9 * floor) if bar]
    bar = min(bars) if bars else None
    ratio = _ratio(ours, sdk)
    title = f"npm calls/s {label}: >= 2.5x the JS SDK, or >= 0.9x node:http unsigned, whichever is lower"
    wanted = "unknown" if bar is None else f">= {bar / sdk:.2f}x" if sdk else f">= {bar:.0f} calls/s"
    floor_ratio = _ratio(floor, sdk)
    return {"key": f"npm-{mode}", "title": title, "ratio": ratio, "wanted": wanted, "met": None if bar is None or ours is None else ours >= bar,
            "floorRatio": floor_ratio, "floorMeets": None if floor is None or bar is None else floor >= bar}


def targets(results):
    """Every target with its measured ratio (ours / theirs), the ratio wanted, met (True, False, or
    None: not measured), and the same ratio for the no-SDK floor (floorRatio, floorMeets): a
    target the floor itself misses cannot be met by any client on this peer and machine."""
    rows = [
        _at_least("python-sequential", "Python face (Client) calls/s sequential >= 4x boto3",
                  median(results, "Python", "ours", "sequential", "callsPerSecond"),
                  median(results, "Python", "official", "sequential", "callsPerSecond"), 4,
                  median(results, "Python", "floor", "sequential", "callsPerSecond")),
        _at_least("python-threads", "Python face (Client, 32 threads) calls/s >= 5x boto3 (32 threads)",
                  median(results, "Python", "ours", "concurrent", "callsPerSecond"),
                  median(results, "Python", "official", "concurrent", "callsPerSecond"), 5,
                  median(results, "Python", "floor", "concurrent", "callsPerSecond")),
        _at_least("python-asyncio", "Python face (AsyncClient, 32 in flight) calls/s >= 8x boto3 (32 threads)",
                  median(results, "Python", "ours-async", "concurrent", "callsPerSecond"),
                  median(results, "Python", "official", "concurrent", "callsPerSecond"), 8,
                  median(results, "Python", "floor", "concurrent", "callsPerSecond")),
        _npm(results, "sequential", "sequential"),
        _npm(results, "concurrent", "at 32 in flight"),
    ]
    for runtime, sdk in RUNTIME_SDK.items():
        rows.append(_at_most(f"cold-start-{runtime.lower()}", f"{runtime}: cold start <= 1/4 of {sdk}'s",
                             median(results, runtime, "ours", "sequential", "firstResponseMs"),
                             median(results, runtime, "official", "sequential", "firstResponseMs"), 0.25,
                             median(results, runtime, "floor", "sequential", "firstResponseMs")))
    for runtime, sdk in RUNTIME_SDK.items():
        for mode, label in (("sequential", "sequential"), ("concurrent", "32 in flight")):
            rows.append(_at_most(f"memory-{runtime.lower()}-{mode}", f"{runtime}: peak memory {label} <= 1/2 of {sdk}'s",
                                 median(results, runtime, "ours", mode, "peakRssMb"),
                                 median(results, runtime, "official", mode, "peakRssMb"), 0.5,
                                 median(results, runtime, "floor", mode, "peakRssMb")))
    browser = (results.get("sizes") or {}).get("browser") or {}
    rows.append(_at_most("browser-download", "Browser download (gzip) <= 2x the JS SDK bundle of the same calls",
                         (browser.get("ours") or {}).get("gzip"), (browser.get("official") or {}).get("gzip"), 2,
                         (browser.get("floor") or {}).get("gzip")))
    return rows
