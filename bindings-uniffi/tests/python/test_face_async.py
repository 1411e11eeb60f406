"""The asyncio client (the face over uniffi's ``async`` methods): many calls in flight at once each
get their own outcome, errors come out as the face's classes, and cancelling the awaiting task
aborts the call on the runtime with no retry."""

import asyncio
import time

import pytest

from iot_transfer import AsyncClient, TransferCertificateOutput
from scripted_server import ScriptedServer, service_error, success
from test_cancellation import wait_for
from test_client import ARN, ID
from test_face_client import ACCOUNT, keys


def test_many_calls_in_flight_each_get_their_outcome():
    # An error that asks for no second look: a CertificateStateException would have the core read
    # the certificate (a GET taking a reply of this script out of turn).
    replies = [success(ARN)] * 40 + [service_error(400, "InvalidRequestException", "no such account")] * 8
    with ScriptedServer(replies) as server:
        async def run():
            async with AsyncClient(**keys(server), max_attempts=1) as client:
                calls = [client.transfer_certificate(certificate_id=ID, target_aws_account=ACCOUNT) for _ in replies]
                return await asyncio.gather(*calls, return_exceptions=True)

        outcomes = asyncio.run(run())
    assert sum(isinstance(o, TransferCertificateOutput) and o.transferred_certificate_arn == ARN for o in outcomes) == 40
    errors = [o for o in outcomes if isinstance(o, Exception)]
    assert len(errors) == 8 and all(type(e).__name__ == "InvalidRequestException" for e in errors)
    assert all(e.operation_name == "TransferCertificate" for e in errors)
    assert len(server.requests) == len(replies)


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

        asyncio.run(run())
        wait_for(lambda: server.hung_connections_closed == 1)
        time.sleep(0.2)
        assert len(server.requests) == 1, "no retry after the cancellation"
