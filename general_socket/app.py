import socketio
from starlette.types import ASGIApp

from general_socket.connections import register_connections
from general_socket.events import register_events
from general_socket.live_chat.tokens import VisitorTokens
from general_socket.settings import GeneralSocketSettings
from shared.utilities.app import create_app as create_service_app
from shared.utilities.realtime import Socket
from shared.utilities.socket_sessions import following_sessions
from shared.utilities.sockets import create_socket_server, subscribing


def create_app(settings: GeneralSocketSettings) -> ASGIApp:
    """Socket.IO on /socket.io; everything else (health, docs) goes to the HTTP app."""
    sio = create_socket_server(settings, Socket.GENERAL)
    api = create_service_app(
        settings,
        title="General socket",
        uses_mongo=True,
        uses_redis=True,
        sends_work=True,
        lifespans=[following_sessions, subscribing(sio)],
    )
    api.state.visitor_tokens = VisitorTokens.for_settings(settings)
    register_connections(sio, api)
    register_events(sio, api)
    return socketio.ASGIApp(sio, other_asgi_app=api)
