"""SendGrid's events (processed, delivered, bounce, open, click, ...) published as platform
events `email.<event>` of the account, for its webhook subscriptions."""

from typing import Any

from shared.utilities.events import publish_event


async def handle(event: dict[str, Any]) -> dict[str, Any]:
    data = event["data"]
    event_id = publish_event(data["account_id"], f"email.{event['type']}", data["event"])
    return {"event": event_id}
