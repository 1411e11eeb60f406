"""A client's keyword arguments, named as boto3 and botocore's ``Config`` name them, to the
generated ``ClientConfig`` and credentials, and the generated client they make: with static keys,
with a host's credentials provider, or from the environment and shared files as the AWS SDKs
find them (``IotTransferClient.from_environment``). Secrets go straight into the native
credentials object; nothing here keeps them."""

import math
from typing import Any, Dict, Optional

from . import iot_transfer as _generated
from ._calls import blocking

CONFIG_FIELDS: Dict[str, str] = {
    "region_name": "region",
    "profile_name": "profile",
    "endpoint_url": "endpoint_url",
    "use_fips_endpoint": "use_fips",
    "use_dualstack_endpoint": "use_dual_stack",
    "max_attempts": "max_attempts",
    "retry_mode": "retry_mode",
    "retry_base_delay": "retry_base_delay_ms",
    "use_retry_quota": "use_retry_quota",
    "connect_timeout": "connect_timeout_ms",
    "attempt_timeout": "attempt_timeout_ms",
    "call_timeout": "call_timeout_ms",
    "user_agent_appid": "app_name",
}
"""Each client keyword argument of the configuration, and the ``ClientConfig`` field it sets."""

SECONDS = ("retry_base_delay", "connect_timeout", "attempt_timeout", "call_timeout")
"""The arguments given in seconds, as botocore's timeouts are (the ``ClientConfig`` takes ms)."""


def _milliseconds(argument: str, seconds: Any) -> int:
    if isinstance(seconds, bool) or not isinstance(seconds, (int, float)):
        raise TypeError(f"{argument} must be a number of seconds, not {type(seconds).__name__}")
    if not math.isfinite(seconds) or seconds < 0:
        raise ValueError(f"{argument} must be a non-negative number of seconds (got {seconds!r})")
    return math.ceil(seconds * 1000)


def _retry_mode(mode: Any) -> Any:
    if not isinstance(mode, str):
        return mode
    modes = {member.name.lower(): member for member in _generated.RetryMode}
    if mode not in modes:
        raise ValueError(f"retry_mode must be one of {', '.join(modes)} (got {mode!r})")
    return modes[mode]


def client_config(settings: Dict[str, Any]) -> Any:
    """The ``ClientConfig`` of the configuration arguments (``CONFIG_FIELDS``) that are set."""
    fields: Dict[str, Any] = {}
    for argument, value in settings.items():
        if value is None:
            continue
        if argument in SECONDS:
            value = _milliseconds(argument, value)
        elif argument == "retry_mode":
            value = _retry_mode(value)
        fields[CONFIG_FIELDS[argument]] = value
    return _generated.ClientConfig(**fields)


def connect(
    settings: Dict[str, Any],
    aws_access_key_id: Optional[str],
    aws_secret_access_key: Optional[str],
    aws_session_token: Optional[str],
    credentials_provider: Optional[Any],
) -> Any:
    """The generated client: static keys when given (both of them), else the provider when given,
    else credentials as the AWS SDKs find them. What ``settings`` leaves unset comes from the
    environment and the shared files in every case."""
    config = client_config(settings)
    if (aws_access_key_id is None) != (aws_secret_access_key is None):
        given, missing = ("aws_access_key_id", "aws_secret_access_key")[:: 1 if aws_secret_access_key is None else -1]
        raise ValueError(f"{given} was given without {missing}: give both, or neither")
    if aws_session_token is not None and aws_access_key_id is None:
        raise ValueError("aws_session_token was given without aws_access_key_id and aws_secret_access_key")
    if aws_access_key_id is not None and credentials_provider is not None:
        raise ValueError("give either static keys or credentials_provider, not both")
    client = _generated.IotTransferClient
    if aws_access_key_id is not None and aws_secret_access_key is not None:
        credentials = _generated.AwsCredentials(aws_access_key_id, aws_secret_access_key, aws_session_token)
        return blocking(client, (config, credentials), None)
    if credentials_provider is not None:
        return blocking(client.with_provider, (config, credentials_provider), None)
    return blocking(client.from_environment, (config,), None)
