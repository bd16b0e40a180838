"""The platform events a deal's changes publish, for the account's webhooks
(`shared.utilities.events`): created, and moved onto another stage."""

from shared.domain.deals.schemas import DealRead
from shared.models.crm_log import FieldChange
from shared.models.deal import Deal
from shared.models.webhook_subscription import WebhookEventType
from shared.utilities.events import publish_event

# The activity log's actions that are events; other changes (edits, moves within a stage) are not.
EVENT_OF_ACTION = {
    "created": WebhookEventType.DEAL_CREATED,
    "stage_changed": WebhookEventType.DEAL_STAGE_CHANGED,
}


def publish_deal_event(deal: Deal, action: str, changes: list[FieldChange]) -> None:
    if action in EVENT_OF_ACTION:
        data = {
            "deal": DealRead.model_validate(deal).model_dump(mode="json"),
            "changes": [change.model_dump(mode="json") for change in changes],
        }
        publish_event(deal.account_id, EVENT_OF_ACTION[action], data)
