"""What a user's preferences decide for one notification."""

from datetime import UTC, datetime

import pytest
from beanie import PydanticObjectId

from notifications.preferences.service import decide
from shared.models.notification_preference import NotificationPreference, QuietHours

pytestmark = pytest.mark.usefixtures("mongo")

NIGHT = QuietHours(start="22:00", end="07:00", timezone="UTC")
MIDNIGHT = datetime(2026, 1, 15, 0, 0, tzinfo=UTC)
NOON = datetime(2026, 1, 15, 12, 0, tzinfo=UTC)


def preference(**fields) -> NotificationPreference:
    return NotificationPreference(account_id=PydanticObjectId(), user_id="u1", **fields)


def decision(pref, channel="email", event="new_lead", marketing=False, urgent=False, now=NOON):
    return decide(pref, channel, event, marketing=marketing, urgent=urgent, now=now)


def test_with_no_preferences_everything_is_sent_now():
    assert decision(preference()).status == "queued"


def test_a_channel_turned_off_suppresses_with_the_reason():
    result = decision(preference(channels={"sms": False}), channel="sms")

    assert (result.status, result.reason) == ("suppressed", "the recipient turned sms off")


def test_an_event_turned_off_on_a_channel_suppresses_only_there():
    pref = preference(events={"new_lead": {"push": False}})

    assert decision(pref, channel="push").status == "suppressed"
    assert decision(pref, channel="email").status == "queued"
    assert decision(pref, channel="push", event="new_message").status == "queued"


def test_marketing_email_is_suppressed_once_unsubscribed_but_not_other_email():
    pref = preference(marketing_email=False)

    assert decision(pref, marketing=True).reason == "the recipient unsubscribed from marketing"
    assert decision(pref, marketing=False).status == "queued"


def test_quiet_hours_defer_until_they_end():
    result = decision(preference(quiet_hours=NIGHT), now=MIDNIGHT)

    assert result.status == "deferred"
    assert result.send_after == datetime(2026, 1, 15, 7, 0, tzinfo=UTC)


def test_urgent_notifications_go_through_quiet_hours():
    assert decision(preference(quiet_hours=NIGHT), urgent=True, now=MIDNIGHT).status == "queued"


def test_an_opt_out_wins_over_quiet_hours():
    pref = preference(quiet_hours=NIGHT, channels={"email": False})

    assert decision(pref, now=MIDNIGHT).status == "suppressed"
