"""Field types the internal API's schemas share."""

import re
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


def e164_phone(number: str) -> str:
    """The number in E.164; it must carry its country code."""
    try:
        parsed = phonenumbers.parse(number, None)
    except phonenumbers.NumberParseException:
        parsed = None
    if parsed is None or not phonenumbers.is_valid_number(parsed):
        raise ValueError(
            f"{number} is not a phone number with its country code (e.g. +14155550100)"
        )
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


# BCP 47's common shape: a language, then an optional script, region and variants.
LANGUAGE_TAG = re.compile(
    r"[a-z]{2,3}(-[a-z]{4})?(-([a-z]{2}|[0-9]{3}))?(-([a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*",
    re.IGNORECASE,
)


def language_tag(tag: str) -> str:
    """The tag with each subtag in its usual case: fr-CA, zh-Hant-TW."""
    if not LANGUAGE_TAG.fullmatch(tag):
        raise ValueError(f"{tag} is not a BCP 47 language tag (e.g. fr-CA)")
    language, *subtags = tag.split("-")
    return "-".join([language.lower(), *(usual_case(subtag) for subtag in subtags)])


def usual_case(subtag: str) -> str:
    if len(subtag) == 4 and subtag.isalpha():
        return subtag.title()  # a script
    if len(subtag) == 2:
        return subtag.upper()  # a region
    return subtag.lower()


Phone = Annotated[
    str,
    StringConstraints(max_length=32),
    AfterValidator(e164_phone),
    Field(examples=["+14155550100"]),
]
LanguageTag = Annotated[
    str, StringConstraints(max_length=35), AfterValidator(language_tag), Field(examples=["fr-CA"])
]
