"""/v1/edocs/public/sign/{token}: a signer's link, without a session, views, signs and
declines; the address recorded is the one behind our proxies; a tampered document answers 409
and nothing is recorded; a link the platform did not make answers 404; rate-limited."""

from beanie import PydanticObjectId

from shared.domain.edocs.links import signing_token
from shared.models.edocs_audit_event import EdocsAuditEvent
from shared.models.edocs_document import EdocsDocument
from shared.models.edocs_signer import EdocsSigner
from tests.edocs_factories import KEY, PNG
from tests.internal_api.edocs.requests import EDOCS, sent_document

PUBLIC = f"{EDOCS}/public/sign"
# The test client connects from 127.0.0.1, a trusted proxy: the router's hop is believed.
VISITOR = {"x-forwarded-for": "198.51.100.23", "user-agent": "Mozilla/5.0 (Signer)"}


async def tokens(document: dict) -> list[str]:
    document_id = PydanticObjectId(document["id"])
    signers = await EdocsSigner.find({"document_id": document_id}).sort("+order").to_list()
    return [signing_token(KEY, signer) for signer in signers]


async def test_a_signers_link_shows_the_document_and_records_the_view(api, owner, contact):
    sent = await sent_document(api, owner, contact.id)
    first, _ = await tokens(sent)

    response = await api.get(f"{PUBLIC}/{first}", headers=VISITOR)

    assert response.status_code == 200
    assert response.headers["cache-control"] == "no-store"
    body = response.json()
    assert (body["content"], body["content_sha256"]) == (sent["content"], sent["content_sha256"])
    assert (body["signer"]["email"], body["signer"]["status"]) == ("ada@example.com", "invited")
    viewed = await EdocsAuditEvent.find_one({"action": "viewed"})
    assert (viewed.ip, viewed.user_agent) == ("198.51.100.23", "Mozilla/5.0 (Signer)")


async def test_signers_sign_in_turn_by_typed_name_and_by_drawing(api, owner, contact):
    sent = await sent_document(api, owner, contact.id)
    first, second = await tokens(sent)

    typed = await api.post(
        f"{PUBLIC}/{first}/sign", json={"kind": "typed", "typed_name": "Ada Lovelace"}
    )
    drawn = await api.post(
        f"{PUBLIC}/{second}/sign", json={"kind": "drawn", "drawn_signature": PNG}
    )

    assert (typed.status_code, drawn.status_code) == (200, 200)
    assert drawn.json()["status"] == "completed"
    read = await api.get(f"{EDOCS}/documents/{sent['id']}", headers=owner.headers)
    assert [signer["status"] for signer in read.json()["signers"]] == ["signed", "signed"]


async def test_the_second_signer_cannot_sign_before_the_first(api, owner, contact):
    sent = await sent_document(api, owner, contact.id)
    _, second = await tokens(sent)

    response = await api.post(
        f"{PUBLIC}/{second}/sign", json={"kind": "typed", "typed_name": "Grace Hopper"}
    )

    assert (response.status_code, response.json()["error"]["code"]) == (409, "not_your_turn")


async def test_a_drawing_that_is_no_png_is_refused(api, owner, contact):
    sent = await sent_document(api, owner, contact.id)
    first, _ = await tokens(sent)

    response = await api.post(
        f"{PUBLIC}/{first}/sign",
        json={"kind": "drawn", "drawn_signature": "data:image/png;base64,PHN2Zz4="},
    )

    assert (response.status_code, response.json()["error"]["code"]) == (422, "invalid_signature")
    assert (await EdocsSigner.find_one({"order": 1})).signature is None


async def test_a_tampered_document_answers_409_and_nothing_is_recorded(api, owner, contact):
    sent = await sent_document(api, owner, contact.id)
    first, _ = await tokens(sent)
    stored = await EdocsDocument.get(sent["id"])
    stored.content = stored.content.replace("Grace", "Mallory")
    await stored.save()
    recorded = await EdocsAuditEvent.count()

    viewed = await api.get(f"{PUBLIC}/{first}")
    signed = await api.post(
        f"{PUBLIC}/{first}/sign", json={"kind": "typed", "typed_name": "Ada Lovelace"}
    )

    assert [viewed.status_code, signed.status_code] == [409, 409]
    assert signed.json()["error"]["code"] == "document_tampered"
    assert await EdocsAuditEvent.count() == recorded
    assert (await EdocsSigner.find_one({"order": 1})).signature is None


async def test_a_link_the_platform_did_not_make_answers_404(api, owner, contact):
    sent = await sent_document(api, owner, contact.id)
    first, _ = await tokens(sent)
    signer_id = first.partition(".")[0]

    response = await api.get(f"{PUBLIC}/{signer_id}.{'a' * 32}")

    assert (response.status_code, response.json()["error"]["code"]) == (404, "signing_link_invalid")


async def test_a_decline_takes_a_reason_and_ends_the_document(api, owner, contact):
    sent = await sent_document(api, owner, contact.id)
    first, _ = await tokens(sent)

    response = await api.post(f"{PUBLIC}/{first}/decline", json={"reason": "Too expensive"})

    assert response.status_code == 200
    assert response.json()["status"] == "declined"
    declined = await EdocsAuditEvent.find_one({"action": "declined"})
    assert declined.detail == "Too expensive"


async def test_signing_links_are_rate_limited(start_api, owner, contact):
    async with start_api(public_rate_limit_per_key="2/minute", public_rate_limit_per_ip="") as api:
        sent = await sent_document(api, owner, contact.id)
        first, _ = await tokens(sent)

        answers = [(await api.get(f"{PUBLIC}/{first}")).status_code for _ in range(3)]

    assert answers == [200, 200, 429]
