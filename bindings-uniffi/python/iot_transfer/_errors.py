"""Where the face's exceptions are made: a class per error kind the core declares, at import
time from the table (``_declarations.ERROR_KINDS``), each deriving from its generated uniffi
variant; and the translation of a generated error into the face's class. ``exceptions`` is the
public module that holds them."""

import datetime
from typing import Any, Dict, Optional, Tuple

from . import _conversions, _declarations
from . import iot_transfer as _generated

IotTransferError = _generated.IotTransferError
"""The one base: the generated uniffi error, whose variants are the core's error kinds."""



def _detail(name: str, path: Tuple[str, ...]) -> Any:
    """A property of every error reading ``path`` from its ``details`` (the core's record of an
    error), ``None`` where a record on the way is absent; a value the face set on the instance
    under ``name`` (the validation error's Python-named ``field``) comes first."""

    def read(error: Any) -> Any:
        own: Any = error.__dict__
        if name in own:
            return own[name]
        value = error.details
        for part in path:
            value = None if value is None else getattr(value, part)
        return value

    return property(read, doc=f"The error's details' {'.'.join(path)}.")


# Written once over the generated base, like the paginators' iteration in __init__.py: every
# error, the generated ones included, reads each field of its details as an attribute, its message
# as `message`, and names its operation.
# A validation error's own attributes are on its variant only.
_VALIDATION_VARIANT = next(
    getattr(IotTransferError, kind) for kind, _, group, _, _ in _declarations.ERROR_KINDS if group == "validation"
)
for _attribute, _path, _only_validation in _declarations.ERROR_ATTRIBUTES:
    setattr(_VALIDATION_VARIANT if _only_validation else IotTransferError, _attribute, _detail(_attribute, _path))
setattr(IotTransferError, "message", property(lambda self: self.error_message, doc="The human-readable message."))
setattr(IotTransferError, "operation_name", None)
# The generated error prints its details record, whose repr is empty: print the code and message.
def _code_and_message(error: Any) -> str:
    return f"{error.code}: {error.error_message}"


setattr(IotTransferError, "__str__", _code_and_message)


class _Readable:
    """What the face's classes carry (the uniffi error's fields, and the operation) and print:
    the code and message (boto3's wording for service errors)."""

    code: str
    error_message: str
    http_status: Optional[int]
    request_id: Optional[str]
    attempts: int
    operation_name: Optional[str]

    @property
    def message(self) -> str:
        """The human-readable message."""
        return self.error_message

    def __str__(self) -> str:
        return f"{self.code}: {self.message}"

    def __repr__(self) -> str:
        return f"{type(self).__name__}({str(self)!r})"


class ClientError(_Readable, IotTransferError):
    """An error the service returned, as boto3's ``ClientError``: a modelled exception, an
    authentication failure or a code the model does not define."""

    __module__ = "iot_transfer.exceptions"

    def __str__(self) -> str:
        operation = f" when calling the {self.operation_name} operation" if self.operation_name else ""
        return f"An error occurred ({self.code}){operation}: {self.message}"

    @property
    def response(self) -> Dict[str, Any]:
        """The error as boto3 shapes ``ClientError.response``."""
        metadata = _conversions.CONVERT["ResponseMetadata"](getattr(self, "details").metadata)
        return {"Error": {"Code": self.code, "Message": self.message}, "ResponseMetadata": metadata.to_dict()}


class _ParamValidation(_Readable):
    """The validation error's face: ``field`` is the Python argument (``certificate_id``) and the
    message names it, as the core renders it in snake case; ``model_field`` is the model's name."""

    field: str
    model_field: str
    rule: str
    snake_case_field: str
    snake_case_message: str

    def __str__(self) -> str:
        return f"Parameter validation failed: {self.message}"


_BASES: Dict[str, Tuple[type, ...]] = {
    "modelled": (ClientError,),
    "service": (ClientError,),
    "validation": (_ParamValidation,),
    "local": (_Readable,),
}
_VALIDATION_KIND, _VALIDATION_CODE = next(
    (kind, code) for kind, _, group, code, _ in _declarations.ERROR_KINDS if group == "validation" and code
)


class ClientExceptions:
    """Every exception class, as boto3's ``client.exceptions`` holds them."""

    __module__ = "iot_transfer.exceptions"
    IotTransferError = IotTransferError
    ClientError = ClientError


CLASSES: Dict[str, type] = {}
"""Every class of the face, by each name it is exported under: its class name (boto3's), and its
code when that differs (the validation error is also ``ValidationError``)."""

_FACE_OF: Dict[type, type] = {}

for _kind, _name, _group, _code, _doc in _declarations.ERROR_KINDS:
    _variant = getattr(IotTransferError, _kind)
    _class = type(_name, _BASES[_group] + (_variant,), {"__doc__": _doc, "__module__": "iot_transfer.exceptions"})
    _FACE_OF[_variant] = _class
    for _alias in {_name, _code or _name}:
        CLASSES[_alias] = _class
        setattr(ClientExceptions, _alias, _class)

_PARAM_VALIDATION_ERROR: Any = CLASSES["ParamValidationError"]


def param_validation_error(field: str, model_field: str, rule: str) -> Exception:
    """The validation error for a keyword argument the face refuses before calling the core
    (unknown, missing), with the fields of one the core raises."""
    message = f"{field} {rule}"
    validation = _generated.ValidationDetails(
        field=model_field, rule=rule, snake_case_field=field, snake_case_message=message
    )
    metadata = _generated.ResponseMetadata(
        http_status=None, request_id=None, attempts=0, total_retry_delay=datetime.timedelta(0), reconciled=False
    )
    details = _generated.ErrorDetails(
        kind=_VALIDATION_KIND, code=_VALIDATION_CODE, message=message, fault="client", retryable=False,
        throttling=False, possibly_applied=False, hint=None, snake_case_hint=None, validation=validation,
        metadata=metadata,
    )
    error: Exception = _PARAM_VALIDATION_ERROR.__new__(_PARAM_VALIDATION_ERROR)
    vars(error).update(
        details=details, operation_name=None, field=field, model_field=model_field, error_message=message
    )
    error.args = (message,)
    return error


def translate(error: Exception, operation_name: Optional[str]) -> Exception:
    """The face's exception for a generated ``error``: the same fields, of the face's class for
    its kind, naming ``operation_name``. Any other exception is returned as it is."""
    face: Any = _FACE_OF.get(type(error))
    if face is None:
        return error
    translated: Exception = face.__new__(face)
    generated: Any = error
    # Hints name operations and arguments as Python spells them.
    fields = dict(vars(error), operation_name=operation_name, hint=generated.snake_case_hint)
    if isinstance(translated, _ParamValidation):
        # The core renders the message naming the member as Python spells it; the face chooses it.
        fields.update(
            model_field=generated.field, field=generated.snake_case_field, error_message=generated.snake_case_message
        )
    vars(translated).update(fields)
    translated.args = error.args
    return translated
