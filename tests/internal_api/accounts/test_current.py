"""GET and PATCH /v1/accounts/current: the active account's name and white-label branding."""

from shared.models.account import Account
from shared.models.membership import Role
from tests.factories import create_account, create_signed_in


async def update(api, signed_in, body: dict):
    return await api.patch("/v1/accounts/current", json=body, headers=signed_in.headers)


async def test_the_current_account_answers_with_its_branding(api):
    member = await create_signed_in(role=Role.MEMBER)

    response = await api.get("/v1/accounts/current", headers=member.headers)

    assert response.status_code == 200
    assert response.json()["id"] == str(member.account.id)
    assert response.json()["branding"]["custom_domain"] is None


async def test_an_owner_sets_the_branding(api):
    owner = await create_signed_in()
    branding = {
        "name": "Acme",
        "logo_url": "https://cdn.example.com/logo.png",
        "custom_domain": "App.Acme.com",
        "primary_color": "#112233",
        "secondary_color": "#aabbcc",
    }

    response = await update(api, owner, {"name": "Acme Agency", "branding": branding})

    assert response.status_code == 200
    assert response.json()["name"] == "Acme Agency"
    answered = response.json()["branding"]
    pending = answered.pop("pending_domain")
    assert answered == branding | {"custom_domain": None}  # until DNS proves it
    assert pending["host"] == "app.acme.com"
    stored = await Account.get(owner.account.id)
    assert (stored.branding.name, stored.branding.pending_domain.host) == ("Acme", "app.acme.com")


async def test_only_the_fields_sent_change(api):
    owner = await create_signed_in()
    await update(api, owner, {"branding": {"name": "Acme", "primary_color": "#112233"}})

    response = await update(api, owner, {"branding": {"primary_color": "#445566"}})

    branding = response.json()["branding"]
    assert (branding["name"], branding["primary_color"]) == ("Acme", "#445566")
    assert response.json()["name"] == owner.account.name


async def test_a_custom_domain_of_another_account_answers_409_and_changes_nothing(api):
    await create_account(name="Taken", branding={"custom_domain": "app.acme.com"})
    owner = await create_signed_in()

    response = await update(
        api, owner, {"name": "Renamed", "branding": {"custom_domain": "app.acme.com"}}
    )

    assert response.status_code == 409
    error = response.json()["error"]
    assert error["code"] == "domain_taken"
    assert [detail["field"] for detail in error["details"]] == ["body.branding.custom_domain"]
    stored = await Account.get(owner.account.id)
    assert (stored.name, stored.branding.custom_domain) == (owner.account.name, None)


async def test_an_unknown_field_answers_422_naming_it_and_changes_nothing(api):
    owner = await create_signed_in()

    response = await update(api, owner, {"nmae": "Typo"})

    assert response.status_code == 422
    assert [d["field"] for d in response.json()["error"]["details"]] == ["body.nmae"]
    assert (await Account.get(owner.account.id)).name == owner.account.name


async def test_bad_colours_urls_and_domains_answer_422_naming_each(api):
    owner = await create_signed_in()
    branding = {"primary_color": "red", "logo_url": "not a url", "custom_domain": "no spaces.com"}

    response = await update(api, owner, {"branding": branding})

    assert response.status_code == 422
    fields = {detail["field"] for detail in response.json()["error"]["details"]}
    assert fields == {
        "body.branding.primary_color",
        "body.branding.logo_url",
        "body.branding.custom_domain",
    }


async def test_a_member_cannot_change_the_account_and_is_told_the_missing_scope(api):
    member = await create_signed_in(role=Role.MEMBER)

    response = await update(api, member, {"name": "Mine now"})

    assert response.status_code == 403
    assert response.json()["error"]["details"] == [{"scope": "account:write"}]


async def test_an_admin_limits_members_to_their_own_records(api):
    admin = await create_signed_in(role=Role.ADMIN)

    response = await update(api, admin, {"restrict_members_to_own_records": True})

    assert response.json()["restrict_members_to_own_records"] is True
    assert (await Account.get(admin.account.id)).restrict_members_to_own_records


async def test_a_member_cannot_lift_the_limit_on_records(api):
    account = await create_account(restrict_members_to_own_records=True)
    member = await create_signed_in(account, Role.MEMBER)

    response = await update(api, member, {"restrict_members_to_own_records": False})

    assert response.status_code == 403
    assert (await Account.get(account.id)).restrict_members_to_own_records


async def test_a_new_account_answers_an_unset_locale(api):
    member = await create_signed_in(role=Role.MEMBER)

    response = await api.get("/v1/accounts/current", headers=member.headers)

    assert response.json()["locale"] == {"phone_region": None, "currency": None, "time_zone": None}


async def test_an_admin_sets_the_accounts_locale(api):
    admin = await create_signed_in(role=Role.ADMIN)
    locale = {"phone_region": "FR", "currency": "EUR", "time_zone": "Europe/Paris"}

    response = await update(api, admin, {"locale": locale})

    assert response.status_code == 200
    assert response.json()["locale"] == locale
    stored = await Account.get(admin.account.id)
    assert stored.locale.model_dump() == locale


async def test_a_locale_field_not_sent_is_kept_and_null_goes_back_to_the_default(api):
    owner = await create_signed_in()
    await update(api, owner, {"locale": {"phone_region": "FR", "currency": "EUR"}})

    response = await update(api, owner, {"locale": {"currency": None}})

    assert response.json()["locale"] == {"phone_region": "FR", "currency": None, "time_zone": None}


async def test_a_bad_region_currency_and_time_zone_answer_422_naming_each(api):
    owner = await create_signed_in()
    locale = {"phone_region": "XX", "currency": "EUX", "time_zone": "Mars/Olympus"}

    response = await update(api, owner, {"locale": locale})

    assert response.status_code == 422
    fields = {detail["field"] for detail in response.json()["error"]["details"]}
    assert fields == {"body.locale.phone_region", "body.locale.currency", "body.locale.time_zone"}
    assert (await Account.get(owner.account.id)).locale.currency is None


async def test_a_member_cannot_change_the_locale(api):
    member = await create_signed_in(role=Role.MEMBER)

    response = await update(api, member, {"locale": {"currency": "EUR"}})

    assert response.status_code == 403
    assert (await Account.get(member.account.id)).locale.currency is None
