"""What the face's clients have besides their operations, written by hand: construction with
boto3's keyword arguments, ``exceptions``, ``can_paginate``, ``close`` and the context managers.
``client.py`` adds every operation and workflow call from the table."""

from types import TracebackType
from typing import Any, Optional, Type, TypeVar

from . import _settings
from ._table import PAGINATIONS
from .exceptions import ClientExceptions
from .iot_transfer import CredentialsProvider, IotTransferClient

_Self = TypeVar("_Self", bound="ClientBase")


class ClientBase:
    """A client of the AWS IoT certificate-transfer API, made with boto3's keyword arguments: every
    setting the core declares (``SETTINGS``; durations in seconds), static keys or a
    ``credentials_provider``. Every argument is optional: what is left out comes from where the AWS
    SDKs find it (the environment, the shared config and credentials files of the profile, SSO, a
    web identity token, the container or instance metadata). ``client.pyi`` types each argument.
    """

    exceptions = ClientExceptions()
    """Every exception class, as boto3's ``client.exceptions``: ``CertificateStateException``, ..."""

    def __init__(
        self,
        *,
        aws_access_key_id: Optional[str] = None,
        aws_secret_access_key: Optional[str] = None,
        aws_session_token: Optional[str] = None,
        credentials_provider: Optional[CredentialsProvider] = None,
        **settings: Any,
    ) -> None:
        shown = ("region_name", "endpoint_url", "profile_name")
        self._shown = {name: settings.get(name) for name in shown}
        self._client: Optional[IotTransferClient] = _settings.connect(
            settings, aws_access_key_id, aws_secret_access_key, aws_session_token, credentials_provider
        )

    @property
    def uniffi_client(self) -> IotTransferClient:
        """The generated client under this one, for what the face leaves out (a
        ``CancellationToken``, ``sign_transfer_certificate``)."""
        if self._client is None:
            raise RuntimeError("the client is closed")
        return self._client

    def can_paginate(self, operation_name: str) -> bool:
        """Whether ``get_paginator(operation_name)`` has a paginator (``list_certificates``: yes)."""
        return operation_name in PAGINATIONS

    def close(self) -> None:
        """Lets go of the native client: its connections close once no call holds it."""
        self._client = None

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={value!r}" for name, value in self._shown.items() if value is not None)
        return f"{type(self).__name__}({shown})"


class SyncClientBase(ClientBase):
    """The blocking client's hand-written part: ``with``."""

    def __enter__(self: _Self) -> _Self:
        return self

    def __exit__(
        self,
        exc_type: Optional[Type[BaseException]],
        exc: Optional[BaseException],
        traceback: Optional[TracebackType],
    ) -> None:
        self.close()


class AsyncClientBase(ClientBase):
    """The asyncio client's hand-written part: ``async with``."""

    async def __aenter__(self: _Self) -> _Self:
        return self

    async def __aexit__(
        self,
        exc_type: Optional[Type[BaseException]],
        exc: Optional[BaseException],
        traceback: Optional[TracebackType],
    ) -> None:
        self.close()
