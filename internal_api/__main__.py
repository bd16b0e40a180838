from internal_api.app import create_app
from internal_api.settings import InternalApiSettings
from shared.utilities.server import serve

serve(create_app, InternalApiSettings)
