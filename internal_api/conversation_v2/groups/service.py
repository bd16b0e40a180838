"""Groups: named conversations among some users of an account (its members, and in a
sub-account the agency's owners and admins)."""

from dataclasses import dataclass
from typing import Any

from beanie import PydanticObjectId

from internal_api.conversation_v2.groups.schemas import GroupCreate
from shared.domain.accounts.users import require_users
from shared.models.base import utc_now
from shared.models.conversation import Conversation, ConversationKind
from shared.models.conversation_group import ConversationGroup
from shared.utilities.auth import Principal
from shared.utilities.repository import TenantRepository


@dataclass(frozen=True)
class Group:
    """What `GroupRead` answers: the group's fields read through, and its members."""

    group: ConversationGroup
    member_ids: list[PydanticObjectId]

    def __getattr__(self, name: str) -> Any:
        return getattr(self.group, name)


async def create_group(principal: Principal, body: GroupCreate) -> Group:
    """The group and its conversation (both or neither)."""
    wanted = [principal.sub, *body.member_ids]
    members = await require_users(principal.account_id, wanted, "member_ids")
    conversation = await TenantRepository(Conversation, principal.account_id).create(
        kind=ConversationKind.GROUP,
        title=body.name,
        participant_ids=members,
        created_by=principal.sub,
        last_activity_at=utc_now(),
    )
    try:
        group = await TenantRepository(ConversationGroup, principal.account_id).create(
            name=body.name, conversation_id=conversation.id, created_by=principal.sub
        )
    except Exception:
        await conversation.delete()
        raise
    return Group(group, members)
