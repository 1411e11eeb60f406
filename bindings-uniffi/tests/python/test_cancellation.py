"""Cancelling a call: an asyncio task's cancellation stops the retries and closes the attempt in
flight, and the call's CancellationToken then says whether the transfer may have been applied;
cancelling the token ends the call with IotTransferError.Cancelled."""

import asyncio
import threading
import time

import pytest

from iot_transfer import CancellationToken, IotTransferError
from scripted_server import ScriptedServer, service_error
from test_client import INPUT, client_for


def wait_for(condition, seconds=5):
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out waiting"
        time.sleep(0.01)


def test_cancelling_the_task_closes_the_attempt_and_stops_the_retries():
    token = CancellationToken()
    with ScriptedServer([{"hang": True}]) as server:
        async def run():
            task = asyncio.create_task(client_for(server).transfer_certificate(INPUT, token))
            while not server.requests:
                await asyncio.sleep(0.01)
            task.cancel()
            with pytest.raises(asyncio.CancelledError):
                await task

        asyncio.run(run())
        wait_for(lambda: server.hung_connections_closed == 1)
        time.sleep(0.2)
        assert len(server.requests) == 1, "no retry after the cancellation"
    assert token.possibly_applied(), "the dropped attempt had been sent"


def test_cancelling_the_token_ends_a_blocking_call_with_a_typed_error():
    token = CancellationToken()
    with ScriptedServer([{"hang": True}]) as server:
        threading.Thread(target=lambda: (wait_for(lambda: server.requests), token.cancel()), daemon=True).start()
        with pytest.raises(IotTransferError.Cancelled) as caught:
            client_for(server).transfer_certificate_blocking(INPUT, token)
    assert caught.value.code == "CancelledError" and caught.value.possibly_applied
    assert caught.value.attempts == 1 and token.is_cancelled()


def test_a_token_cancelled_before_the_call_sends_nothing():
    token = CancellationToken()
    token.cancel()
    with ScriptedServer([service_error(400, "ThrottlingException", "never sent")]) as server:
        with pytest.raises(IotTransferError.Cancelled) as caught:
            asyncio.run(client_for(server).transfer_certificate(INPUT, token))
        assert server.requests == []
    assert not caught.value.possibly_applied and caught.value.attempts == 0
