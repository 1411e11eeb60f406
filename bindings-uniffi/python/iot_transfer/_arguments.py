"""Keyword arguments to records: a method's arguments are its records' members, checked by name
before anything is sent (an unknown or a missing one is a ``ParamValidationError``), and the
signature each generated method shows (``help()``, ``inspect.signature``, stubtest)."""

import inspect
import os
from typing import Any, List, Mapping, cast

from . import iot_transfer as _generated
from ._table import STATUSES, Call, Member
from ._errors import param_validation_error


def _value(member: Member, value: Any) -> Any:
    """The value as the record holds it: a status given by name becomes the status, and a path
    (``pathlib.Path``, a batch's journal) its text."""
    if isinstance(value, os.PathLike):
        return os.fspath(cast("os.PathLike[str]", value))
    if member.status is None or not isinstance(value, str):
        return value
    variants, other = STATUSES[member.status]
    status = getattr(_generated, member.status)
    if value in variants:
        return getattr(status, variants[value])()
    # A name the model does not have: the core refuses it, naming the argument and what is allowed.
    return getattr(status, other)(value) if other is not None else value


def records(call: Call, arguments: Mapping[str, Any]) -> List[Any]:
    """The records of ``call`` filled from ``arguments``, in the uniffi method's order."""
    names = [member.name for record in call.records for member in record.members]
    for name in arguments:
        if name not in names:
            takes = ", ".join(names) if names else "no arguments"
            raise param_validation_error(name, name, f"is not an argument of {call.method} (it takes {takes})")
    filled: List[Any] = []
    for record in call.records:
        for member in record.members:
            if member.required and member.name not in arguments:
                raise param_validation_error(member.name, member.model_name, "is required")
        values = {m.name: _value(m, arguments[m.name]) for m in record.members if m.name in arguments}
        filled.append(record.cls(**values))
    return filled


def signature(call: Call) -> inspect.Signature:
    """``(self, *, certificate_id, target_aws_account, transfer_message=None)``: the records' members."""
    parameters = [inspect.Parameter("self", inspect.Parameter.POSITIONAL_OR_KEYWORD)]
    for record in call.records:
        for member in record.members:
            default = inspect.Parameter.empty if member.required else member.default
            parameters.append(inspect.Parameter(member.name, inspect.Parameter.KEYWORD_ONLY, default=default))
    return inspect.Signature(parameters)
