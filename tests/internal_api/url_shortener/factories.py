"""Short links, clicks and daily counts stored as the service and the drain store them."""

import secrets
from datetime import UTC, datetime

from shared.models.account import Account
from shared.models.short_link import ShortLink
from shared.models.short_link_click import DeviceClass, ShortLinkClick
from shared.models.short_link_day import ShortLinkDay
from tests.internal_api.url_shortener.conftest import DESTINATION


async def create_link(account: Account, **overrides) -> ShortLink:
    fields = {
        "account_id": account.id,
        "code": f"link-{secrets.token_hex(4)}",
        "destination": DESTINATION,
        "target": DESTINATION,
        "created_by": account.id,
    }
    return await ShortLink(**{**fields, **overrides}).insert()


async def create_click(link: ShortLink, day: str, **overrides) -> ShortLinkClick:
    at = datetime.fromisoformat(day).replace(hour=12, tzinfo=UTC)
    fields = {
        "id": f"{int(at.timestamp() * 1000)}-{secrets.randbelow(10**6)}",
        "account_id": link.account_id,
        "link_id": link.id,
        "at": at,
        "day": day,
        "device": DeviceClass.DESKTOP,
        "bot": False,
    }
    return await ShortLinkClick(**{**fields, **overrides}).insert()


async def create_day(link: ShortLink, day: str, clicks: int, bots: int = 0) -> ShortLinkDay:
    return await ShortLinkDay(
        account_id=link.account_id, link_id=link.id, day=day, clicks=clicks, bots=bots
    ).insert()
