"""A website visitor's prospect: made on first contact, once however many tabs arrive at the
same moment; its conversation is titled with the visitor's name once the visitor gives one."""

from typing import Any

from beanie import PydanticObjectId
from pymongo.errors import DuplicateKeyError

from shared.domain.messages import repository
from shared.domain.messages.conversations import prospect_key
from shared.models.base import utc_now
from shared.models.conversation_prospect import ConversationProspect


async def prospect_for(
    account_id: str | PydanticObjectId, visitor_id: str, widget_id: str | None = None
) -> ConversationProspect:
    """The account's prospect for the visitor, made if there is none (through `widget_id`, the
    live-chat widget the visitor came through)."""
    account = PydanticObjectId(account_id)
    if found := await repository.prospect_by_visitor(account, visitor_id):
        return found
    try:
        return await ConversationProspect(
            account_id=account, visitor_id=visitor_id, widget_id=widget_id, last_seen_at=utc_now()
        ).insert()
    except DuplicateKeyError:  # the visitor's other tab made it first
        made = await repository.prospect_by_visitor(account, visitor_id)
        assert made is not None, "a duplicate key means it is stored"
        return made


async def update_prospect(prospect: ConversationProspect, **details: Any) -> None:
    """Keep the details on the prospect, seen now; a new name also titles its conversation."""
    renamed = "name" in details and details["name"] != prospect.name
    await prospect.set({**details, "last_seen_at": utc_now()})
    if renamed:
        await repository.retitle(prospect_key(prospect.id), prospect.name)
