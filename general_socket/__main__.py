from general_socket.app import create_app
from general_socket.settings import GeneralSocketSettings
from shared.utilities.server import serve

serve(create_app, GeneralSocketSettings)
