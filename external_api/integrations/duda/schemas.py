from datetime import datetime

from pydantic import BaseModel, Field

from shared.utilities.schemas import DocumentRead, IdStr, WriteModel


class SiteCreate(WriteModel):
    template_id: int = Field(gt=0, description="the Duda template the site starts from")
    business_name: str | None = Field(None, max_length=200)
    domain_prefix: str | None = Field(
        None,
        pattern=r"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$",
        description="the site's Duda sub-domain prefix",
    )


class SiteRead(DocumentRead):
    site_name: str
    template_id: int
    published_at: datetime | None


class SsoLink(BaseModel):
    url: str  # signs the user in to Duda's editor on the site; short-lived


class InstasiteBuildRead(DocumentRead):
    """Where an InstaSite's build or claim stands on Duda's side."""

    site_name: str | None
    preview_url: str | None
    site_id: IdStr | None
