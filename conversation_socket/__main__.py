from conversation_socket.app import create_app
from conversation_socket.settings import ConversationSocketSettings
from shared.utilities.server import serve

serve(create_app, ConversationSocketSettings)
