"""A document the way its signers reach it: the account sends it through the dashboard's
chain, and each signer follows the link mailed to them, with no session, through gateway ->
router -> internal_api."""

from tests.edocs_factories import BODY
from tests.factories import create_contact, create_signed_in
from tests.internal_api.chain import dashboard, dashboard_jobs, module_chain
from tests.internal_api.edocs.requests import EDOCS, SIGNERS
from tests.internal_api.self_service import mails, token_in

__all__ = ["dashboard", "dashboard_jobs", "module_chain"]


async def test_signers_follow_their_mailed_links_and_sign_in_turn_without_a_session(
    dashboard, dashboard_jobs
):
    owner = await create_signed_in()
    contact = await create_contact(owner.account)
    signed_in = owner.session_headers
    template = await dashboard.post(
        f"{EDOCS}/templates", json={"name": "Proposal", "body": BODY}, headers=signed_in
    )
    draft = await dashboard.post(
        f"{EDOCS}/documents",
        json={
            "title": "Proposal",
            "template_id": template.json()["id"],
            "contact_id": str(contact.id),
            "signers": SIGNERS,
        },
        headers=signed_in,
    )
    document = f"{EDOCS}/documents/{draft.json()['id']}"
    await dashboard.post(f"{document}/send", json={}, headers=signed_in)

    answers = []
    for signer in SIGNERS:
        [mail] = [
            m
            for m in mails(dashboard_jobs, "document_to_sign")
            if m["to"] == signer["email"].lower()
        ]
        token = token_in(mail["links"]["signing_url"])
        link = f"{EDOCS}/public/sign/{token}"
        answers.append((await dashboard.get(link)).status_code)
        signature = {"kind": "typed", "typed_name": signer["name"]}
        answers.append((await dashboard.post(f"{link}/sign", json=signature)).status_code)

    assert answers == [200, 200, 200, 200]
    read = await dashboard.get(document, headers=signed_in)
    assert read.json()["status"] == "completed"
