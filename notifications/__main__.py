from notifications.app import create_app
from notifications.settings import NotificationsSettings
from shared.utilities.server import serve

serve(create_app, NotificationsSettings)
