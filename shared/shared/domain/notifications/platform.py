"""The platform's own emails and pushes (an invitation, a password reset, a new lead, ...): one
table of events, each with its template, channels and audience, and `tell`, the one way any
process asks for one.

`tell` holds one `platform_messages.send` job per recipient and channel in the caller's outbox,
so nothing is sent for work that failed; the queue manager's task sends it through the
notification service with its service token, which renders the event's template (the account's
own or the default) with the account's branding and applies the recipient's preferences and
quiet hours (urgent events go through quiet hours; none bypasses an opt-out, except that an
address, not a user, has none).
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from beanie import PydanticObjectId

from shared.domain.accounts.repository import member_ids
from shared.models.notification_template import Channel
from shared.utilities.outbox import enqueue_job
from shared.utilities.task_names import PLATFORM_MESSAGES_SEND


class Audience(StrEnum):
    # An address given by the caller: someone who may be no user yet (an invitee), or an
    # address a user has still to prove.
    ADDRESS = "address"
    # Users named by the caller (the one who asked for a reset, a conversation's followers).
    USERS = "users"
    # Every member of the account (unless the caller names some users of it instead): each
    # receives it until they turn the event off.
    ACCOUNT_MEMBERS = "account_members"


@dataclass(frozen=True)
class PlatformEvent:
    name: str  # also the event whose template is rendered
    channels: tuple[Channel, ...]
    audience: Audience
    urgent: bool = False  # sent through the recipient's quiet hours
    # Not sent to a user who is online in the account when it goes out: they see it live.
    unless_online: bool = False


PLATFORM_EVENTS: dict[str, PlatformEvent] = {
    event.name: event
    for event in (
        PlatformEvent("invitation", (Channel.EMAIL,), Audience.ADDRESS, urgent=True),
        PlatformEvent("email_verification", (Channel.EMAIL,), Audience.ADDRESS, urgent=True),
        PlatformEvent("password_reset", (Channel.EMAIL,), Audience.USERS, urgent=True),
        PlatformEvent("new_lead", (Channel.EMAIL, Channel.PUSH), Audience.ACCOUNT_MEMBERS),
        PlatformEvent(
            "new_message", (Channel.EMAIL, Channel.PUSH), Audience.USERS, unless_online=True
        ),
        # A document's signer asked to sign it (e-documents), then reminded while they have not.
        PlatformEvent("document_to_sign", (Channel.EMAIL,), Audience.ADDRESS),
        PlatformEvent("document_reminder", (Channel.EMAIL,), Audience.ADDRESS),
        PlatformEvent("task_assigned", (Channel.EMAIL, Channel.PUSH), Audience.USERS),
        PlatformEvent("task_mentioned", (Channel.EMAIL, Channel.PUSH), Audience.USERS),
        PlatformEvent("task_due", (Channel.EMAIL, Channel.PUSH), Audience.USERS),
        # Scheduling: the invitee's messages go to the address they booked with.
        PlatformEvent("booking_confirmed", (Channel.EMAIL,), Audience.ADDRESS, urgent=True),
        PlatformEvent("booking_rescheduled", (Channel.EMAIL,), Audience.ADDRESS, urgent=True),
        PlatformEvent("booking_cancelled", (Channel.EMAIL,), Audience.ADDRESS, urgent=True),
        PlatformEvent("booking_reminder", (Channel.EMAIL,), Audience.ADDRESS, urgent=True),
        PlatformEvent("booking_reminder_sms", (Channel.SMS,), Audience.ADDRESS, urgent=True),
        PlatformEvent("host_booking_scheduled", (Channel.EMAIL, Channel.PUSH), Audience.USERS),
        PlatformEvent("host_booking_cancelled", (Channel.EMAIL, Channel.PUSH), Audience.USERS),
        # A customer's message to the supporting team (its assignee, or the team without one);
        # a support conversation waiting too long for an answer.
        PlatformEvent(
            "support_message", (Channel.EMAIL, Channel.PUSH), Audience.USERS, unless_online=True
        ),
        PlatformEvent("support_waiting", (Channel.EMAIL, Channel.PUSH), Audience.USERS),
        # OneBalance: the wallet fell below the account's alert threshold; an auto-reload's
        # card was declined.
        PlatformEvent("onebalance_low_balance", (Channel.EMAIL,), Audience.ACCOUNT_MEMBERS),
        PlatformEvent(
            "onebalance_reload_failed", (Channel.EMAIL,), Audience.ACCOUNT_MEMBERS, urgent=True
        ),
        # A custom domain not proven within its validation window (or proven by another
        # account first); a custom domain's certificate expiring soon.
        PlatformEvent("domain_verification_failed", (Channel.EMAIL,), Audience.ACCOUNT_MEMBERS),
        PlatformEvent("domain_certificate_expiring", (Channel.EMAIL,), Audience.ACCOUNT_MEMBERS),
        # Reputation: a low review told to the chosen users; the weekly digest to its readers.
        PlatformEvent("review_alert", (Channel.EMAIL,), Audience.USERS, urgent=True),
        PlatformEvent("reviews_digest", (Channel.EMAIL,), Audience.USERS),
        # Affiliates: a partner invited to a programme, at the address they were invited at.
        PlatformEvent("affiliate_invitation", (Channel.EMAIL,), Audience.ADDRESS),
        # A scheduled client report, its PDF attached, to each of its recipients.
        PlatformEvent("client_report", (Channel.EMAIL,), Audience.ADDRESS),
    )
}


class UnknownPlatformEvent(ValueError):
    pass


async def tell(
    event_name: str,
    account_id: PydanticObjectId | str,
    data: dict[str, str],
    *,
    to: str | None = None,
    user_ids: Iterable[PydanticObjectId | str] = (),
    links: dict[str, str] | None = None,
    key: str | None = None,
    attachments: Sequence[dict[str, str]] = (),
) -> None:
    """Ask for the event's message to its audience: `to` for an address, `user_ids` for named
    users, nobody to name for the account's members (or some of them, named, to narrow it).
    `links` are variables holding paths into the dashboard (`{"lead_url": "/contacts/123"}`),
    made links on the account's domain when sent. `key` names what the message is about (an
    invitation's id, a lead's): a message asked for twice with one key is sent once.
    `attachments` (`{"filename", "content_type", "content"}`, the content base64) go with its
    email."""
    event = PLATFORM_EVENTS.get(event_name)
    if event is None:
        raise UnknownPlatformEvent(f"no platform event is named {event_name}")
    recipients = await recipients_of(event, PydanticObjectId(account_id), to, user_ids)
    for recipient in recipients:
        for channel in event.channels:
            enqueue_job(
                PLATFORM_MESSAGES_SEND,
                task_id=f"{event.name}:{key}:{recipient}:{channel}" if key else None,
                event=event.name,
                channel=channel.value,
                account_id=str(account_id),
                data=data,
                links=links or {},
                attachments=list(attachments) if channel is Channel.EMAIL else [],
                **recipient.as_arguments(),
            )


@dataclass(frozen=True)
class Recipient:
    to: str | None = None
    user_id: str | None = None

    def as_arguments(self) -> dict[str, str | None]:
        return {"to": self.to, "user_id": self.user_id}

    def __str__(self) -> str:
        return self.to or self.user_id or ""


async def recipients_of(
    event: PlatformEvent,
    account_id: PydanticObjectId,
    to: str | None,
    user_ids: Iterable[PydanticObjectId | str],
) -> list[Recipient]:
    named = [str(user_id) for user_id in user_ids]
    if event.audience is Audience.ADDRESS:
        if not to or named:
            raise ValueError(f"{event.name} goes to one address (`to`)")
        return [Recipient(to=to)]
    if to:
        raise ValueError(f"{event.name} goes to users, not to an address")
    if event.audience is Audience.ACCOUNT_MEMBERS and not named:
        named = [str(user_id) for user_id in await member_ids(account_id)]
    return [Recipient(user_id=user_id) for user_id in dict.fromkeys(named)]
