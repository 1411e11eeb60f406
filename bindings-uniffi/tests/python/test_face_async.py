"""The asyncio client's calls through its event loop's completion queue (``_completions``): many
in flight at once each get their own outcome, errors come out as the face's classes, cancelling
the task aborts the call on the runtime, and a loop without ``add_reader`` uses the generated
``async`` methods; and the faster record buffers (``_ffi_buffers``) are in use."""

import asyncio
import time

import pytest

from iot_transfer import AsyncClient, TransferCertificateOutput, _completions, _ffi_buffers
from scripted_server import ScriptedServer, service_error, success
from test_client import ARN, ID
from test_face_client import ACCOUNT, keys


def test_many_calls_in_flight_each_get_their_outcome():
    replies = [success(ARN)] * 40 + [service_error(409, "CertificateStateException", "busy")] * 8
    with ScriptedServer(replies) as server:
        async def run():
            async with AsyncClient(**keys(server), max_attempts=1) as client:
                calls = [client.transfer_certificate(certificate_id=ID, target_aws_account=ACCOUNT) for _ in replies]
                outcomes = await asyncio.gather(*calls, return_exceptions=True)
                waiting = _completions._LOOPS[asyncio.get_running_loop()]
                return outcomes, waiting

        outcomes, waiting = asyncio.run(run())
    assert sum(isinstance(o, TransferCertificateOutput) and o.transferred_certificate_arn == ARN for o in outcomes) == 40
    errors = [o for o in outcomes if isinstance(o, Exception)]
    assert len(errors) == 8 and all(type(e).__name__ == "CertificateStateException" for e in errors)
    assert all(e.operation_name == "TransferCertificate" for e in errors)
    assert waiting is not None and waiting.futures == {}


def test_cancelling_the_task_aborts_the_call():
    with ScriptedServer([{"hang": True}]) as server:
        async def run():
            client = AsyncClient(**keys(server))
            task = asyncio.create_task(client.transfer_certificate(certificate_id=ID, target_aws_account=ACCOUNT))
            while not server.requests:
                await asyncio.sleep(0.01)
            task.cancel()
            with pytest.raises(asyncio.CancelledError):
                await task
            assert _completions._LOOPS[asyncio.get_running_loop()].futures == {}

        asyncio.run(run())
        deadline = time.monotonic() + 5
        while server.hung_connections_closed != 1:
            assert time.monotonic() < deadline, "the attempt was not closed"
            time.sleep(0.01)
        time.sleep(0.2)
        assert len(server.requests) == 1, "no retry after the cancellation"


class _NoReaders(asyncio.SelectorEventLoop):
    """A loop that cannot watch a file descriptor, as Windows' proactor loop."""

    def add_reader(self, *args, **kwargs):
        raise NotImplementedError


def test_a_loop_without_readers_uses_the_generated_async_calls():
    loop = _NoReaders()
    try:
        with ScriptedServer([success(ARN)]) as server:
            client = AsyncClient(**keys(server))
            output = loop.run_until_complete(client.transfer_certificate(certificate_id=ID, target_aws_account=ACCOUNT))
        assert output.transferred_certificate_arn == ARN and _completions._LOOPS[loop] is None
    finally:
        loop.close()


def test_the_faster_record_buffers_are_in_use():
    assert _ffi_buffers.APPLIED, "the generated module lacks a name _ffi_buffers replaces: check the uniffi version"
