"""/v1/webhooks through gateway -> router -> internal_api: an account admin subscribes URLs to
event types, changes, switches off and deletes them; other accounts and members see nothing."""

from beanie import PydanticObjectId

from shared.models.membership import Role
from shared.models.webhook_delivery import WebhookDelivery
from shared.models.webhook_subscription import WebhookSubscription
from tests.factories import create_signed_in
from tests.internal_api.webhooks.conftest import PUBLIC_URL, WEBHOOKS, subscribe
from tests.queue_manager.webhooks.factories import create_delivery, create_subscription, secret_of


async def test_a_subscription_is_created_enabled_and_its_secret_answered_once(api):
    admin = await create_signed_in(role=Role.ADMIN)

    response = await subscribe(
        api, admin, event_types=["deal.stage_changed", "contact.created"], description="CRM sync"
    )

    assert response.status_code == 201
    body = response.json()
    assert (body["url"], body["enabled"], body["description"]) == (PUBLIC_URL, True, "CRM sync")
    assert body["event_types"] == ["deal.stage_changed", "contact.created"]
    assert body["secret"].startswith("whsec_")
    stored = await WebhookSubscription.get(body["id"])
    assert (stored.account_id, secret_of(stored)) == (admin.account.id, body["secret"])
    assert body["secret"] not in stored.sealed_secret
    read = await api.get(f"{WEBHOOKS}/{body['id']}", headers=admin.headers)
    assert "secret" not in read.json()


async def test_an_unknown_event_type_is_refused_naming_the_field(api):
    admin = await create_signed_in()

    response = await subscribe(api, admin, event_types=["contact.exploded"])

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["field"] == "body.event_types.0"
    assert await WebhookSubscription.find_all().count() == 0


async def test_no_event_type_is_refused(api):
    response = await subscribe(api, await create_signed_in(), event_types=[])

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "validation_error"


async def test_a_type_given_twice_is_kept_once(api):
    response = await subscribe(
        api, await create_signed_in(), event_types=["contact.created", "contact.created"]
    )

    assert response.json()["event_types"] == ["contact.created"]


async def test_the_list_holds_the_accounts_endpoints_newest_first(api):
    admin = await create_signed_in()
    first = await create_subscription(admin.account)
    second = await create_subscription(admin.account)
    await create_subscription((await create_signed_in()).account)

    response = await api.get(WEBHOOKS, headers=admin.headers)

    assert response.status_code == 200
    assert [item["id"] for item in response.json()["data"]] == [str(second.id), str(first.id)]
    assert response.json()["pagination"]["total"] == 2


async def test_another_accounts_endpoint_answers_404(api):
    admin = await create_signed_in()
    elsewhere = await create_subscription((await create_signed_in()).account)

    response = await api.get(f"{WEBHOOKS}/{elsewhere.id}", headers=admin.headers)

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


async def test_a_member_without_the_webhooks_scope_is_forbidden(api):
    member = await create_signed_in(role=Role.MEMBER)

    response = await subscribe(api, member)

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "forbidden"


async def test_changing_the_event_types_and_description_keeps_the_rest(api):
    admin = await create_signed_in()
    endpoint = await create_subscription(admin.account, description="old")

    response = await api.patch(
        f"{WEBHOOKS}/{endpoint.id}",
        json={"event_types": ["deal.created"], "description": "new"},
        headers=admin.headers,
    )

    assert response.status_code == 200
    stored = await WebhookSubscription.get(endpoint.id)
    assert (stored.event_types, stored.description, stored.url) == (
        ["deal.created"],
        "new",
        endpoint.url,
    )
    assert stored.sealed_secret == endpoint.sealed_secret


async def test_switching_an_endpoint_back_on_clears_why_it_was_off(api):
    admin = await create_signed_in()
    endpoint = await create_subscription(
        admin.account, enabled=False, disabled_reason="A delivery failed 8 attempts in a row."
    )

    response = await api.patch(
        f"{WEBHOOKS}/{endpoint.id}", json={"enabled": True}, headers=admin.headers
    )

    assert (response.json()["enabled"], response.json()["disabled_reason"]) == (True, None)


async def test_a_null_field_is_refused(api):
    admin = await create_signed_in()
    endpoint = await create_subscription(admin.account)

    response = await api.patch(
        f"{WEBHOOKS}/{endpoint.id}", json={"enabled": None}, headers=admin.headers
    )

    assert response.status_code == 422
    assert (await WebhookSubscription.get(endpoint.id)).enabled is True


async def test_an_unknown_field_is_refused_naming_it(api):
    admin = await create_signed_in()
    endpoint = await create_subscription(admin.account)

    response = await api.patch(
        f"{WEBHOOKS}/{endpoint.id}", json={"enable": False}, headers=admin.headers
    )

    assert response.status_code == 422
    assert [d["field"] for d in response.json()["error"]["details"]] == ["body.enable"]
    assert (await WebhookSubscription.get(endpoint.id)).enabled is True


async def test_a_missing_endpoint_is_named_as_users_know_it(api):
    admin = await create_signed_in()

    response = await api.get(f"{WEBHOOKS}/{PydanticObjectId()}", headers=admin.headers)

    assert response.status_code == 404
    message = response.json()["error"]["message"]
    assert message.startswith("Webhook endpoint ")
    assert "WebhookSubscription" not in message


async def test_deleting_an_endpoint_deletes_its_delivery_log(api):
    admin = await create_signed_in()
    endpoint = await create_subscription(admin.account)
    kept = await create_delivery(await create_subscription(admin.account))
    await create_delivery(endpoint)

    response = await api.delete(f"{WEBHOOKS}/{endpoint.id}", headers=admin.headers)

    assert response.status_code == 204
    assert await WebhookSubscription.get(endpoint.id) is None
    assert [d.id for d in await WebhookDelivery.find_all().to_list()] == [kept.id]
