"""The generated module's paginator objects (and its batch object, of events) as iterators of pages (``for page in
client.list_certificates_paginator(ListCertificatesInput())``) and async iterators (``async for
page in ...``), one request per page: written once for every paginator class."""

from types import ModuleType
from typing import Any, AsyncIterator, Iterator


def _iterate(self: Any) -> Iterator[Any]:
    while (page := self.next_page_blocking()) is not None:
        yield page


async def _iterate_async(self: Any) -> AsyncIterator[Any]:
    while (page := await self.next_page()) is not None:
        yield page


def _events(self: Any) -> Iterator[Any]:
    while (event := self.next_event_blocking()) is not None:
        yield event


async def _events_async(self: Any) -> AsyncIterator[Any]:
    while (event := await self.next_event()) is not None:
        yield event


def make_iterable(module: ModuleType) -> None:
    """Gives every paginator class of ``module``, and its batch class, ``__iter__`` and ``__aiter__``."""
    batch = getattr(module, "Batch", None)
    if isinstance(batch, type) and hasattr(batch, "next_event_blocking"):
        setattr(batch, "__iter__", _events)
        setattr(batch, "__aiter__", _events_async)
    for name in dir(module):
        cls = getattr(module, name)
        if isinstance(cls, type) and name.endswith("Paginator") and hasattr(cls, "next_page_blocking"):
            setattr(cls, "__iter__", _iterate)
            setattr(cls, "__aiter__", _iterate_async)
