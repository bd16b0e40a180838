"""Short links at the service: the rules of making and changing them, the redirect cache every
change writes, and their stats."""

import re
import time
from datetime import date, timedelta

import pytest
from pydantic import HttpUrl

from internal_api.url_shortener import service
from internal_api.url_shortener.cache import Visit
from internal_api.url_shortener.codes import ALPHABET
from internal_api.url_shortener.errors import DestinationRefused, SlugReserved, SlugTaken
from internal_api.url_shortener.schemas import ShortLinkCreate, ShortLinkUpdate, UtmWrite
from internal_api.url_shortener.service import Shortener
from shared.models.base import utc_now
from shared.models.short_link import ShortLink
from shared.models.short_link_click import DeviceClass, ShortLinkClick
from shared.models.short_link_day import ShortLinkDay
from shared.utilities.errors import InvalidInput, NotFound
from tests.factories import create_signed_in
from tests.internal_api.url_shortener.conftest import DESTINATION
from tests.internal_api.url_shortener.factories import create_click, create_day, create_link


@pytest.fixture(autouse=True)
def database(mongo):
    return mongo


VISIT = Visit(referrer="", country="", user_agent="test")


async def not_read(code: str) -> ShortLink | None:
    raise AssertionError(f"{code} was read from MongoDB, not the cache")


