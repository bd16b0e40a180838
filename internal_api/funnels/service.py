"""Funnels and hosted sites: made (empty, or from a template's steps), listed, renamed,
deleted; their steps added, reordered and removed; and their clones asked for (made by the
queue manager, `shared.domain.funnels.cloning`)."""

from dataclasses import dataclass, field

from beanie import PydanticObjectId

from internal_api.accounts.repository import SubAccountRepository
from internal_api.funnels.auth import OTHER_ACCOUNTS_SCOPE
from internal_api.funnels.errors import (
    CloneNotFound,
    LastStep,
    SlugTaken,
    StepNotFound,
    StepsNotMatching,
    TargetAccountNotFound,
)
from internal_api.funnels.repository import (
    CloneRepository,
    FunnelRepository,
    PageRepository,
    VersionRepository,
)
from internal_api.funnels.schemas import CloneCreate, FunnelCreate, FunnelUpdate, StepCreate
from shared.domain.funnels.blocks import Block
from shared.domain.funnels.pages import stored_blocks
from shared.models.funnel import Funnel, FunnelKind, FunnelStep, StepKind
from shared.models.funnel_clone import FunnelClone
from shared.models.funnel_page import FunnelPage
from shared.utilities.auth import Principal
from shared.utilities.errors import Forbidden
from shared.utilities.outbox import enqueue_job
from shared.utilities.pagination import Page, PageParams
from shared.utilities.task_names import FUNNELS_CLONING_CLONE


@dataclass
class StepDraft:
    """A step to make, with its page's first draft (a template's, or empty)."""

    step: StepCreate
    title: str = ""
    blocks: list[Block] = field(default_factory=list)


async def create_funnel(principal: Principal, body: FunnelCreate) -> Funnel:
    steps = body.steps or [StepCreate(name="Home", kind=default_kind(body.kind), slug="home")]
    drafts = [StepDraft(step) for step in steps]
    return await build_funnel(PydanticObjectId(principal.account_id), body.name, body.kind, drafts)


def default_kind(kind: FunnelKind) -> StepKind:
    return StepKind.PAGE if kind is FunnelKind.SITE else StepKind.LANDING


async def build_funnel(
    account_id: PydanticObjectId,
    name: str,
    kind: FunnelKind,
    drafts: list[StepDraft],
    template_id: PydanticObjectId | None = None,
) -> Funnel:
    """The funnel and a page per step; the slugs checked before anything is written."""
    check_slugs([draft.step.chosen_slug for draft in drafts])
    funnel = await Funnel(
        account_id=account_id, name=name, kind=kind, template_id=template_id
    ).insert()
    for draft in drafts:
        funnel.steps.append(await new_step(funnel, draft))
    await funnel.save_changes()
    return funnel


async def new_step(funnel: Funnel, draft: StepDraft) -> FunnelStep:
    page = await FunnelPage(
        account_id=funnel.account_id,
        funnel_id=funnel.id,
        title=draft.title or draft.step.name,
        blocks=stored_blocks(draft.blocks),
    ).insert()
    step = draft.step
    return FunnelStep(name=step.name, kind=step.kind, slug=step.chosen_slug, page_id=page.id)


def check_slugs(slugs: list[str]) -> None:
    repeated = sorted({slug for slug in slugs if slugs.count(slug) > 1})
    if repeated:
        raise SlugTaken(
            f"Two steps would have the slug {repeated[0]}.",
            details=[{"field": "steps", "message": f"slug {slug} repeated"} for slug in repeated],
        )


async def list_funnels(
    principal: Principal, params: PageParams, kind: FunnelKind | None
) -> Page[Funnel]:
    filters = {"status": "ready", **({"kind": kind} if kind else {})}
    return await FunnelRepository(principal.account_id).paginate(params, filters)


async def get_funnel(principal: Principal, funnel_id: str) -> Funnel:
    return await FunnelRepository(principal.account_id).ready(funnel_id)


async def update_funnel(principal: Principal, funnel_id: str, body: FunnelUpdate) -> Funnel:
    funnel = await get_funnel(principal, funnel_id)
    if body.name is not None:
        funnel.name = body.name
    await funnel.save_changes()
    return funnel


