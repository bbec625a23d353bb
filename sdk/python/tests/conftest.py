"""The SDK's tests run against a real SpawnAI server: $SPAWNAI_URL (and $SPAWNAI_TOKEN when it needs one).

`npm test` starts one and runs these through test/integration/sdk/python-sdk.test.ts.
"""
import os
import sys
import uuid

import pytest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "src"))

from spawnai import Client  # noqa: E402


@pytest.fixture(scope="session")
def client():
    url = os.environ.get("SPAWNAI_URL")
    if not url:
        pytest.fail("set SPAWNAI_URL to a running SpawnAI server (npm test does)")
    with Client(url, os.environ.get("SPAWNAI_TOKEN")) as c:
        yield c


@pytest.fixture
def name():
    return f"sdk-{uuid.uuid4().hex[:12]}"
