"""What every Python client of `make bench` shares: the measuring loops for one mode
(``sequential``; ``threads``: 32 threads sharing one client; ``asyncio``: 32 tasks in flight on one
event loop) and the one JSON line of figures they print: calls/s, client CPU µs per call (every
thread), p50/p99 latency (µs), first response from the spawn (ms), peak RSS (MB)."""

import asyncio
import json
import math
import os
import resource
import threading
import time

IN_FLIGHT = 32
"""Threads or tasks in flight in the ``threads`` and ``asyncio`` modes."""


def percentile(ordered, q):
    """The nearest-rank percentile ``q`` (0 to 1) of sorted values; 0 when there are none."""
    if not ordered:
        return 0.0
    return ordered[min(len(ordered), max(1, math.ceil(q * len(ordered)))) - 1]


def first_response_ms():
    """Milliseconds since bench/run.mjs spawned this process (``BENCH_SPAWN_EPOCH_MS``)."""
    spawned = float(os.environ.get("BENCH_SPAWN_EPOCH_MS", "0"))
    return time.time() * 1000 - spawned if spawned > 0 else 0.0


def _drive_threads(call, count, threads):
    """Makes ``count`` blocking calls from ``threads`` threads pulling from one counter; returns latencies (µs)."""
    latencies, remaining, lock = [], [count], threading.Lock()

    def worker():
        mine = []
        while True:
            with lock:
                if remaining[0] <= 0:
                    break
                remaining[0] -= 1
            started = time.perf_counter()
            call()
            mine.append((time.perf_counter() - started) * 1e6)
        with lock:
            latencies.extend(mine)

    if threads == 1:
        worker()
        return latencies
    pool = [threading.Thread(target=worker) for _ in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    return latencies


async def _drive_tasks(call, count, tasks):
    """Makes ``count`` awaited calls from ``tasks`` asyncio tasks pulling from one counter; returns latencies (µs)."""
    latencies, remaining = [], [count]

    async def worker():
        while remaining[0] > 0:
            remaining[0] -= 1
            started = time.perf_counter()
            await call()
            latencies.append((time.perf_counter() - started) * 1e6)

    await asyncio.gather(*(worker() for _ in range(tasks)))
    return latencies


def _report(client, mode, first, calls, seconds, cpu, latencies):
    """Prints the figures as one JSON line (the names every language's client uses)."""
    latencies.sort()
    print(json.dumps({
        "client": client,
        "mode": mode,
        "firstResponseMs": first,
        "callsPerSecond": calls / max(seconds, 1e-9),
        "cpuMicrosPerCall": cpu * 1e6 / max(calls, 1),
        "p50Micros": percentile(latencies, 0.50),
        "p99Micros": percentile(latencies, 0.99),
        "peakRssMb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }), flush=True)


def measure_blocking(client, mode, call, warmup, calls):
    """Measures a blocking ``call``: sequentially (mode ``sequential``) or from 32 threads (``threads``)."""
    threads = IN_FLIGHT if mode == "threads" else 1
    call()
    first = first_response_ms()
    _drive_threads(call, warmup, threads)
    cpu_before, started = time.process_time(), time.perf_counter()
    latencies = _drive_threads(call, calls, threads)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_before
    _report(client, mode, first, calls, seconds, cpu, latencies)


def measure_async(client, mode, call, warmup, calls):
    """Measures a coroutine function ``call`` with 32 tasks in flight (mode ``asyncio``) or one (``sequential``)."""
    tasks = IN_FLIGHT if mode == "asyncio" else 1

    async def run():
        await call()
        first = first_response_ms()
        await _drive_tasks(call, warmup, tasks)
        cpu_before, started = time.process_time(), time.perf_counter()
        latencies = await _drive_tasks(call, calls, tasks)
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_before
        _report(client, mode, first, calls, seconds, cpu, latencies)

    asyncio.run(run())
