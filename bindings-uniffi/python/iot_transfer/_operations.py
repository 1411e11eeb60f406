"""Every operation of the table as a method of the face's clients, written once: the method fills
its records from its keyword arguments and calls the generated client's method of the same name
(``..._blocking`` for the blocking client); ``get_paginator`` gives each list operation's
paginator. An operation declared in the core is a method here with nothing written for it."""

from typing import Any, Callable

from . import _arguments, _calls
from ._table import OPERATIONS, PAGINATIONS, Call
from .paginate import AsyncPaginator, Paginator


def _blocking_method(call: Call) -> Callable[..., Any]:
    def method(self: Any, **kwargs: Any) -> Any:
        records = _arguments.records(call, kwargs)
        output = _calls.blocking(getattr(self.uniffi_client, call.method + "_blocking"), records, call.operation_name)
        return call.convert(output)

    return method


def _async_method(call: Call) -> Callable[..., Any]:
    async def method(self: Any, **kwargs: Any) -> Any:
        records = _arguments.records(call, kwargs)
        output = await _calls.awaited(getattr(self.uniffi_client, call.method), records, call.operation_name)
        return call.convert(output)

    return method


def _method(owner: type, call: Call, blocking: bool) -> Callable[..., Any]:
    """``call`` as a method of ``owner``, named, documented and with its keyword arguments'
    signature."""
    method = (_blocking_method if blocking else _async_method)(call)
    method.__name__ = call.method
    method.__qualname__ = f"{owner.__name__}.{call.method}"
    method.__doc__ = call.doc
    setattr(method, "__signature__", _arguments.signature(call))
    return method


def _get_paginator(blocking: bool) -> Callable[[Any, str], Any]:
    def get_paginator(self: Any, operation_name: str) -> Any:
        """The paginator of a list operation, by its method's name (``"list_certificates"``)."""
        pagination = PAGINATIONS.get(operation_name)
        if pagination is None:
            raise ValueError(f"{operation_name!r} cannot be paginated; these can: {', '.join(PAGINATIONS)}")
        paginator: Any = Paginator if blocking else AsyncPaginator
        return paginator(self.uniffi_client, pagination)

    return get_paginator


def attach(owner: type, blocking: bool) -> None:
    """Gives ``owner`` a method per operation and workflow call, and ``get_paginator``."""
    for call in OPERATIONS:
        setattr(owner, call.method, _method(owner, call, blocking))
    setattr(owner, "get_paginator", _get_paginator(blocking))
