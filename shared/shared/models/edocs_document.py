"""A document to sign: made from a template for a contact (and optionally a deal), then sent
to its signers in order (`EdocsSigner`).

Its content is rendered from the template at creation and rendered again, then frozen, when it
is sent: from then on `content` never changes and `content_sha256` is its SHA-256, checked
whenever the document is opened or signed. Once every signer has signed, the final PDF (the
content, the signatures and a certificate page) is stored under `pdf_key` with its own SHA-256.
"""

from datetime import datetime
from enum import StrEnum

from beanie import PydanticObjectId
from pydantic import BaseModel, Field
from pymongo import ASCENDING, DESCENDING, IndexModel

from shared.models.base import TenantDocument


class DocumentStatus(StrEnum):
    DRAFT = "draft"
    SENT = "sent"  # out for signature
    COMPLETED = "completed"  # every signer signed
    DECLINED = "declined"  # a signer declined: nobody else is asked
    EXPIRED = "expired"  # not signed by `expires_at`
    VOIDED = "voided"  # withdrawn by the account before every signer signed


class LineItem(BaseModel):
    name: str
    quantity: int = Field(1, ge=1)
    unit_price: int = Field(ge=0)  # minor units of the document's currency

    @property
    def total(self) -> int:
        return self.quantity * self.unit_price


class EdocsDocument(TenantDocument):
    title: str
    template_id: PydanticObjectId
    contact_id: PydanticObjectId
    deal_id: PydanticObjectId | None = None
    is_proposal: bool = False  # signed: its deal is won
    line_items: list[LineItem] = []
    currency: str = "USD"  # ISO 4217, of the line items
    status: DocumentStatus = DocumentStatus.DRAFT
    content: str = ""  # sanitised HTML, frozen once sent
    content_sha256: str | None = None  # set when sent
    sent_at: datetime | None = None
    expires_at: datetime | None = None  # UTC
    time_zone: str = "UTC"  # the IANA zone `expires_at` was meant in
    completed_at: datetime | None = None
    voided_at: datetime | None = None
    void_reason: str = ""
    pdf_key: str | None = None  # the final PDF in the file storage
    pdf_sha256: str | None = None
    pdf_rendered_at: datetime | None = None

    class Settings:
        name = "edocs_documents"
        use_state_management = True
        indexes = [
            IndexModel([("account_id", ASCENDING), ("created_at", DESCENDING)]),
            IndexModel(
                [("account_id", ASCENDING), ("status", ASCENDING), ("created_at", DESCENDING)]
            ),
            IndexModel([("account_id", ASCENDING), ("contact_id", ASCENDING)]),
            # The expiry cron: documents out for signature whose time is up, every account's.
            IndexModel([("status", ASCENDING), ("expires_at", ASCENDING)]),
        ]
