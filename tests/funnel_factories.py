"""Funnels for tests: `create_funnel(account, blocks_of_step_1, blocks_of_step_2, ...)` stores a
funnel with a step and a page (its draft those blocks) per argument; `publish(funnel, page)`
publishes a page's draft through the one publishing path (its outbox held, then discarded)."""

from pydantic import TypeAdapter

from shared.domain.funnels import publishing
from shared.domain.funnels.blocks import Blocks
from shared.domain.funnels.render_cache import RenderCache
from shared.models.account import Account
from shared.models.funnel import Funnel, FunnelKind, FunnelStep, StepKind
from shared.models.funnel_page import FunnelPage
from shared.models.funnel_page_version import FunnelPageVersion
from tests.shared.domain.held import holding

BLOCKS = TypeAdapter(Blocks)
STEP_KINDS = [StepKind.LANDING, StepKind.FORM, StepKind.CHECKOUT, StepKind.THANK_YOU]


def blocks(*raw: dict) -> list:
    return BLOCKS.validate_python(list(raw))


def heading(text: str) -> dict:
    return {"type": "heading", "text": text, "level": 1}


async def create_funnel(
    account: Account, *step_blocks: list[dict], kind: FunnelKind = FunnelKind.FUNNEL, **overrides
) -> Funnel:
    """One step per `step_blocks` (one with a heading by default), named and slugged step-N."""
    funnel = await Funnel(
        **{"account_id": account.id, "name": "Spring offer", "kind": kind, **overrides}
    ).insert()
    for index, raw in enumerate(step_blocks or [[heading("Welcome")]], start=1):
        page = await FunnelPage(
            account_id=account.id, funnel_id=funnel.id, title=f"Step {index}", blocks=blocks(*raw)
        ).insert()
        kind_of_step = STEP_KINDS[(index - 1) % len(STEP_KINDS)]
        step = FunnelStep(
            name=f"Step {index}", kind=kind_of_step, slug=f"step-{index}", page_id=page.id
        )
        funnel.steps.append(step)
    await funnel.save()
    return funnel


async def page_of(funnel: Funnel, index: int = 0) -> FunnelPage:
    page = await FunnelPage.get(funnel.steps[index].page_id)
    assert page is not None
    return page


async def publish(funnel: Funnel, page: FunnelPage, cache: RenderCache) -> FunnelPageVersion:
    async with holding():
        return await publishing.publish(funnel, page, None, cache)
