import socketio
from starlette.types import ASGIApp

from general_socket.settings import GeneralSocketSettings
from shared.utilities.app import create_app as create_service_app


def create_app(settings: GeneralSocketSettings) -> ASGIApp:
    """Socket.IO on /socket.io; everything else (health, docs) goes to the HTTP app."""
    sio = socketio.AsyncServer(async_mode="asgi", cors_allowed_origins=[])
    api = create_service_app(settings, title="General socket", uses_mongo=True, uses_redis=True)
    return socketio.ASGIApp(sio, other_asgi_app=api)
