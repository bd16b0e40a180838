from datetime import datetime

from pydantic import Field

from shared.utilities.schemas import DocumentRead, IdStr


class ProspectRead(DocumentRead):
    visitor_id: str
    name: str
    email: str | None = Field(description="as the visitor gave it: not proof of who they are")
    phone: str | None
    page_url: str | None
    contact_id: IdStr | None
    identity_pending: bool = Field(
        description="the email is a known contact's; confirm the visitor is that contact to "
        "link them"
    )
    last_seen_at: datetime | None
