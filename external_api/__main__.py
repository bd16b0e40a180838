from external_api.app import create_app
from external_api.settings import ExternalApiSettings
from shared.utilities.server import serve

serve(create_app, ExternalApiSettings)
