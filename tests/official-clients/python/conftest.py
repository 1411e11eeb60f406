"""pytest fixtures: one emulator for the session, reset before each test that asks for it."""

import pytest
from emulator_process import start_emulator, stop_emulator


@pytest.fixture(scope="session")
def emulator():
    running = start_emulator()
    try:
        yield running
    finally:
        stop_emulator(running)


@pytest.fixture
def fresh(emulator):
    """The emulator with no certificates, policies or faults."""
    emulator.admin("POST", "reset")
    return emulator
