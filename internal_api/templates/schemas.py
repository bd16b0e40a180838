"""The library's requests and answers. A template's content is what its kind needs: a site's
or a funnel's steps (each with its page's blocks), a page's blocks, an email's subject and
HTML body."""

from typing import Annotated, Self

from beanie import PydanticObjectId
from pydantic import Field, StringConstraints, model_validator

from internal_api.funnels.schemas import Name, Slug, Title
from shared.domain.funnels.blocks import Blocks
from shared.models.funnel import StepKind
from shared.models.template import TemplateKind
from shared.utilities.schemas import DocumentRead, IdStr, ReadModel, WriteModel

Category = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{0,39}$")]
Tag = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=40)]
Words = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]


class TemplateStepWrite(WriteModel):
    name: Name
    kind: StepKind
    slug: Slug
    title: Title = ""
    blocks: Blocks = []


class TemplateCreate(WriteModel):
    kind: TemplateKind
    name: Name
    description: Annotated[str, StringConstraints(max_length=1000)] = ""
    category: Category
    tags: Annotated[list[Tag], Field(max_length=20)] = []
    steps: Annotated[list[TemplateStepWrite], Field(max_length=30)] = []
    blocks: Blocks = []
    subject: Annotated[str, StringConstraints(max_length=200)] = ""
    html: Annotated[str, StringConstraints(max_length=200_000)] = ""

    @model_validator(mode="after")
    def has_what_its_kind_needs(self) -> Self:
        needs = {
            TemplateKind.SITE: ("steps", bool(self.steps)),
            TemplateKind.FUNNEL: ("steps", bool(self.steps)),
            TemplateKind.PAGE: ("blocks", bool(self.blocks)),
            TemplateKind.EMAIL: ("html", bool(self.subject and self.html)),
        }
        field, present = needs[self.kind]
        if not present:
            raise ValueError(f"a {self.kind.value} template needs its {field}")
        return self


class TemplateUpdate(WriteModel):
    """Only the fields sent change; funnels made from it stay as they are."""

    name: Name | None = None
    description: Annotated[str, StringConstraints(max_length=1000)] | None = None
    category: Category | None = None
    tags: Annotated[list[Tag], Field(max_length=20)] | None = None


class TemplateUse(WriteModel):
    name: Name | None = Field(None, description="the template's name when omitted")
    funnel_id: PydanticObjectId | None = Field(
        None, description="a page template: the funnel it is added to as a step"
    )


class TemplateStepRead(ReadModel):
    name: str
    kind: StepKind
    slug: str
    title: str
    blocks: Blocks


class TemplateRead(DocumentRead):
    account_id: IdStr | None = Field(description="the owner; none: the platform's")
    key: str | None
    kind: TemplateKind
    name: str
    description: str
    category: str
    tags: list[str]
    steps: list[TemplateStepRead]
    blocks: Blocks
    subject: str
    html: str


class TemplateSummary(DocumentRead):
    account_id: IdStr | None
    kind: TemplateKind
    name: str
    description: str
    category: str
    tags: list[str]


class Categories(ReadModel):
    categories: list[str]
