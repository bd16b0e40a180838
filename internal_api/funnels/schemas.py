"""Funnels' requests and answers. A page's blocks are `shared.domain.funnels.blocks`' tree,
validated as it is sent (422 names the bad block by its path: `blocks.0.children.2.src`)."""

import re
from typing import Annotated

from beanie import PydanticObjectId
from pydantic import AfterValidator, Field, StringConstraints

from shared.domain.funnels.blocks import Blocks
from shared.models.funnel import FunnelKind, FunnelStatus, StepKind
from shared.models.funnel_clone import CloneStatus
from shared.utilities.schemas import DocumentRead, IdStr, ReadModel, WriteModel

SLUG = r"^[a-z0-9][a-z0-9-]{0,63}$"
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Slug = Annotated[str, StringConstraints(pattern=SLUG)]
Title = Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)]
Description = Annotated[str, StringConstraints(strip_whitespace=True, max_length=500)]


def slug_of(name: str) -> str:
    """`Thank you!` -> `thank-you`: a step's default slug."""
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:64].strip("-")
    return slug or "page"


def without_repeats(ids: list[PydanticObjectId]) -> list[PydanticObjectId]:
    return list(dict.fromkeys(ids))


class StepCreate(WriteModel):
    name: Name
    kind: StepKind = StepKind.LANDING
    slug: Slug | None = Field(None, description="made from the name when omitted")
    position: int | None = Field(None, ge=0, description="the end of the funnel when omitted")

    @property
    def chosen_slug(self) -> str:
        return self.slug or slug_of(self.name)


class FunnelCreate(WriteModel):
    name: Name
    kind: FunnelKind = FunnelKind.FUNNEL
    steps: Annotated[list[StepCreate], Field(max_length=30)] = Field(
        [], description="a single landing step (a site's home page) when omitted"
    )


class FunnelUpdate(WriteModel):
    name: Name | None = None


class StepOrder(WriteModel):
    step_ids: Annotated[list[PydanticObjectId], AfterValidator(without_repeats)]


class PageUpdate(WriteModel):
    """The draft: only the fields sent change; the published version stays as it is."""

    title: Title | None = None
    description: Description | None = None
    blocks: Blocks | None = None


class Rollback(WriteModel):
    number: int = Field(ge=1, description="the published version to show again")


class CloneCreate(WriteModel):
    account_id: PydanticObjectId | None = Field(
        None, description="another account of the agency; this one when omitted"
    )
    name: Name | None = Field(None, description="the funnel's name when omitted")


class StepRead(ReadModel):
    id: IdStr
    name: str
    kind: StepKind
    slug: str
    page_id: IdStr


class FunnelRead(DocumentRead):
    name: str
    kind: FunnelKind
    status: FunnelStatus
    steps: list[StepRead]
    template_id: IdStr | None
    cloned_from: IdStr | None


class PageRead(DocumentRead):
    funnel_id: IdStr
    title: str
    description: str
    blocks: Blocks
    published_number: int | None
    versions_made: int


class VersionRead(DocumentRead):
    page_id: IdStr
    number: int
    title: str
    published_by: IdStr | None
    has_thumbnail: bool = Field(description="whether the browser has shot its thumbnail yet")


class StepCounts(ReadModel):
    step_id: IdStr
    name: str
    kind: StepKind
    views: int
    submissions: int
    purchases: int
    conversion_rate: float = Field(description="submissions and purchases per view, 0 to 1")


class FunnelCounts(ReadModel):
    funnel_id: IdStr
    steps: list[StepCounts]


class CloneRead(DocumentRead):
    funnel_id: IdStr
    target_account_id: IdStr
    name: str
    status: CloneStatus
    steps_total: int
    steps_done: int
    copy_id: IdStr | None
    failure: str | None
