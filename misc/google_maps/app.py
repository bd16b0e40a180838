from fastapi import FastAPI

from misc.google_maps.settings import GoogleMapsSettings
from shared.utilities.app import create_app as create_service_app


def create_app(settings: GoogleMapsSettings) -> FastAPI:
    return create_service_app(settings, title="Google Maps", uses_redis=True)
