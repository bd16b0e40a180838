"""Personal API keys: some of the caller's scopes, shown once, stored hashed, revocable; their
own only."""

from shared.models.api_key import ApiKey
from shared.models.membership import Role
from shared.utilities.secret_tokens import hash_token
from tests.factories import create_signed_in
from tests.internal_api.oauth.factories import create_api_key

KEYS = "/v1/api-keys"


async def test_a_key_is_answered_once_and_stored_hashed(api):
    owner = await create_signed_in()

    created = await api.post(
        KEYS, json={"name": "Nightly sync", "scopes": ["contacts:read"]}, headers=owner.headers
    )
    listed = await api.get(KEYS, headers=owner.headers)

    key = created.json()["key"]
    assert created.status_code == 201
    assert key.startswith("pk_")
    stored = await ApiKey.get(created.json()["id"])
    assert (stored.key_hash, stored.user_id) == (hash_token(key), owner.user.id)
    assert "key" not in listed.json()["data"][0]
    assert listed.json()["data"][0]["hint"] == key[-4:]


async def test_a_key_may_not_hold_a_scope_its_user_lacks(api):
    member = await create_signed_in(role=Role.MEMBER)

    refused = await api.post(
        KEYS, json={"name": "Billing", "scopes": ["billing:read"]}, headers=member.headers
    )

    assert refused.status_code == 422
    assert refused.json()["error"]["code"] == "scopes_not_allowed"
    assert await ApiKey.find_all().count() == 0


async def test_a_key_lives_at_most_the_longest_allowed(start_api):
    owner = await create_signed_in()
    async with start_api(api_key_max_days=30) as api:
        refused = await api.post(
            KEYS,
            json={"name": "Forever", "scopes": ["contacts:read"], "expires_in_days": 31},
            headers=owner.headers,
        )

    assert refused.status_code == 422


async def test_revoking_a_key_keeps_it_listed(api):
    owner = await create_signed_in()
    key, _ = await create_api_key(owner.account, owner.user)

    revoked = await api.delete(f"{KEYS}/{key.id}", headers=owner.headers)

    assert revoked.status_code == 204
    assert (await ApiKey.get(key.id)).revoked_at is not None


async def test_another_users_key_is_not_found(api):
    owner = await create_signed_in()
    colleague = await create_signed_in(account=owner.account, role=Role.ADMIN)
    key, _ = await create_api_key(owner.account, colleague.user)

    refused = await api.delete(f"{KEYS}/{key.id}", headers=owner.headers)

    assert refused.status_code == 404
    assert (await ApiKey.get(key.id)).revoked_at is None
