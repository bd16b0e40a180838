"""What the e-documents routes take and answer, signed in and on the public signing API."""

from datetime import datetime
from typing import Annotated, Self

from beanie import PydanticObjectId
from pydantic import Field, StringConstraints, model_validator

from internal_api.fields import CurrencyCode, Email, Name, TimeZone
from shared.domain.edocs.signatures import MAX_DATA_URL_CHARS
from shared.models.edocs_audit_event import AuditAction
from shared.models.edocs_document import DocumentStatus, LineItem
from shared.models.edocs_signer import SignatureKind, SignerStatus
from shared.utilities.schemas import DocumentRead, IdStr, ReadModel, WriteModel

MAX_BODY_CHARS = 200_000
Body = Annotated[str, Field(min_length=1, max_length=MAX_BODY_CHARS)]
Reason = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=1000)]


class TemplateCreate(WriteModel):
    name: Name
    body: Body = Field(
        description="HTML with merge fields (`{{ contact.name }}`, `{{ deal.value }}`, "
        "`{{ account.name }}`, `{{ document.title }}`, `{{ line_items }}`, `{{ total }}`); "
        "stored sanitised"
    )
    is_proposal: bool = Field(False, description="signed documents made from it win their deal")


class TemplateUpdate(WriteModel):
    name: Name | None = None
    body: Body | None = None
    is_proposal: bool | None = None


class TemplateRead(DocumentRead):
    name: str
    body: str
    is_proposal: bool


class LineItemWrite(WriteModel):
    name: Name
    quantity: int = Field(1, ge=1, le=1_000_000)
    unit_price: int = Field(ge=0, le=10**13, description="minor units of the currency")


class SignerWrite(WriteModel):
    name: Name
    email: Email


class DocumentCreate(WriteModel):
    title: Name
    template_id: PydanticObjectId
    contact_id: PydanticObjectId
    deal_id: PydanticObjectId | None = None
    line_items: list[LineItemWrite] = Field([], max_length=200)
    currency: CurrencyCode | None = Field(None, description="the deal's, or USD, by default")
    signers: list[SignerWrite] = Field(min_length=1, max_length=10, description="in order")


class DocumentSend(WriteModel):
    expires_at: datetime | None = Field(
        None,
        description="when it can no longer be signed: a time without an offset is read in "
        "`time_zone`; EDOCS_EXPIRY_DAYS from now by default",
    )
    time_zone: TimeZone = "UTC"


class DocumentVoid(WriteModel):
    reason: str = Field(min_length=1, max_length=1000, description="shown in the audit trail")


class SignerRead(ReadModel):
    id: IdStr
    order: int
    name: str
    email: str
    status: SignerStatus
    invited_at: datetime | None
    viewed_at: datetime | None
    signed_at: datetime | None
    declined_at: datetime | None
    decline_reason: str | None


class EdocsDocumentRead(DocumentRead):
    title: str
    template_id: IdStr
    contact_id: IdStr
    deal_id: IdStr | None
    is_proposal: bool
    line_items: list[LineItem]
    currency: str
    status: DocumentStatus
    content: str
    content_sha256: str | None
    sent_at: datetime | None
    expires_at: datetime | None
    time_zone: str
    completed_at: datetime | None
    voided_at: datetime | None
    void_reason: str
    pdf_sha256: str | None
    signers: list[SignerRead]


class AuditEventRead(ReadModel):
    id: IdStr
    created_at: datetime
    action: AuditAction
    signer_id: IdStr | None
    user_id: IdStr | None
    actor: str
    ip: str
    user_agent: str
    hash_before: str | None
    hash_after: str | None
    detail: str


class PublicSignerRead(ReadModel):
    order: int
    name: str
    status: SignerStatus


class PublicDocumentRead(ReadModel):
    """What a signer's link shows: the document as sent, and where its signing stands."""

    title: str
    status: DocumentStatus
    content: str
    content_sha256: str
    expires_at: datetime | None
    signer: SignerRead
    signers: list[PublicSignerRead]


class SignatureWrite(WriteModel):
    """Exactly one of a typed name or a drawing (a PNG data URL)."""

    kind: SignatureKind
    typed_name: Name | None = None
    drawn_signature: str | None = Field(
        None, max_length=MAX_DATA_URL_CHARS, description="`data:image/png;base64,...`"
    )

    @model_validator(mode="after")
    def one_of_them(self) -> Self:
        given = self.typed_name if self.kind is SignatureKind.TYPED else self.drawn_signature
        other = self.drawn_signature if self.kind is SignatureKind.TYPED else self.typed_name
        if not given or other:
            wanted = "typed_name" if self.kind is SignatureKind.TYPED else "drawn_signature"
            raise ValueError(f"a {self.kind.value} signature sends `{wanted}` alone")
        return self


class DeclineWrite(WriteModel):
    reason: Reason
