"""The soak test's Python driver: `python python.py PLAN.json REPORT.json` transfers every
certificate of the plan once through the installed wheel (`iot_transfer`) with asyncio,
`concurrency` tasks in flight and no retry of its own, and writes what each call reported in the
same shape as the Rust driver (tests/soak/src/report.rs)."""

import asyncio
import gc
import json
import os
import sys
import time

from iot_transfer import (
    AwsCredentials,
    ClientConfig,
    IotTransferClient,
    IotTransferError,
    TransferCertificateInput,
)


def rss_kb():
    """This process's resident set size in KiB (VmRSS) after a full collection, 0 if unreadable."""
    gc.collect()
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


async def transfer(client, plan, certificate_id, limit_s):
    """One call, given up on at the call timeout plus the margin: past it, the call hung."""
    result = {"certificateId": certificate_id, "outcome": "hung", "reconciled": False,
              "possiblyApplied": False, "attempts": 0}
    started = time.perf_counter()
    call = asyncio.ensure_future(client.transfer_certificate(
        TransferCertificateInput(certificate_id=certificate_id, target_aws_account=plan["targetAccount"])))
    # asyncio.wait does not cancel the call at the limit: a hung call stays hung, and is counted.
    done, _ = await asyncio.wait({call}, timeout=limit_s)
    if done:
        try:
            output = call.result()
            result["outcome"] = "done"
            result["arn"] = output.transferred_certificate_arn
            result["reconciled"] = output.metadata.reconciled
            result["attempts"] = output.metadata.attempts
        except IotTransferError as error:
            result.update(outcome="failed", kind=type(error).__name__, code=error.code,
                          possiblyApplied=bool(error.possibly_applied), attempts=error.attempts)
        except Exception as error:  # noqa: BLE001 - anything else is a Rust panic or a binding bug
            result.update(outcome="panicked", code=f"{type(error).__name__}: {error}")
    result["durationMs"] = (time.perf_counter() - started) * 1000
    return result


async def run(plan, report_path):
    client = IotTransferClient(
        ClientConfig(region=plan["region"], endpoint_url=plan["endpoint"], max_attempts=plan["maxAttempts"],
                     retry_base_delay_ms=plan["retryBaseDelayMs"], attempt_timeout_ms=plan["attemptTimeoutMs"],
                     call_timeout_ms=plan["callTimeoutMs"]),
        AwsCredentials(plan["accessKeyId"], plan["secretAccessKey"], None),
    )
    limit_s = (plan["callTimeoutMs"] + plan["hangMarginMs"]) / 1000
    ids = plan["certificateIds"]
    results = [None] * len(ids)
    rss = {"start": rss_kb(), "middle": 0, "end": 0}
    state = {"next": 0, "ended": 0}

    async def worker():
        while state["next"] < len(ids):
            index = state["next"]
            state["next"] += 1
            results[index] = await transfer(client, plan, ids[index], limit_s)
            state["ended"] += 1
            if state["ended"] == len(ids) // 2:
                rss["middle"] = rss_kb()

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(max(1, plan["concurrency"]))))
    wall_ms = (time.perf_counter() - started) * 1000
    rss["end"] = rss_kb()
    panics = sum(1 for result in results if result["outcome"] == "panicked")
    report = {"client": "python", "rssKb": rss, "wallMs": wall_ms, "panics": panics, "results": results}
    with open(report_path, "w") as report_file:
        json.dump(report, report_file, indent=2)
    sys.stdout.flush()
    # Hung calls may still be pending; the report is written, so leave without waiting for them.
    os._exit(0)


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: python python.py PLAN.json REPORT.json")
    with open(sys.argv[1]) as plan_file:
        plan = json.load(plan_file)
    asyncio.run(run(plan, sys.argv[2]))


if __name__ == "__main__":
    main()
