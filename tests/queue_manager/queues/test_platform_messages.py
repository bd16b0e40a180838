"""Queue `platform_messages` on a real worker: each of the platform's own events, asked for with
`tell`, reaches the notification service (on a real port, no provider configured) by the queue
manager's service token and lands in its outbox, rendered with the account's branding and with
its dashboard links on the account's domain."""

import os

import pytest
from redis.asyncio import Redis

from notifications.app import create_app
from notifications.settings import NotificationsSettings
from queue_manager.celery import settings
from shared.domain.notifications import dashboard_paths
from shared.domain.notifications.platform import PLATFORM_EVENTS, Audience, tell
from shared.models.account import Branding
from shared.models.dead_letter import DeadLetter
from shared.models.notification_outbox import OutboxMessage
from shared.models.notification_template import Channel
from shared.models.task_run import TaskRun, TaskStatus
from shared.utilities.outbox import collecting
from shared.utilities.realtime import presence_key
from shared.utilities.redis import create_redis
from tests.device_factories import create_device
from tests.factories import create_account, create_membership, create_sub_account, create_user
from tests.notifications.conftest import render_pool  # noqa: F401 (a fixture)
from tests.queue_manager.queues.conftest import eventually

DASHBOARD = "https://dashboard.platform.test"
# What each event's template needs, as its senders give it.
EXAMPLES = {
    "invitation": ({"inviter_name": "Ada"}, {"accept_url": dashboard_paths.accept_invitation("t")}),
    "email_verification": (
        {"expires_in_minutes": "60"},
        {"verify_url": dashboard_paths.confirm_email("t")},
    ),
    "password_reset": (
        {"expires_in_minutes": "30"},
        {"reset_url": dashboard_paths.reset_password("t")},
    ),
    "new_lead": ({"lead_name": "Grace", "source": "facebook"}, {"lead_url": "/contacts/1"}),
    "new_message": (
        {"sender_name": "Grace", "preview": "Hello"},
        {"conversation_url": dashboard_paths.conversation("c1")},
    ),
    "document_to_sign": (
        {"sender_name": "Acme", "document_title": "Proposal", "expires_at": "2030-01-31"},
        {"signing_url": dashboard_paths.sign_document("t")},
    ),
    "document_reminder": (
        {"sender_name": "Acme", "document_title": "Proposal", "expires_at": "2030-01-31"},
        {"signing_url": dashboard_paths.sign_document("t")},
    ),
    "task_assigned": (
        {"assigner_name": "Ada", "task_title": "Audit", "due_date": ""},
        {"task_url": dashboard_paths.task("p1", "t1")},
    ),
    "task_mentioned": (
        {"author_name": "Ada", "task_title": "Audit", "preview": "@Grace look"},
        {"task_url": dashboard_paths.task("p1", "t1")},
    ),
    "task_due": (
        {"task_title": "Audit", "due_at": "2026-12-01T09:00:00Z"},
        {"task_url": dashboard_paths.task("p1", "t1")},
    ),
    **{
        event: (
            {
                "invitee_name": "Grace",
                "event_name": "Discovery call",
                "when": "Monday 3 May 2027, 10:00-10:30 (Europe/Paris)",
                "location": "https://meet.example/abc",
                "host_names": "Ada",
            },
            {"manage_url": "/booking/token"},
        )
        for event in (
            "booking_confirmed",
            "booking_rescheduled",
            "booking_cancelled",
            "booking_reminder",
            "booking_reminder_sms",
        )
    },
    **{
        event: (
            {
                "invitee_name": "Grace",
                "invitee_email": "grace@example.com",
                "event_name": "Discovery call",
                "start_at": "2027-05-03T08:00:00+00:00",
            },
            {"booking_url": "/scheduling/bookings/b1"},
        )
        for event in ("host_booking_scheduled", "host_booking_cancelled")
    },
    "support_message": (
        {"account_name": "Acme", "subject": "Invoice", "sender_name": "Cleo", "preview": "Hi"},
        {"conversation_url": dashboard_paths.support_conversation("c1")},
    ),
    "support_waiting": (
        {"account_name": "Acme", "subject": "Invoice", "waiting_minutes": "65"},
        {"conversation_url": dashboard_paths.support_conversation("c1")},
    ),
    "onebalance_low_balance": (
        {"account_name": "Acme", "balance": "1.20 USD", "threshold": "5.00 USD"},
        {"wallet_url": dashboard_paths.wallet()},
    ),
    "onebalance_reload_failed": (
        {"account_name": "Acme", "amount": "20.00 USD", "reason": "Your card was declined."},
        {"wallet_url": dashboard_paths.wallet()},
    ),
    "domain_verification_failed": (
        {
            "hostname": "www.acme.test",
            "record_name": "_platform-verify.www.acme.test",
            "reason": "domain_not_proven",
        },
        {"domain_url": dashboard_paths.custom_domain("d1")},
    ),
    "domain_certificate_expiring": (
        {"hostname": "www.acme.test", "expires_on": "2026-12-20"},
        {"domain_url": dashboard_paths.custom_domain("d1")},
    ),
    "review_alert": (
        {"reviewer_name": "Ann", "rating": "2", "comment": "Cold", "source": "google-business"},
        {"review_url": "/reviews/r1"},
    ),
    "reviews_digest": (
        {"reviews": "3", "average": "4.00", "unanswered": "1", "low": "1", "since": "2024-05-01"},
        {"reviews_url": "/reviews"},
    ),
    "affiliate_invitation": (
        {"affiliate_name": "Pat", "programme_name": "Partners", "referral_url": "https://sho.rt/a"},
        {"programme_url": dashboard_paths.partner_programme("t")},
    ),
    "client_report": (
        {"report_name": "March results", "brand_name": "Acme", "expires_at": "2030-01-31"},
        {"report_url": "/v1/reports/public/t"},
    ),
}
# Events sent by email (the others, by SMS, are sent to a phone number).
EMAILED = sorted(name for name, event in PLATFORM_EVENTS.items() if Channel.EMAIL in event.channels)


