"""iot-transfer: the AWS IoT certificate-transfer workflow from one Rust core.

The Python face, as boto3 users write it: ``Client`` and ``AsyncClient`` (``iot_transfer.client``),
made with boto3's keyword arguments, every operation a method taking keyword arguments, paginators
from ``get_paginator``, and exceptions by the service's names (``iot_transfer.exceptions``, also
``client.exceptions``).

The values the face's clients return (``iot_transfer.values``: ``CertificateStatus`` as a ``str``
enum, records as dataclasses with ``to_dict()``) are exported here under their names. The
generated uniffi module (``iot_transfer.iot_transfer``) is re-exported for the rest of its names
(its input records, ``ClientConfig``, the lower-level ``IotTransferClient``); its own statuses and
output records, which that lower-level client takes and returns, stay in that module. This file
adds what Python users expect of that client, written once for every operation: each of its
paginator objects is an iterator of pages (``for page in
client.list_certificates_paginator(ListCertificatesInput())``) and an async iterator (``async for
page in ...``), one request per page.
"""

from .iot_transfer import *  # noqa: F401,F403
from .values import *  # noqa: F401,F403
from . import iot_transfer as _generated
from . import exceptions as exceptions
from .client import AsyncClient as AsyncClient
from .client import Client as Client
from ._iteration import make_iterable as _make_iterable

_make_iterable(_generated)
