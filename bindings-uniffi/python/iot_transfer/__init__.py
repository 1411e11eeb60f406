"""iot-transfer: the AWS IoT certificate-transfer workflow from one Rust core.

The Python face, as boto3 users write it: ``Client`` and ``AsyncClient`` (``iot_transfer.client``),
made with boto3's keyword arguments, every operation a method taking keyword arguments, paginators
from ``get_paginator``, and exceptions by the service's names (``iot_transfer.exceptions``, also
``client.exceptions``). For a boto3 script as it is, ``from iot_transfer import boto3`` in place
of ``import boto3`` (``iot_transfer.boto3``: boto3's arguments, dicts and botocore's exceptions).

The values the face's clients return (``iot_transfer.values``: ``CertificateStatus`` as a ``str``
enum, records as dataclasses with ``to_dict()``) are exported here under their names. The
generated uniffi module (``iot_transfer.iot_transfer``) is re-exported for the rest of its names
(its input records, ``ClientConfig``, the lower-level ``IotTransferClient``); its own statuses and
output records, which that lower-level client takes and returns, stay in that module. This file
adds what Python users expect of that client, written once for every operation: each of its
paginator objects is an iterator of pages (``for page in
client.list_certificates_paginator(ListCertificatesInput())``) and an async iterator (``async for
page in ...``), one request per page; and its ``Batch`` (``client.handover(HandoverInput(...))``)
an iterator and async iterator of events. ``iot-transfer``, the command line, is installed with
the package (``iot_transfer.cli``).
"""

# The generated module's names but the values' (the test test_face_values.py holds this list to its
# __all__): a star import would bind a status or output name twice, to two types.
from .iot_transfer import (  # noqa: F401
    AcceptCertificateTransferInput as AcceptCertificateTransferInput,
    AwsCredentials as AwsCredentials,
    AwsCredentialsProtocol as AwsCredentialsProtocol,
    Batch as Batch,
    BatchProtocol as BatchProtocol,
    CancelCertificateTransferInput as CancelCertificateTransferInput,
    CancellationToken as CancellationToken,
    CancellationTokenProtocol as CancellationTokenProtocol,
    CheckTransferInput as CheckTransferInput,
    ClientConfig as ClientConfig,
    CredentialsProvider as CredentialsProvider,
    CredentialsProviderError as CredentialsProviderError,
    CredentialsProviderImpl as CredentialsProviderImpl,
    DescribeCertificateInput as DescribeCertificateInput,
    DetachPolicyInput as DetachPolicyInput,
    HandoverInput as HandoverInput,
    IncomingTransfersInput as IncomingTransfersInput,
    InternalError as InternalError,
    IotTransferClient as IotTransferClient,
    IotTransferClientProtocol as IotTransferClientProtocol,
    IotTransferError as IotTransferError,
    ListAttachedPoliciesInput as ListAttachedPoliciesInput,
    ListAttachedPoliciesPaginator as ListAttachedPoliciesPaginator,
    ListAttachedPoliciesPaginatorProtocol as ListAttachedPoliciesPaginatorProtocol,
    ListCertificatesInput as ListCertificatesInput,
    ListCertificatesPaginator as ListCertificatesPaginator,
    ListCertificatesPaginatorProtocol as ListCertificatesPaginatorProtocol,
    ListOutgoingCertificatesInput as ListOutgoingCertificatesInput,
    ListOutgoingCertificatesPaginator as ListOutgoingCertificatesPaginator,
    ListOutgoingCertificatesPaginatorProtocol as ListOutgoingCertificatesPaginatorProtocol,
    PrepareAndTransferInput as PrepareAndTransferInput,
    RejectCertificateTransferInput as RejectCertificateTransferInput,
    RetryMode as RetryMode,
    SettingNaming as SettingNaming,
    SignedRequest as SignedRequest,
    SignedRequestProtocol as SignedRequestProtocol,
    TransferCertificateInput as TransferCertificateInput,
    UpdateCertificateInput as UpdateCertificateInput,
    check_client_config as check_client_config,
    run_cli as run_cli,
)
from .values import *  # noqa: F401,F403
from . import iot_transfer as _generated
from . import exceptions as exceptions
from .client import AsyncClient as AsyncClient
from .client import Client as Client
from ._iteration import make_iterable as _make_iterable

_make_iterable(_generated)
