"""The face's clients, as boto3 users write them: ``Client`` (blocking) and ``AsyncClient``
(asyncio, ``async with``), made with boto3's keyword arguments (``region_name``,
``aws_access_key_id``, ...), every operation a method taking its members as keyword arguments in
snake case and returning the operation's output record, and ``get_paginator`` for the list
operations, and a method per batch (``handover``, ...) giving its events to iterate. The operations come from the core's declarations (``_operations``); ``client.pyi``,
generated from the same declarations, types them.
"""

from ._client_base import AsyncClientBase, SyncClientBase
from . import batch
from ._operations import attach


class Client(SyncClientBase):
    """A blocking client: every operation returns its output record."""


class AsyncClient(AsyncClientBase):
    """An asyncio client: every operation is awaited for its output record."""


attach(Client, blocking=True)
attach(AsyncClient, blocking=False)
batch.attach(Client, blocking=True)
batch.attach(AsyncClient, blocking=False)
