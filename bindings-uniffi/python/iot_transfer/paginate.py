"""Paginators as boto3 has them: ``client.get_paginator("list_certificates")`` is a ``Paginator``
whose ``paginate(**kwargs)`` checks the keyword arguments at once and gives the pages to iterate,
one request each (``for page in ...``; ``async for page in ...`` from an ``AsyncClient``), each
page the operation's output as the face's value (``values``). Written once for every list
operation of the table."""

from typing import Any, AsyncIterator, Callable, Generic, Iterator, TypeVar

from . import _arguments, _calls
from ._table import Pagination

_Page = TypeVar("_Page")


class PageIterator(Generic[_Page]):
    """The pages of one pagination, one request each; each iteration starts from the first page."""

    def __init__(self, open_pages: Callable[[], Any], pagination: Pagination) -> None:
        self._open_pages = open_pages
        self._pagination = pagination

    def __iter__(self) -> Iterator[_Page]:
        pages = self._open_pages()
        operation = self._pagination.operation
        while True:
            page = _calls.blocking(pages.next_page_blocking, (), operation.operation_name)
            if page is None:
                return
            yield operation.convert(page)


class AsyncPageIterator(Generic[_Page]):
    """The pages of one pagination for ``async for``, one request each."""

    def __init__(self, open_pages: Callable[[], Any], pagination: Pagination) -> None:
        self._open_pages = open_pages
        self._pagination = pagination

    async def __aiter__(self) -> AsyncIterator[_Page]:
        pages = self._open_pages()
        operation = self._pagination.operation
        while True:
            page = await _calls.awaited(pages.next_page, (), operation.operation_name)
            if page is None:
                return
            yield operation.convert(page)


class _Paginator:
    """What both paginators share: the operation they walk and the client's uniffi object."""

    def __init__(self, uniffi_client: Any, pagination: Pagination) -> None:
        self._uniffi_client = uniffi_client
        self._pagination = pagination

    @property
    def operation_name(self) -> str:
        """The paginated operation's method (``list_certificates``)."""
        return self._pagination.operation.method

    def _opener(self, arguments: Any) -> Callable[[], Any]:
        (record,) = _arguments.records(self._pagination.operation, arguments)
        make = getattr(self._uniffi_client, self._pagination.method)
        return lambda: make(record)


class Paginator(_Paginator, Generic[_Page]):
    """A list operation's paginator, from ``Client.get_paginator``."""

    def paginate(self, **kwargs: Any) -> PageIterator[_Page]:
        """The pages for the operation's keyword arguments (checked now, before any request)."""
        return PageIterator(self._opener(kwargs), self._pagination)


class AsyncPaginator(_Paginator, Generic[_Page]):
    """A list operation's paginator, from ``AsyncClient.get_paginator``."""

    def paginate(self, **kwargs: Any) -> AsyncPageIterator[_Page]:
        """The pages for the operation's keyword arguments (checked now, before any request)."""
        return AsyncPageIterator(self._opener(kwargs), self._pagination)
