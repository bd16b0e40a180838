"""Signers asked to sign by email, through the notification service (`document_to_sign`, then
`document_reminder`), each email carrying the signer's signed link. A message's key names the
signer and what it is (the invitation, the n-th reminder), so one asked for twice (a retried
task) is sent once."""

from shared.domain.accounts import repository as accounts
from shared.domain.edocs.audit import PLATFORM, record, signer_actor
from shared.domain.edocs.hashing import state_hash
from shared.domain.edocs.links import signing_token
from shared.domain.edocs.repository import SignerRepository
from shared.domain.notifications import dashboard_paths
from shared.domain.notifications.platform import tell
from shared.models.base import utc_now
from shared.models.edocs_audit_event import AuditAction
from shared.models.edocs_document import EdocsDocument
from shared.models.edocs_signer import EdocsSigner, SignerStatus


async def tell_signer(
    event: str, document: EdocsDocument, signer: EdocsSigner, link_key: bytes, key: str
) -> None:
    account = await accounts.account(document.account_id)
    await tell(
        event,
        document.account_id,
        {
            "sender_name": (account.branding.name or account.name) if account else "",
            "document_title": document.title,
            "expires_at": document.expires_at.isoformat() if document.expires_at else "",
        },
        to=signer.email,
        links={"signing_url": dashboard_paths.sign_document(signing_token(link_key, signer))},
        key=key,
    )


async def invite(
    document: EdocsDocument, signer: EdocsSigner, signers: list[EdocsSigner], link_key: bytes
) -> None:
    """The signer asked to sign, now that every signer before has."""
    invited = await SignerRepository(document.account_id).move(
        signer, SignerStatus.WAITING, status=SignerStatus.INVITED, invited_at=utc_now()
    )
    if invited is None:  # invited already, by a call racing this one
        return
    await tell_signer("document_to_sign", document, invited, link_key, f"{signer.id}:invitation")
    state = state_hash(document, signers)
    await record(
        document,
        AuditAction.INVITED,
        actor=PLATFORM,
        signer=invited,
        hash_before=state,
        hash_after=state,
        detail=f"invitation emailed to {signer_actor(invited)}",
    )
