"""One signer of a document, in its order: invited (by email, with a signed link) only once
every signer before has signed; viewing, signing or declining it through the public signing
API, each step recorded in the document's audit trail."""

from datetime import datetime
from enum import StrEnum

from beanie import PydanticObjectId
from pydantic import BaseModel
from pymongo import ASCENDING, DESCENDING, IndexModel

from shared.models.base import TenantDocument


class SignerStatus(StrEnum):
    WAITING = "waiting"  # a signer before has not signed yet
    INVITED = "invited"
    SIGNED = "signed"
    DECLINED = "declined"


class SignatureKind(StrEnum):
    TYPED = "typed"
    DRAWN = "drawn"


class Signature(BaseModel):
    kind: SignatureKind
    typed_name: str | None = None
    drawn_png: str | None = None  # a `data:image/png;base64,...` URL, checked to be a PNG
    sha256: str  # of what was signed with (the typed name, or the PNG's bytes)


class EdocsSigner(TenantDocument):
    document_id: PydanticObjectId
    order: int  # 1, 2, ...: the order they sign in
    name: str
    email: str
    status: SignerStatus = SignerStatus.WAITING
    # A random value the signing link is signed over: a new one voids the old links.
    link_nonce: str
    invited_at: datetime | None = None
    viewed_at: datetime | None = None
    signed_at: datetime | None = None
    declined_at: datetime | None = None
    decline_reason: str | None = None
    signature: Signature | None = None
    reminders_sent: int = 0
    last_reminded_at: datetime | None = None

    class Settings:
        name = "edocs_signers"
        use_state_management = True
        indexes = [
            IndexModel(
                [("account_id", ASCENDING), ("document_id", ASCENDING), ("order", ASCENDING)],
                unique=True,
            ),
            IndexModel([("account_id", ASCENDING), ("created_at", DESCENDING)]),
            # The reminders cron: invited signers not reminded lately, every account's.
            IndexModel([("status", ASCENDING), ("last_reminded_at", ASCENDING)]),
        ]
