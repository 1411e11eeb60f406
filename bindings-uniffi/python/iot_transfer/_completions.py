"""The asyncio client's calls, through the generated ``CompletionQueue``: one queue per event loop,
whose socket the loop watches (``add_reader``). A call is started on the core's runtime and its
id kept with an asyncio future; when the socket is readable, the ids of every call finished since
are read at once and their futures resolved, and each awaiting call takes its outcome.

Why not the generated ``async`` methods: uniffi resumes each of them through a callback from the
runtime thread that finished it, which must take the interpreter lock from the busy event loop;
with many calls in flight the runtime's threads queued for the lock and their I/O stalled (the
asyncio client made fewer calls per second with 32 in flight than 32 threads did). Here no runtime
thread enters Python. A loop without ``add_reader`` (Windows' proactor loop) uses the generated
``async`` methods as before.

Cancelling the awaiting task aborts the call on the runtime, as dropping a generated call does.
"""

import asyncio
import weakref
from typing import Any, Dict, Optional, Sequence

from . import _calls
from . import iot_transfer as _generated


class _Waiting:
    """One event loop's queue and the futures of its calls in flight, by id."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.queue: Any = _calls.blocking(_generated.CompletionQueue, (), None)
        self.futures: Dict[int, "asyncio.Future[None]"] = {}
        loop.add_reader(self.queue.fd(), self._finished)

    def _finished(self) -> None:
        futures = self.futures
        for call_id in self.queue.drain():
            future = futures.pop(call_id, None)
            if future is not None and not future.done():
                future.set_result(None)


_LOOPS: "weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, Optional[_Waiting]]" = weakref.WeakKeyDictionary()
"""Each event loop's queue (``None`` for a loop without ``add_reader``). The loop holds the queue
through its reader, never the other way: the queue goes with the loop."""


def _waiting(loop: asyncio.AbstractEventLoop) -> Optional[_Waiting]:
    try:
        return _LOOPS[loop]
    except KeyError:
        try:
            waiting: Optional[_Waiting] = _Waiting(loop)
        except NotImplementedError:
            waiting = None
        _LOOPS[loop] = waiting
        return waiting


async def call(client: Any, method: str, records: Sequence[Any], operation_name: Optional[str]) -> Any:
    """The generated client's ``method`` called with ``records`` and awaited, its error translated
    as ``_calls`` translates it."""
    loop = asyncio.get_running_loop()
    waiting = _waiting(loop)
    if waiting is None:
        return await _calls.awaited(getattr(client, method), records, operation_name)
    queue = waiting.queue
    call_id = _calls.blocking(getattr(queue, method), (client, *records), operation_name)
    future = loop.create_future()
    waiting.futures[call_id] = future
    try:
        await future
    except BaseException:
        waiting.futures.pop(call_id, None)
        queue.cancel(call_id)
        raise
    return _calls.blocking(getattr(queue, method + "_result"), (call_id,), operation_name)
