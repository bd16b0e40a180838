"""Constant Contact's unsubscribes, polled (it sends no unsubscribe webhook): the contacts
unsubscribed since the list's last poll (`GET /v3/contacts?status=unsubscribed&updated_after=`,
paged by `_links.next.href`); each one the list holds as subscribed kept unsubscribed, so the
sync never subscribes it again, and the account's contacts holding the address opted out of
marketing email (`shared.domain.email_lists.consent`). The next poll starts from when this one
did, so an unsubscribe while it runs is not missed; one seen twice changes nothing more."""

from datetime import datetime

from external_api.integrations.constant_contact.lists import CONTACTS, LISTS, UNSUBSCRIBED
from external_api.integrations.constant_contact.reports import NAME
from external_api.integrations.constant_contact.schemas import PollRead
from external_api.integrations.framework.runtime import Integrations
from external_api.integrations.framework.tokens import ConnectedHttp
from shared.domain.email_lists.consent import unsubscribed
from shared.domain.email_lists.repository import MemberRepository
from shared.models.base import utc_now
from shared.models.email_list_sync import MemberStatus

PAGE_SIZE = 500  # Constant Contact's most contacts per page


async def unsubscribed_since(http: ConnectedHttp, since: datetime) -> set[str]:
    addresses: set[str] = set()
    path: str | None = CONTACTS
    params: dict[str, str | int] | None = {
        "status": UNSUBSCRIBED,
        "updated_after": since.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "limit": PAGE_SIZE,
    }
    while path:
        page = await http.json("GET", path, params=params)
        for contact in page.get("contacts") or []:
            address = (contact.get("email_address") or {}).get("address")
            if address:
                addresses.add(str(address).strip().lower())
        # The next page's path carries its own query.
        path, params = ((page.get("_links") or {}).get("next") or {}).get("href"), None
    return addresses


async def poll(integrations: Integrations, account_id: str, sync_id: str) -> PollRead:
    sync = await LISTS.syncs(account_id).get(sync_id)
    started = utc_now()
    http = integrations.connected_http(NAME, account_id)
    addresses = await unsubscribed_since(http, sync.polled_at or sync.created_at)
    members = await MemberRepository(sync).by_email(addresses)
    read = PollRead()
    for email, member in sorted(members.items()):
        if member.status is MemberStatus.SUBSCRIBED:
            read.unsubscribed += 1
            read.opted_out += await unsubscribed(
                account_id, NAME, sync.list_id, email, integrations.settings
            )
    sync.polled_at = started
    await sync.save()
    return read
