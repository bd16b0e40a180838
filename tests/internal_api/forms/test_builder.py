"""/v1/forms: forms built, checked as a whole, changed into new versions, archived; another
account's answer 404."""

import pytest
from beanie import PydanticObjectId

from internal_api.forms.repository import FormRepository
from internal_api.forms.secrets import secret_box
from internal_api.settings import InternalApiSettings
from shared.models.custom_field import CustomField
from shared.models.form import Form, FormVersion
from shared.models.membership import Role
from tests.factories import create_pipeline, create_signed_in
from tests.internal_api.forms.bodies import FORMS, build, contact_fields, field, form_body

CAPTCHA = {"provider": "turnstile", "site_key": "0x4AAA", "secret": "0x4AAA-secret"}


@pytest.fixture
async def owner(mongo):
    return await create_signed_in()


async def test_a_form_is_built_at_its_first_version(api, owner):
    pipeline = await create_pipeline(owner.account)
    deal = {"pipeline_id": str(pipeline.id), "stage_id": str(pipeline.stages[0].id)}
    extra = {"tags": ["web"], "deal": deal, "allowed_origins": ["https://Example.com/"]}

    response = await build(api, owner, notify_user_ids=[str(owner.user.id)], **extra)

    assert response.status_code == 201
    body = response.json()
    assert (body["version"], body["tags"], body["notify_user_ids"]) == (
        1,
        ["web"],
        [str(owner.user.id)],
    )
    assert (body["allowed_origins"], body["honeypot_field"], body["min_fill_seconds"]) == (
        ["https://example.com"],
        "_hp",
        2,
    )
    assert [f["maps_to"] for f in body["steps"][0]["fields"]] == ["full_name", "emails", None]
    [version] = await FormVersion.find({"form_id": PydanticObjectId(body["id"])}).to_list()
    assert version.number == 1


async def test_the_captcha_secret_is_stored_sealed_and_never_answered(api, owner):
    response = await build(api, owner, captcha=CAPTCHA)

    assert response.json()["captcha"] == {"provider": "turnstile", "site_key": "0x4AAA"}
    read = await api.get(f"{FORMS}/{response.json()['id']}", headers=owner.headers)
    assert "secret" not in str(read.json())
    stored = await Form.get(response.json()["id"])
    assert secret_box(InternalApiSettings()).open(stored.captcha.sealed_secret) == "0x4AAA-secret"


@pytest.mark.parametrize(
    ("fields", "overrides", "at_fault"),
    [
        (
            [field("email", "email", maps_to="emails"), field("email")],
            {},
            "body.steps.0.fields.1.key",
        ),
        (
            [field("email", "email", maps_to="emails"), field("_hp")],
            {},
            "body.steps.0.fields.1.key",
        ),
        (
            [field("email", "email", maps_to="emails"), field("x", maps_to="nick")],
            {},
            "body.steps.0.fields.1.maps_to",
        ),
        (
            [field("email", "email", maps_to="emails"), field("x", maps_to="custom.plan")],
            {},
            "body.steps.0.fields.1.maps_to",
        ),
        (
            [field("email", "email", maps_to="emails"), field("again", "email", maps_to="emails")],
            {},
            "body.steps.0.fields.1.maps_to",
        ),
        ([field("note")], {}, "body.steps"),
        ([field("plan", "select", maps_to="emails")], {}, "body.steps.0.fields.0"),
        ([field("n", "number", rules={"min_length": 2})], {}, "body.steps.0.fields.0"),
        (
            [field("n", "text", rules={"min_length": 5, "max_length": 2})],
            {},
            "body.steps.0.fields.0.rules",
        ),
        (
            [field("n", "text", rules={"pattern": "(unclosed"})],
            {},
            "body.steps.0.fields.0.rules.pattern",
        ),
        (
            [],
            {"after_submit": {"redirect_url": "javascript:alert(1)"}},
            "body.after_submit.redirect_url",
        ),
        (
            [],
            {"after_submit": {"message": "Thanks", "redirect_url": "https://a.example"}},
            "body.after_submit",
        ),
        ([], {"allowed_origins": ["https://example.com/page"]}, "body.allowed_origins.0"),
        (
            [],
            {"captcha": {"provider": "recaptcha", "site_key": "k", "secret": "s"}},
            "body.captcha.provider",
        ),
    ],
    ids=lambda value: value if isinstance(value, str) else None,
)
async def test_a_definition_that_does_not_hold_is_refused_naming_the_field(
    api, owner, fields, overrides, at_fault
):
    response = await build(api, owner, *fields, **overrides)

    assert response.status_code == 422
    assert at_fault in [detail["field"] for detail in response.json()["error"]["details"]]
    assert await Form.count() == 0


