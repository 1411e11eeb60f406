"""The batches through the Python face against the local endpoint: a handover iterated for its
events with a journal (a ``pathlib.Path``) that a rerun skips from, the same from asyncio, stop()
and ``with``, bad input raised before anything is sent, and the target accepting in bulk."""

import asyncio

import pytest

from emulator import SOURCE_KEY, TARGET_ACCOUNT, admin, url
from iot_transfer import AsyncClient, BatchEvent, Client, exceptions

TARGET_KEY = ("AKIAEMULATORTARGET", "emulator-target-secret")
SOURCE_ACCOUNT = "111122223333"


def client(keys=SOURCE_KEY, cls=Client):
    return cls(region_name="us-east-1", endpoint_url=url(), aws_access_key_id=keys[0], aws_secret_access_key=keys[1])


def bulk(count):
    return admin("POST", "certificates", {"accountId": SOURCE_ACCOUNT, "count": count})["certificateIds"]


def applied_transfers():
    calls = admin("GET", "calls?operation=TransferCertificate")["calls"]
    return [call["certificateId"] for call in calls if call["outcome"] == "applied"]


def test_a_handover_yields_face_values_and_a_rerun_with_its_journal_skips(tmp_path):
    ids = bulk(8)
    journal = tmp_path / "run.jsonl"
    with client() as source:
        events = list(source.handover(certificates=ids, target_aws_account=TARGET_ACCOUNT, journal=journal, requests_per_second=0))
        assert len(events) == 8
        assert all(isinstance(event, BatchEvent) for event in events)
        assert {event.outcome.type for event in events} == {"Transferred"}
        assert events[0].outcome.certificate_arn.endswith(events[0].certificate_id)
        last = events[-1].progress
        assert (last.total, last.done, last.remaining, last.failed) == (8, 8, 0, 0)
        assert last.requests >= 24 and last.elapsed.total_seconds() > 0
        assert events[0].to_dict()["outcome"]["type"] == "Transferred"

        again = list(source.handover(certificates=ids, target_aws_account=TARGET_ACCOUNT, journal=str(journal)))
        assert {event.outcome.type for event in again} == {"Skipped"}
    assert sorted(applied_transfers()).count(ids[0]) == 1


def test_asyncio_iterates_the_same_and_stop_starts_nothing_new():
    # The batch runs a few events ahead of the loop, so stop() after the first event still gives
    # those already finished; at 30 requests/s (3 per certificate) most are never started.
    ids = bulk(60)

    async def run():
        async with client(cls=AsyncClient) as source:
            batch = source.handover(certificates=ids, target_aws_account=TARGET_ACCOUNT, max_concurrency=2, requests_per_second=30)
            seen = []
            async for event in batch:
                seen.append(event)
                batch.stop()
            return seen

    seen = asyncio.run(run())
    assert 1 <= len(seen) < 30
    assert seen[-1].progress.remaining == 60 - len(seen)
    assert len(set(applied_transfers()) & set(ids)) == len(seen), "every transfer sent has its event"


def test_bad_input_is_raised_before_anything_is_sent():
    before = len(applied_transfers())
    with client() as source:
        with pytest.raises(exceptions.ParamValidationError) as raised:
            list(source.handover(certificates=["nope"], target_aws_account=TARGET_ACCOUNT))
        assert "certificates item 0 must be exactly 64 characters long (got 4)" in str(raised.value)
        with pytest.raises(exceptions.ParamValidationError):
            source.handover(certificates=[], target_aws_account=TARGET_ACCOUNT, colour="red")
    assert len(applied_transfers()) == before


def test_the_target_accepts_every_transfer_one_account_offers():
    ids = bulk(4)
    with client() as source:
        assert {e.outcome.type for e in source.handover(certificates=ids, target_aws_account=TARGET_ACCOUNT)} == {"Transferred"}
    with client(TARGET_KEY) as target:
        with target.accept_transfers(from_account=SOURCE_ACCOUNT, set_as_active=True) as batch:
            accepted = [event.certificate_id for event in batch if event.outcome.type == "Accepted"]
    assert set(ids) <= set(accepted)
    owners = {c["certificateId"]: (c["ownerAccount"], c["status"]) for c in admin("GET", "state")["certificates"]}
    assert all(owners[i] == (TARGET_ACCOUNT, "ACTIVE") for i in ids)
