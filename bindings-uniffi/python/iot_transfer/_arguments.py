"""Keyword arguments to records: a method's arguments are its records' members, checked by name
before anything is sent (an unknown or a missing one is a ``ParamValidationError``), and the
signature each generated method shows (``help()``, ``inspect.signature``, stubtest)."""

import inspect
import os
from typing import Any, Dict, FrozenSet, List, Mapping, NamedTuple, Tuple, cast

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


class _Plan(NamedTuple):
    """What filling a call's records needs, worked out once per call rather than on every call."""

    names: FrozenSet[str]
    """Every keyword argument the call takes."""
    takes: str
    """Those names, as an unknown argument's error lists them."""
    records: Tuple[Tuple[Any, Tuple[Member, ...]], ...]
    """Each record's class and members, in the uniffi method's order."""


_PLANS: Dict[int, _Plan] = {}
"""Each call's plan, by the call's identity (the table's calls live as long as the module)."""


def _plan(call: Call) -> _Plan:
    plan = _PLANS.get(id(call))
    if plan is None:
        names = [member.name for record in call.records for member in record.members]
        takes = ", ".join(names) if names else "no arguments"
        plan = _Plan(frozenset(names), takes, tuple((record.cls, record.members) for record in call.records))
        _PLANS[id(call)] = plan
    return plan


def records(call: Call, arguments: Mapping[str, Any]) -> List[Any]:
    """The records of ``call`` filled from ``arguments``, in the uniffi method's order."""
    plan = _plan(call)
    if not plan.names.issuperset(arguments):
        for name in arguments:
            if name not in plan.names:
                raise param_validation_error(name, name, f"is not an argument of {call.method} (it takes {plan.takes})")
    filled: List[Any] = []
    for cls, members in plan.records:
        values: Dict[str, Any] = {}
        for member in members:
            name = member.name
            if name in arguments:
                value = arguments[name]
                # A plain string is taken as it is unless it may name a status.
                values[name] = value if type(value) is str and member.status is None else _value(member, value)
            elif member.required:
                raise param_validation_error(name, member.model_name, "is required")
        filled.append(cls(**values))
    return filled


def signature(call: Call) -> inspect.Signature:
    """``(self, *, certificate_id, target_aws_account, transfer_message=None)``: the records' members."""
    parameters = [inspect.Parameter("self", inspect.Parameter.POSITIONAL_OR_KEYWORD)]
    for record in call.records:
        for member in record.members:
            default = inspect.Parameter.empty if member.required else member.default
            parameters.append(inspect.Parameter(member.name, inspect.Parameter.KEYWORD_ONLY, default=default))
    return inspect.Signature(parameters)
