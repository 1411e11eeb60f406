"""The boto3 face's exceptions: each class of the face (``exceptions``) again, deriving also from
botocore's class for it when botocore is installed, so that ``except ClientError`` with
``from botocore.exceptions import ClientError`` catches what a boto3 script expects to catch
(``ParamValidationError``, ``EndpointConnectionError``, ``ReadTimeoutError`` and
``NoCredentialsError`` likewise). Without botocore they are the face's classes under the same
names; ``client.exceptions`` holds them either way. Messages name members as the model does
(``certificateId``), as botocore's do."""

import importlib
from types import SimpleNamespace
from typing import Any, Dict, Tuple

from . import _declarations
from ._errors import CLASSES, ClientError, IotTransferError



def _botocore_exceptions() -> Any:
    """``botocore.exceptions`` when botocore is installed (imported by name: it is optional, and
    untyped), else ``None``: the face's classes then serve alone."""
    try:
        return importlib.import_module("botocore.exceptions")
    except ImportError:
        return None


_botocore: Any = _botocore_exceptions()

_BOTOCORE_LOCAL_CLASS = {
    "Transport": "EndpointConnectionError",
    "Timeout": "ReadTimeoutError",
    "Credentials": "NoCredentialsError",
}
"""The botocore class a boto3 script catches for a kind raised below HTTP, by the kind's name;
any other such kind derives from ``BotoCoreError``."""


def _botocore_bases(kind: str, group: str) -> Tuple[type, ...]:
    if _botocore is None:
        return ()
    if group in ("modelled", "service"):
        return (_botocore.ClientError,)
    if group == "validation":
        return (_botocore.ParamValidationError,)
    return (getattr(_botocore, _BOTOCORE_LOCAL_CLASS.get(kind, "BotoCoreError")),)


def _classes() -> Dict[str, type]:
    """Each face class's boto3 class, by the face class's name."""
    made: Dict[str, type] = {}
    for kind, name, group, _code, _doc in _declarations.ERROR_KINDS:
        face = CLASSES[name]
        bases = _botocore_bases(kind, group)
        made[name] = face if not bases else type(name, (face, *bases), {"__doc__": face.__doc__, "__module__": __name__})
    return made


_BY_FACE_NAME = _classes()

BOTO3_CLASSES: Dict[str, type] = {
    alias: _BY_FACE_NAME[face.__name__] for alias, face in CLASSES.items()
}
"""Every class of the boto3 face, by each name the face exports it under."""


def client_exceptions() -> Any:
    """``client.exceptions``: every class by its name, and ``ClientError``."""
    classes = dict(BOTO3_CLASSES, ClientError=_botocore.ClientError if _botocore is not None else ClientError)
    return SimpleNamespace(**classes)


def boto3_error(error: Exception) -> Exception:
    """The boto3 face's exception for the face's ``error``: the same fields, its class deriving from
    botocore's, its message naming members as the model does. Any other exception is returned as
    it is."""
    if not isinstance(error, IotTransferError):
        return error
    cls: Any = _BY_FACE_NAME.get(type(error).__name__)
    if cls is None:
        return error
    translated: Exception = cls.__new__(cls)
    fields = dict(vars(error))
    details: Any = getattr(error, "details")
    fields["hint"] = details.hint
    if details.validation is not None:
        fields.update(field=details.validation.field, error_message=details.message)
    fields.setdefault("kwargs", {"report": details.message})
    vars(translated).update(fields)
    translated.args = error.args
    return translated
