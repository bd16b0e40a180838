"""Deliveries are signed as receivers are told to check them: good signatures pass, bad,
tampered and old ones do not, and a rotated secret keeps working through its overlap."""

from datetime import timedelta

import pytest
from beanie import PydanticObjectId

from queue_manager.webhooks.signing import signature_header, signing_secrets
from shared.models.base import utc_now
from shared.models.webhook_subscription import WebhookSubscription
from shared.utilities.signatures import verify_timestamped_hmac
from tests.queue_manager.webhooks.factories import new_secret, secret_box, secret_of

BODY = b'{"id":"evt_1","type":"contact.created","created_at":"2026-01-01T00:00:00+00:00","data":{}}'
SENT_AT = 1_800_000_000
TOLERANCE = 300


@pytest.fixture
def subscription(mongo):
    """An endpoint (not stored) with these fields."""

    def make(**overrides) -> WebhookSubscription:
        fields = {
            "account_id": PydanticObjectId(),
            "url": "https://hooks.example.com",
            "event_types": ["contact.created"],
            "sealed_secret": secret_box().seal(new_secret()),
        }
        return WebhookSubscription(**{**fields, **overrides})

    return make


def verifies(secret: str, header: str, body: bytes = BODY, now: float = SENT_AT + 1) -> bool:
    return verify_timestamped_hmac(secret, body, header, TOLERANCE, now=now)


def test_a_signature_made_with_the_secret_verifies():
    secret = new_secret()

    assert verifies(secret, signature_header([secret], BODY, SENT_AT))


def test_a_signature_made_with_another_secret_is_refused():
    header = signature_header([new_secret()], BODY, SENT_AT)

    assert not verifies(new_secret(), header)


def test_a_tampered_body_is_refused():
    secret = new_secret()
    header = signature_header([secret], BODY, SENT_AT)

    assert not verifies(secret, header, body=BODY.replace(b"contact", b"account"))


def test_a_signature_older_than_the_tolerance_is_refused_as_a_replay():
    secret = new_secret()
    header = signature_header([secret], BODY, SENT_AT)

    assert not verifies(secret, header, now=SENT_AT + TOLERANCE + 1)


def test_a_forged_timestamp_breaks_the_signature():
    secret = new_secret()
    header = signature_header([secret], BODY, SENT_AT).replace(f"t={SENT_AT}", f"t={SENT_AT + 60}")

    assert not verifies(secret, header, now=SENT_AT + 60)


def test_the_header_names_the_time_and_one_signature_per_secret():
    header = signature_header([new_secret(), new_secret()], BODY, SENT_AT)

    names = [item.partition("=")[0] for item in header.split(",")]
    assert names == ["t", "v1", "v1"]


def test_during_the_overlap_both_the_new_and_the_old_secret_verify(subscription):
    now = utc_now()
    old = new_secret()
    rotated = subscription(
        sealed_previous_secret=secret_box().seal(old),
        previous_secret_expires_at=now + timedelta(hours=1),
    )

    header = signature_header(signing_secrets(rotated, secret_box(), now), BODY, SENT_AT)

    assert verifies(secret_of(rotated), header)
    assert verifies(old, header)


def test_after_the_overlap_only_the_new_secret_signs(subscription):
    now = utc_now()
    old = new_secret()
    rotated = subscription(
        sealed_previous_secret=secret_box().seal(old),
        previous_secret_expires_at=now - timedelta(seconds=1),
    )

    header = signature_header(signing_secrets(rotated, secret_box(), now), BODY, SENT_AT)

    assert verifies(secret_of(rotated), header)
    assert not verifies(old, header)
