"""The obvious boto3 loop of a fleet handover, for `make bench` (bench/handover.py): for each
certificate in turn, describe it, deactivate it if ACTIVE, detach its policies, transfer it, with
botocore's standard retries; an error is printed and the loop goes on. Prints one JSON line: how
many it transferred, how many failed (by error code), how many it cannot know the outcome of (no
response), the throttles botocore retried, and the time.

Usage: python handover_boto3.py ENDPOINT_URL TARGET_ACCOUNT CERTIFICATES_FILE"""

import json
import sys
import time
from collections import Counter

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

endpoint, target, path = sys.argv[1], sys.argv[2], sys.argv[3]
certificates = [line.strip() for line in open(path) if line.strip()]
iot = boto3.client(
    "iot", region_name="us-east-1", endpoint_url=endpoint,
    aws_access_key_id="AKIAEMULATORSOURCE", aws_secret_access_key="emulator-source-secret",
    config=Config(retries={"mode": "standard"}),
)
throttles = Counter()


def count_retries(**kwargs):
    response = kwargs.get("response")
    if response and response[1].get("Error", {}).get("Code") == "ThrottlingException":
        throttles["met"] += 1


iot.meta.events.register("needs-retry.iot", count_retries)
transferred, failed, unknown = 0, Counter(), 0
started = time.perf_counter()
for certificate_id in certificates:
    try:
        description = iot.describe_certificate(certificateId=certificate_id)["certificateDescription"]
        if description["status"] == "ACTIVE":
            iot.update_certificate(certificateId=certificate_id, newStatus="INACTIVE")
        arn = description["certificateArn"]
        for page in iot.get_paginator("list_attached_policies").paginate(target=arn):
            for policy in page["policies"]:
                iot.detach_policy(policyName=policy["policyName"], target=arn)
        iot.transfer_certificate(certificateId=certificate_id, targetAwsAccount=target)
        transferred += 1
    except ClientError as error:
        failed[error.response["Error"]["Code"]] += 1
    except Exception as error:  # no response: the transfer may or may not have happened
        unknown += 1
        print(f"{certificate_id}: {error}", file=sys.stderr)
print(json.dumps({
    "transferred": transferred,
    "failed": dict(failed),
    "unknown": unknown,
    "throttlesMet": throttles["met"],
    "seconds": time.perf_counter() - started,
}))
