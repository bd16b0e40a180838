import socketio
from starlette.types import ASGIApp

from general_socket.settings import GeneralSocketSettings
from shared.utilities.app import create_app as create_service_app
from shared.utilities.realtime import Socket
from shared.utilities.sockets import create_socket_server, require_authenticated_connections


def create_app(settings: GeneralSocketSettings) -> ASGIApp:
    """Socket.IO on /socket.io; everything else (health, docs) goes to the HTTP app."""
    api = create_service_app(settings, title="General socket", uses_mongo=True, uses_redis=True)
    sio = create_socket_server(settings, Socket.GENERAL)
    require_authenticated_connections(sio, api)
    return socketio.ASGIApp(sio, other_asgi_app=api)