async def delete_funnel(principal: Principal, funnel_id: str) -> None:
    """With its pages and their versions (a custom domain pointing at it serves nothing)."""
    funnel = await get_funnel(principal, funnel_id)
    await PageRepository(funnel.account_id).delete_of_funnel(funnel.id)
    await VersionRepository(funnel.account_id).delete_of_funnel(funnel.id)
    await funnel.delete()


async def add_step(principal: Principal, funnel_id: str, body: StepCreate) -> Funnel:
    return await add_drafted_step(await get_funnel(principal, funnel_id), StepDraft(body))


async def add_drafted_step(funnel: Funnel, draft: StepDraft) -> Funnel:
    """At its position (the end when it names none), with its page's draft."""
    check_slugs([step.slug for step in funnel.steps] + [draft.step.chosen_slug])
    step = await new_step(funnel, draft)
    position = len(funnel.steps) if draft.step.position is None else draft.step.position
    funnel.steps.insert(position, step)
    await funnel.save_changes()
    return funnel


async def reorder_steps(
    principal: Principal, funnel_id: str, step_ids: list[PydanticObjectId]
) -> Funnel:
    funnel = await get_funnel(principal, funnel_id)
    by_id = {step.id: step for step in funnel.steps}
    if set(step_ids) != set(by_id) or len(step_ids) != len(by_id):
        raise StepsNotMatching(details=[{"field": "step_ids", "message": "every step, once"}])
    funnel.steps = [by_id[step_id] for step_id in step_ids]
    await funnel.save_changes()
    return funnel


async def remove_step(principal: Principal, funnel_id: str, step_id: str) -> Funnel:
    funnel = await get_funnel(principal, funnel_id)
    step = next((step for step in funnel.steps if str(step.id) == step_id), None)
    if step is None:
        raise StepNotFound(f"The funnel has no step {step_id}.")
    if len(funnel.steps) == 1:
        raise LastStep()
    funnel.steps = [kept for kept in funnel.steps if kept.id != step.id]
    await funnel.save_changes()
    await PageRepository(funnel.account_id).delete(step.page_id)
    await VersionRepository(funnel.account_id).delete_of_page(step.page_id)
    return funnel


async def request_clone(principal: Principal, funnel_id: str, body: CloneCreate) -> FunnelClone:
    """Held `queued`; the queue manager makes the copy (QM_FUNNELS_CLONING)."""
    funnel = await get_funnel(principal, funnel_id)
    target = await target_account(principal, body.account_id)
    clone = await CloneRepository(principal.account_id).create(
        funnel_id=funnel.id,
        target_account_id=target,
        name=body.name or funnel.name,
        created_by=PydanticObjectId(principal.sub),
        steps_total=len(funnel.steps),
    )
    enqueue_job(FUNNELS_CLONING_CLONE, clone_id=str(clone.id), account_id=principal.account_id)
    return clone


async def get_clone(principal: Principal, clone_id: str) -> FunnelClone:
    clone = await CloneRepository(principal.account_id).find_by_id(clone_id)
    if clone is None:
        raise CloneNotFound(f"Clone {clone_id} does not exist.")
    return clone


async def target_account(
    principal: Principal, account_id: PydanticObjectId | None
) -> PydanticObjectId:
    """This account, or another of its agency's (the agency itself or a sub-account), for a
    caller who manages them; any other answers 404 like a missing one."""
    own = PydanticObjectId(principal.account_id)
    if account_id is None or account_id == own:
        return own
    if not principal.has_scopes(OTHER_ACCOUNTS_SCOPE):
        scope = OTHER_ACCOUNTS_SCOPE
        raise Forbidden(f"Missing scope: {scope}.", details=[{"scope": scope}])
    agency = PydanticObjectId(principal.agency_id or principal.account_id)
    if account_id == agency:
        return agency
    if await SubAccountRepository(agency).find_by_id(account_id) is None:
        raise TargetAccountNotFound(f"Account {account_id} is not one of the agency's.")
    return account_id
