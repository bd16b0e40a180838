"""API-key connect, on a provider made for the test: the key checked with the provider once,
stored sealed, answered masked; calls carry it; a provider refusing it asks to reconnect."""

import json

import httpx
import pytest
from beanie import PydanticObjectId
from fastapi import APIRouter

from external_api.integrations.framework.auth import IntegrationsRead
from external_api.integrations.framework.dependencies import IntegrationsDep
from external_api.integrations.framework.http import ProviderHttp
from external_api.integrations.framework.provider import (
    ApiKeyCheck,
    ApiKeyConnect,
    ConnectedAs,
    Provider,
)
from external_api.integrations.registry import PROVIDERS
from shared.models import ALL_MODELS
from shared.models.integration_credential import ApiKeyCredential, ConnectionStatus
from shared.models.membership import Role
from tests.external_api.conftest import headers_for
from tests.external_api.factories import BOX
from tests.external_api.fakes import json_answer, query_of

ACME = "https://api.acme.test"
KEY = "acme_live_0123456789abcdef"


class AcmeKey(ApiKeyCredential):
    class Settings:
        name = "acme_keys_test"


class AcmeConnect(ApiKeyConnect):
    region: str = "eu"


async def check_key(http: ProviderHttp, body: AcmeConnect) -> ConnectedAs:
    me = await http.json("GET", "/v1/me", headers={"x-acme-key": body.api_key.get_secret_value()})
    return ConnectedAs(external_id=me["id"], label=me["name"], options={"region": body.region})


def with_key(api_key: str, credential: ApiKeyCredential) -> dict:
    return {"headers": {"x-acme-key": api_key}, "params": {"region": credential.options["region"]}}


acme_routes = APIRouter(prefix="/v1/e/acme")


@acme_routes.get("/things")
async def things(integrations: IntegrationsDep, principal: IntegrationsRead) -> dict:
    http = integrations.connected_http("acme", principal.account_id)
    return await http.json("GET", "/v1/things", params={"limit": "5"})


ACME_PROVIDER = Provider(
    name="acme",
    title="Acme",
    credential=AcmeKey,
    base_url=lambda settings: ACME,
    router=acme_routes,
    api_key=ApiKeyCheck(body=AcmeConnect, validate=check_key, apply=with_key),
)
ME = {"id": "acct_42", "name": "Acme Bakery"}


@pytest.fixture(autouse=True)
def acme_collection():
    """The test provider's collection, known to the database while the test runs."""
    ALL_MODELS.append(AcmeKey)
    yield
    ALL_MODELS.remove(AcmeKey)


@pytest.fixture
async def external(start_external):
    async with start_external(providers=(*PROVIDERS, ACME_PROVIDER)) as client:
        yield client


async def connect(external, headers, **body) -> httpx.Response:
    return await external.put(
        "/v1/e/acme/key", headers=headers, json={"api_key": KEY, "region": "eu", **body}
    )


async def test_a_key_is_checked_with_the_provider_once(external, admin, fake):
    fake.on("GET", f"{ACME}/v1/me", json_answer(ME))

    response = await connect(external, admin)

    assert response.status_code == 200
    (sent,) = fake.requests
    assert sent.headers["x-acme-key"] == KEY
    assert response.json()["external_id"] == "acct_42"
    assert response.json()["label"] == "Acme Bakery"


async def test_a_key_is_answered_masked(external, admin, fake):
    fake.on("GET", f"{ACME}/v1/me", json_answer(ME))
    await connect(external, admin)

    response = await external.get("/v1/e/acme/key", headers=admin)

    assert response.json()["masked_key"] == "••••cdef"
    assert KEY not in response.text


async def test_a_key_is_stored_sealed(external, admin, fake, account_id):
    fake.on("GET", f"{ACME}/v1/me", json_answer(ME))
    await connect(external, admin)

    stored = await AcmeKey.find_one({"account_id": PydanticObjectId(account_id)})

    assert KEY not in json.dumps(stored.model_dump(mode="json"))
    assert BOX.open(stored.api_key) == KEY


async def test_a_key_waits_until_the_owner_has_confirmed_their_email(external, account_id, fake):
    fake.on("GET", f"{ACME}/v1/me", json_answer(ME))

    refused = await connect(external, headers_for(account_id, Role.ADMIN, owner_verified=False))
    checked_before = len(fake.requests)
    stored_before = await AcmeKey.find_all().count()
    allowed = await connect(external, headers_for(account_id, Role.ADMIN))

    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "email_not_verified"
    assert (checked_before, stored_before) == (0, 0)
    assert allowed.status_code == 200
    assert await AcmeKey.find_all().count() == 1


async def test_a_key_the_provider_refuses_is_not_stored(external, admin, fake):
    fake.on("GET", f"{ACME}/v1/me", json_answer({"message": "Invalid API key"}, 401))

    response = await connect(external, admin)

    assert response.status_code == 409
    assert await AcmeKey.find_all().count() == 0


async def test_a_short_key_shows_no_characters(external, admin, fake):
    fake.on("GET", f"{ACME}/v1/me", json_answer(ME))

    response = await connect(external, admin, api_key="short")

    assert response.json()["masked_key"] == "••••"


async def test_calls_carry_the_key_as_the_provider_wants(external, admin, member, fake):
    fake.on("GET", f"{ACME}/v1/me", json_answer(ME))
    fake.on("GET", f"{ACME}/v1/things", json_answer({"data": ["t1"]}))
    await connect(external, admin)

    response = await external.get("/v1/e/acme/things", headers=member)

    assert response.json() == {"data": ["t1"]}
    sent = fake.sent("GET", f"{ACME}/v1/things")[0]
    assert sent.headers["x-acme-key"] == KEY
    assert query_of(sent) == {"limit": "5", "region": "eu"}


async def test_a_key_refused_later_asks_to_reconnect(external, admin, member, fake, account_id):
    fake.on("GET", f"{ACME}/v1/me", json_answer(ME))
    fake.on("GET", f"{ACME}/v1/things", json_answer({"message": "revoked"}, 401))
    await connect(external, admin)

    response = await external.get("/v1/e/acme/things", headers=member)

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "reconnect_needed"
    stored = await AcmeKey.find_one({"account_id": PydanticObjectId(account_id)})
    assert stored.status is ConnectionStatus.RECONNECT_NEEDED


async def test_members_cannot_connect_a_key(external, member, fake):
    response = await connect(external, member)

    assert response.status_code == 403
    assert fake.requests == []


async def test_a_removed_key_is_forgotten(external, admin, fake):
    fake.on("GET", f"{ACME}/v1/me", json_answer(ME))
    await connect(external, admin)

    removed = await external.delete("/v1/e/acme/key", headers=admin)
    read = await external.get("/v1/e/acme/key", headers=admin)

    assert removed.status_code == 204
    assert read.status_code == 404


async def test_the_integrations_list_shows_a_key_connection(external, admin, fake):
    fake.on("GET", f"{ACME}/v1/me", json_answer(ME))
    await connect(external, admin)

    listed = (await external.get("/v1/e/integrations", headers=admin)).json()["data"]

    (acme,) = [item for item in listed if item["name"] == "acme"]
    assert (acme["auth"], acme["status"], acme["label"]) == ("api_key", "connected", "Acme Bakery")
