"""A funnel, or a hosted site: the platform's own pages, in order. A funnel's steps lead a
visitor from a landing page through a form or a checkout to a thank-you page; a site's steps are
its pages (`page`), reached by their slug. Each step's content is a `FunnelPage`.

A clone being built in the background is `cloning` until its last page is copied: hidden from
lists and from the public, and deleted with everything it holds if the copy fails."""

from enum import StrEnum

from beanie import PydanticObjectId
from pydantic import BaseModel, Field
from pymongo import ASCENDING, DESCENDING, IndexModel

from shared.models.base import TenantDocument


class FunnelKind(StrEnum):
    FUNNEL = "funnel"
    SITE = "site"


class StepKind(StrEnum):
    LANDING = "landing"
    FORM = "form"
    CHECKOUT = "checkout"
    THANK_YOU = "thank_you"
    PAGE = "page"  # a site's page


class FunnelStatus(StrEnum):
    READY = "ready"
    CLONING = "cloning"


class FunnelStep(BaseModel):
    id: PydanticObjectId = Field(default_factory=PydanticObjectId)
    name: str
    kind: StepKind
    slug: str  # its path: /v1/public/pages/<funnel id>/<slug>, or /<slug> on a custom domain
    page_id: PydanticObjectId


class Funnel(TenantDocument):
    name: str
    kind: FunnelKind = FunnelKind.FUNNEL
    status: FunnelStatus = FunnelStatus.READY
    steps: list[FunnelStep] = []  # in the visitor's order
    template_id: PydanticObjectId | None = None
    cloned_from: PydanticObjectId | None = None

    def step(self, step_id: PydanticObjectId) -> FunnelStep | None:
        return next((step for step in self.steps if step.id == step_id), None)

    def step_by_slug(self, slug: str) -> FunnelStep | None:
        return next((step for step in self.steps if step.slug == slug), None)

    def step_after(self, step_id: PydanticObjectId) -> FunnelStep | None:
        ids = [step.id for step in self.steps]
        index = ids.index(step_id) + 1 if step_id in ids else len(ids)
        return self.steps[index] if index < len(self.steps) else None

    class Settings:
        name = "funnels"
        use_state_management = True
        indexes = [
            IndexModel(
                [
                    ("account_id", ASCENDING),
                    ("status", ASCENDING),
                    ("kind", ASCENDING),
                    ("created_at", DESCENDING),
                ]
            ),
            # Every kind of the account's funnels in one status, newest first.
            IndexModel(
                [("account_id", ASCENDING), ("status", ASCENDING), ("created_at", DESCENDING)]
            ),
        ]
