"""An endpoint whose delivery failed every attempt is switched off, and the account's admins
are told so in their notifications (stored, and pushed to each one's room on the general socket
as `notification:new`)."""

from shared.domain.notifications.notify import notify
from shared.models.base import utc_now
from shared.models.membership import Membership, Role
from shared.models.webhook_subscription import WebhookSubscription
from shared.utilities.repository import TenantRepository

NOTIFIED_ROLES = [Role.OWNER, Role.ADMIN]


async def switch_off_endpoint(subscription: WebhookSubscription, attempts: int) -> None:
    """Disable the endpoint with its reason and notify once: a second run of this (the task
    delivered again) finds it already off and does nothing."""
    reason = f"A delivery failed {attempts} attempts in a row."
    switched = await WebhookSubscription.get_motor_collection().update_one(
        {"_id": subscription.id, "enabled": True},
        {"$set": {"enabled": False, "disabled_reason": reason, "updated_at": utc_now()}},
    )
    if switched.modified_count:
        await notify_admins(subscription, reason)


async def notify_admins(subscription: WebhookSubscription, reason: str) -> None:
    members = TenantRepository(Membership, subscription.account_id)
    admins = await Membership.find(members.scoped({"role": {"$in": NOTIFIED_ROLES}})).to_list()
    for admin in admins:
        await notify(
            subscription.account_id,
            admin.user_id,
            kind="webhook.disabled",
            title="A webhook endpoint was switched off",
            body=f"{subscription.url}: {reason} Fix it, then switch it back on.",
            link=f"/settings/webhooks/{subscription.id}",
        )
