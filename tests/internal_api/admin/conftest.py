"""One internal_api per test module with the queue manager faked at its transport, and the
platform's operators: users with the platform flag, their headers as the router mints them
(the flag read from MongoDB)."""

from dataclasses import dataclass

import pytest

from internal_api.app import create_app
from internal_api.settings import InternalApiSettings
from shared.models.membership import Role
from tests.factories import SignedIn, create_signed_in, headers_now
from tests.fixtures import asgi_client
from tests.internal_api.admin.fake_queue_manager import FakeQueueManager


@pytest.fixture(scope="module")
def queue_manager() -> FakeQueueManager:
    return FakeQueueManager()


@pytest.fixture(scope="module")
async def module_api(queue_manager):
    app = create_app(InternalApiSettings(), queue_manager_transport=queue_manager.transport())
    async with asgi_client(app) as client:
        client.app = app  # type: ignore[attr-defined]  # for tests that record its jobs
        yield client


@pytest.fixture
async def api(module_api, mongo, queue_manager):
    queue_manager.reset()
    return module_api


@dataclass
class Operator:
    signed_in: SignedIn
    headers: dict[str, str]

    @property
    def user(self):
        return self.signed_in.user


async def create_operator() -> Operator:
    """An operator, signed in to an agency of their own (operators are users like others)."""
    signed_in = await create_signed_in(platform_operator=True)
    return Operator(signed_in, await headers_now(signed_in.session_id))


@pytest.fixture
async def operator(mongo) -> Operator:
    return await create_operator()


@pytest.fixture
async def agency_owner(mongo) -> SignedIn:
    """The most a membership grants: the owner of an agency."""
    return await create_signed_in(role=Role.OWNER)
