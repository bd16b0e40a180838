from misc.google_maps.app import create_app
from misc.google_maps.settings import GoogleMapsSettings
from shared.utilities.server import serve

serve(create_app, GoogleMapsSettings)
