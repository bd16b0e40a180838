"""An account's locale: its own choice of phone region, currency and time zone, each falling
back to the platform's default (DEFAULT_PHONE_REGION, DEFAULT_CURRENCY, DEFAULT_TIME_ZONE)."""

from dataclasses import dataclass
from zoneinfo import ZoneInfo

from shared.models.account import Account
from shared.utilities.settings import ServiceSettings


@dataclass(frozen=True)
class Locale:
    phone_region: str
    currency: str
    time_zone: str

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.time_zone)


def locale_of(account: Account | None, settings: ServiceSettings) -> Locale:
    chosen = account.locale if account else None
    return Locale(
        phone_region=(chosen and chosen.phone_region) or settings.default_phone_region,
        currency=(chosen and chosen.currency) or settings.default_currency,
        time_zone=(chosen and chosen.time_zone) or settings.default_time_zone,
    )
