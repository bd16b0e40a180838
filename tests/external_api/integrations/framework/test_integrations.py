"""GET /v1/e/integrations: every provider, with the account's connection status."""

from shared.models.integration_credential import ConnectionStatus
from tests.external_api.factories import create_connection, new_account_id


def by_name(response) -> dict[str, dict]:
    return {item["name"]: item for item in response.json()["data"]}


async def test_every_provider_is_listed_not_connected_at_first(external, member):
    response = await external.get("/v1/e/integrations", headers=member)

    assert response.status_code == 200
    listed = by_name(response)
    assert {"google-analytics", "google-ads", "google-business", "facebook"} <= set(listed)
    assert {listed[name]["status"] for name in ("google-ads", "facebook", "semrush")} == {
        "not_connected"
    }
    assert listed["facebook"]["auth"] == "oauth"


async def test_a_connection_shows_its_status(external, member, account_id):
    await create_connection("google-ads", account_id)
    await create_connection(
        "facebook",
        account_id,
        status=ConnectionStatus.RECONNECT_NEEDED,
        problem="refresh refused",
    )

    listed = by_name(await external.get("/v1/e/integrations", headers=member))

    assert listed["google-ads"]["status"] == "connected"
    assert listed["facebook"]["status"] == "reconnect_needed"
    assert listed["facebook"]["problem"] == "refresh refused"
    assert listed["google-analytics"]["status"] == "not_connected"


async def test_another_accounts_connections_are_not_shown(external, member):
    await create_connection("google-ads", new_account_id())

    listed = by_name(await external.get("/v1/e/integrations", headers=member))

    assert listed["google-ads"]["status"] == "not_connected"


async def test_the_list_needs_a_user(external):
    response = await external.get("/v1/e/integrations")

    assert response.status_code == 401
