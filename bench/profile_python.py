"""Where a Python call's time goes: the face (``iot_transfer.Client``, with 32 threads, and
``AsyncClient`` with 32 calls in flight), the boto3 face over it (``iot_transfer.boto3``: dicts),
the generated uniffi client under it, boto3 and a bare ``http.client`` exchange (the floor: the
same PATCH with no SDK, no signing), each against one loopback stub (``bench/stub.mjs``).

    python bench/profile_python.py [--boto3-python PATH] [--calls N] [--warmup N] [--rounds N]
                                   [--only a,b] [--profile VARIANT] [--stub-cpu]

Every variant runs in a fresh process of its own, in turn with the others for each round (so a
noisy moment of the shared machine hits all alike); the median round is shown: calls/s, the
process's CPU per call (every thread of it: the tokio workers too) and the stub's CPU per call.
The ratios the issue sets targets for close the table. ``--profile VARIANT`` runs one variant under
cProfile instead and prints where its Python time goes (``py-spy record --native`` can be pointed
at a ``--worker`` process for the Rust frames).

``--worker VARIANT URL WARMUP CALLS`` is the process each variant runs in; it prints one JSON line.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from typing import Any, Callable, Dict, List

HERE = os.path.dirname(os.path.abspath(__file__))
THREADS = 32
"""Threads of the threaded variants, and calls in flight of the asyncio ones."""

CERTIFICATE_ID = "a" * 64
ACCOUNT = "444455556666"


def _face(url: str) -> Any:
    import iot_transfer

    return iot_transfer.Client(
        region_name="us-east-1", endpoint_url=url, aws_access_key_id="AKIDEXAMPLE", aws_secret_access_key="secret"
    )


def _generated(url: str) -> Any:
    from iot_transfer import AwsCredentials, ClientConfig, IotTransferClient

    return IotTransferClient(ClientConfig(region="us-east-1", endpoint_url=url), AwsCredentials("AKIDEXAMPLE", "secret"))


def _boto3(url: str) -> Any:
    import boto3

    return boto3.client(
        "iot", region_name="us-east-1", endpoint_url=url, aws_access_key_id="AKIDEXAMPLE", aws_secret_access_key="secret"
    )


def _call_maker(variant: str, url: str) -> Callable[[], Callable[[], Any]]:
    """A function giving each thread its call (a bare ``http.client`` needs a connection per thread)."""
    base = variant.split("-")[0]
    if base == "face":
        client = _face(url)
        return lambda: lambda: client.transfer_certificate(certificate_id=CERTIFICATE_ID, target_aws_account=ACCOUNT)
    if base == "generated":
        from iot_transfer import TransferCertificateInput

        client = _generated(url)
        request = TransferCertificateInput(certificate_id=CERTIFICATE_ID, target_aws_account=ACCOUNT)
        return lambda: lambda: client.transfer_certificate_blocking(request)
    if base == "boto3face":
        from iot_transfer import boto3 as face_boto3

        client = face_boto3.client(
            "iot", region_name="us-east-1", endpoint_url=url, aws_access_key_id="AKIDEXAMPLE", aws_secret_access_key="secret"
        )
        return lambda: lambda: client.transfer_certificate(certificateId=CERTIFICATE_ID, targetAwsAccount=ACCOUNT)
    if base == "boto3":
        client = _boto3(url)
        return lambda: lambda: client.transfer_certificate(certificateId=CERTIFICATE_ID, targetAwsAccount=ACCOUNT)
    if base == "httpclient":
        return lambda: _http_call(url)
    raise SystemExit(f"unknown variant {variant}")


def _http_call(url: str) -> Callable[[], Any]:
    """The floor: the same PATCH on a kept-alive ``http.client`` connection, no SDK, no signing."""
    import http.client
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port)
    body = json.dumps({"targetAwsAccount": ACCOUNT}).encode()
    path = f"/transfer-certificate/{CERTIFICATE_ID}?targetAwsAccount={ACCOUNT}"

    def call() -> Any:
        connection.request("PATCH", path, body, {"content-type": "application/json"})
        response = connection.getresponse()
        return json.loads(response.read())

    return call


def _async_calls(variant: str, url: str, warmup: int, calls: int) -> Dict[str, float]:
    import asyncio

    async def run() -> Dict[str, float]:
        if variant == "face-async":
            import iot_transfer

            client: Any = iot_transfer.AsyncClient(
                region_name="us-east-1", endpoint_url=url, aws_access_key_id="AKIDEXAMPLE", aws_secret_access_key="secret"
            )

            def call() -> Any:
                return client.transfer_certificate(certificate_id=CERTIFICATE_ID, target_aws_account=ACCOUNT)

        else:
            from iot_transfer import TransferCertificateInput

            generated = _generated(url)
            request = TransferCertificateInput(certificate_id=CERTIFICATE_ID, target_aws_account=ACCOUNT)

            def call() -> Any:
                return generated.transfer_certificate(request)

        async def worker(count: int) -> None:
            for _ in range(count):
                await call()

        async def all_of(total: int) -> None:
            await asyncio.gather(*(worker(total // THREADS) for _ in range(THREADS)))

        await all_of(warmup)
        return await _measured(lambda: all_of(calls), calls // THREADS * THREADS)

    return asyncio.run(run())


async def _measured(body: Callable[[], Any], calls: int) -> Dict[str, float]:
    cpu, started = time.process_time(), time.perf_counter()
    await body()
    return _figures(cpu, started, calls)


def _figures(cpu: float, started: float, calls: int) -> Dict[str, float]:
    seconds = time.perf_counter() - started
    return {"callsPerSecond": calls / seconds, "cpuMicrosPerCall": (time.process_time() - cpu) * 1e6 / calls}


def _threaded(make: Callable[[], Callable[[], Any]], warmup: int, calls: int) -> Dict[str, float]:
    import threading

    each = calls // THREADS
    functions = [make() for _ in range(THREADS)]
    start = threading.Barrier(THREADS + 1)

    def worker(call: Callable[[], Any]) -> None:
        for _ in range(warmup // THREADS):
            call()
        start.wait()
        for _ in range(each):
            call()

    threads = [threading.Thread(target=worker, args=(function,)) for function in functions]
    for thread in threads:
        thread.start()
    start.wait()
    cpu, started = time.process_time(), time.perf_counter()
    for thread in threads:
        thread.join()
    return _figures(cpu, started, each * THREADS)


def worker(variant: str, url: str, warmup: int, calls: int) -> Dict[str, float]:
    """Runs ``variant``'s calls in this process and returns its figures."""
    if variant.endswith("-async"):
        return _async_calls(variant, url, warmup, calls)
    make = _call_maker(variant, url)
    if variant.endswith("-threads"):
        return _threaded(make, warmup, calls)
    call = make()
    for _ in range(warmup):
        call()
    cpu, started = time.process_time(), time.perf_counter()
    for _ in range(calls):
        call()
    return _figures(cpu, started, calls)


