"""Team channels: named once per account, read by every user of the account."""

from pymongo.errors import DuplicateKeyError

from internal_api.conversation_v2.channels.repository import Channels
from internal_api.conversation_v2.channels.schemas import ChannelCreate
from shared.models.base import utc_now
from shared.models.conversation import Conversation, ConversationKind
from shared.models.conversation_channel import ConversationChannel
from shared.utilities.auth import Principal
from shared.utilities.errors import Conflict
from shared.utilities.pagination import Page, PageParams
from shared.utilities.repository import TenantRepository


class ChannelNameTaken(Conflict):
    """Another channel of the account has this name."""

    code = "channel_name_taken"


def name_taken(name: str) -> ChannelNameTaken:
    return ChannelNameTaken(
        f"A channel named {name} exists.", details=[{"field": "name", "message": "is taken"}]
    )


async def create_channel(principal: Principal, body: ChannelCreate) -> ConversationChannel:
    """The channel and its conversation, both or neither."""
    channels = Channels(principal.account_id)
    if await channels.count({"name": body.name}):
        raise name_taken(body.name)
    conversation = await TenantRepository(Conversation, principal.account_id).create(
        kind=ConversationKind.CHANNEL,
        title=body.name,
        created_by=principal.sub,
        last_activity_at=utc_now(),
    )
    try:
        return await channels.create(
            name=body.name,
            topic=body.topic,
            conversation_id=conversation.id,
            created_by=principal.sub,
        )
    except DuplicateKeyError:  # the same name, created at the same moment
        await conversation.delete()
        raise name_taken(body.name) from None


async def list_channels(principal: Principal, params: PageParams) -> Page[ConversationChannel]:
    return await Channels(principal.account_id).paginate(params)
