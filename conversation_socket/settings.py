from typing import ClassVar

from pydantic import PositiveFloat
from pydantic_settings import SettingsConfigDict

from shared.utilities.settings import Port, ServiceSettings


class ConversationSocketSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="CONVERSATION_SOCKET_")

    service_name: ClassVar[str] = "conversation_socket"
    port: Port = 6001
    # A typing indicator without a fresh typing:start ends after this many seconds.
    typing_ttl_seconds: PositiveFloat = 5
