"""Batches as Python iterates them: ``client.handover(certificates=[...], target_aws_account=...)``
is a ``Batch`` to ``for event in ...`` (``async for`` from an ``AsyncClient``), one event per
certificate as it finishes, each the face's ``BatchEvent``. Starting a batch sends nothing; the
first iteration starts it. ``stop()`` starts no new certificate and lets those in flight finish;
leaving a ``with`` block stops it too. Written once for every batch of the table."""

from types import TracebackType
from typing import Any, AsyncIterator, Callable, Generic, Iterator, Optional, Type, TypeVar

from . import _arguments, _calls
from ._table import BATCHES, Call

_Event = TypeVar("_Event")
_Self = TypeVar("_Self", bound="_Batch[Any]")


class _Batch(Generic[_Event]):
    """What both batches share: the generated batch object, the conversion of its events, ``stop``."""

    def __init__(self, events: Any, convert: Callable[[Any], _Event]) -> None:
        self._events = events
        self._convert = convert

    def stop(self) -> None:
        """Starts no new certificate; those in flight finish, each with its event."""
        self._events.stop()

    def __enter__(self: _Self) -> _Self:
        return self

    def __exit__(
        self,
        exc_type: Optional[Type[BaseException]],
        exc: Optional[BaseException],
        traceback: Optional[TracebackType],
    ) -> None:
        self.stop()


class Batch(_Batch[_Event]):
    """A running batch: ``for event in batch``; a problem that stops the whole batch (its input,
    its journal) is raised as the face's exception for its kind."""

    def __iter__(self) -> Iterator[_Event]:
        while True:
            event = _calls.blocking(self._events.next_event_blocking, (), None)
            if event is None:
                return
            yield self._convert(event)


class AsyncBatch(_Batch[_Event]):
    """A running batch for ``async for event in batch``."""

    async def __aiter__(self) -> AsyncIterator[_Event]:
        while True:
            event = await _calls.awaited(self._events.next_event, (), None)
            if event is None:
                return
            yield self._convert(event)


def _batch_method(call: Call, blocking: bool) -> Callable[..., Any]:
    def method(self: Any, **kwargs: Any) -> _Batch[Any]:
        records = _arguments.records(call, kwargs)
        events = getattr(self.uniffi_client, call.method)(*records)
        if blocking:
            return Batch[Any](events, call.convert)
        return AsyncBatch[Any](events, call.convert)

    return method


def attach(owner: type, blocking: bool) -> None:
    """Gives ``owner`` a method per batch, named, documented and with its keyword arguments' signature."""
    for call in BATCHES:
        method = _batch_method(call, blocking)
        method.__name__ = call.method
        method.__qualname__ = f"{owner.__name__}.{call.method}"
        method.__doc__ = call.doc
        setattr(method, "__signature__", _arguments.signature(call))
        setattr(owner, call.method, method)
