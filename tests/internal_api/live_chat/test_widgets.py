"""/v1/live-chat/widgets through gateway -> router -> internal_api: an account's admins make,
change, rotate and delete its widget keys; another account's widget answers 404."""

import pytest

from shared.models.live_chat_widget import LiveChatWidget
from shared.models.membership import Role
from tests.factories import create_signed_in
from tests.realtime_factories import create_widget

WIDGETS = "/v1/live-chat/widgets"


@pytest.fixture
async def api(start_api):
    async with start_api() as client:
        yield client


async def test_a_widget_is_created_with_a_public_key(api):
    admin = await create_signed_in()

    response = await api.post(
        WIDGETS,
        json={"name": "Site", "allowed_origins": ["https://WWW.Example.com/"]},
        headers=admin.headers,
    )

    assert response.status_code == 201
    body = response.json()
    assert body["key"].startswith("lcw_")
    assert body["allowed_origins"] == ["https://www.example.com"]
    assert body["enabled"] is True
    stored = await LiveChatWidget.get(body["id"])
    assert stored.account_id == admin.account.id


@pytest.mark.parametrize(
    "bad_origin", ["example.com", "ftp://example.com", "https://example.com/path", "https://"]
)
async def test_an_origin_that_is_not_scheme_and_host_answers_422_and_creates_nothing(
    api, bad_origin
):
    admin = await create_signed_in()

    response = await api.post(
        WIDGETS, json={"name": "Site", "allowed_origins": [bad_origin]}, headers=admin.headers
    )

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["field"] == "body.allowed_origins.0"
    assert await LiveChatWidget.find_all().count() == 0


async def test_the_list_holds_the_accounts_widgets_only(api):
    admin = await create_signed_in()
    other = await create_signed_in()
    mine = await create_widget(admin.account)
    await create_widget(other.account)

    body = (await api.get(WIDGETS, headers=admin.headers)).json()

    assert [item["id"] for item in body["data"]] == [str(mine.id)]


async def test_a_widget_is_disabled_and_its_origins_changed(api):
    admin = await create_signed_in()
    widget = await create_widget(admin.account)

    response = await api.patch(
        f"{WIDGETS}/{widget.id}",
        json={"enabled": False, "allowed_origins": ["http://localhost:8080"]},
        headers=admin.headers,
    )

    assert response.status_code == 200
    stored = await LiveChatWidget.get(widget.id)
    assert (stored.enabled, stored.allowed_origins) == (False, ["http://localhost:8080"])
    assert stored.name == widget.name


async def test_rotating_gives_a_new_key(api):
    admin = await create_signed_in()
    widget = await create_widget(admin.account)

    response = await api.post(f"{WIDGETS}/{widget.id}/rotate", headers=admin.headers)

    assert response.status_code == 200
    assert response.json()["key"] not in ("", widget.key)
    assert (await LiveChatWidget.get(widget.id)).key == response.json()["key"]


async def test_a_widget_is_deleted(api):
    admin = await create_signed_in()
    widget = await create_widget(admin.account)

    response = await api.delete(f"{WIDGETS}/{widget.id}", headers=admin.headers)

    assert response.status_code == 204
    assert await LiveChatWidget.get(widget.id) is None


@pytest.mark.parametrize(
    ("method", "suffix"), [("GET", ""), ("PATCH", ""), ("POST", "/rotate"), ("DELETE", "")]
)
async def test_another_accounts_widget_answers_404_and_stays_as_it_was(api, method, suffix):
    admin = await create_signed_in()
    theirs = await create_widget((await create_signed_in()).account)

    response = await api.request(
        method,
        f"{WIDGETS}/{theirs.id}{suffix}",
        json={"enabled": False} if method == "PATCH" else None,
        headers=admin.headers,
    )

    assert response.status_code == 404
    stored = await LiveChatWidget.get(theirs.id)
    assert (stored.key, stored.enabled) == (theirs.key, True)


async def test_a_member_cannot_manage_widgets(api):
    admin = await create_signed_in()
    member = await create_signed_in(admin.account, Role.MEMBER)

    response = await api.post(WIDGETS, json={"name": "Site"}, headers=member.headers)

    assert response.status_code == 403
    assert response.json()["error"]["details"] == [{"scope": "account:write"}]
