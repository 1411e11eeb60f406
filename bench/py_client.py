"""One Python client of `make bench`: ``python py_client.py face|face-async|boto3|floor MODE URL
WARMUP CALLS`` measures TransferCertificate calls against the stub and prints one JSON line of
figures (py_measure.py). MODE is ``sequential`` or ``threads`` (32 threads sharing one client);
``face-async`` takes ``sequential`` or ``asyncio`` (32 tasks in flight).

- ``face``: the Python face users are told to call, ``iot_transfer.Client`` (blocking);
- ``face-async``: ``iot_transfer.AsyncClient`` in asyncio;
- ``boto3``: one boto3 client shared by the threads (boto3 clients are thread-safe), its pool
  raised to 32 connections (``max_pool_connections``) so that 32 threads are not held to its default 10;
- ``floor``: ``http.client`` on a persistent connection (one per thread) sending the same PATCH
  unsigned: no SDK."""

import sys

from py_measure import IN_FLIGHT, measure_async, measure_blocking

IMPL, MODE, ENDPOINT = sys.argv[1], sys.argv[2], sys.argv[3]
WARMUP, CALLS = int(sys.argv[4]), int(sys.argv[5])
CERTIFICATE_ID, TARGET = "a" * 64, "444455556666"
KEYS = {"aws_access_key_id": "AKIDEXAMPLE", "aws_secret_access_key": "secret"}


def face():
    """The blocking face and its call."""
    import iot_transfer

    client = iot_transfer.Client(region_name="us-east-1", endpoint_url=ENDPOINT, **KEYS)
    return lambda: client.transfer_certificate(certificate_id=CERTIFICATE_ID, target_aws_account=TARGET)


def face_async():
    """The asyncio face and its coroutine function."""
    import iot_transfer

    client = iot_transfer.AsyncClient(region_name="us-east-1", endpoint_url=ENDPOINT, **KEYS)
    return lambda: client.transfer_certificate(certificate_id=CERTIFICATE_ID, target_aws_account=TARGET)


def boto3_client():
    """One boto3 client, shareable by 32 threads, and its call."""
    import boto3
    from botocore.config import Config

    client = boto3.client("iot", region_name="us-east-1", endpoint_url=ENDPOINT,
                          config=Config(max_pool_connections=IN_FLIGHT), **KEYS)
    return lambda: client.transfer_certificate(certificateId=CERTIFICATE_ID, targetAwsAccount=TARGET)


def floor():
    """http.client on one kept-alive connection per thread, and its unsigned call."""
    import http.client
    import json
    import threading
    from urllib.parse import urlsplit

    host = urlsplit(ENDPOINT).netloc
    path = f"/transfer-certificate/{CERTIFICATE_ID}?targetAwsAccount={TARGET}"
    local = threading.local()

    def call():
        connection = getattr(local, "connection", None) or http.client.HTTPConnection(host)
        local.connection = connection
        connection.request("PATCH", path, body=b"{}", headers={"content-type": "application/json"})
        response = connection.getresponse()
        body = response.read()
        if response.status != 200:
            raise RuntimeError(f"HTTP {response.status}")
        return json.loads(body)

    return call


CLIENTS = {
    "face": ("iot-transfer (Python face, Client)", face),
    "face-async": ("iot-transfer (Python face, AsyncClient)", face_async),
    "boto3": ("boto3", boto3_client),
    "floor": ("http.client, no SDK (Python)", floor),
}
LABEL, MAKE = CLIENTS[IMPL]
if IMPL == "face-async":
    measure_async(LABEL, MODE, MAKE(), WARMUP, CALLS)
else:
    measure_blocking(LABEL, MODE, MAKE(), WARMUP, CALLS)
