"""Fixtures the botocore cross-checks share."""

import os

import botocore.session
import pytest


@pytest.fixture(scope="module")
def session():
    """A botocore session that no AWS_* variable or local AWS file can influence."""
    with pytest.MonkeyPatch.context() as patch:
        for name in list(os.environ):
            if name.startswith("AWS_"):
                patch.delenv(name)
        patch.setenv("AWS_CONFIG_FILE", os.devnull)
        patch.setenv("AWS_SHARED_CREDENTIALS_FILE", os.devnull)
        yield botocore.session.get_session()
