from misc.callrail_recordings.app import create_app
from misc.callrail_recordings.settings import CallrailRecordingsSettings
from shared.utilities.server import serve

serve(create_app, CallrailRecordingsSettings)
