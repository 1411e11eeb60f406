"""What a boto3 script passes when it makes a client (``boto3.client("iot", region_name=...,
config=Config(retries=...))``), as the face's settings: boto3's arguments that the face has under
the same name pass through, a botocore ``Config``'s options are read one by one, and an option
this library cannot honour is a ``ValueError`` naming it rather than silently ignored."""

from typing import Any, Dict, Optional

_CONFIG_OPTIONS = {
    "region_name": "region_name",
    "connect_timeout": "connect_timeout",
    "read_timeout": "attempt_timeout",
    "user_agent_appid": "user_agent_appid",
    "use_fips_endpoint": "use_fips_endpoint",
    "use_dualstack_endpoint": "use_dualstack_endpoint",
}
"""A botocore ``Config`` option and the face's setting for it. ``read_timeout`` bounds each
attempt here (botocore bounds each read of the socket)."""

_CONFIG_IGNORED = frozenset(
    {"max_pool_connections", "parameter_validation", "tcp_keepalive", "signature_version", "user_agent",
     "user_agent_extra", "inject_host_prefix"}
)
"""Options that change nothing a script sees: the pool grows as needed, input is always validated,
requests are always signed with SigV4, and the user agent is the library's own."""

_LEGACY_ATTEMPTS = 5
"""botocore's ``legacy`` retry mode makes 5 attempts; it is served by the standard mode here."""


def _retries(retries: Dict[str, Any]) -> Dict[str, Any]:
    """botocore's ``retries`` dict: ``total_max_attempts`` counts every attempt, ``max_attempts``
    only the retries, ``mode`` is ``legacy``, ``standard`` or ``adaptive``."""
    settings: Dict[str, Any] = {}
    mode = retries.get("mode")
    for key in retries:
        if key not in ("mode", "max_attempts", "total_max_attempts"):
            raise ValueError(f"Config(retries={{{key!r}: ...}}) is not supported by iot_transfer.boto3")
    if mode == "legacy":
        settings["max_attempts"] = _LEGACY_ATTEMPTS
        mode = "standard"
    if mode is not None:
        settings["retry_mode"] = mode
    if "total_max_attempts" in retries:
        settings["max_attempts"] = retries["total_max_attempts"]
    elif "max_attempts" in retries:
        settings["max_attempts"] = retries["max_attempts"] + 1
    return settings


def config_settings(config: Any) -> Dict[str, Any]:
    """The face's settings from a botocore ``Config``: the options its caller gave."""
    if config is None:
        return {}
    given: Dict[str, Any] = dict(getattr(config, "_user_provided_options", {}))
    settings: Dict[str, Any] = {}
    for option, value in given.items():
        if option == "retries":
            settings.update(_retries(value))
        elif option in _CONFIG_OPTIONS:
            settings[_CONFIG_OPTIONS[option]] = value
        elif option not in _CONFIG_IGNORED:
            raise ValueError(f"Config({option}=...) is not supported by iot_transfer.boto3")
    return settings


def client_settings(
    service_name: str,
    use_ssl: bool,
    verify: Any,
    config: Any,
    **given: Optional[Any],
) -> Dict[str, Any]:
    """The face's keyword arguments for ``boto3.client(service_name, ...)``: what the caller gave
    (``None`` is not given) over what its ``config`` gives."""
    if service_name != "iot":
        raise ValueError(f"iot_transfer.boto3 makes clients of the 'iot' service only (got {service_name!r})")
    if not use_ssl:
        raise ValueError("use_ssl=False is not supported: a plain http endpoint_url is used only on loopback")
    if verify is not None and verify is not True:
        raise ValueError("verify is not supported: set AWS_CA_BUNDLE (or ca_bundle in the profile) instead")
    settings = config_settings(config)
    settings.update({name: value for name, value in given.items() if value is not None})
    return settings
