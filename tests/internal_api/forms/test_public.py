"""/v1/forms/public/{form_id}: the definition a page renders and the answers it posts, without
a session; and the submissions read back by the account, each as it was made."""

import pytest

from shared.models.contact import Contact
from shared.models.form_submission import FormSubmission
from shared.models.lead import Lead
from tests.factories import create_signed_in
from tests.internal_api.forms.bodies import (
    FORMS,
    build,
    contact_fields,
    field,
    form_body,
    old_stamp,
    public,
    sent,
)
from tests.internal_api.url_shortener.factories import create_link

ADA = {"name": "Ada King", "email": "ada@example.com", "plan": "pro"}
CAPTCHA = {"provider": "hcaptcha", "site_key": "10000000-ffff", "secret": "0x0000-secret"}


@pytest.fixture
async def owner(mongo):
    return await create_signed_in()


@pytest.fixture
async def form(api, owner):
    after = {"message": "Thanks, we will call you."}
    private = {"tags": ["web"], "notify_user_ids": [str(owner.user.id)]}
    return (await build(api, owner, after_submit=after, **private)).json()


async def test_the_definition_for_a_page_holds_nothing_private(api, owner):
    private = {"tags": ["web"], "notify_user_ids": [str(owner.user.id)]}
    form = (await build(api, owner, captcha=CAPTCHA, **private)).json()

    response = await api.get(public(form["id"]))

    body = response.json()
    assert response.status_code == 200
    assert body["captcha"] == {"provider": "hcaptcha", "site_key": "10000000-ffff"}
    assert [f["key"] for f in body["steps"][0]["fields"]] == ["name", "email", "plan"]
    assert body["steps"][0]["fields"][2]["options"] == ["basic", "pro"]
    for private in ("secret", "notify_user_ids", "tags", "deal", "maps_to", "rate_limit"):
        assert private not in response.text


async def test_a_visitor_who_came_by_a_short_link_is_a_lead_of_that_link(api, owner, form, redis):
    link = await create_link(owner.account, target="https://site.example/offer")
    landing = (await api.get(f"/v1/s/{link.code}")).headers["location"]

    response = await api.post(
        f"{public(form['id'])}/submissions", json=sent(ADA, form["id"], page={"url": landing})
    )

    submission = await FormSubmission.get(response.json()["id"])
    lead = await Lead.get(submission.lead_id)
    assert (lead.attribution.short_link, lead.attribution.landing_page) == (link.code, landing)


async def test_an_archived_form_is_not_there_for_pages(api, owner, form):
    await api.delete(f"{FORMS}/{form['id']}", headers=owner.headers)

    response = await api.get(public(form["id"]))

    assert (response.status_code, response.json()["error"]["code"]) == (404, "form_not_found")


async def test_json_answers_make_a_submission_and_answer_the_thank_you(api, form):
    page = {"url": "https://site.example/?utm_source=google", "referrer": "https://a.example"}
    response = await api.post(
        f"{public(form['id'])}/submissions", json=sent(ADA, form["id"], page=page)
    )

    assert response.status_code == 201
    assert response.json()["message"] == "Thanks, we will call you."
    submission = await FormSubmission.get(response.json()["id"])
    assert submission.answer("email") == "ada@example.com"
    lead = await Lead.get(submission.lead_id)
    assert (lead.attribution.utm_source, lead.attribution.referrer) == (
        "google",
        "https://a.example",
    )


async def test_urlencoded_answers_are_read_like_json_ones(api, form):
    response = await api.post(
        f"{public(form['id'])}/submissions",
        content=f"name=Ada+King&email=ada%40example.com&plan=pro&utm_campaign=spring"
        f"&render_stamp={old_stamp(form['id'])}",
        headers={"content-type": "application/x-www-form-urlencoded"},
    )

    assert response.status_code == 201
    submission = await FormSubmission.get(response.json()["id"])
    assert (submission.answer("name"), submission.attribution.utm_campaign) == (
        "Ada King",
        "spring",
    )


async def test_an_idempotency_key_sent_again_answers_the_first_submission(api, form):
    path, key = f"{public(form['id'])}/submissions", {"idempotency-key": "visit-1"}
    first = await api.post(path, json=sent(ADA, form["id"]), headers=key)

    again = await api.post(path, json=sent(ADA, form["id"]), headers=key)

    assert (again.status_code, again.json()["id"]) == (201, first.json()["id"])
    assert (await FormSubmission.count(), await Contact.count()) == (1, 1)


async def test_a_bad_answer_answers_422_naming_it_and_stores_nothing(api, form):
    response = await api.post(
        f"{public(form['id'])}/submissions", json=sent({**ADA, "plan": "gold"}, form["id"])
    )

    assert response.status_code == 422
    error = response.json()["error"]
    assert (error["code"], error["details"][0]["field"]) == ("invalid_answers", "body.fields.plan")
    assert (await FormSubmission.count(), await Contact.count()) == (0, 0)


async def test_answers_in_another_format_answer_415(api, form):
    response = await api.post(
        f"{public(form['id'])}/submissions", content="hello", headers={"content-type": "text/plain"}
    )

    assert response.status_code == 415
    assert await FormSubmission.count() == 0


async def test_answers_that_are_not_text_are_named(api, form):
    response = await api.post(
        f"{public(form['id'])}/submissions", json=sent({**ADA, "plan": {"a": 1}}, form["id"])
    )

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["field"] == "body.fields.plan"


async def test_submissions_are_listed_newest_first(api, owner, form):
    for email in ("first@example.com", "second@example.com"):
        await api.post(
            f"{public(form['id'])}/submissions", json=sent({**ADA, "email": email}, form["id"])
        )

    response = await api.get(f"{FORMS}/{form['id']}/submissions", headers=owner.headers)

    emails = [s["answers"][1]["value"] for s in response.json()["data"]]
    assert emails == ["second@example.com", "first@example.com"]


async def test_a_past_submission_reads_as_the_version_it_was_made_on(api, owner, form):
    made = await api.post(f"{public(form['id'])}/submissions", json=sent(ADA, form["id"]))
    renamed = [field("name", label="Full name", maps_to="full_name"), *contact_fields()[1:]]
    await api.patch(
        f"{FORMS}/{form['id']}", json={"steps": form_body(*renamed)["steps"]}, headers=owner.headers
    )

    response = await api.get(
        f"{FORMS}/{form['id']}/submissions/{made.json()['id']}", headers=owner.headers
    )

    body = response.json()
    assert body["form_version"] == 1
    assert body["answers"][0] == {
        "key": "name",
        "label": "Name",
        "kind": "text",
        "value": "Ada King",
    }
    assert body["steps"][0]["fields"][0]["label"] == "Name"
