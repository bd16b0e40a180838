"""The prospects live-chat visitors become, as the account's team meets them: what a visitor
says they are, and confirming a visitor is the contact holding the email they gave (the rule
is `shared.domain.messages.identity`)."""

from dataclasses import replace

from beanie import PydanticObjectId

from internal_api.live_chat.prospects.repository import Prospects
from shared.domain.contacts.writing import platform_author
from shared.domain.messages import identity
from shared.models.conversation_prospect import ConversationProspect
from shared.utilities.auth import Principal
from shared.utilities.settings import ServiceSettings


async def get_prospect(principal: Principal, prospect_id: str) -> ConversationProspect:
    return await Prospects(principal.account_id).get(prospect_id)


async def confirm_identity(
    principal: Principal, prospect_id: str, settings: ServiceSettings
) -> ConversationProspect:
    """The prospect, linked to the contact; a new person written by the agent confirming it
    when nobody holds the email any more."""
    prospect = await get_prospect(principal, prospect_id)
    # Written in the account's phone region, by the agent.
    platform = await platform_author(prospect.account_id, settings)
    agent = replace(platform, user_id=PydanticObjectId(principal.sub))
    await identity.confirm_identity(agent, prospect)
    return prospect