def redis_client() -> Redis:
    return create_redis(os.environ["REDIS_URL"])


@pytest.fixture
async def notification_service(serve, render_pool, monkeypatch):  # noqa: F811
    """The notification service with no provider: what it sends lands in its outbox."""
    app = create_app(NotificationsSettings(), render_pool=render_pool)
    async with serve(app) as url:
        monkeypatch.setattr(settings, "notifications_url", url)
        monkeypatch.setattr(settings, "dashboard_url", DASHBOARD)
        yield url


async def emailed(account_id, to: str) -> OutboxMessage:
    async def landed() -> bool:
        return await OutboxMessage.find_one({"account_id": account_id, "to": to}) is not None

    await eventually(landed)
    return await OutboxMessage.find_one({"account_id": account_id, "to": to})


def test_every_platform_event_has_an_example_here():
    assert set(EXAMPLES) == set(PLATFORM_EVENTS)


@pytest.mark.parametrize("event", EMAILED)
async def test_each_platform_event_lands_in_the_outbox_branded_with_its_links(
    event, worker, senders, notification_service
):
    account = await create_account(branding=Branding(name="Acme Marketing"))
    user = await create_user(email="ada@example.com")
    await create_membership(account, user)
    data, links = EXAMPLES[event]
    recipient = {
        Audience.ADDRESS: {"to": user.email},
        Audience.USERS: {"user_ids": [user.id]},
        Audience.ACCOUNT_MEMBERS: {},
    }[PLATFORM_EVENTS[event].audience]

    async with collecting(senders):
        await tell(event, account.id, data, links=links, key="k1", **recipient)

    message = await emailed(account.id, user.email)
    [path] = links.values()
    assert DASHBOARD + path in message.text
    assert "Acme Marketing" in message.html  # the branded layout
    assert message.channel is Channel.EMAIL


async def test_a_sub_accounts_links_use_its_agencys_custom_domain(
    worker, senders, notification_service
):
    agency = await create_account(branding=Branding(custom_domain="app.acme.test"))
    client = await create_sub_account(agency)

    async with collecting(senders):
        await tell(
            "invitation",
            client.id,
            {"inviter_name": "Ada"},
            to="new@example.com",
            links={"accept_url": dashboard_paths.accept_invitation("secret")},
        )

    message = await emailed(client.id, "new@example.com")
    assert "https://app.acme.test/accept-invitation?token=secret" in message.text


async def test_a_refused_message_is_dead_lettered_not_retried(
    worker, senders, notification_service
):
    account = await create_account()
    stranger = await create_user()  # no user of the account: the service answers 404

    async with collecting(senders):
        await tell("password_reset", account.id, {}, user_ids=[stranger.id], key="k2")

    async def dead() -> bool:
        return await DeadLetter.find_one({"task_name": "platform_messages.send"}) is not None

    await eventually(dead)
    letter = await DeadLetter.find_one({"task_name": "platform_messages.send"})
    assert "refused password_reset by email: 404" in letter.error
    assert letter.attempts == 1


async def test_a_new_message_is_not_sent_to_a_follower_online_in_the_account(
    worker, senders, notification_service
):
    account = await create_account()
    online, offline = await create_user(), await create_user()
    for user in (online, offline):
        await create_membership(account, user)
    async with redis_client() as redis:
        await redis.hset(presence_key(account.id), str(online.id), 1)
    data, links = EXAMPLES["new_message"]

    async with collecting(senders):
        await tell(
            "new_message", account.id, data, links=links, user_ids=[online.id, offline.id], key="m"
        )

    await emailed(account.id, offline.email)
    skipped = f"new_message:m:{online.id}:email"

    async def settled() -> bool:
        run = await TaskRun.get(skipped)
        return run is not None and run.status is TaskStatus.COMPLETED

    await eventually(settled)
    assert (await TaskRun.get(skipped)).result == {"skipped": "the recipient is online"}
    assert await OutboxMessage.find({"to": online.email}).count() == 0


async def test_a_new_lead_is_pushed_to_the_members_registered_devices(
    worker, senders, notification_service
):
    account = await create_account()
    member = await create_user()
    await create_membership(account, member)
    device = await create_device(member)
    data, links = EXAMPLES["new_lead"]

    async with collecting(senders):
        await tell("new_lead", account.id, data, links=links, key="lead-1")

    async def pushed() -> bool:
        return (
            await OutboxMessage.find_one({"channel": Channel.PUSH, "to": device.token}) is not None
        )

    await eventually(pushed)
    push = await OutboxMessage.find_one({"channel": Channel.PUSH, "to": device.token})
    assert (push.subject, push.text) == ("New lead", "Grace from facebook")
