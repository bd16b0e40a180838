from misc.yext_publishers.app import create_app
from misc.yext_publishers.settings import YextPublishersSettings
from shared.utilities.server import serve

serve(create_app, YextPublishersSettings)
