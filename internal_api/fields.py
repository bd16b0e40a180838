"""Field types the internal API's schemas share."""

from functools import cache
from typing import Annotated
from zoneinfo import available_timezones

import phonenumbers
from iso4217 import Currency
from pydantic import AfterValidator, EmailStr, Field, StringConstraints

# Emails are stored and compared lower-cased.
Email = Annotated[EmailStr, AfterValidator(str.lower)]
# Bounded above too: hashing a megabyte of password would be an easy way to burn our CPU.
Password = Annotated[str, Field(min_length=10, max_length=256)]
Name = Annotated[str, Field(min_length=1, max_length=200)]


def iso_4217(code: str) -> str:
    try:
        Currency(code)
    except ValueError:
        raise ValueError(f"{code} is not an ISO 4217 currency code") from None
    return code


def iso_3166_phone_region(code: str) -> str:
    # The regions phone numbers are parsed in: every ISO 3166 country with a numbering plan.
    if code not in phonenumbers.SUPPORTED_REGIONS:
        raise ValueError(f"{code} is not an ISO 3166 country code")
    return code


@cache
def iana_zones() -> frozenset[str]:
    return frozenset(available_timezones())


def iana_time_zone(name: str) -> str:
    if name not in iana_zones():
        raise ValueError(f"{name} is not an IANA time zone (e.g. Europe/Paris)")
    return name


CurrencyCode = Annotated[
    str, StringConstraints(pattern=r"^[A-Z]{3}$"), AfterValidator(iso_4217), Field(examples=["EUR"])
]
PhoneRegion = Annotated[
    str,
    StringConstraints(pattern=r"^[A-Z]{2}$"),
    AfterValidator(iso_3166_phone_region),
    Field(examples=["FR"]),
]
TimeZone = Annotated[
    str,
    StringConstraints(max_length=64),
    AfterValidator(iana_time_zone),
    Field(examples=["Europe/Paris"]),
]
