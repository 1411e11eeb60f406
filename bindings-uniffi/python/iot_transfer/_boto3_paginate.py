"""The boto3 face's paginators, as botocore has them: ``client.get_paginator("list_certificates")
.paginate(PaginationConfig={"MaxItems": ..., "PageSize": ..., "StartingToken": ...}, **kwargs)``
gives each page as boto3's dict; ``build_full_result()`` merges the pages' items (with
``NextToken`` when ``MaxItems`` cut them short), and ``search(expression)`` runs a JMESPath
expression over each page (with botocore's ``jmespath``). Written once for every list operation
of the table; each page is one request of the face's paginator."""

import base64
import importlib
import json
from typing import Any, Callable, Dict, Iterator, List, Optional, Tuple

from . import values
from ._boto3_errors import boto3_error
from ._table import Pagination

_TRUNCATED = "boto_truncate_amount"
"""A token's count of items already given from the page it names, as botocore spells it."""


def _token(marker: Optional[str], truncated: int) -> str:
    """A ``NextToken``: the page's marker, and how many of its items were given."""
    value: Dict[str, Any] = {"marker": marker}
    if truncated:
        value[_TRUNCATED] = truncated
    return base64.b64encode(json.dumps(value).encode()).decode()


def _read_token(token: Optional[str]) -> Tuple[Optional[str], int]:
    """The marker and the count of items to skip that a ``StartingToken`` names."""
    if token is None:
        return None, 0
    try:
        value = json.loads(base64.b64decode(token.encode()))
        return value["marker"], int(value.get(_TRUNCATED, 0))
    except (ValueError, KeyError, TypeError, AttributeError):
        raise ValueError(f"StartingToken is not a NextToken of this paginator: {token!r}") from None


class PageIterator:
    """The pages of one pagination, as boto3's dicts, one request each."""

    def __init__(self, open_pages: Callable[[Optional[str]], Any], pagination: Pagination, config: Dict[str, Any]):
        unknown = set(config) - {"MaxItems", "PageSize", "StartingToken"}
        if unknown:
            raise ValueError(f"PaginationConfig has no {', '.join(sorted(unknown))}")
        self._open_pages = open_pages
        self._items_key = _wire(pagination, pagination.items)
        self._next_key = _wire(pagination, pagination.next_marker)
        self._max_items: Optional[int] = config.get("MaxItems")
        self._start = _read_token(config.get("StartingToken"))
        self.resume_token: Optional[str] = None
        """Where a pagination cut short by ``MaxItems`` resumes (botocore's ``resume_token``)."""

    def __iter__(self) -> Iterator[Dict[str, Any]]:
        try:
            yield from self._pages()
        except Exception as error:
            translated = boto3_error(error)
            if translated is error:
                raise
            raise translated from None

    def _pages(self) -> Iterator[Dict[str, Any]]:
        marker, skip = self._start
        left = self._max_items
        for page in self._open_pages(marker):
            shape = page.to_dict()
            items = shape.get(self._items_key, [])[skip:]
            given = skip
            skip = 0
            if left is not None and len(items) >= left:
                cut = len(items) > left
                shape[self._items_key] = items[:left]
                next_marker = shape.pop(self._next_key, None)
                self.resume_token = _token(marker, given + left) if cut else (next_marker and _token(next_marker, 0))
                yield shape
                return
            shape[self._items_key] = items
            if left is not None:
                left -= len(items)
            marker = shape.get(self._next_key)
            yield shape

    def build_full_result(self) -> Dict[str, Any]:
        """Every page's items in one list under the operation's member (``certificates``), and
        ``NextToken`` when ``MaxItems`` stopped the pagination before the last page."""
        items: List[Any] = []
        for page in self:
            items.extend(page.get(self._items_key, []))
        result: Dict[str, Any] = {self._items_key: items}
        if self.resume_token is not None:
            result["NextToken"] = self.resume_token
        return result

    def search(self, expression: str) -> Iterator[Any]:
        """Each page's result of the JMESPath ``expression`` (a list's items one by one)."""
        # botocore's dependency (untyped), imported only by the few scripts that search.
        jmespath: Any = importlib.import_module("jmespath")
        compiled = jmespath.compile(expression)
        for page in self:
            found = compiled.search(page)
            if isinstance(found, list):
                yield from found
            elif found is not None:
                yield found


def _wire(pagination: Pagination, member: str) -> str:
    """A member of the operation's output as ``to_dict()`` names it."""
    output: Any = getattr(values, pagination.operation.output)
    return str(output._WIRE[member])


class Paginator:
    """A list operation's paginator, from the boto3 face's ``client.get_paginator``."""

    def __init__(self, face_client: Any, pagination: Pagination, arguments: Callable[[Dict[str, Any]], Dict[str, Any]]):
        self._face_client = face_client
        self._pagination = pagination
        self._arguments = arguments

    def paginate(self, PaginationConfig: Optional[Dict[str, Any]] = None, **kwargs: Any) -> PageIterator:  # noqa: N803
        """The pages for the operation's keyword arguments (checked now, before any request), in
        boto3's names, with botocore's ``PaginationConfig``."""
        config = dict(PaginationConfig or {})
        arguments = self._arguments(kwargs)
        pagination = self._pagination
        if "PageSize" in config:
            arguments[pagination.page_size] = config["PageSize"]
        face_paginator = self._face_client.get_paginator(pagination.operation.method)
        face_paginator.paginate(**arguments)  # checks the arguments now, as botocore does

        def open_pages(marker: Optional[str]) -> Any:
            return face_paginator.paginate(**dict(arguments, **{pagination.marker: marker}))

        return PageIterator(open_pages, pagination, config)
