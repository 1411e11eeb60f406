"""One Python client for `make bench`: `python py_client.py ours|boto3 URL WARMUP CALLS` makes
WARMUP then CALLS sequential TransferCertificate calls and prints one JSON line of figures."""

import json
import resource
import sys
import time

START = time.perf_counter()
impl, endpoint, warmup, calls = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])

if impl == "ours":
    from iot_transfer import AwsCredentials, ClientConfig, IotTransferClient, TransferCertificateInput

    client = IotTransferClient(ClientConfig(region="us-east-1", endpoint_url=endpoint), AwsCredentials("AKIDEXAMPLE", "secret"))
    request = TransferCertificateInput(certificate_id="a" * 64, target_aws_account="444455556666")

    def call():
        client.transfer_certificate_blocking(request)
else:
    import boto3

    client = boto3.client("iot", region_name="us-east-1", endpoint_url=endpoint,
                          aws_access_key_id="AKIDEXAMPLE", aws_secret_access_key="secret")

    def call():
        client.transfer_certificate(certificateId="a" * 64, targetAwsAccount="444455556666")

call()
first_response_ms = (time.perf_counter() - START) * 1000
for _ in range(warmup):
    call()
cpu_before = time.process_time()
started = time.perf_counter()
for _ in range(calls):
    call()
seconds = time.perf_counter() - started
cpu = time.process_time() - cpu_before
print(json.dumps({
    "client": "iot-transfer (Python wheel)" if impl == "ours" else "boto3",
    "firstResponseMs": first_response_ms,
    "callsPerSecond": calls / max(seconds, 1e-9),
    "cpuMicrosPerCall": cpu * 1e6 / max(calls, 1),
    "peakRssMb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
}))
