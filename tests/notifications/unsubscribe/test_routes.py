"""Unsubscribe links: GET asks, POST (the button or the mail client's one-click) unsubscribes."""

import secrets
import time

import jwt
import pytest
from beanie import PydanticObjectId

from notifications.unsubscribe.service import AUDIENCE, key_of, unsubscribe_token
from shared.models.notification_preference import NotificationPreference
from tests.factories import create_account
from tests.notifications.conftest import configured_settings
from tests.notifications.factories import (
    create_account_user,
    create_template,
    headers_for,
    settled,
)

USER_ID = "650000000000000000000042"
PATH = "/v1/notifications/unsubscribe/"


def token_for(account, user_id: str = USER_ID) -> str:
    return unsubscribe_token(configured_settings(), str(account.id), user_id)


async def marketing_email_allowed(account) -> bool:
    preference = await NotificationPreference.find_one(
        {"account_id": account.id, "user_id": USER_ID}
    )
    return preference is None or preference.marketing_email


async def test_following_the_link_asks_before_unsubscribing(notifications):
    account = await create_account()
    token = token_for(account)

    answer = await notifications.get(PATH + token)

    assert answer.status_code == 200
    assert f'<form method="post" action="{PATH}{token}">' in answer.text
    assert await marketing_email_allowed(account)


async def test_the_one_click_post_turns_marketing_email_off(notifications):
    account = await create_account()

    answer = await notifications.post(
        PATH + token_for(account), data={"List-Unsubscribe": "One-Click"}
    )

    assert answer.status_code == 200
    assert "You are unsubscribed" in answer.text
    assert not await marketing_email_allowed(account)


async def test_a_forged_token_answers_404_and_changes_nothing(notifications):
    account = await create_account()
    forged = unsubscribe_token(
        configured_settings(unsubscribe_secret=secrets.token_urlsafe(32)),
        str(account.id),
        USER_ID,
    )

    answer = await notifications.post(PATH + forged)

    assert answer.status_code == 404
    assert await marketing_email_allowed(account)


async def test_a_mangled_token_answers_404(notifications):
    answer = await notifications.get(PATH + "not-a-token")

    assert answer.status_code == 404


async def test_marketing_email_after_unsubscribing_is_suppressed(notifications, fake_providers):
    account = await create_account()
    await create_account_user(account, id=PydanticObjectId(USER_ID))
    await create_template(account, marketing=True)
    await notifications.post(PATH + token_for(account))

    answer = await notifications.post(
        "/v1/notifications/email",
        json={"user_id": USER_ID, "event": "newsletter", "data": {"first_name": "Ada"}},
        headers=headers_for(account),
    )

    assert answer.json()["status"] == "suppressed"
    assert answer.json()["reason"] == "the recipient unsubscribed from marketing"


async def test_the_link_in_a_sent_email_unsubscribes(notifications, fake_providers):
    account = await create_account()
    await create_account_user(account, id=PydanticObjectId(USER_ID))
    await create_template(account, marketing=True)
    answer = await notifications.post(
        "/v1/notifications/email",
        json={"user_id": USER_ID, "event": "newsletter", "data": {"first_name": "Ada"}},
        headers=headers_for(account),
    )
    await settled(answer.json()["id"])
    link = fake_providers.requests["sendgrid"][0].json()["headers"]["List-Unsubscribe"]

    path = link.strip("<>").removeprefix("https://app.platform.test")
    unsubscribed = await notifications.post(path)

    assert unsubscribed.status_code == 200
    assert not await marketing_email_allowed(account)


async def test_a_token_names_its_audience_and_expires_after_the_days_set(notifications):
    account = await create_account()
    settings = configured_settings(unsubscribe_link_days=30)

    claims = jwt.decode(
        unsubscribe_token(settings, str(account.id), USER_ID),
        key_of(settings),
        algorithms=["HS256"],
        audience=AUDIENCE,
    )

    assert (claims["aud"], claims["exp"] - claims["iat"]) == ("unsubscribe", 30 * 24 * 3600)


async def test_an_expired_link_answers_410_and_changes_nothing(notifications):
    account = await create_account()
    long_ago = time.time() - 400 * 24 * 3600
    expired = unsubscribe_token(configured_settings(), str(account.id), USER_ID, now=long_ago)

    answer = await notifications.post(PATH + expired)

    assert answer.status_code == 410
    assert answer.json()["error"]["code"] == "unsubscribe_link_expired"
    assert await marketing_email_allowed(account)


@pytest.mark.parametrize(
    "claims",
    [
        {"sub": USER_ID, "exp": 4102444800},  # no audience: the links made before
        {"sub": USER_ID, "aud": "login", "exp": 4102444800},  # another use of the key
        {"sub": USER_ID, "aud": "unsubscribe"},  # no expiry
    ],
)
async def test_a_token_for_another_use_or_without_expiry_answers_404(notifications, claims):
    account = await create_account()
    token = jwt.encode(
        {**claims, "account_id": str(account.id)},
        key_of(configured_settings()),
        algorithm="HS256",
    )

    answer = await notifications.post(PATH + token)

    assert answer.status_code == 404
    assert answer.json()["error"]["code"] == "unsubscribe_link_not_valid"
    assert await marketing_email_allowed(account)
