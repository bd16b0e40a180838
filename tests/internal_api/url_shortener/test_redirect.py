"""GET /v1/s/{code} in-process, without a session: the redirect, answered from Redis once a
code is cached, each live click appended to the click stream."""

from datetime import timedelta

from shared.domain.short_links.clicks import CLICK_STREAM
from shared.models.base import utc_now
from shared.models.short_link import ShortLink
from tests.factories import create_signed_in
from tests.internal_api.url_shortener.conftest import DESTINATION, LINKS, make_link
from tests.internal_api.url_shortener.factories import create_link

VISITOR = {
    "referer": "https://news.example/today",
    "user-agent": "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)",
    "cf-ipcountry": "fr",
}


def follow(api, code: str, **headers: str):
    return api.get(f"/v1/s/{code}", headers=headers)


async def delete_behind_the_cache(link: ShortLink) -> None:
    await ShortLink.get_motor_collection().delete_one({"_id": link.id})


async def test_a_link_redirects_with_302_to_its_target(api, clicks):
    link = await create_link(
        (await create_signed_in()).account, target=f"{DESTINATION}&utm_source=qr"
    )

    response = await follow(api, link.code)

    assert response.status_code == 302
    assert response.headers["location"] == f"{DESTINATION}&utm_source=qr&short_link={link.code}"
    assert response.headers["cache-control"] == "no-store"


async def test_a_link_that_keeps_its_code_redirects_to_its_target_as_it_is(api, clicks):
    link = await create_link((await create_signed_in()).account, pass_code=False)

    response = await follow(api, link.code)

    assert response.headers["location"] == DESTINATION


async def test_a_permanent_link_redirects_with_301(api, clicks):
    link = await create_link((await create_signed_in()).account, permanent=True)

    response = await follow(api, link.code)

    assert response.status_code == 301
    assert response.headers["location"] == f"{DESTINATION}&short_link={link.code}"


async def test_a_code_is_followed_in_any_case(api, clicks):
    link = await create_link((await create_signed_in()).account, code="spring-sale")

    response = await follow(api, "Spring-SALE")

    assert response.headers["location"] == f"{link.target}&short_link=spring-sale"


async def test_a_second_redirect_is_answered_from_the_cache(api, clicks):
    link = await create_link((await create_signed_in()).account)
    await follow(api, link.code)
    await delete_behind_the_cache(link)

    response = await follow(api, link.code)

    assert response.status_code == 302
    assert response.headers["location"] == f"{DESTINATION}&short_link={link.code}"


async def test_a_changed_link_redirects_to_its_new_target_at_once(api, clicks):
    owner = await create_signed_in()
    made = (await make_link(api, owner)).json()
    await follow(api, made["code"])

    await api.patch(
        f"{LINKS}/{made['id']}",
        json={"destination": "https://shop.example.com/summer"},
        headers=owner.headers,
    )
    response = await follow(api, made["code"])

    assert (
        response.headers["location"] == f"https://shop.example.com/summer?short_link={made['code']}"
    )


async def test_a_deleted_link_stops_redirecting_at_once(api, clicks):
    owner = await create_signed_in()
    made = (await make_link(api, owner)).json()
    await follow(api, made["code"])

    await api.delete(f"{LINKS}/{made['id']}", headers=owner.headers)
    response = await follow(api, made["code"])

    assert response.status_code == 404


async def test_an_expired_link_answers_410_from_the_cache_too(api, clicks):
    link = await create_link(
        (await create_signed_in()).account, expires_at=utc_now() - timedelta(minutes=1)
    )
    first = await follow(api, link.code)
    await delete_behind_the_cache(link)

    second = await follow(api, link.code)

    for response in (first, second):
        assert response.status_code == 410
        assert response.json()["error"]["code"] == "short_link_expired"


async def test_an_unknown_code_answers_404_in_the_uniform_shape(api, clicks):
    response = await follow(api, "no-such-code")

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    assert response.headers["x-request-id"] == response.json()["request_id"]


async def test_an_unknown_code_is_remembered_for_a_while(api, clicks):
    await follow(api, "not-yet-made")
    await create_link((await create_signed_in()).account, code="not-yet-made")

    response = await follow(api, "not-yet-made")

    assert response.status_code == 404


async def test_a_code_no_link_could_have_answers_404(api, clicks):
    response = await follow(api, "dot.ted")

    assert response.status_code == 404


async def test_a_click_is_recorded_in_the_stream_with_what_the_visitor_sent(api, clicks, redis):
    link = await create_link((await create_signed_in()).account)

    await follow(api, link.code, **VISITOR)

    [(_, fields)] = await redis.xrange(CLICK_STREAM)
    assert fields == {
        "link": str(link.id),
        "referrer": "https://news.example/today",
        "country": "FR",
        "ua": VISITOR["user-agent"],
    }


async def test_each_click_is_recorded_cached_or_not(api, clicks, redis):
    link = await create_link((await create_signed_in()).account)

    for _ in range(3):
        await follow(api, link.code)

    assert await redis.xlen(CLICK_STREAM) == 3


async def test_an_unknown_country_is_not_recorded(api, clicks, redis):
    link = await create_link((await create_signed_in()).account)

    await follow(api, link.code, **{"cf-ipcountry": "XX"})

    [(_, fields)] = await redis.xrange(CLICK_STREAM)
    assert fields["country"] == ""


async def test_no_click_is_recorded_on_an_expired_or_unknown_code(api, clicks, redis):
    link = await create_link(
        (await create_signed_in()).account, expires_at=utc_now() - timedelta(minutes=1)
    )

    await follow(api, link.code)
    await follow(api, link.code)
    await follow(api, "nothing-here")

    assert await redis.xlen(CLICK_STREAM) == 0


async def test_a_short_link_is_only_followed(api, clicks):
    link = await create_link((await create_signed_in()).account)

    response = await api.post(f"/v1/s/{link.code}")

    assert response.status_code == 405
    assert response.headers["allow"] == "GET, HEAD"
