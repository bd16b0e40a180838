"""Groups: named conversations among some users of an account."""

from internal_api.conversation_v2.groups.schemas import GroupCreate
from internal_api.conversation_v2.members import as_object_ids, require_members
from shared.models.base import utc_now
from shared.models.conversation import Conversation, ConversationKind
from shared.models.conversation_group import ConversationGroup
from shared.utilities.auth import Principal
from shared.utilities.repository import TenantRepository


async def create_group(
    principal: Principal, body: GroupCreate
) -> tuple[ConversationGroup, list[str]]:
    """The group and its conversation (both or neither), and its members."""
    members = list(dict.fromkeys([principal.sub, *body.member_ids]))
    await require_members(principal.account_id, members, "member_ids")
    conversation = await TenantRepository(Conversation, principal.account_id).create(
        kind=ConversationKind.GROUP,
        title=body.name,
        participant_ids=as_object_ids(members),
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
    return group, members
