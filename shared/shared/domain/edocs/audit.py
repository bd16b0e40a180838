"""The audit trail of a document: each step recorded with who took it, from where, and the
document's state hash before and after it (`hashing.state_hash`)."""

from dataclasses import dataclass

from beanie import PydanticObjectId

from shared.domain.accounts import repository as accounts
from shared.domain.edocs.hashing import state_hash
from shared.domain.edocs.repository import AuditRepository, SignerRepository
from shared.models.edocs_audit_event import AuditAction, EdocsAuditEvent
from shared.models.edocs_document import EdocsDocument
from shared.models.edocs_signer import EdocsSigner

PLATFORM = "the platform"  # the actor of what no person did (an expiry, a reminder, the PDF)


@dataclass(frozen=True)
class Client:
    """Where a step came from: the client's address behind our proxies and its user agent."""

    ip: str = ""
    user_agent: str = ""


NOBODY = Client()


def signer_actor(signer: EdocsSigner) -> str:
    return f"{signer.name} <{signer.email}>"


async def user_actor(user_id: PydanticObjectId | str) -> str:
    """A user of the account, as the certificate shows them."""
    user = await accounts.user(PydanticObjectId(user_id))
    return f"{user.name} <{user.email}>" if user else f"user {user_id}"


async def record(
    document: EdocsDocument,
    action: AuditAction,
    *,
    actor: str,
    client: Client = NOBODY,
    hash_before: str | None = None,
    hash_after: str | None = None,
    signer: EdocsSigner | None = None,
    user_id: PydanticObjectId | str | None = None,
    detail: str = "",
) -> EdocsAuditEvent:
    return await AuditRepository(document.account_id).create(
        document_id=document.id,
        action=action,
        signer_id=signer.id if signer else None,
        user_id=PydanticObjectId(user_id) if user_id else None,
        actor=actor,
        ip=client.ip,
        user_agent=client.user_agent[:512],
        hash_before=hash_before,
        hash_after=hash_after,
        detail=detail[:1000],
    )


async def state_of(document: EdocsDocument) -> str:
    """The document's state hash, with the signatures it holds now."""
    signers = await SignerRepository(document.account_id).of_document(document.id)
    return state_hash(document, signers)
