from fastapi import FastAPI

from misc.callrail_recordings.settings import CallrailRecordingsSettings
from shared.utilities.app import create_app as create_service_app


def create_app(settings: CallrailRecordingsSettings) -> FastAPI:
    return create_service_app(settings, title="CallRail recordings", uses_mongo=True)
