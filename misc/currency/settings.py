from typing import ClassVar

from pydantic_settings import SettingsConfigDict

from shared.utilities.settings import Port, ServiceSettings


class CurrencySettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="CURRENCY_")

    service_name: ClassVar[str] = "currency"
    port: Port = 5005
