"""Mailchimp's Marketing API 3.0 (mailchimp.com/developer/marketing/api), at the connection's
data centre (`https://<dc>.api.mailchimp.com/3.0`): audience members written in batches of up
to 500 (`POST /lists/{list_id}`), one member changed or archived by its subscriber hash (the
MD5 of the lower-cased address), the audience's webhooks, and campaign reports paged by
`count` and `offset` against `total_items`. Mailchimp allows 10 simultaneous connections per
account and answers 429 beyond them."""

import hashlib
from collections.abc import AsyncIterator
from datetime import datetime
from typing import Any

from external_api.integrations.framework.runtime import Integrations
from external_api.integrations.framework.tokens import ConnectedHttp
from external_api.integrations.mailchimp.oauth import API_ENDPOINT
from shared.utilities.errors import NotFound

NAME = "mailchimp"
BATCH_SIZE = 500  # Mailchimp's most members per batch
REPORTS_PAGE = 100


def subscriber_hash(email: str) -> str:
    return hashlib.md5(email.lower().encode(), usedforsecurity=False).hexdigest()


class MailchimpClient:
    def __init__(self, http: ConnectedHttp, api_endpoint: str) -> None:
        self.http = http
        self.api = f"{api_endpoint.rstrip('/')}/3.0"

    async def batch(
        self, list_id: str, members: list[dict[str, Any]], update_existing: bool
    ) -> dict[str, Any]:
        """Batch subscribe or unsubscribe: Mailchimp answers 200 with the members it refused
        in `errors`."""
        body = {"members": members, "update_existing": update_existing}
        return await self.http.json("POST", f"{self.api}/lists/{list_id}", json=body)

    async def update_member(self, list_id: str, email: str, body: dict[str, Any]) -> None:
        path = f"{self.api}/lists/{list_id}/members/{subscriber_hash(email)}"
        await self.http.call("PATCH", path, json=body)

    async def archive_member(self, list_id: str, email: str) -> None:
        """Archived (Mailchimp's DELETE keeps the member's history); already gone is fine."""
        path = f"{self.api}/lists/{list_id}/members/{subscriber_hash(email)}"
        try:
            await self.http.call("DELETE", path)
        except NotFound:
            return

    async def create_webhook(self, list_id: str, url: str) -> str:
        """The audience's unsubscribes and cleaned addresses sent to `url`, from every source
        but the API, so the sync's own writes do not come back."""
        body = {
            "url": url,
            "events": {
                "subscribe": False,
                "unsubscribe": True,
                "profile": False,
                "cleaned": True,
                "upemail": False,
                "campaign": False,
            },
            "sources": {"user": True, "admin": True, "api": False},
        }
        answer = await self.http.json("POST", f"{self.api}/lists/{list_id}/webhooks", json=body)
        return str(answer["id"])

    async def delete_webhook(self, list_id: str, webhook_id: str) -> None:
        try:
            await self.http.call("DELETE", f"{self.api}/lists/{list_id}/webhooks/{webhook_id}")
        except NotFound:
            return

    async def reports(self, since: datetime, before: datetime) -> AsyncIterator[dict[str, Any]]:
        """Every campaign report of campaigns sent in [since, before), page by page."""
        offset = 0
        while True:
            params = {
                "count": REPORTS_PAGE,
                "offset": offset,
                "since_send_time": since.isoformat(),
                "before_send_time": before.isoformat(),
            }
            page = await self.http.json("GET", f"{self.api}/reports", params=params)
            reports = page.get("reports") or []
            for report in reports:
                yield report
            offset += len(reports)
            if not reports or offset >= int(page.get("total_items") or 0):
                return


async def client_for(integrations: Integrations, account_id: str) -> MailchimpClient:
    http = integrations.connected_http(NAME, account_id)
    credential = await http.store.connected(account_id)
    return MailchimpClient(http, str(credential.options[API_ENDPOINT]))
