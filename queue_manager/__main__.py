from queue_manager.app import create_app
from queue_manager.settings import QueueManagerSettings
from shared.utilities.server import serve

serve(create_app, QueueManagerSettings)
