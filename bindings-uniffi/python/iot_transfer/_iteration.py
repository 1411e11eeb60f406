"""The generated module's paginator objects as iterators of pages (``for page in
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


def make_iterable(module: ModuleType) -> None:
    """Gives every paginator class of ``module`` ``__iter__`` and ``__aiter__``."""
    for name in dir(module):
        cls = getattr(module, name)
        if isinstance(cls, type) and name.endswith("Paginator") and hasattr(cls, "next_page_blocking"):
            setattr(cls, "__iter__", _iterate)
            setattr(cls, "__aiter__", _iterate_async)
