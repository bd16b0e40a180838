"""Custom domains are proven before they are the account's: a domain asked for is pending and
blocks nobody; the TXT record holding the account's token makes it the account's alone."""

import pytest

from shared.models.account import Account
from tests.factories import create_account, create_signed_in
from tests.internal_api.accounts.dns_server import txt_zone


@pytest.fixture
async def dns():
    async with txt_zone() as (zone, address):
        yield zone, address


@pytest.fixture
async def api(start_api, dns):
    _, address = dns
    async with start_api(dns_nameservers=[address], dns_timeout_seconds=2) as client:
        yield client


@pytest.fixture
def zone(dns):
    return dns[0]


async def ask_for(api, signed_in, domain: str | None):
    body = {"branding": {"custom_domain": domain}}
    return await api.patch("/v1/accounts/current", json=body, headers=signed_in.headers)


async def verify(api, signed_in):
    return await api.post(
        "/v1/accounts/current/custom-domain/verification", headers=signed_in.headers
    )


async def test_a_domain_asked_for_is_pending_with_the_record_to_publish(api):
    owner = await create_signed_in()

    response = await ask_for(api, owner, "App.Acme.com")

    assert response.status_code == 200
    branding = response.json()["branding"]
    assert branding["custom_domain"] is None
    assert branding["pending_domain"]["host"] == "app.acme.com"
    assert branding["pending_domain"]["record_name"] == "_platform-verification.app.acme.com"
    stored = await Account.get(owner.account.id)
    assert stored.branding.pending_domain.token == branding["pending_domain"]["token"]


async def test_asking_again_for_the_same_domain_keeps_its_token(api):
    owner = await create_signed_in()
    first = await ask_for(api, owner, "app.acme.com")

    again = await ask_for(api, owner, "app.acme.com")

    token = first.json()["branding"]["pending_domain"]["token"]
    assert again.json()["branding"]["pending_domain"]["token"] == token


async def test_the_published_token_makes_the_domain_the_accounts(api, zone):
    owner = await create_signed_in()
    pending = (await ask_for(api, owner, "app.acme.com")).json()["branding"]["pending_domain"]
    zone.records[pending["record_name"]] = ["unrelated", pending["token"]]

    response = await verify(api, owner)

    assert response.status_code == 200
    assert response.json()["branding"]["custom_domain"] == "app.acme.com"
    assert response.json()["branding"]["pending_domain"] is None
    assert zone.queries == ["_platform-verification.app.acme.com"]
    assert (await Account.get(owner.account.id)).branding.custom_domain == "app.acme.com"


async def test_a_pending_domain_blocks_no_other_account(api):
    squatter = await create_signed_in()
    await ask_for(api, squatter, "app.acme.com")
    owner = await create_signed_in()

    response = await ask_for(api, owner, "app.acme.com")

    assert response.status_code == 200
    assert response.json()["branding"]["pending_domain"]["host"] == "app.acme.com"


async def test_only_the_account_whose_token_is_published_proves_the_domain(api, zone):
    squatter = await create_signed_in()
    owner = await create_signed_in()
    await ask_for(api, squatter, "app.acme.com")
    pending = (await ask_for(api, owner, "app.acme.com")).json()["branding"]["pending_domain"]
    zone.records[pending["record_name"]] = [pending["token"]]

    refused = await verify(api, squatter)
    proven = await verify(api, owner)

    assert refused.status_code == 409
    assert refused.json()["error"]["code"] == "domain_not_proven"
    assert proven.json()["branding"]["custom_domain"] == "app.acme.com"
    stored = await Account.get(squatter.account.id)
    assert (stored.branding.custom_domain, stored.branding.pending_domain.host) == (
        None,
        "app.acme.com",
    )


async def test_a_domain_without_its_record_is_not_proven_and_stays_pending(api):
    owner = await create_signed_in()
    await ask_for(api, owner, "app.acme.com")

    response = await verify(api, owner)

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "domain_not_proven"
    stored = await Account.get(owner.account.id)
    assert (stored.branding.custom_domain, stored.branding.pending_domain.host) == (
        None,
        "app.acme.com",
    )


async def test_verifying_with_nothing_pending_answers_409(api):
    owner = await create_signed_in()

    response = await verify(api, owner)

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "no_pending_domain"


async def test_a_domain_another_account_proved_is_refused_and_nothing_changes(api):
    await create_account(name="Holder", branding={"custom_domain": "app.acme.com"})
    owner = await create_signed_in()

    response = await ask_for(api, owner, "app.acme.com")

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "domain_taken"
    assert (await Account.get(owner.account.id)).branding.pending_domain is None


async def test_a_proven_domain_another_account_proved_first_answers_409(api, zone):
    first = await create_signed_in()
    second = await create_signed_in()
    for signed_in in (first, second):
        pending = (await ask_for(api, signed_in, "app.acme.com")).json()["branding"]
        zone.records.setdefault(pending["pending_domain"]["record_name"], []).append(
            pending["pending_domain"]["token"]
        )
    await verify(api, first)

    response = await verify(api, second)

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "domain_taken"
    assert (await Account.get(second.account.id)).branding.custom_domain is None


async def test_null_drops_the_proven_and_the_pending_domain(api):
    owner = await create_signed_in()
    account = await Account.get(owner.account.id)
    account.branding.custom_domain = "mine.acme.com"
    await account.save()
    await ask_for(api, owner, "new.acme.com")

    response = await ask_for(api, owner, None)

    assert response.json()["branding"]["custom_domain"] is None
    assert response.json()["branding"]["pending_domain"] is None
    stored = await Account.get(owner.account.id)
    assert (stored.branding.custom_domain, stored.branding.pending_domain) == (None, None)


async def test_an_unanswering_dns_answers_504_and_changes_nothing(start_api):
    async with txt_zone() as (zone, address):
        zone.silent = True
        async with start_api(dns_nameservers=[address], dns_timeout_seconds=0.2) as api:
            owner = await create_signed_in()
            await ask_for(api, owner, "app.acme.com")

            response = await verify(api, owner)

    assert response.status_code == 504
    assert response.json()["error"]["code"] == "dns_unavailable"
    assert (await Account.get(owner.account.id)).branding.pending_domain.host == "app.acme.com"