VARIANTS = [
    "httpclient", "boto3", "generated", "face", "boto3face",
    "httpclient-threads", "boto3-threads", "generated-threads", "face-threads",
    "generated-async", "face-async",
]
"""Every variant, in the order each round runs them."""


def _stub_cpu(pid: int) -> float:
    """The stub's CPU seconds so far (user and system, from /proc)."""
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _run(python: str, variant: str, url: str, warmup: int, calls: int, stub_pid: int) -> Dict[str, float]:
    before = _stub_cpu(stub_pid)
    out = subprocess.run(
        [python, os.path.abspath(__file__), "--worker", variant, url, str(warmup), str(calls)],
        check=True, capture_output=True, text=True,
    ).stdout
    figures = json.loads(out.strip().splitlines()[-1])
    figures["stubMicrosPerCall"] = (_stub_cpu(stub_pid) - before) * 1e6 / (warmup + calls)
    return figures


def _profile(variant: str, url: str, warmup: int, calls: int) -> None:
    import cProfile
    import pstats

    profiler = cProfile.Profile()
    profiler.enable()
    worker(variant, url, warmup, calls)
    profiler.disable()
    stats = pstats.Stats(profiler).strip_dirs().sort_stats("tottime")
    stats.print_stats(30)
    stats.sort_stats("cumulative").print_stats(30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--worker", nargs=4, metavar=("VARIANT", "URL", "WARMUP", "CALLS"))
    parser.add_argument("--boto3-python", default=sys.executable, help="the python with boto3 (default: this one)")
    parser.add_argument("--calls", type=int, default=3200)
    parser.add_argument("--warmup", type=int, default=640)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--only", help="comma-separated variants (default: all)")
    parser.add_argument("--profile", metavar="VARIANT", help="run one variant under cProfile")
    parser.add_argument("--also", action="append", default=[], metavar="LABEL=PYTHON",
                        help="also run our variants with another python (another wheel: before/after), as VARIANT@LABEL")
    options = parser.parse_args()
    if options.worker:
        variant, url, warmup, calls = options.worker
        print(json.dumps(worker(variant, url, int(warmup), int(calls))))
        return

    stub = subprocess.Popen(["node", os.path.join(HERE, "stub.mjs")], stdout=subprocess.PIPE, text=True)
    try:
        assert stub.stdout is not None
        url = stub.stdout.readline().strip()
        if options.profile:
            _profile(options.profile, url, options.warmup, options.calls)
            return
        selected = options.only.split(",") if options.only else VARIANTS
        pythons = {variant: options.boto3_python if variant.split("-")[0] == "boto3" else sys.executable for variant in selected}
        for label, python in (also.split("=", 1) for also in options.also):
            pythons.update({f"{v}@{label}": python for v in selected if v.split("-")[0] in ("face", "generated", "boto3face")})
        results: Dict[str, List[Dict[str, float]]] = {name: [] for name in pythons}
        for _ in range(options.rounds):
            for name, python in pythons.items():
                variant = name.split("@")[0]
                results[name].append(_run(python, variant, url, options.warmup, options.calls, stub.pid))
    finally:
        stub.kill()
    _report(results, options)


def _report(results: Dict[str, List[Dict[str, float]]], options: Any) -> None:
    print(f"{options.warmup} warm-up then {options.calls} calls per variant, {options.rounds} rounds in turn, "
          f"the median round by calls/s; {THREADS} threads or calls in flight where named")
    print(f"{'variant':26}{'calls/s':>10}{'CPU µs/call':>14}{'stub µs/call':>14}   rounds (calls/s)")
    medians: Dict[str, Dict[str, float]] = {}
    for variant, runs in results.items():
        middle = statistics.median_low([run["callsPerSecond"] for run in runs])
        row = next(run for run in runs if run["callsPerSecond"] == middle)
        medians[variant] = row
        spread = " ".join(f"{run['callsPerSecond']:.0f}" for run in runs)
        print(f"{variant:26}{row['callsPerSecond']:>10.0f}{row['cpuMicrosPerCall']:>14.0f}"
              f"{row['stubMicrosPerCall']:>14.0f}   {spread}")
    for ours, theirs, target in [(v, f"{v}@{label}", None) for label in (a.split("=")[0] for a in options.also)
                                 for v in ("generated", "face", "generated-threads", "face-threads", "face-async")] + [
        ("face", "boto3", 4), ("face-threads", "boto3-threads", 5), ("face-async", "boto3-threads", 8),
        ("face-async", "boto3", 8), ("generated", "boto3", None), ("face", "generated", None),
    ]:
        if ours in medians and theirs in medians:
            ratio = medians[ours]["callsPerSecond"] / medians[theirs]["callsPerSecond"]
            goal = f" (target {target}x)" if target else ""
            print(f"{ours} / {theirs}: {ratio:.2f}x calls/s{goal}")


if __name__ == "__main__":
    main()
