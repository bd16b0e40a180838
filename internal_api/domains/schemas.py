from datetime import datetime
from typing import Annotated

from pydantic import BeforeValidator, Field, StringConstraints

from shared.models.custom_domain import DomainStatus, DomainTarget, TlsStatus
from shared.utilities.schemas import DocumentRead, WriteModel

# A DNS name of two labels or more, each of letters, digits and inner hyphens, the last one
# starting with a letter (no IP address); typed in any case, with or without the final dot.
HOSTNAME_PATTERN = r"^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$"


def lowered_without_final_dot(value: object) -> object:
    return value.strip().rstrip(".").lower() if isinstance(value, str) else value


Hostname = Annotated[
    str,
    BeforeValidator(lowered_without_final_dot),
    StringConstraints(pattern=HOSTNAME_PATTERN, max_length=253),
    Field(description="a DNS name such as `www.acme.com`; any case, kept in lower case"),
]
TargetId = Annotated[str, Field(pattern=r"^[0-9a-f]{24}$", description="the site's or funnel's id")]


class DomainCreate(WriteModel):
    hostname: Hostname
    target_type: DomainTarget
    target_id: TargetId


class DomainUpdate(WriteModel):
    """Points the domain elsewhere; both fields together."""

    target_type: DomainTarget
    target_id: TargetId


class DomainRead(DocumentRead):
    hostname: str
    status: DomainStatus
    target_type: DomainTarget
    target_id: str
    record_name: str = Field(description="where to publish the TXT record proving the domain")
    verification_token: str = Field(description="the TXT record's value")
    verified_at: datetime | None
    last_checked_at: datetime | None
    failure: str | None = Field(description="why a failed domain failed")
    tls_status: TlsStatus
    certificate_expires_at: datetime | None