async def test_a_field_maps_to_one_of_the_accounts_custom_fields(api, owner):
    await CustomField(account_id=owner.account.id, key="plan", label="Plan", type="text").insert()

    response = await build(api, owner, *contact_fields(), field("budget", maps_to="custom.plan"))

    assert response.status_code == 201


async def test_recipients_who_are_not_users_of_the_account_are_refused(api, owner):
    stranger = await create_signed_in()

    response = await build(api, owner, notify_user_ids=[str(stranger.user.id)])

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_account_users"
    assert await Form.count() == 0


async def test_new_steps_make_the_next_version_and_keep_the_one_before(api, owner):
    form = (await build(api, owner)).json()
    steps = form_body(*contact_fields(), field("company"))["steps"]

    response = await api.patch(
        f"{FORMS}/{form['id']}", json={"steps": steps}, headers=owner.headers
    )

    assert response.json()["version"] == 2
    versions = await api.get(f"{FORMS}/{form['id']}/versions", headers=owner.headers)
    listed = versions.json()["data"]
    assert [version["number"] for version in listed] == [2, 1]
    assert [len(version["steps"][0]["fields"]) for version in listed] == [4, 3]


async def test_a_change_outside_the_steps_keeps_the_version(api, owner):
    form = (await build(api, owner)).json()

    response = await api.patch(
        f"{FORMS}/{form['id']}", json={"name": "Quote", "tags": ["quote"]}, headers=owner.headers
    )

    assert (response.json()["name"], response.json()["version"]) == ("Quote", 1)
    assert await FormVersion.count() == 1


async def test_a_definition_is_stored_only_on_the_version_it_was_read_at(api, owner):
    form = (await build(api, owner)).json()
    read_before = await Form.get(form["id"])
    steps = form_body(*contact_fields(), field("company"))["steps"]
    await api.patch(f"{FORMS}/{form['id']}", json={"steps": steps}, headers=owner.headers)
    read_before.version = 2

    stored = await FormRepository(owner.account.id).replace_definition(read_before, was_version=1)

    assert stored is False
    assert len((await Form.get(form["id"])).fields) == 4


async def test_an_archived_form_leaves_the_list_and_takes_no_change(api, owner):
    form = (await build(api, owner)).json()

    archived = await api.delete(f"{FORMS}/{form['id']}", headers=owner.headers)

    assert archived.status_code == 204
    live = await api.get(FORMS, headers=owner.headers)
    gone = await api.get(FORMS, params={"archived": "true"}, headers=owner.headers)
    changed = await api.patch(f"{FORMS}/{form['id']}", json={"name": "X"}, headers=owner.headers)
    assert (live.json()["data"], [f["id"] for f in gone.json()["data"]]) == ([], [form["id"]])
    assert (changed.status_code, changed.json()["error"]["code"]) == (409, "form_archived")


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", ""),
        ("PATCH", ""),
        ("DELETE", ""),
        ("GET", "/versions"),
        ("GET", "/submissions"),
        ("GET", "/submissions/665f1f77bcf86cd799439011"),
    ],
)
async def test_another_accounts_form_answers_404(api, owner, method, path):
    form = (await build(api, owner)).json()
    stranger = await create_signed_in()

    response = await api.request(
        method,
        f"{FORMS}/{form['id']}{path}",
        json={"name": "Mine"} if method == "PATCH" else None,
        headers=stranger.headers,
    )

    assert response.status_code == 404
    assert (await Form.get(form["id"])).name == "Contact us"


async def test_a_client_may_read_forms_but_not_build_them(api, owner):
    client = await create_signed_in(owner.account, role=Role.CLIENT)

    built = await build(api, client)
    listed = await api.get(FORMS, headers=client.headers)

    assert (built.status_code, listed.status_code) == (403, 200)
