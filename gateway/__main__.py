from gateway.app import create_app
from gateway.settings import GatewaySettings
from shared.utilities.server import serve

serve(create_app, GatewaySettings)
