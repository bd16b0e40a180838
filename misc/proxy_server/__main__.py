from misc.proxy_server.app import create_app
from misc.proxy_server.settings import ProxyServerSettings
from shared.utilities.server import serve

serve(create_app, ProxyServerSettings)
