import socketio
from starlette.types import ASGIApp

from general_socket.connections import register_connections
from general_socket.events import register_events
from general_socket.live_chat.tokens import VisitorTokens
from general_socket.settings import GeneralSocketSettings
from shared.utilities.realtime import Socket
from shared.utilities.sockets import create_socket_service


def create_app(settings: GeneralSocketSettings) -> ASGIApp:
    """Socket.IO on /socket.io; everything else (health, docs) goes to the HTTP app."""
    sio, api = create_socket_service(settings, Socket.GENERAL, title="General socket")
    api.state.visitor_tokens = VisitorTokens.for_settings(settings)
    register_connections(sio, api)
    register_events(sio, api)
    return socketio.ASGIApp(sio, other_asgi_app=api)
