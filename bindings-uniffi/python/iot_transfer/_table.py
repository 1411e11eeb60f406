"""The table of the core's declarations (``_declarations.py``, generated when the wheel is built)
with each record's class found in the generated module: what the face's methods, paginators and
keyword arguments are made from. Nothing here names an operation."""

from typing import Any, Callable, Dict, NamedTuple, Optional, Tuple

from . import _declarations
from . import iot_transfer as _generated
from ._conversions import CONVERT


class Member(NamedTuple):
    """A member of a record, given as a keyword argument."""

    name: str
    """Its name, the keyword argument's (``certificate_id``)."""
    model_name: str
    """Its name in the AWS model (``certificateId``)."""
    required: bool
    """Whether a caller must give it."""
    default: Any
    """What a caller who leaves it out gets."""
    status: Optional[str]
    """The status enum it holds, which may also be given by name (``"INACTIVE"``), if it is one."""


class Record(NamedTuple):
    """A record callers fill with keyword arguments: an operation's input, the prepare options."""

    name: str
    cls: Any
    """The generated record class."""
    members: Tuple[Member, ...]


class Call(NamedTuple):
    """A method of the face that fills records from its keyword arguments and calls the uniffi
    client's method of the same name (``..._blocking`` for the blocking client)."""

    method: str
    operation_name: Optional[str]
    """The operation's model name (``TransferCertificate``); None for a call of several operations."""
    records: Tuple[Record, ...]
    doc: str
    output: str
    """The output record's name, the same in ``values`` and in the generated module."""
    convert: Callable[[Any], Any]
    """Makes the face's value (``values``) of the generated client's result."""


class Pagination(NamedTuple):
    """A list operation a paginator walks."""

    operation: Call
    """The paginated operation."""
    method: str
    """The uniffi client's method that makes its paginator object."""
    doc: str
    items: str
    """The output member listing a page's items (``certificates``)."""
    marker: str
    """The input member where a page starts (``marker``)."""
    next_marker: str
    """The output member naming the next page (``next_marker``)."""
    page_size: str
    """The input member sizing a page (``page_size``)."""


def _record(name: str) -> Record:
    members = tuple(Member(*member) for member in _declarations.INPUTS[name])
    return Record(name, getattr(_generated, name), members)


OPERATIONS: Tuple[Call, ...] = tuple(
    Call(method, None if workflow else name, (_record(input_name),), doc, output, CONVERT[output])
    for method, name, input_name, output, doc, workflow in _declarations.OPERATIONS
)
"""Every operation and workflow call of the client."""

BATCHES: Tuple[Call, ...] = tuple(
    Call(method, None, (_record(input_name),), doc, event, CONVERT[event])
    for method, input_name, event, doc in _declarations.BATCHES
)
"""Every batch of the client: its records, and the conversion of each event."""

_BY_METHOD = {call.method: call for call in OPERATIONS}

PAGINATIONS: Dict[str, Pagination] = {
    operation: Pagination(_BY_METHOD[operation], *rest) for operation, *rest in _declarations.PAGINATORS
}
"""Every paginator, by the method of the operation it walks (``list_certificates``)."""

STATUSES: Dict[str, Tuple[Dict[str, str], Optional[str]]] = dict(_declarations.STATUSES)
"""Every status enum: its variants by wire name, and the variant that carries any other name."""
