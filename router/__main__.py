from router.app import create_app
from router.settings import RouterSettings
from shared.utilities.server import serve

serve(create_app, RouterSettings)
