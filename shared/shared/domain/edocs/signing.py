"""The public signing side: a signer, by their signed link alone, opens the document, signs it
(a typed name or a drawing) or declines it with a reason.

Every step first checks the document is intact (`integrity`): a document changed since it was
sent is refused with DocumentTampered and nothing is recorded. Each step is recorded in the
audit trail with the signer's address and user agent and the state hash before and after.
Signers sign in order: once one signs, the next is invited; once the last signs, the document
is completed (`completion`). A decline ends the document for everyone. An expired document
can be opened, not signed.
"""

from dataclasses import dataclass, replace

from shared.domain.edocs.audit import Client, record, signer_actor
from shared.domain.edocs.completion import complete
from shared.domain.edocs.errors import (
    DocumentExpired,
    DocumentNotOpen,
    NotYourTurn,
    SigningLinkInvalid,
)
from shared.domain.edocs.hashing import state_hash
from shared.domain.edocs.integrity import check_intact
from shared.domain.edocs.invitations import invite
from shared.domain.edocs.links import verified_signer
from shared.domain.edocs.repository import DocumentRepository, SignerRepository
from shared.models.base import utc_now
from shared.models.edocs_audit_event import AuditAction
from shared.models.edocs_document import DocumentStatus, EdocsDocument
from shared.models.edocs_signer import EdocsSigner, Signature, SignerStatus


@dataclass(frozen=True)
class Signing:
    """A signer's view: the document and every signer of it, in order."""

    document: EdocsDocument
    signer: EdocsSigner
    signers: list[EdocsSigner]


async def opened(link_key: bytes, token: str) -> Signing:
    """What the link opens, once the document is checked intact (SigningLinkInvalid for a
    link the platform did not make or that leads nowhere now; DocumentTampered)."""
    signer = await verified_signer(link_key, token)
    document = await DocumentRepository(signer.account_id).find_by_id(signer.document_id)
    if document is None or document.status is DocumentStatus.DRAFT:
        raise SigningLinkInvalid()
    signers = await SignerRepository(document.account_id).of_document(document.id)
    check_intact(document, signers)
    [signer] = [each for each in signers if each.id == signer.id]
    return Signing(document, signer, signers)


async def view(link_key: bytes, token: str, client: Client) -> Signing:
    signing = await opened(link_key, token)
    state = state_hash(signing.document, signing.signers)
    await record(
        signing.document,
        AuditAction.VIEWED,
        actor=signer_actor(signing.signer),
        signer=signing.signer,
        client=client,
        hash_before=state,
        hash_after=state,
    )
    if signing.signer.viewed_at is None:
        signers = SignerRepository(signing.document.account_id)
        await signers.first_viewed(signing.signer, utc_now())
    return signing


def check_signable(signing: Signing) -> None:
    document = signing.document
    expired = document.expires_at is not None and document.expires_at <= utc_now()
    if document.status is DocumentStatus.EXPIRED or (
        document.status is DocumentStatus.SENT and expired
    ):
        raise DocumentExpired()
    if document.status is not DocumentStatus.SENT:
        raise DocumentNotOpen()
    if signing.signer.status is not SignerStatus.INVITED:
        raise NotYourTurn()


async def sign(link_key: bytes, token: str, signature: Signature, client: Client) -> Signing:
    """The signer's signature taken; the next signer invited, or the document completed."""
    signing = await opened(link_key, token)
    check_signable(signing)
    before = state_hash(signing.document, signing.signers)
    signed = await SignerRepository(signing.document.account_id).move(
        signing.signer,
        SignerStatus.INVITED,
        status=SignerStatus.SIGNED,
        signed_at=utc_now(),
        signature=signature.model_dump(mode="json"),
    )
    if signed is None:  # the same signature sent twice at once: the other one counted
        raise NotYourTurn()
    signers = [signed if each.id == signed.id else each for each in signing.signers]
    after = state_hash(signing.document, signers)
    await record(
        signing.document,
        AuditAction.SIGNED,
        actor=signer_actor(signed),
        signer=signed,
        client=client,
        hash_before=before,
        hash_after=after,
        detail=f"{signature.kind.value} signature, SHA-256 {signature.sha256}",
    )
    waiting = [each for each in signers if each.status is SignerStatus.WAITING]
    if waiting:
        await invite(signing.document, waiting[0], signers, link_key)
        return replace(signing, signer=signed, signers=signers)
    document = await complete(signing.document, signers) or signing.document
    return Signing(document, signed, signers)


async def decline(link_key: bytes, token: str, reason: str, client: Client) -> Signing:
    """The signer declines: the document ends, nobody after them is asked."""
    signing = await opened(link_key, token)
    check_signable(signing)
    state = state_hash(signing.document, signing.signers)
    now = utc_now()
    declined = await SignerRepository(signing.document.account_id).move(
        signing.signer,
        SignerStatus.INVITED,
        status=SignerStatus.DECLINED,
        declined_at=now,
        decline_reason=reason,
    )
    if declined is None:
        raise NotYourTurn()
    documents = DocumentRepository(signing.document.account_id)
    ended = await documents.move(
        signing.document, DocumentStatus.SENT, status=DocumentStatus.DECLINED
    )
    await record(
        signing.document,
        AuditAction.DECLINED,
        actor=signer_actor(declined),
        signer=declined,
        client=client,
        hash_before=state,
        hash_after=state,
        detail=reason,
    )
    signers = [declined if each.id == declined.id else each for each in signing.signers]
    return Signing(ended or signing.document, declined, signers)
