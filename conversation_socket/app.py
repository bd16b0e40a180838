import socketio
from starlette.types import ASGIApp

from conversation_socket.settings import ConversationSocketSettings
from shared.utilities.app import create_app as create_service_app


def create_app(settings: ConversationSocketSettings) -> ASGIApp:
    """Socket.IO on /socket.io; everything else (health, docs) goes to the HTTP app."""
    sio = socketio.AsyncServer(async_mode="asgi", cors_allowed_origins=[])
    api = create_service_app(
        settings, title="Conversation socket", uses_mongo=True, uses_redis=True
    )
    return socketio.ASGIApp(sio, other_asgi_app=api)
