from fastapi import FastAPI

from misc.currency.settings import CurrencySettings
from shared.utilities.app import create_app as create_service_app


def create_app(settings: CurrencySettings) -> FastAPI:
    return create_service_app(settings, title="Currency")
