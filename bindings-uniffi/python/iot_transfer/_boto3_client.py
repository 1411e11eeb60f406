"""The boto3 face's client: every operation of the model a method taking boto3's keyword
arguments (the model's member names, ``certificateId=...``) and returning boto3's dict, through
the face's ``Client`` (validation before sending, reconciliation, the Rust core). Made from the
table: an operation declared in the core is a method here with nothing written for it."""

from typing import Any, Callable, Dict

from ._boto3_errors import boto3_error, client_exceptions
from ._boto3_paginate import Paginator
from ._errors import param_validation_error
from ._table import OPERATIONS, PAGINATIONS, Call
from .client import Client


def _arguments(call: Call) -> Callable[[Dict[str, Any]], Dict[str, Any]]:
    """The face's keyword arguments from boto3's, checked by the model's names: an unknown one
    or a missing one is botocore's ``ParamValidationError`` naming it."""
    members = [member for record in call.records for member in record.members]
    by_model_name = {member.model_name: member.name for member in members}
    takes = ", ".join(by_model_name) or "no parameters"

    def face_arguments(given: Dict[str, Any]) -> Dict[str, Any]:
        for name in given:
            if name not in by_model_name:
                rule = f"is not a parameter of {call.operation_name} (it takes {takes})"
                raise boto3_error(param_validation_error(name, name, rule))
        for member in members:
            if member.required and member.model_name not in given:
                raise boto3_error(param_validation_error(member.model_name, member.model_name, "is required"))
        return {by_model_name[name]: value for name, value in given.items()}

    return face_arguments


def _method(call: Call) -> Callable[..., Dict[str, Any]]:
    """``call`` as a method of the boto3 face's client."""
    arguments = _arguments(call)
    face_method = getattr(Client, call.method)

    def method(self: "Boto3Client", **kwargs: Any) -> Dict[str, Any]:
        face_arguments = arguments(kwargs)
        try:
            output = face_method(self.face, **face_arguments)
        except Exception as error:
            translated = boto3_error(error)
            if translated is error:
                raise
            raise translated from None
        return output.to_dict()  # type: ignore[no-any-return]

    method.__name__ = call.method
    method.__qualname__ = f"Boto3Client.{call.method}"
    method.__doc__ = f"{call.doc}\n\nTakes boto3's keyword arguments ({', '.join(m.model_name for r in call.records for m in r.members)}) and returns boto3's dict."
    return method


class Boto3Client:
    """A client shaped as ``boto3.client("iot")``: the operations of the certificate-transfer
    workflow as methods taking boto3's keyword arguments and returning its dicts (with
    ``ResponseMetadata``), ``exceptions``, ``get_paginator`` and ``can_paginate``. Made by
    ``iot_transfer.boto3.client``."""

    def __init__(self, face: Client) -> None:
        self.face = face
        """The face's ``Client`` under this one: the same calls with Python's names and values."""
        self.exceptions = client_exceptions()
        """Every exception class by its name, and ``ClientError``, as boto3's ``client.exceptions``."""

    def can_paginate(self, operation_name: str) -> bool:
        """Whether ``get_paginator(operation_name)`` has a paginator (``list_certificates``: yes)."""
        return operation_name in PAGINATIONS

    def get_paginator(self, operation_name: str) -> Paginator:
        """The paginator of a list operation, by its method's name (``"list_certificates"``)."""
        pagination = PAGINATIONS.get(operation_name)
        if pagination is None:
            raise ValueError(f"{operation_name!r} cannot be paginated; these can: {', '.join(PAGINATIONS)}")
        return Paginator(self.face, pagination, _arguments(pagination.operation))

    def close(self) -> None:
        """Lets go of the native client: its connections close once no call holds it."""
        self.face.close()

    def __repr__(self) -> str:
        return f"<iot_transfer.boto3 client of IoT: {self.face!r}>"

    def __getattr__(self, name: str) -> Callable[..., Dict[str, Any]]:
        """Only for type checkers: the operations are set on the class from the table, and, as on
        a boto3 client, each is a method taking keyword arguments and returning a dict. An
        attribute that is not there is an ``AttributeError``."""
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")


for _call in OPERATIONS:
    if _call.operation_name is not None:
        setattr(Boto3Client, _call.method, _method(_call))
