"""A verified custom domain's certificate through /v1/e/cloudflare, for the queue manager only:
its Cloudflare custom hostname made once with the zone's token, read back for the certificate's
status and expiry, and removed when the domain goes; every request as Cloudflare documents it."""

from datetime import datetime

import pytest
from beanie import PydanticObjectId

from shared.models.account import Account
from shared.models.custom_domain import CustomDomain, TlsStatus
from tests.domain_factories import create_domain, create_verified_domain
from tests.external_api.fakes import json_answer, json_of, query_of
from tests.external_api.fakes.cloudflare import (
    API_TOKEN,
    CUSTOM_HOSTNAMES,
    DELETED,
    HOSTNAME_ID,
    NOT_FOUND,
    custom_hostname,
    envelope,
    hostname_url,
    listed,
    refused,
)
from tests.external_api.platform_app import from_service

HOST = "www.acme.test"
EXPIRES = "2026-11-30T10:00:00Z"


@pytest.fixture
def cloudflare(platform_api):
    return platform_api


@pytest.fixture
async def domain(mongo) -> CustomDomain:
    account = await Account(name="Acme").insert()
    return await create_verified_domain(account, HOST)


def tls_path(domain: CustomDomain) -> str:
    return f"/v1/e/cloudflare/accounts/{domain.account_id}/domains/{domain.id}/tls"


async def test_a_verified_domain_gets_a_custom_hostname_with_the_zones_token(
    cloudflare, platform_fake, domain
):
    platform_fake.on("GET", CUSTOM_HOSTNAMES, json_answer(listed()))
    platform_fake.on("POST", CUSTOM_HOSTNAMES, json_answer(envelope(custom_hostname(HOST))))

    response = await cloudflare.put(tls_path(domain), headers=from_service())

    assert response.status_code == 200
    assert response.json()["tls_status"] == "pending"
    [created] = platform_fake.sent("POST", CUSTOM_HOSTNAMES)
    assert created.headers["authorization"] == f"Bearer {API_TOKEN}"
    assert json_of(created) == {
        "hostname": HOST,
        "ssl": {"method": "http", "type": "dv", "settings": {"min_tls_version": "1.2"}},
    }
    [looked_up] = platform_fake.sent("GET", CUSTOM_HOSTNAMES)
    assert query_of(looked_up) == {"hostname": HOST}
    stored = await CustomDomain.get(domain.id)
    assert (stored.cloudflare_hostname_id, stored.tls_status) == (HOSTNAME_ID, TlsStatus.PENDING)


async def test_a_custom_hostname_made_by_an_earlier_try_is_taken_up_not_made_again(
    cloudflare, platform_fake, domain
):
    platform_fake.on("GET", CUSTOM_HOSTNAMES, json_answer(listed(custom_hostname(HOST))))

    response = await cloudflare.put(tls_path(domain), headers=from_service())

    assert response.json()["cloudflare_hostname_id"] == HOSTNAME_ID
    assert platform_fake.sent("POST", CUSTOM_HOSTNAMES) == []


async def test_an_issued_certificate_is_read_back_with_its_expiry(
    cloudflare, platform_fake, domain
):
    await domain.set({"cloudflare_hostname_id": HOSTNAME_ID, "tls_status": "pending"})
    issued = custom_hostname(HOST, "active", expires_on=EXPIRES)
    platform_fake.on("GET", hostname_url(), json_answer(envelope(issued)))

    response = await cloudflare.put(tls_path(domain), headers=from_service())

    assert response.json()["tls_status"] == "active"
    stored = await CustomDomain.get(domain.id)
    assert stored.certificate_expires_at.replace(tzinfo=None) == datetime(2026, 11, 30, 10)
    assert stored.tls_status is TlsStatus.ACTIVE


async def test_a_certificate_cloudflare_gave_up_on_is_failed(cloudflare, platform_fake, domain):
    await domain.set({"cloudflare_hostname_id": HOSTNAME_ID, "tls_status": "pending"})
    timed_out = custom_hostname(HOST, "validation_timed_out")
    platform_fake.on("GET", hostname_url(), json_answer(envelope(timed_out)))

    await cloudflare.put(tls_path(domain), headers=from_service())

    assert (await CustomDomain.get(domain.id)).tls_status is TlsStatus.FAILED


async def test_cloudflares_refusal_in_its_envelope_is_an_upstream_error_and_nothing_changes(
    cloudflare, platform_fake, domain
):
    platform_fake.on("GET", CUSTOM_HOSTNAMES, json_answer(listed()))
    platform_fake.on(
        "POST", CUSTOM_HOSTNAMES, json_answer(refused(1409, "Hostname is blocked."), 400)
    )

    response = await cloudflare.put(tls_path(domain), headers=from_service())

    assert response.status_code == 422
    stored = await CustomDomain.get(domain.id)
    assert (stored.cloudflare_hostname_id, stored.tls_status) == (None, TlsStatus.NONE)


async def test_a_pending_domain_gets_no_certificate(cloudflare, platform_fake):
    pending = await create_domain(await Account(name="Acme").insert(), HOST)

    response = await cloudflare.put(tls_path(pending), headers=from_service())

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "domain_not_verified"
    assert platform_fake.requests == []


async def test_another_accounts_domain_is_not_found(cloudflare, platform_fake, domain):
    path = f"/v1/e/cloudflare/accounts/{PydanticObjectId()}/domains/{domain.id}/tls"

    response = await cloudflare.put(path, headers=from_service())

    assert response.status_code == 404
    assert platform_fake.requests == []


async def test_only_the_queue_manager_may_ask(cloudflare, domain):
    response = await cloudflare.put(tls_path(domain), headers=from_service("internal_api"))

    assert response.status_code == 403


async def test_without_cloudflare_the_domain_answers_unchanged(external, fake, domain):
    response = await external.put(tls_path(domain), headers=from_service())

    assert response.json()["tls_status"] == "none"
    assert fake.requests == []


async def test_a_released_hostname_is_deleted_at_cloudflare(cloudflare, platform_fake):
    platform_fake.on("DELETE", hostname_url(), json_answer(DELETED))

    response = await cloudflare.delete(
        f"/v1/e/cloudflare/custom-hostnames/{HOSTNAME_ID}", headers=from_service()
    )

    assert response.status_code == 204
    [deleted] = platform_fake.sent("DELETE", hostname_url())
    assert deleted.headers["authorization"] == f"Bearer {API_TOKEN}"


async def test_releasing_a_hostname_cloudflare_no_longer_has_succeeds(cloudflare, platform_fake):
    platform_fake.on("DELETE", hostname_url(), json_answer(NOT_FOUND, 404))

    response = await cloudflare.delete(
        f"/v1/e/cloudflare/custom-hostnames/{HOSTNAME_ID}", headers=from_service()
    )

    assert response.status_code == 204