async def cached(shortener: Shortener, code: str):
    """What the redirect would answer for the code, from the cache alone."""
    return await shortener.cache.follow(code, VISIT, time.time_ns() // 1_000_000, not_read)


async def create(shortener: Shortener, owner=None, **fields) -> ShortLink:
    owner = owner or await create_signed_in()
    body = ShortLinkCreate(**{"destination": DESTINATION, **fields})
    return (await service.create_link(owner.state.principal(), body, shortener)).document


async def test_a_link_is_stored_under_its_slug_in_lower_case_with_its_short_url(shortener):
    owner = await create_signed_in()
    body = ShortLinkCreate(destination=DESTINATION, slug="Spring-Sale", title="Spring")

    answer = await service.create_link(owner.state.principal(), body, shortener)

    stored = await ShortLink.get(answer.id)
    assert (stored.code, stored.account_id, stored.title) == (
        "spring-sale",
        owner.account.id,
        "Spring",
    )
    assert stored.created_by == owner.user.id
    assert answer.short_url == "http://127.0.0.1:5000/v1/s/spring-sale"


async def test_a_link_without_a_slug_gets_eight_unambiguous_characters(shortener):
    link = await create(shortener)

    assert re.fullmatch(f"[{ALPHABET}]{{8}}", link.code)


async def test_the_target_is_the_destination_with_its_utm_parameters(shortener):
    link = await create(shortener, utm=UtmWrite(source="newsletter", campaign="spring"))

    assert link.target == f"{DESTINATION}&utm_source=newsletter&utm_campaign=spring"
    assert (link.utm.source, link.utm.medium) == ("newsletter", None)


async def test_a_new_link_is_followed_from_the_cache(shortener):
    link = await create(shortener, slug="from-the-cache", permanent=True)

    followed = await cached(shortener, "from-the-cache")

    passed_on = f"{DESTINATION}&short_link=from-the-cache"
    assert (followed.link_id, followed.status, followed.target) == (str(link.id), 301, passed_on)


async def test_a_slug_another_account_has_is_taken_and_nothing_is_stored(shortener):
    await create(shortener, slug="taken-slug")

    with pytest.raises(SlugTaken) as refused:
        await create(shortener, slug="TAKEN-slug")

    assert refused.value.details == [{"field": "slug", "message": "is taken"}]
    assert await ShortLink.find_all().count() == 1


async def test_a_reserved_slug_is_refused_and_nothing_is_stored(shortener):
    with pytest.raises(SlugReserved) as refused:
        await create(shortener, slug="login")

    assert refused.value.details[0]["field"] == "slug"
    assert await ShortLink.find_all().count() == 0


@pytest.mark.parametrize(
    "destination",
    [
        "http://127.0.0.1/",
        "http://10.0.0.1/admin",
        "http://[::1]:8080/",
        "http://169.254.169.254/latest/meta-data/",
        "http://localhost:5002/v1/users",
        "http://internal_api:5002/",
        "http://127.0.0.1:5005/rates",  # the currency service, as the settings name it
        "http://127.0.0.1:5000/v1/s/other",  # a short link of the platform's own
    ],
)
async def test_a_destination_inside_the_network_is_refused_and_nothing_is_stored(
    shortener, destination
):
    with pytest.raises(DestinationRefused) as refused:
        await create(shortener, destination=destination)

    assert refused.value.details[0]["field"] == "destination"
    assert await ShortLink.find_all().count() == 0


async def test_a_host_of_the_platforms_own_services_is_refused(shortener):
    own = Shortener(shortener.cache, shortener.short_url_base, frozenset({"mail.agency.example"}))

    with pytest.raises(DestinationRefused):
        await create(own, destination="https://mail.agency.example/login")

    assert await ShortLink.find_all().count() == 0


async def test_a_changed_destination_is_followed_from_the_next_click(shortener):
    owner = await create_signed_in()
    link = await create(shortener, owner, slug="moving", utm=UtmWrite(source="qr"))
    body = ShortLinkUpdate(destination=HttpUrl("https://shop.example.com/summer"))

    await service.update_link(owner.state.principal(), str(link.id), body, shortener)

    expected = "https://shop.example.com/summer?utm_source=qr"
    assert (await ShortLink.get(link.id)).target == expected
    assert (await cached(shortener, "moving")).target == f"{expected}&short_link=moving"


async def test_a_new_slug_frees_the_old_code_at_once(shortener):
    owner = await create_signed_in()
    link = await create(shortener, owner, slug="old-name")

    await service.update_link(
        owner.state.principal(), str(link.id), ShortLinkUpdate(slug="new-name"), shortener
    )

    assert await cached(shortener, "old-name") is None
    assert (await cached(shortener, "new-name")).link_id == str(link.id)


async def test_a_slug_change_to_a_taken_one_changes_nothing(shortener):
    owner = await create_signed_in()
    await create(shortener, slug="first-one")
    link = await create(shortener, owner, slug="second-one")

    with pytest.raises(SlugTaken):
        await service.update_link(
            owner.state.principal(), str(link.id), ShortLinkUpdate(slug="first-one"), shortener
        )

    assert (await ShortLink.get(link.id)).code == "second-one"
    assert (await cached(shortener, "second-one")).link_id == str(link.id)


async def test_an_expiry_can_be_cleared(shortener):
    owner = await create_signed_in()
    link = await create(shortener, owner, expires_at=utc_now() + timedelta(days=1))

    await service.update_link(
        owner.state.principal(), str(link.id), ShortLinkUpdate(expires_at=None), shortener
    )

    assert (await ShortLink.get(link.id)).expires_at is None
    assert (await cached(shortener, link.code)).expires_ms is None


async def test_a_deleted_link_stops_redirecting_at_once_and_its_clicks_go(shortener):
    owner = await create_signed_in()
    link = await create(shortener, owner, slug="going-away")
    await create_click(link, "2024-05-01")
    await create_day(link, "2024-05-01", clicks=1)

    await service.delete_link(owner.state.principal(), str(link.id), shortener)

    assert await ShortLink.get(link.id) is None
    assert await cached(shortener, "going-away") is None
    assert await ShortLinkClick.find_all().count() == 0
    assert await ShortLinkDay.find_all().count() == 0


async def test_another_accounts_link_is_not_found(shortener):
    owner = await create_signed_in()
    elsewhere = await create_link((await create_signed_in()).account)

    with pytest.raises(NotFound):
        await service.delete_link(owner.state.principal(), str(elsewhere.id), shortener)

    assert await ShortLink.get(elsewhere.id) is not None


async def test_stats_give_every_day_of_the_range_with_people_and_bots_apart():
    owner = await create_signed_in()
    link = await create_link(owner.account)
    await create_day(link, "2024-05-01", clicks=3, bots=1)
    await create_day(link, "2024-05-03", clicks=2)
    await create_day(link, "2024-05-09", clicks=7)  # past the range

    stats = await service.link_stats(
        owner.state.principal(), str(link.id), date(2024, 5, 1), date(2024, 5, 3)
    )

    assert [(day.day.isoformat(), day.clicks, day.bots) for day in stats.days] == [
        ("2024-05-01", 3, 1),
        ("2024-05-02", 0, 0),
        ("2024-05-03", 2, 0),
    ]
    assert (stats.clicks, stats.bots) == (5, 1)


async def test_stats_rank_where_people_came_from_leaving_bots_out():
    owner = await create_signed_in()
    link = await create_link(owner.account)
    for host, country in [("news.example", "FR"), ("news.example", "FR"), ("blog.example", "DE")]:
        await create_click(link, "2024-05-02", referrer_host=host, country=country)
    await create_click(link, "2024-05-02", device=DeviceClass.MOBILE)
    await create_click(link, "2024-05-02", referrer_host="crawler.example", bot=True)

    stats = await service.link_stats(
        owner.state.principal(), str(link.id), date(2024, 5, 1), date(2024, 5, 31)
    )

    assert [(top.value, top.clicks) for top in stats.referrers] == [
        ("news.example", 2),
        ("blog.example", 1),
    ]
    assert [(top.value, top.clicks) for top in stats.countries] == [("FR", 2), ("DE", 1)]
    assert [(top.value, top.clicks) for top in stats.devices] == [("desktop", 3), ("mobile", 1)]


async def test_stats_cover_the_last_thirty_days_by_default():
    owner = await create_signed_in()
    link = await create_link(owner.account)

    stats = await service.link_stats(owner.state.principal(), str(link.id), None, None)

    assert (stats.last_day, len(stats.days)) == (utc_now().date(), 30)


@pytest.mark.parametrize(
    ("first", "last"),
    [(date(2024, 5, 2), date(2024, 5, 1)), (date(2023, 1, 1), date(2024, 5, 1))],
    ids=["from-after-to", "over-a-year"],
)
async def test_a_range_backwards_or_longer_than_a_year_is_refused(first, last):
    owner = await create_signed_in()
    link = await create_link(owner.account)

    with pytest.raises(InvalidInput) as refused:
        await service.link_stats(owner.state.principal(), str(link.id), first, last)

    assert refused.value.details[0]["field"] == "from"
