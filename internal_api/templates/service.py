"""The library: searched, read, added to (an account's own, offered to its sub-accounts when
the account is an agency), changed and emptied of the account's own; and used: a site or
funnel template makes a funnel of its steps, each page's draft its blocks; a page template
adds a step to a funnel."""

from typing import Any

from beanie import PydanticObjectId

from internal_api.funnels import service as funnels
from internal_api.funnels.schemas import StepCreate
from internal_api.templates.errors import FunnelRequired, TemplateNotUsable
from internal_api.templates.repository import OwnTemplates, TemplateLibrary, words_filter
from internal_api.templates.schemas import TemplateCreate, TemplateUpdate, TemplateUse
from shared.domain.funnels.pages import stored_blocks
from shared.domain.funnels.sanitising import sanitised_html
from shared.models.funnel import Funnel, FunnelKind, StepKind
from shared.models.template import Template, TemplateKind, TemplateStep
from shared.utilities.auth import Principal
from shared.utilities.pagination import Page, PageParams

FUNNEL_KINDS = {TemplateKind.SITE: FunnelKind.SITE, TemplateKind.FUNNEL: FunnelKind.FUNNEL}


def library(principal: Principal) -> TemplateLibrary:
    return TemplateLibrary(principal.account_id, principal.agency_id)


async def search(
    principal: Principal,
    params: PageParams,
    kind: TemplateKind | None,
    category: str | None,
    words: str | None,
) -> Page[Template]:
    filters: dict[str, Any] = {}
    if kind:
        filters["kind"] = kind
    if category:
        filters["category"] = category
    if words:
        filters.update(words_filter(words))
    return await library(principal).search(params, filters)


async def categories(principal: Principal, kind: TemplateKind | None) -> list[str]:
    return await library(principal).categories(kind)


async def get_template(principal: Principal, template_id: str) -> Template:
    return await library(principal).get(template_id)


async def create_template(principal: Principal, body: TemplateCreate) -> Template:
    return await Template(account_id=principal.account_id, **stored(body)).insert()


async def update_template(principal: Principal, template_id: str, body: TemplateUpdate) -> Template:
    template = await OwnTemplates(principal.account_id).get(template_id)
    for name in body.model_fields_set:
        value = getattr(body, name)
        if value is not None:
            setattr(template, name, value)
    await template.save_changes()
    return template


async def delete_template(principal: Principal, template_id: str) -> None:
    """Only the account's own; funnels made from it stay as they are."""
    await OwnTemplates(principal.account_id).delete(template_id)


def stored(body: TemplateCreate) -> dict[str, Any]:
    """As the library keeps it: every page's HTML blocks and an email's body sanitised."""
    steps = [step.model_copy(update={"blocks": stored_blocks(step.blocks)}) for step in body.steps]
    sanitised = body.model_copy(
        update={
            "steps": steps,
            "blocks": stored_blocks(body.blocks),
            "html": sanitised_html(body.html) if body.html else "",
        }
    )
    return sanitised.model_dump()


async def use_template(principal: Principal, template_id: str, body: TemplateUse) -> Funnel:
    template = await get_template(principal, template_id)
    if template.kind in FUNNEL_KINDS:
        drafts = [draft_of(step) for step in template.steps]
        kind = FUNNEL_KINDS[template.kind]
        account = PydanticObjectId(principal.account_id)
        return await funnels.build_funnel(
            account, body.name or template.name, kind, drafts, template.id
        )
    if template.kind is TemplateKind.PAGE:
        return await add_page(principal, template, body)
    raise TemplateNotUsable(f"An {template.kind.value} template makes no funnel.")


def draft_of(step: TemplateStep) -> funnels.StepDraft:
    made = StepCreate(name=step.name, kind=step.kind, slug=step.slug)
    return funnels.StepDraft(made, step.title, step.blocks)


async def add_page(principal: Principal, template: Template, body: TemplateUse) -> Funnel:
    if body.funnel_id is None:
        raise FunnelRequired(details=[{"field": "funnel_id", "message": "required"}])
    funnel = await funnels.get_funnel(principal, str(body.funnel_id))
    kind = StepKind.PAGE if funnel.kind is FunnelKind.SITE else StepKind.LANDING
    name = body.name or template.name
    step = StepCreate(name=name, kind=kind)
    draft = funnels.StepDraft(step, template.name, template.blocks)
    return await funnels.add_drafted_step(funnel, draft)
