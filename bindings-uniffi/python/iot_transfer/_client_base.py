"""What the face's clients have besides their operations, written by hand: construction with
boto3's keyword arguments, ``exceptions``, ``can_paginate``, ``close`` and the context managers,
and the preflight ``check_transfer``. ``client.py`` adds every operation from the table."""

from types import TracebackType
from typing import Any, Dict, Optional, Type, TypeVar, Union

from . import _calls, _settings
from ._table import PAGINATIONS
from .exceptions import ClientExceptions
from .iot_transfer import CredentialsProvider, IotTransferClient, RetryMode, TransferCheck

_Self = TypeVar("_Self", bound="ClientBase")


class ClientBase:
    """A client of the AWS IoT certificate-transfer API, made with boto3's keyword arguments.

    Every argument is optional: what is left out comes from where the AWS SDKs find it (the
    environment, the shared config and credentials files of the profile, SSO, a web identity
    token, the container or instance metadata). Durations are in seconds. ``max_attempts``
    counts the first attempt, as ``AWS_MAX_ATTEMPTS`` does; ``retry_mode`` is ``"standard"`` or
    ``"adaptive"``; ``credentials_provider`` is a ``CredentialsProvider`` for refreshable
    credentials, instead of static keys.
    """

    exceptions = ClientExceptions()
    """Every exception class, as boto3's ``client.exceptions``: ``CertificateStateException``, ..."""

    def __init__(
        self,
        *,
        region_name: Optional[str] = None,
        endpoint_url: Optional[str] = None,
        aws_access_key_id: Optional[str] = None,
        aws_secret_access_key: Optional[str] = None,
        aws_session_token: Optional[str] = None,
        profile_name: Optional[str] = None,
        use_fips_endpoint: Optional[bool] = None,
        use_dualstack_endpoint: Optional[bool] = None,
        max_attempts: Optional[int] = None,
        retry_mode: Union[str, RetryMode, None] = None,
        retry_base_delay: Optional[float] = None,
        use_retry_quota: Optional[bool] = None,
        connect_timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        call_timeout: Optional[float] = None,
        user_agent_appid: Optional[str] = None,
        credentials_provider: Optional[CredentialsProvider] = None,
    ) -> None:
        settings: Dict[str, Any] = {
            "region_name": region_name,
            "endpoint_url": endpoint_url,
            "profile_name": profile_name,
            "use_fips_endpoint": use_fips_endpoint,
            "use_dualstack_endpoint": use_dualstack_endpoint,
            "max_attempts": max_attempts,
            "retry_mode": retry_mode,
            "retry_base_delay": retry_base_delay,
            "use_retry_quota": use_retry_quota,
            "connect_timeout": connect_timeout,
            "attempt_timeout": attempt_timeout,
            "call_timeout": call_timeout,
            "user_agent_appid": user_agent_appid,
        }
        self._shown = {name: settings[name] for name in ("region_name", "endpoint_url", "profile_name")}
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
    """The blocking client's hand-written part: ``with`` and ``check_transfer``."""

    def __enter__(self: _Self) -> _Self:
        return self

    def __exit__(
        self,
        exc_type: Optional[Type[BaseException]],
        exc: Optional[BaseException],
        traceback: Optional[TracebackType],
    ) -> None:
        self.close()

    def check_transfer(self, *, certificate_id: str, target_aws_account: str) -> TransferCheck:
        """What would make ``transfer_certificate`` of ``certificate_id`` to ``target_aws_account``
        fail, found without changing anything: not found, ACTIVE, REVOKED, already pending and to
        whom, offered to this account rather than owned, the target owning it, attached policies."""
        check = self.uniffi_client.check_transfer_blocking
        result: TransferCheck = _calls.blocking(check, (certificate_id, target_aws_account), None)
        return result


class AsyncClientBase(ClientBase):
    """The asyncio client's hand-written part: ``async with`` and ``check_transfer``."""

    async def __aenter__(self: _Self) -> _Self:
        return self

    async def __aexit__(
        self,
        exc_type: Optional[Type[BaseException]],
        exc: Optional[BaseException],
        traceback: Optional[TracebackType],
    ) -> None:
        self.close()

    async def check_transfer(self, *, certificate_id: str, target_aws_account: str) -> TransferCheck:
        """What would make ``transfer_certificate`` of ``certificate_id`` to ``target_aws_account``
        fail, found without changing anything (see ``Client.check_transfer``)."""
        check = self.uniffi_client.check_transfer
        result: TransferCheck = await _calls.awaited(check, (certificate_id, target_aws_account), None)
        return result
