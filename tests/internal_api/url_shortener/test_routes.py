"""/v1/url in-process: making, listing, reading, changing and deleting short links, their QR
codes and stats, for the account's admins; other accounts see nothing."""

from xml.etree import ElementTree

import pytest

from shared.models.membership import Role
from shared.models.short_link import ShortLink
from tests.factories import create_signed_in
from tests.internal_api.url_shortener.conftest import DESTINATION, LINKS, make_link
from tests.internal_api.url_shortener.factories import create_day, create_link

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


async def test_a_link_is_made_with_its_short_url(api, clicks):
    owner = await create_signed_in()

    response = await make_link(api, owner, slug="spring", utm={"source": "flyer"})

    assert response.status_code == 201
    body = response.json()
    assert (body["code"], body["short_url"]) == ("spring", "http://127.0.0.1:5000/v1/s/spring")
    assert body["target"] == f"{DESTINATION}&utm_source=flyer"
    assert (await ShortLink.get(body["id"])).account_id == owner.account.id


async def test_the_short_url_is_on_the_configured_base(start_api, clicks):
    owner = await create_signed_in()

    async with start_api(short_url_base="https://go.agency.example/") as api:
        response = await make_link(api, owner)

    assert response.json()["short_url"] == f"https://go.agency.example/{response.json()['code']}"


@pytest.mark.parametrize(
    "destination",
    ["javascript:alert(1)", "data:text/html,hi", "ftp://files.example.com/", "shop.example.com"],
)
async def test_a_destination_that_is_no_web_page_is_refused_naming_the_field(
    api, clicks, destination
):
    response = await make_link(api, await create_signed_in(), destination=destination)

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["field"] == "body.destination"
    assert await ShortLink.find_all().count() == 0


async def test_a_private_destination_is_refused_with_its_code(api, clicks):
    response = await make_link(api, await create_signed_in(), destination="http://10.0.0.1/")

    assert response.status_code == 422
    error = response.json()["error"]
    assert (error["code"], error["details"][0]["field"]) == (
        "destination_refused",
        "body.destination",
    )
    assert await ShortLink.find_all().count() == 0


@pytest.mark.parametrize("slug", ["ab", "-start", "end-", "with space", "dot.ted", "x" * 51])
async def test_a_slug_outside_the_rules_is_refused(api, clicks, slug):
    response = await make_link(api, await create_signed_in(), slug=slug)

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["field"] == "body.slug"
    assert await ShortLink.find_all().count() == 0


async def test_a_taken_slug_answers_409(api, clicks):
    await make_link(api, await create_signed_in(), slug="only-once")

    response = await make_link(api, await create_signed_in(), slug="only-once")

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "slug_taken"
    assert await ShortLink.find_all().count() == 1


async def test_an_expiry_in_the_past_is_refused(api, clicks):
    response = await make_link(api, await create_signed_in(), expires_at="2020-01-01T00:00:00Z")

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["field"] == "body.expires_at"


async def test_a_member_cannot_make_a_link(api, clicks):
    owner = await create_signed_in()
    member = await create_signed_in(owner.account, role=Role.MEMBER)

    response = await make_link(api, member)

    assert response.status_code == 403
    assert await ShortLink.find_all().count() == 0


async def test_the_list_holds_the_accounts_links_newest_first(api):
    owner = await create_signed_in()
    first = await create_link(owner.account)
    second = await create_link(owner.account)
    await create_link((await create_signed_in()).account)

    response = await api.get(LINKS, headers=owner.headers)

    assert response.status_code == 200
    assert [item["id"] for item in response.json()["data"]] == [str(second.id), str(first.id)]
    assert response.json()["data"][0]["short_url"].endswith(f"/v1/s/{second.code}")
    assert response.json()["pagination"]["total"] == 2


async def test_a_link_is_read_with_its_short_url(api):
    owner = await create_signed_in()
    link = await create_link(owner.account, title="Poster")

    response = await api.get(f"{LINKS}/{link.id}", headers=owner.headers)

    assert (response.json()["title"], response.json()["code"]) == ("Poster", link.code)


async def test_a_change_is_answered_and_stored(api, clicks):
    owner = await create_signed_in()
    made = (await make_link(api, owner)).json()

    response = await api.patch(
        f"{LINKS}/{made['id']}",
        json={"title": "Summer", "utm": {"medium": "print"}},
        headers=owner.headers,
    )

    assert response.status_code == 200
    assert response.json()["target"] == f"{DESTINATION}&utm_medium=print"
    stored = await ShortLink.get(made["id"])
    assert (stored.title, stored.utm.medium) == ("Summer", "print")


async def test_a_null_destination_is_refused(api, clicks):
    owner = await create_signed_in()
    made = (await make_link(api, owner)).json()

    response = await api.patch(
        f"{LINKS}/{made['id']}", json={"destination": None}, headers=owner.headers
    )

    assert response.status_code == 422
    assert (await ShortLink.get(made["id"])).destination == DESTINATION


async def test_a_deleted_link_is_gone(api, clicks):
    owner = await create_signed_in()
    made = (await make_link(api, owner)).json()

    response = await api.delete(f"{LINKS}/{made['id']}", headers=owner.headers)

    assert response.status_code == 204
    assert await ShortLink.get(made["id"]) is None


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", ""),
        ("PATCH", ""),
        ("DELETE", ""),
        ("GET", "/qr.png"),
        ("GET", "/qr.svg"),
        ("GET", "/stats"),
    ],
)
async def test_another_accounts_link_answers_404(api, clicks, method, path):
    owner = await create_signed_in()
    elsewhere = await create_link((await create_signed_in()).account)

    response = await api.request(
        method, f"{LINKS}/{elsewhere.id}{path}", json={"title": "mine"}, headers=owner.headers
    )

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    assert (await ShortLink.get(elsewhere.id)).title == ""


async def test_the_qr_code_is_a_png(api):
    owner = await create_signed_in()
    link = await create_link(owner.account)

    response = await api.get(f"{LINKS}/{link.id}/qr.png", headers=owner.headers)

    assert response.status_code == 200
    assert response.headers["content-type"] == "image/png"
    assert response.content.startswith(PNG_SIGNATURE)


async def test_the_qr_code_is_an_svg(api):
    owner = await create_signed_in()
    link = await create_link(owner.account)

    response = await api.get(f"{LINKS}/{link.id}/qr.svg", headers=owner.headers)

    assert response.headers["content-type"].startswith("image/svg+xml")
    assert ElementTree.fromstring(response.content).tag == "{http://www.w3.org/2000/svg}svg"


async def test_stats_are_read_for_the_range_asked(api):
    owner = await create_signed_in()
    link = await create_link(owner.account)
    await create_day(link, "2024-05-02", clicks=4, bots=2)

    response = await api.get(
        f"{LINKS}/{link.id}/stats",
        params={"from": "2024-05-01", "to": "2024-05-02"},
        headers=owner.headers,
    )

    assert response.status_code == 200
    assert response.json()["days"] == [
        {"day": "2024-05-01", "clicks": 0, "bots": 0},
        {"day": "2024-05-02", "clicks": 4, "bots": 2},
    ]
    assert (response.json()["clicks"], response.json()["bots"]) == (4, 2)


async def test_a_backwards_range_is_refused_naming_the_parameter(api):
    owner = await create_signed_in()
    link = await create_link(owner.account)

    response = await api.get(
        f"{LINKS}/{link.id}/stats",
        params={"from": "2024-05-03", "to": "2024-05-02"},
        headers=owner.headers,
    )

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["field"] == "query.from"
