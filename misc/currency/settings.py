from typing import ClassVar

from pydantic import Field, PositiveFloat
from pydantic_settings import SettingsConfigDict

from shared.utilities.settings import Port, ServiceSettings


class CurrencySettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="CURRENCY_")

    service_name: ClassVar[str] = "currency"
    port: Port = 5005
    provider_url: str = Field(
        "https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml",
        description="daily reference rates in the European Central Bank's XML format",
    )
    refresh_seconds: PositiveFloat = Field(
        3600, description="how often the rates are fetched again"
    )
    connect_timeout_seconds: PositiveFloat = Field(5, description="seconds to reach the provider")
    read_timeout_seconds: PositiveFloat = Field(10, description="seconds the provider may take")
    snapshot_file: str = Field(
        "misc/currency/rates/ecb-snapshot.xml",
        description="rates served in embedded mode until the provider answers; empty: none",
    )
