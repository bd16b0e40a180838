"""Endpoint URLs are checked against SSRF where they are given: private, loopback and
link-local addresses are refused (422) unless WEBHOOK_ALLOWED_NETWORKS allows them, and plain
http is only for those allowed networks."""

import pytest

from shared.models.webhook_subscription import WebhookSubscription
from tests.factories import create_signed_in
from tests.internal_api.webhooks.conftest import WEBHOOKS, subscribe
from tests.queue_manager.webhooks.factories import create_subscription


@pytest.mark.parametrize(
    "url",
    [
        "https://10.0.0.5/hooks",
        "https://192.168.1.20/hooks",
        "https://169.254.169.254/latest/meta-data/",
        "https://127.0.0.1:8443/hooks",
        "https://localhost/hooks",
        "https://[::1]/hooks",
        "https://[fe80::1]/hooks",
    ],
)
async def test_an_address_inside_the_network_is_refused(api, url):
    admin = await create_signed_in()

    response = await subscribe(api, admin, url=url)

    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "webhook_url_refused"
    assert error["details"] == [
        {"field": "body.url", "message": "it points to a private, loopback or link-local address"}
    ]
    assert await WebhookSubscription.find_all().count() == 0


async def test_plain_http_to_a_public_address_is_refused(api):
    response = await subscribe(api, await create_signed_in(), url="http://93.184.215.14/hooks")

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["message"] == "it must use https"


async def test_a_host_that_does_not_resolve_is_refused(api):
    response = await subscribe(api, await create_signed_in(), url="https://nowhere.invalid/hooks")

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["message"] == "nowhere.invalid cannot be resolved"


async def test_something_not_a_url_is_refused(api):
    response = await subscribe(api, await create_signed_in(), url="ftp://93.184.215.14/x")

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["field"] == "body.url"


async def test_a_changed_url_is_checked_too(api):
    admin = await create_signed_in()
    endpoint = await create_subscription(admin.account)

    response = await api.patch(
        f"{WEBHOOKS}/{endpoint.id}", json={"url": "https://10.1.1.1/x"}, headers=admin.headers
    )

    assert response.status_code == 422
    assert (await WebhookSubscription.get(endpoint.id)).url == endpoint.url


async def test_loopback_over_plain_http_is_accepted_where_settings_allow_it(start_api):
    admin = await create_signed_in()
    async with start_api(webhook_allowed_networks=["127.0.0.0/8"]) as api:
        response = await subscribe(api, admin, url="http://127.0.0.1:9000/hooks")

    assert response.status_code == 201
    assert (
        await WebhookSubscription.get(response.json()["id"])
    ).url == "http://127.0.0.1:9000/hooks"


async def test_allowing_loopback_leaves_private_networks_refused(start_api):
    admin = await create_signed_in()
    async with start_api(webhook_allowed_networks=["127.0.0.0/8"]) as api:
        response = await subscribe(api, admin, url="https://10.0.0.5/hooks")

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "webhook_url_refused"
