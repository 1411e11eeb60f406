"""The statistics of `make bench`'s report: each figure's median and spread (min to max) over a
client's rounds, and looking up a client by runtime, role and mode in the results."""

import statistics

FIGURES = ("callsPerSecond", "cpuMicrosPerCall", "p50Micros", "p99Micros", "firstResponseMs", "peakRssMb")
"""Every figure a client program reports, in the order the tables show them."""


class Spread:
    """A figure over the rounds: its median, least and greatest value."""

    def __init__(self, values):
        self.values = list(values)
        self.median = statistics.median(self.values) if self.values else None
        self.low = min(self.values) if self.values else None
        self.high = max(self.values) if self.values else None


def summarise(client):
    """A client's figures as {figure: Spread} over its rounds."""
    return {name: Spread(r[name] for r in client["rounds"] if name in r) for name in FIGURES}


def find(results, runtime, role, mode):
    """The client of that runtime, role (ours, ours-async, official, floor) and mode, or None."""
    calls = results.get("calls") or {}
    for client in calls.get("clients", []):
        if (client["runtime"], client["role"], client["mode"]) == (runtime, role, mode):
            return client
    return None


def median(results, runtime, role, mode, figure):
    """The median of one figure of one client, or None when that client did not run."""
    client = find(results, runtime, role, mode)
    return summarise(client)[figure].median if client else None
