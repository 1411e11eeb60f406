"""A client's keyword arguments, the settings the core declares (``SETTINGS``: boto3's names,
durations in seconds), to the generated ``ClientConfig`` and credentials, and the generated
client they make: with static keys, with a host's credentials provider, or from the environment
and shared files as the AWS SDKs find them. Values of the wrong Python type are a ``TypeError``
here; the core checks the rules (ranges) and names the argument. Secrets go straight into the
native credentials object; nothing here keeps them."""

import math
from typing import Any, Dict, Optional

from . import iot_transfer as _generated
from ._calls import blocking
from ._declarations import SETTINGS

ARGUMENTS: Dict[str, str] = {argument: field for argument, field, _ in SETTINGS}
"""Each setting's keyword argument, and the ``ClientConfig`` field it sets."""

_KINDS: Dict[str, str] = {argument: kind for argument, _, kind in SETTINGS}

_I64 = (-(2**63), 2**63 - 1)
"""What the ``ClientConfig`` carries a count or duration in: a value beyond is held at the bound,
where the core's rule refuses it all the same."""


def _held(number: int) -> int:
    return max(_I64[0], min(_I64[1], number))


def _number(argument: str, value: Any, kind: str) -> int:
    """A count, or seconds as milliseconds (rounded up, as a timeout must not be shortened)."""
    if kind == "attempts":
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"{argument} must be an int, not {type(value).__name__}")
        return _held(value)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"{argument} must be a number of seconds, not {type(value).__name__}")
    if math.isnan(value):
        raise TypeError(f"{argument} must be a number of seconds, not NaN")
    if math.isinf(value):
        return _I64[1] if value > 0 else _I64[0]
    return _held(math.ceil(value * 1000))


def _retry_mode(mode: Any) -> Any:
    if not isinstance(mode, str):
        return mode
    modes = {member.name.lower(): member for member in _generated.RetryMode}
    if mode not in modes:
        raise ValueError(f"retry_mode must be one of {', '.join(modes)} (got {mode!r})")
    return modes[mode]


def client_config(settings: Dict[str, Any]) -> Any:
    """The ``ClientConfig`` of the settings given (``None`` is not given), checked by the core's
    rules with the arguments' names. An unknown argument is a ``TypeError``, as Python's own."""
    fields: Dict[str, Any] = {}
    for argument, value in settings.items():
        kind = _KINDS.get(argument)
        if kind is None:
            raise TypeError(f"the client got an unexpected keyword argument {argument!r}")
        if value is None:
            continue
        if kind in ("attempts", "seconds"):
            value = _number(argument, value, kind)
        elif kind == "mode":
            value = _retry_mode(value)
        fields[ARGUMENTS[argument]] = value
    config = _generated.ClientConfig(**fields)
    blocking(_generated.check_client_config, (config, _generated.SettingNaming.PYTHON), None)
    return config


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
