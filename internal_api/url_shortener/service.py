"""An account's short links: made with a slug or a made-up code, changed, deleted, their QR
codes and their click stats.

Every change writes the code's entry in the redirect's cache itself (`LinkCache.put`, or
`forget` for a code that no longer leads anywhere), so it holds from the next click on. Codes
are unique across the platform by the database's unique index, which decides between two
makers of the same slug at once.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from pymongo.errors import DuplicateKeyError

from internal_api.extended import Extended
from internal_api.url_shortener.cache import LinkCache
from internal_api.url_shortener.codes import RESERVED_SLUGS, new_code
from internal_api.url_shortener.destinations import check_destination, with_utm
from internal_api.url_shortener.errors import SlugReserved, SlugTaken
from internal_api.url_shortener.repository import ClickRepository, ShortLinkRepository
from internal_api.url_shortener.schemas import (
    DayClicks,
    Ranked,
    ShortLinkCreate,
    ShortLinkStats,
    ShortLinkUpdate,
)
from shared.models.base import utc_now
from shared.models.short_link import ShortLink, UtmParameters
from shared.utilities.auth import Principal
from shared.utilities.errors import InvalidInput
from shared.utilities.pagination import Page, PageParams

# Made-up codes tried before giving up: with 31^8 codes, a second is already a rarity.
CODE_ATTEMPTS = 5
STATS_DAYS = 30  # the range when none is asked for
MAX_STATS_DAYS = 366


@dataclass(frozen=True)
class Shortener:
    """What the links' writes and answers need besides the database."""

    cache: LinkCache
    short_url_base: str
    platform_hosts: frozenset[str]  # destinations' hosts refused as the platform's own

    def short_url(self, link: ShortLink) -> str:
        return self.short_url_base + link.code

    def answer(self, link: ShortLink) -> Extended[ShortLink]:
        return Extended(link, short_url=self.short_url(link))


async def create_link(
    principal: Principal, body: ShortLinkCreate, shortener: Shortener
) -> Extended[ShortLink]:
    check_destination(body.destination, shortener.platform_hosts, "destination")
    if body.slug is not None:
        check_slug(body.slug)
    destination = str(body.destination)
    utm = UtmParameters(**body.utm.model_dump())
    fields = {
        **body.model_dump(include={"title", "expires_at", "permanent", "pass_code"}),
        "destination": destination,
        "utm": utm,
        "target": with_utm(destination, utm),
        "created_by": principal.sub,
    }
    link = await insert_with_code(ShortLinkRepository(principal.account_id), body.slug, fields)
    await shortener.cache.put(link)
    return shortener.answer(link)


async def insert_with_code(links: ShortLinkRepository, slug: str | None, fields: dict) -> ShortLink:
    """The link stored under the slug, or under a made-up code no other link has."""
    for _ in range(1 if slug else CODE_ATTEMPTS):
        try:
            return await links.create(code=slug or new_code(), **fields)
        except DuplicateKeyError:
            if slug:
                raise slug_taken() from None
    raise RuntimeError(f"no free code in {CODE_ATTEMPTS} attempts")


async def list_links(
    principal: Principal, params: PageParams, shortener: Shortener
) -> Page[Extended[ShortLink]]:
    page = await ShortLinkRepository(principal.account_id).paginate(params)
    answers = [shortener.answer(link) for link in page.data]
    return Page[Extended[ShortLink]](data=answers, pagination=page.pagination)


async def get_link(principal: Principal, link_id: str) -> ShortLink:
    return await ShortLinkRepository(principal.account_id).get(link_id)


async def read_link(
    principal: Principal, link_id: str, shortener: Shortener
) -> Extended[ShortLink]:
    return shortener.answer(await get_link(principal, link_id))


async def update_link(
    principal: Principal, link_id: str, body: ShortLinkUpdate, shortener: Shortener
) -> Extended[ShortLink]:
    links = ShortLinkRepository(principal.account_id)
    link = await links.get(link_id)
    changes: dict[str, Any] = {
        field: getattr(body, field)
        for field in body.model_fields_set & {"title", "expires_at", "permanent", "pass_code"}
    }
    if body.destination is not None:
        check_destination(body.destination, shortener.platform_hosts, "destination")
        changes["destination"] = str(body.destination)
    if body.utm is not None:
        changes["utm"] = UtmParameters(**body.utm.model_dump())
    old_code = link.code
    if body.slug is not None and body.slug != old_code:
        check_slug(body.slug)
        changes["code"] = body.slug
    destination = changes.get("destination", link.destination)
    changes["target"] = with_utm(destination, changes.get("utm", link.utm))
    try:
        await links.update(link, changes)
    except DuplicateKeyError:
        raise slug_taken() from None
    await shortener.cache.put(link)
    if link.code != old_code:
        await shortener.cache.forget(old_code)
    return shortener.answer(link)


async def delete_link(principal: Principal, link_id: str, shortener: Shortener) -> None:
    """The link, its clicks and counts; its code stops leading anywhere at once."""
    link = await get_link(principal, link_id)
    await link.delete()
    await shortener.cache.forget(link.code)
    await ClickRepository(link).delete_all()


async def qr_code(
    principal: Principal, link_id: str, shortener: Shortener, render: Callable[[str], bytes]
) -> bytes:
    """The short URL as a QR code, rendered by `render` (`qr.png`, `qr.svg`)."""
    return render(shortener.short_url(await get_link(principal, link_id)))


async def link_stats(
    principal: Principal, link_id: str, first: date | None, last: date | None
) -> ShortLinkStats:
    """People's and bots' clicks on each day of the range (the last STATS_DAYS by default),
    and where people came from most."""
    first, last = stats_range(first, last)
    clicks = ClickRepository(await get_link(principal, link_id))
    counted = {day.day: day for day in await clicks.days(first.isoformat(), last.isoformat())}
    every_day = (first + timedelta(days=offset) for offset in range((last - first).days + 1))
    days = [
        DayClicks.model_validate(counted[day.isoformat()])
        if day.isoformat() in counted
        else DayClicks(day=day, clicks=0, bots=0)
        for day in every_day
    ]

    async def top(field: str) -> list[Ranked]:
        ranked = await clicks.top(field, first.isoformat(), last.isoformat())
        return [Ranked(value=value, clicks=count) for value, count in ranked]

    return ShortLinkStats(
        first_day=first,
        last_day=last,
        clicks=sum(day.clicks for day in days),
        bots=sum(day.bots for day in days),
        days=days,
        referrers=await top("referrer_host"),
        countries=await top("country"),
        devices=await top("device"),
    )


def stats_range(first: date | None, last: date | None) -> tuple[date, date]:
    """`to` is today unless given, `from` STATS_DAYS before it (both included)."""
    last = last or utc_now().date()
    first = first or last - timedelta(days=STATS_DAYS - 1)
    if first > last:
        raise range_refused("from", "must not be after `to`")
    if (last - first).days >= MAX_STATS_DAYS:
        raise range_refused("from", f"must be at most {MAX_STATS_DAYS} days before `to`")
    return first, last


def check_slug(slug: str) -> None:
    if slug in RESERVED_SLUGS:
        raise SlugReserved(details=[{"field": "slug", "message": "is reserved"}])


def slug_taken() -> SlugTaken:
    return SlugTaken(details=[{"field": "slug", "message": "is taken"}])


def range_refused(field: str, message: str) -> InvalidInput:
    return InvalidInput(
        f"Invalid range: `{field}` {message}.",
        details=[{"field": field, "message": message}],
        location="query",
    )
