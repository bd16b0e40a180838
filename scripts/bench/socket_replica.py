"""One conversation socket replica for the sockets benchmark, holding the benchmark's channel.

    python -m scripts.bench.socket_replica <port> <account id> <conversation id>

In embedded mode each process has its own in-memory database, so each replica stores the
channel the benchmark's clients join (with MONGO_URL the second store finds it there).
"""

import sys

import uvloop
from beanie import PydanticObjectId

from conversation_socket.app import create_app
from conversation_socket.settings import ConversationSocketSettings
from shared.models.conversation import Conversation, ConversationKind
from shared.utilities import db
from shared.utilities.server import bind, serve_until_signalled, server_for


async def serve_with_channel(port: int, account_id: str, conversation_id: str) -> None:
    settings = ConversationSocketSettings(port=port)
    # The connection is the process's: the app's own lifespan joins it.
    await db.connect(settings.mongo_url, initiator="bench", database=settings.mongo_db)
    if not await Conversation.get(PydanticObjectId(conversation_id)):
        await Conversation(
            id=PydanticObjectId(conversation_id),
            account_id=PydanticObjectId(account_id),
            kind=ConversationKind.CHANNEL,
            title="bench",
        ).insert()
    sock = bind(settings.service_name, settings.host, port)
    await serve_until_signalled([(server_for(create_app(settings)), sock)])


if __name__ == "__main__":
    port, account_id, conversation_id = sys.argv[1:4]
    uvloop.run(serve_with_channel(int(port), account_id, conversation_id))
