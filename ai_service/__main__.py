from ai_service.app import create_app
from ai_service.settings import AiServiceSettings
from shared.utilities.server import serve

serve(create_app, AiServiceSettings)
