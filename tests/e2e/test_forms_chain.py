"""A form the way a website reaches it: gateway -> router -> internal_api, with no session,
after the account built it through the dashboard's chain."""

from shared.models.contact import Contact
from tests.factories import create_signed_in
from tests.internal_api.chain import dashboard, module_chain
from tests.internal_api.forms.bodies import FORMS, form_body, old_stamp, public

__all__ = ["dashboard", "module_chain"]


async def test_a_website_renders_and_submits_a_form_without_a_session(dashboard):
    owner = await create_signed_in()
    built = await dashboard.post(FORMS, json=form_body(), headers=owner.session_headers)
    form_id = built.json()["id"]

    definition = await dashboard.get(public(form_id))
    sent = await dashboard.post(
        f"{public(form_id)}/submissions",
        content=f"name=Ada+King&email=ada%40example.com&plan=pro&render_stamp={old_stamp(form_id)}",
        headers={"content-type": "application/x-www-form-urlencoded", "idempotency-key": "v-1"},
    )
    listed = await dashboard.get(f"{FORMS}/{form_id}/submissions", headers=owner.session_headers)

    assert (built.status_code, definition.status_code, sent.status_code) == (201, 200, 201)
    assert [submission["id"] for submission in listed.json()["data"]] == [sent.json()["id"]]
    contact = await Contact.find_one({"account_id": owner.account.id})
    assert contact.emails == ["ada@example.com"]
