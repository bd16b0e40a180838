"""/v1/edocs/documents: made from a template for a contact, sent (frozen with its hash), read
with its signers and audit trail; another account's documents answer 404."""

from shared.domain.edocs.hashing import sha256
from shared.models.edocs_document import EdocsDocument
from tests.factories import create_contact, create_deal, create_pipeline
from tests.internal_api.edocs.requests import (
    EDOCS,
    create_document,
    create_template,
    sent_document,
)


async def test_a_draft_is_rendered_with_the_contacts_the_deals_and_the_accounts_fields(
    api, owner, contact
):
    deal = await create_deal(await create_pipeline(owner.account), value=1_234_50, currency="EUR")
    template = (await create_template(api, owner)).json()

    response = await create_document(api, owner, template["id"], contact.id, deal_id=str(deal.id))

    assert response.status_code == 201
    body = response.json()
    assert body["status"] == "draft" and body["content_sha256"] is None
    assert "Grace Hopper of Acme Marketing, 1,234.50 EUR" in body["content"]
    assert "<td>3,000.00 EUR</td></tr></tfoot>" in body["content"]  # the deal's currency
    assert [(s["order"], s["email"], s["status"]) for s in body["signers"]] == [
        (1, "ada@example.com", "waiting"),
        (2, "grace@example.com", "waiting"),
    ]


async def test_sending_freezes_the_content_and_invites_the_first_signer(api, owner, contact):
    sent = await sent_document(api, owner, contact.id)

    assert sent["status"] == "sent"
    assert sent["content_sha256"] == sha256(sent["content"])
    assert [signer["status"] for signer in sent["signers"]] == ["invited", "waiting"]
    response = await api.get(f"{EDOCS}/documents/{sent['id']}/audit", headers=owner.headers)
    steps = [(event["action"], event["actor"]) for event in response.json()]
    assert steps[:2] == [
        ("created", f"{owner.user.name} <{owner.user.email}>"),
        ("sent", f"{owner.user.name} <{owner.user.email}>"),
    ]
    assert steps[2][0] == "invited"


async def test_a_document_sent_already_is_not_sent_again(api, owner, contact):
    sent = await sent_document(api, owner, contact.id)

    response = await api.post(
        f"{EDOCS}/documents/{sent['id']}/send", json={}, headers=owner.headers
    )

    assert (response.status_code, response.json()["error"]["code"]) == (409, "document_not_draft")


async def test_an_expiry_without_an_offset_is_read_in_its_time_zone(api, owner, contact):
    template = (await create_template(api, owner)).json()
    draft = (await create_document(api, owner, template["id"], contact.id)).json()

    response = await api.post(
        f"{EDOCS}/documents/{draft['id']}/send",
        json={"expires_at": "2030-07-01T18:00:00", "time_zone": "Europe/Paris"},
        headers=owner.headers,
    )

    stored = await EdocsDocument.get(draft["id"])
    assert (stored.expires_at.isoformat(), stored.time_zone) == (
        "2030-07-01T16:00:00+00:00",
        "Europe/Paris",
    )
    assert response.json()["expires_at"].startswith("2030-07-01T16:00:00")


async def test_another_accounts_contact_cannot_be_the_documents(api, owner, stranger):
    theirs = await create_contact(stranger.account)
    template = (await create_template(api, owner)).json()

    response = await create_document(api, owner, template["id"], theirs.id)

    assert response.status_code == 404
    assert await EdocsDocument.count() == 0


async def test_the_pdf_of_a_document_not_completed_is_not_ready(api, owner, contact):
    sent = await sent_document(api, owner, contact.id)

    response = await api.get(f"{EDOCS}/documents/{sent['id']}/pdf", headers=owner.headers)

    assert (response.status_code, response.json()["error"]["code"]) == (409, "pdf_not_ready")


async def test_documents_are_listed_a_page_at_a_time(api, owner, contact):
    template = (await create_template(api, owner)).json()
    for title in ("One", "Two"):
        await create_document(api, owner, template["id"], contact.id, title=title)

    response = await api.get(f"{EDOCS}/documents?limit=1", headers=owner.headers)

    assert [document["title"] for document in response.json()["data"]] == ["Two"]
    assert [signer["order"] for signer in response.json()["data"][0]["signers"]] == [1, 2]
    assert response.json()["pagination"]["next_page"] == 2


async def test_another_accounts_document_answers_404(api, owner, stranger, contact):
    sent = await sent_document(api, owner, contact.id)
    path = f"{EDOCS}/documents/{sent['id']}"

    responses = [
        await api.get(path, headers=stranger.headers),
        await api.post(f"{path}/send", json={}, headers=stranger.headers),
        await api.get(f"{path}/audit", headers=stranger.headers),
        await api.get(f"{path}/pdf", headers=stranger.headers),
        await api.post(f"{path}/void", json={"reason": "x"}, headers=stranger.headers),
        await api.delete(path, headers=stranger.headers),
    ]

    assert [response.status_code for response in responses] == [404] * 6
    assert (await EdocsDocument.get(sent["id"])).status.value == "sent"
    listed = await api.get(f"{EDOCS}/documents", headers=stranger.headers)
    assert listed.json()["data"] == []


async def test_a_draft_can_be_deleted_a_sent_document_cannot(api, owner, contact):
    template = (await create_template(api, owner)).json()
    draft = (await create_document(api, owner, template["id"], contact.id)).json()
    sent = await sent_document(api, owner, contact.id)

    deleted = await api.delete(f"{EDOCS}/documents/{draft['id']}", headers=owner.headers)
    kept = await api.delete(f"{EDOCS}/documents/{sent['id']}", headers=owner.headers)

    assert (deleted.status_code, kept.status_code) == (204, 409)
    assert await EdocsDocument.count() == 1


async def test_a_sent_document_is_voided_with_its_reason(api, owner, contact):
    sent = await sent_document(api, owner, contact.id)

    response = await api.post(
        f"{EDOCS}/documents/{sent['id']}/void",
        json={"reason": "wrong price"},
        headers=owner.headers,
    )

    assert response.status_code == 200
    assert (response.json()["status"], response.json()["void_reason"]) == ("voided", "wrong price")
    read = await api.get(f"{EDOCS}/documents/{sent['id']}", headers=owner.headers)
    assert read.json()["status"] == "voided"


async def test_voiding_needs_a_reason_and_changes_nothing_without_one(api, owner, contact):
    sent = await sent_document(api, owner, contact.id)

    response = await api.post(
        f"{EDOCS}/documents/{sent['id']}/void", json={"reason": ""}, headers=owner.headers
    )

    assert (response.status_code, response.json()["error"]["code"]) == (422, "validation_error")
    assert (await EdocsDocument.get(sent["id"])).status.value == "sent"
