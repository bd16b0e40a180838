import socketio
from starlette.types import ASGIApp

from conversation_socket.events import register_events
from conversation_socket.settings import ConversationSocketSettings
from shared.utilities.realtime import Socket
from shared.utilities.sockets import create_socket_service


def create_app(settings: ConversationSocketSettings) -> ASGIApp:
    """Socket.IO on /socket.io; everything else (health, docs) goes to the HTTP app."""
    sio, api = create_socket_service(settings, Socket.CONVERSATION, title="Conversation socket")
    register_events(sio, api)
    return socketio.ASGIApp(sio, other_asgi_app=api)
