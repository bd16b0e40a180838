import socketio
from starlette.types import ASGIApp

from conversation_socket.events import register_events
from conversation_socket.settings import ConversationSocketSettings
from shared.utilities.app import create_app as create_service_app
from shared.utilities.realtime import Socket
from shared.utilities.socket_sessions import following_sessions
from shared.utilities.sockets import create_socket_server, subscribing


def create_app(settings: ConversationSocketSettings) -> ASGIApp:
    """Socket.IO on /socket.io; everything else (health, docs) goes to the HTTP app."""
    sio = create_socket_server(settings, Socket.CONVERSATION)
    api = create_service_app(
        settings,
        title="Conversation socket",
        uses_mongo=True,
        uses_redis=True,
        sends_work=True,
        lifespans=[following_sessions, subscribing(sio)],
    )
    register_events(sio, api)
    return socketio.ASGIApp(sio, other_asgi_app=api)
