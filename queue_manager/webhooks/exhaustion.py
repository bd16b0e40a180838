"""An endpoint whose delivery failed every attempt is switched off, and the account's admins
are told so in their notifications (stored, and pushed to each one's room on the general socket
as `notification:new`)."""

from queue_manager.webhooks import repository
from shared.domain.notifications.notify import notify
from shared.models.membership import Role
from shared.models.webhook_subscription import WebhookSubscription

NOTIFIED_ROLES = [Role.OWNER, Role.ADMIN]


async def switch_off_endpoint(subscription: WebhookSubscription, attempts: int) -> None:
    """Disable the endpoint with its reason and notify once: a second run of this (the task
    delivered again) finds it already off and does nothing."""
    reason = f"A delivery failed {attempts} attempts in a row."
    if await repository.switch_off(subscription.id, reason):
        await notify_admins(subscription, reason)


async def notify_admins(subscription: WebhookSubscription, reason: str) -> None:
    admins = await repository.members_in_roles(subscription.account_id, NOTIFIED_ROLES)
    for admin in admins:
        await notify(
            subscription.account_id,
            admin.user_id,
            kind="webhook.disabled",
            title="A webhook endpoint was switched off",
            body=f"{subscription.url}: {reason} Fix it, then switch it back on.",
            link=f"/settings/webhooks/{subscription.id}",
        )
