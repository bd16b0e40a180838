from misc.yext_publishers_logo.app import create_app
from misc.yext_publishers_logo.settings import YextPublishersLogoSettings
from shared.utilities.server import serve

serve(create_app, YextPublishersLogoSettings)
