"""PATCH /v1/users/me: the caller's name, avatar, phone, time zone and locale."""

import pytest

from shared.models.user import User
from tests.factories import create_signed_in

PROFILE = {
    "name": "Grace Hopper",
    "avatar_url": "https://cdn.example.com/grace.png",
    "phone": "+14155550100",
    "time_zone": "America/New_York",
    "locale": "en-US",
}


async def test_each_field_sent_is_stored_and_shown_by_me(api):
    me = await create_signed_in()

    response = await api.patch("/v1/users/me", json=PROFILE, headers=me.headers)
    shown = await api.get("/v1/users/me", headers=me.headers)

    assert response.status_code == 200
    assert {field: response.json()["user"][field] for field in PROFILE} == PROFILE
    assert {field: shown.json()["user"][field] for field in PROFILE} == PROFILE
    stored = await User.get(me.user.id)
    assert (stored.phone, stored.time_zone, stored.locale) == (
        "+14155550100",
        "America/New_York",
        "en-US",
    )


async def test_fields_not_sent_keep_their_value(api):
    me = await create_signed_in(name="Ada", phone="+14155550100")

    await api.patch("/v1/users/me", json={"locale": "fr-CA"}, headers=me.headers)

    stored = await User.get(me.user.id)
    assert (stored.name, stored.phone, stored.locale) == ("Ada", "+14155550100", "fr-CA")


async def test_null_clears_a_field(api):
    me = await create_signed_in(phone="+14155550100")

    await api.patch("/v1/users/me", json={"phone": None}, headers=me.headers)

    assert (await User.get(me.user.id)).phone is None


async def test_a_phone_is_stored_in_e164(api):
    me = await create_signed_in()

    await api.patch("/v1/users/me", json={"phone": "+1 (415) 555-0100"}, headers=me.headers)

    assert (await User.get(me.user.id)).phone == "+14155550100"


async def test_a_locale_is_stored_with_each_subtag_in_its_usual_case(api):
    me = await create_signed_in()

    await api.patch("/v1/users/me", json={"locale": "ZH-hant-tw"}, headers=me.headers)

    assert (await User.get(me.user.id)).locale == "zh-Hant-TW"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("name", None),
        ("name", ""),
        ("avatar_url", "ftp://cdn.example.com/grace.png"),
        ("avatar_url", "javascript:alert(1)"),
        ("phone", "4155550100"),
        ("phone", "+1 555"),
        ("time_zone", "Mars/Olympus_Mons"),
        ("locale", "english"),
        ("locale", "en_US"),
        ("email", "grace@example.com"),
    ],
)
async def test_a_bad_field_answers_422_naming_it_and_changes_nothing(api, field, value):
    me = await create_signed_in(name="Ada")

    response = await api.patch(
        "/v1/users/me", json={"locale": "fr-CA", field: value}, headers=me.headers
    )

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "validation_error"
    assert [detail["field"] for detail in response.json()["error"]["details"]] == [f"body.{field}"]
    stored = await User.get(me.user.id)
    assert (stored.name, stored.locale, stored.email) == ("Ada", None, me.user.email)


async def test_without_a_token_answers_401(api):
    response = await api.patch("/v1/users/me", json={"name": "Grace"})

    assert response.status_code == 401
