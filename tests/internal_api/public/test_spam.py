"""The honeypot and the minimum fill time, checked on a signed render stamp."""

import pytest

from internal_api.public.errors import SpamSuspected
from internal_api.public.spam import RenderStamps, check_honeypot

KEY = b"test-render-stamp-key"
RENDERED_AT = 1_800_000_000.0


class Clock:
    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def stamps(clock: Clock, key: bytes = KEY) -> RenderStamps:
    return RenderStamps(key, min_fill_seconds=3, max_age_seconds=3600, clock=clock)


def stamped(subject: str = "form-1") -> tuple[RenderStamps, Clock, str]:
    """Render stamps on a clock of our own, and a stamp of RENDERED_AT for `subject`."""
    clock = Clock(RENDERED_AT)
    issuer = stamps(clock)
    return issuer, clock, issuer.issue(subject)


@pytest.mark.parametrize("value", [None, "", [], False])
def test_an_empty_honeypot_passes(value):
    check_honeypot(value)


@pytest.mark.parametrize("value", ["http://spam.example", ["x"], True])
def test_a_filled_honeypot_is_spam(value):
    with pytest.raises(SpamSuspected) as refused:
        check_honeypot(value)

    assert (refused.value.status_code, refused.value.code) == (400, "spam_suspected")


def test_a_form_filled_after_the_minimum_time_passes():
    issuer, clock, stamp = stamped()
    clock.now += 3

    issuer.check(stamp, "form-1")


def test_a_form_sent_back_too_fast_is_spam():
    issuer, clock, stamp = stamped()
    clock.now += 2.9

    with pytest.raises(SpamSuspected):
        issuer.check(stamp, "form-1")


def test_a_stamp_claiming_an_earlier_render_is_forged():
    issuer, clock, stamp = stamped()
    _, mac = stamp.split(".")
    clock.now += 1

    with pytest.raises(SpamSuspected):
        issuer.check(f"{int(RENDERED_AT) - 60}.{mac}", "form-1")


def test_a_stamp_of_another_form_is_forged():
    issuer, clock, stamp = stamped("form-2")
    clock.now += 10

    with pytest.raises(SpamSuspected):
        issuer.check(stamp, "form-1")


def test_a_stamp_signed_with_another_key_is_forged():
    clock = Clock(RENDERED_AT)
    stamp = stamps(clock, key=b"someone-elses-key").issue("form-1")
    clock.now += 10

    with pytest.raises(SpamSuspected):
        stamps(clock).check(stamp, "form-1")


@pytest.mark.parametrize("stamp", ["", "yesterday", "1800000000", "١٨٠٠٠٠٠٠٠٠.abc", "1.\udcff"])
def test_a_missing_or_malformed_stamp_is_spam(stamp):
    issuer, clock, _ = stamped()
    clock.now += 10

    with pytest.raises(SpamSuspected):
        issuer.check(stamp, "form-1")


def test_a_form_rendered_too_long_ago_must_be_reloaded():
    issuer, clock, stamp = stamped()
    clock.now += 3601

    with pytest.raises(SpamSuspected):
        issuer.check(stamp, "form-1")


async def test_the_stamp_route_issues_a_stamp_of_the_form_under_the_configured_key(
    start_public_api,
):
    async with start_public_api(public_stamp_key="configured-key") as api:
        response = await api.get("/v1/forms/public/form-1/stamp")
    stamp = response.json()["stamp"]
    checker = RenderStamps(b"configured-key", min_fill_seconds=0, max_age_seconds=60)

    checker.check(stamp, "form-1")
    with pytest.raises(SpamSuspected):
        checker.check(stamp, "form-2")
