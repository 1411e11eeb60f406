"""boto3's entry points for the IoT certificate-transfer operations: change ``import boto3`` to
``from iot_transfer import boto3`` and a script's ``boto3.client("iot", ...)`` (or
``boto3.Session(...).client("iot")``) runs on this library: the same keyword arguments
(``certificateId=...``), the same dicts back (``transferredCertificateArn``,
``ResponseMetadata``), exceptions that ``except botocore.exceptions.ClientError`` catches
(``client.exceptions.CertificateStateException``, ...), ``get_paginator`` with botocore's
``PaginationConfig``. What changes is underneath: every input is checked before anything is sent,
an outcome a lost response left unknown is settled from the certificate's state, and the Rust core
signs and sends. Only the ten operations of the transfer workflow exist."""

from typing import Any, NamedTuple, Optional

from ._boto3_client import Boto3Client
from ._boto3_config import client_settings
from .client import Client

__all__ = ["Boto3Client", "Session", "client"]


class _Keys(NamedTuple):
    """Static keys a session holds for the clients it makes; printed with the access key id
    alone, so a debugger or a log of the session never shows the secret or the token."""

    access_key_id: Optional[str]
    secret_access_key: Optional[str]
    session_token: Optional[str]

    def __repr__(self) -> str:
        return f"_Keys(access_key_id={self.access_key_id!r}, secret_access_key=..., session_token=...)"


class Session:
    """``boto3.Session``: a profile, a region and keys that the clients it makes start from
    (anything left out comes from where the AWS SDKs find it)."""

    def __init__(
        self,
        aws_access_key_id: Optional[str] = None,
        aws_secret_access_key: Optional[str] = None,
        aws_session_token: Optional[str] = None,
        region_name: Optional[str] = None,
        botocore_session: Any = None,
        profile_name: Optional[str] = None,
        aws_account_id: Optional[str] = None,
    ) -> None:
        if botocore_session is not None:
            raise ValueError("botocore_session is not supported by iot_transfer.boto3")
        self._keys = _Keys(aws_access_key_id, aws_secret_access_key, aws_session_token)
        self._region_name = region_name
        self._profile_name = profile_name

    @property
    def region_name(self) -> Optional[str]:
        """The region given to the session, if one was."""
        return self._region_name

    @property
    def profile_name(self) -> str:
        """The profile the session reads (``default`` when none was given)."""
        return self._profile_name or "default"

    def client(
        self,
        service_name: str,
        region_name: Optional[str] = None,
        api_version: Optional[str] = None,
        use_ssl: bool = True,
        verify: Any = None,
        endpoint_url: Optional[str] = None,
        aws_access_key_id: Optional[str] = None,
        aws_secret_access_key: Optional[str] = None,
        aws_session_token: Optional[str] = None,
        config: Any = None,
        aws_account_id: Optional[str] = None,
    ) -> Boto3Client:
        """A client of ``service_name`` (``"iot"``) with boto3's arguments over the session's."""
        keys = _Keys(aws_access_key_id, aws_secret_access_key, aws_session_token)
        if aws_access_key_id is None and aws_secret_access_key is None:
            keys = self._keys
        settings = client_settings(
            service_name,
            use_ssl,
            verify,
            config,
            region_name=region_name or self._region_name,
            profile_name=self._profile_name,
            endpoint_url=endpoint_url,
        )
        face = Client(
            aws_access_key_id=keys.access_key_id,
            aws_secret_access_key=keys.secret_access_key,
            aws_session_token=keys.session_token,
            **settings,
        )
        return Boto3Client(face)


def client(service_name: str, **kwargs: Any) -> Boto3Client:
    """``boto3.client("iot", ...)``: a client of a new default session, with
    ``Session.client``'s arguments."""
    return Session().client(service_name, **kwargs)
