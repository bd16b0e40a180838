"""Another account's contacts, deals and notes answer 404 on every notes route."""

import pytest

from shared.models.crm_note import CrmNote
from tests.factories import create_contact, create_deal, create_pipeline, create_signed_in


@pytest.mark.parametrize(
    ("method", "body"),
    [("GET", None), ("POST", {"body": "Mine"})],
)
async def test_another_accounts_contact_answers_404(api, method, body):
    owner = await create_signed_in()
    theirs = await create_contact((await create_signed_in()).account)

    response = await api.request(
        method, f"/v1/crm/contacts/{theirs.id}/notes", json=body, headers=owner.headers
    )

    assert response.status_code == 404
    assert await CrmNote.find_all().count() == 0


@pytest.mark.parametrize(("method", "body"), [("PATCH", {"body": "Mine"}), ("DELETE", None)])
async def test_another_accounts_note_answers_404(api, method, body):
    owner = await create_signed_in()
    stranger = await create_signed_in()
    deal = await create_deal(await create_pipeline(stranger.account))
    note = await CrmNote(
        account_id=stranger.account.id, deal_id=deal.id, author_id=stranger.user.id, body="Theirs"
    ).insert()

    response = await api.request(
        method, f"/v1/crm/deals/{deal.id}/notes/{note.id}", json=body, headers=owner.headers
    )

    assert response.status_code == 404
    assert (await CrmNote.get(note.id)).body == "Theirs"
