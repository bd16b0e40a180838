"""A funnel (or hosted site) copied into the same or another account of the agency, in the
background (QM_FUNNELS_CLONING): its steps in order, each page's draft, and the forms the pages
embed (copied into the target account, the pages pointing at the copies). Images and other
assets are referenced by address, so the references are copied, not the files.

The copy is built `cloning` (hidden from lists and from the public), its progress saved on the
clone and pushed to its creator (`funnel_clone:progress` on the general socket) after each step;
it becomes `ready` only once its last step is copied. A failure half-way deletes everything the
copy made (the funnel, its pages, the form copies) and leaves the clone `failed` with the
reason: never half a funnel.
"""

import logging
from typing import Any

from beanie import PydanticObjectId

from shared.domain.funnels.blocks import Block, FormEmbed, form_ids, walk
from shared.domain.funnels.pages import stored_blocks
from shared.domain.funnels.repository import (
    CloneRepository,
    FormCopies,
    FunnelRepository,
    PageRepository,
    VersionRepository,
)
from shared.models.form import Form
from shared.models.funnel import Funnel, FunnelStatus
from shared.models.funnel_clone import CloneStatus, FunnelClone
from shared.models.funnel_page import FunnelPage
from shared.utilities.outbox import emit, flush
from shared.utilities.realtime import Socket, user_room

logger = logging.getLogger(__name__)
ENDED = (CloneStatus.DONE, CloneStatus.FAILED)
# What a form copy does not take into another account: its users and its pipeline are not there.
ACCOUNT_BOUND_FIELDS = ("notify_user_ids", "deal")


class Copy:
    """What the clone has made so far in the target account, to undo on failure."""

    def __init__(self, target: PydanticObjectId) -> None:
        self.target = target
        self.funnel: Funnel | None = None
        self.form_ids: dict[PydanticObjectId, PydanticObjectId] = {}

    async def undo(self) -> None:
        if self.funnel is not None:
            await PageRepository(self.target).delete_of_funnel(self.funnel.id)
            await VersionRepository(self.target).delete_of_funnel(self.funnel.id)
            await self.funnel.delete()
        await FormCopies(self.target).delete_copies(self.form_ids.values())


async def run_clone(clone_id: str, account_id: str) -> CloneStatus:
    clone = await CloneRepository(account_id).find_by_id(clone_id)
    if clone is None or clone.status in ENDED:
        return clone.status if clone else CloneStatus.FAILED
    copy = Copy(clone.target_account_id)
    try:
        source = await FunnelRepository(account_id).ready(clone.funnel_id)
        await copy_funnel(clone, source, copy)
    except Exception as error:
        logger.exception("clone %s failed; its partial copy is removed", clone_id)
        await copy.undo()
        clone.status, clone.failure = CloneStatus.FAILED, f"The copy failed: {error}"[:500]
        await save_progress(clone)
        return clone.status
    return clone.status


async def copy_funnel(clone: FunnelClone, source: Funnel, copy: Copy) -> None:
    pages = {page.id: page for page in await PageRepository(source.account_id).of_funnel(source.id)}
    clone.status, clone.steps_total = CloneStatus.RUNNING, len(source.steps)
    await save_progress(clone)
    copy.funnel = await Funnel(
        account_id=copy.target,
        name=clone.name,
        kind=source.kind,
        status=FunnelStatus.CLONING,
        template_id=source.template_id,
        cloned_from=source.id,
    ).insert()
    embedded = [form_id for page in pages.values() for form_id in form_ids(page.blocks)]
    await copy_forms(source.account_id, embedded, copy)
    for step in source.steps:
        page = await copy_page(pages[step.page_id], copy)
        copy.funnel.steps.append(step.model_copy(update={"page_id": page.id}))
        await copy.funnel.save_changes()
        clone.steps_done += 1
        await save_progress(clone)
    copy.funnel.status = FunnelStatus.READY
    await copy.funnel.save_changes()
    clone.status, clone.copy_id = CloneStatus.DONE, copy.funnel.id
    await save_progress(clone)


async def copy_forms(
    source_account: PydanticObjectId, embedded: list[PydanticObjectId], copy: Copy
) -> None:
    for form in await FormCopies(source_account).among(dict.fromkeys(embedded)):
        made = await FormCopies(copy.target).insert_copy(form_fields(form, copy.target))
        copy.form_ids[form.id] = made.id


def form_fields(form: Form, target: PydanticObjectId) -> dict[str, Any]:
    excluded = {"id", "account_id", "created_at", "updated_at", "revision_id"}
    if form.account_id != target:
        excluded.update(ACCOUNT_BOUND_FIELDS)
    return form.model_dump(exclude=excluded)


async def copy_page(page: FunnelPage, copy: Copy) -> FunnelPage:
    assert copy.funnel is not None, "the funnel is made before its pages"
    blocks = stored_blocks(with_forms(page.blocks, copy.form_ids))
    return await FunnelPage(
        account_id=copy.target,
        funnel_id=copy.funnel.id,
        title=page.title,
        description=page.description,
        blocks=blocks,
    ).insert()


def with_forms(blocks: list[Block], copies: dict[PydanticObjectId, PydanticObjectId]) -> list:
    """A deep copy of the blocks, each form embed pointing at its form's copy."""
    copied = [block.model_copy(deep=True) for block in blocks]
    for block in walk(copied):
        if isinstance(block, FormEmbed) and block.form_id in copies:
            block.form_id = copies[block.form_id]
    return copied


async def save_progress(clone: FunnelClone) -> None:
    """Saved and pushed to its creator: it stands from now on, whatever happens next."""
    await clone.save_changes()
    progress = clone.model_dump(
        mode="json", include={"status", "steps_total", "steps_done", "copy_id", "failure"}
    )
    emit(
        Socket.GENERAL,
        "funnel_clone:progress",
        {"id": str(clone.id), **progress},
        user_room(clone.created_by),
    )
    await flush()
