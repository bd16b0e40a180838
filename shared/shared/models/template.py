"""A template of the library: a site, a funnel, a page or an email. The platform's own
(`account_id` None, seeded from the data files of `internal_api/templates/library/` by `key`)
are offered to every account; an agency's are offered to it and its sub-accounts."""

from enum import StrEnum

from beanie import PydanticObjectId
from pydantic import BaseModel
from pymongo import ASCENDING, IndexModel

from shared.domain.funnels.blocks import Block
from shared.models.base import BaseDocument
from shared.models.funnel import StepKind


class TemplateKind(StrEnum):
    SITE = "site"
    FUNNEL = "funnel"
    PAGE = "page"
    EMAIL = "email"


class TemplateStep(BaseModel):
    name: str
    kind: StepKind
    slug: str
    title: str
    blocks: list[Block] = []


class Template(BaseDocument):
    account_id: PydanticObjectId | None = None  # None: the platform's
    key: str | None = None  # a platform template's stable name
    kind: TemplateKind
    name: str
    description: str = ""
    category: str
    tags: list[str] = []
    steps: list[TemplateStep] = []  # a site's or a funnel's
    blocks: list[Block] = []  # a page's
    subject: str = ""  # an email's
    html: str = ""  # an email's body, sanitised

    class Settings:
        name = "templates"
        use_state_management = True
        indexes = [
            IndexModel(
                [
                    ("account_id", ASCENDING),
                    ("kind", ASCENDING),
                    ("category", ASCENDING),
                    ("name", ASCENDING),
                ]
            ),
            # The library filtered by kind alone, or by category alone, by name.
            IndexModel([("account_id", ASCENDING), ("kind", ASCENDING), ("name", ASCENDING)]),
            IndexModel([("account_id", ASCENDING), ("category", ASCENDING), ("name", ASCENDING)]),
            IndexModel(
                [("key", ASCENDING)],
                unique=True,
                partialFilterExpression={"key": {"$type": "string"}},
            ),
        ]
