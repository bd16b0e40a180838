"""Listings accuracy: the business as the account's connected listing sources hold it (Google
Business Profile, Yext), compared field by field with the business the report was asked for.

| part | check, for each connected source | points |
|---|---|---|
| listings | the name matches (case, punctuation, apostrophes and a leading "the" aside) | 25 |
| listings | the address matches (the same words, street-type abbreviations aside) | 25 |
| listings | the phone matches (its last ten digits) | 20 |
| listings | the website matches (its host, `www.` aside) | 15 |
| listings | opening hours are published, and the same on every connected source | 15 |

A field the business was given without is not scored. A source connected with no location
matching the business misses each of its checks. With neither source connected the part is not
checked at all (it says so), rather than scored as zero.
"""

import re
from urllib.parse import urlsplit

from pydantic import BaseModel

from shared.domain.instareports.rubric import check, part, unchecked
from shared.models.instareport import AuditArea, AuditPart, Business, Finding

SOURCES = {"google-business": "Google Business Profile", "yext": "Yext"}
NOT_CONNECTED = "Neither Google Business Profile nor Yext is connected: listings not read."
NO_LOCATION = "no location of the account matches the business"
ABBREVIATIONS = {
    "street": "st",
    "avenue": "ave",
    "road": "rd",
    "boulevard": "blvd",
    "drive": "dr",
    "lane": "ln",
    "suite": "ste",
    "north": "n",
    "south": "s",
    "east": "e",
    "west": "w",
}


class BusinessListing(BaseModel):
    """A location as a listing source holds it, in one shape whichever source."""

    source: str  # a key of SOURCES
    name: str = ""
    address: str = ""  # its lines, locality, region and postal code, comma-separated
    phone: str = ""
    website: str = ""
    hours: list[str] = []  # "MON 09:00-17:00", one per open interval, in the week's order


def address_text(lines: list[str], locality: str, region: str, postal_code: str) -> str:
    return ", ".join(piece for piece in (*lines, locality, region, postal_code) if piece)


def hour_text(day: str, opens: str, closes: str) -> str:
    return f"{day} {opens}-{closes}"


def words(text: str) -> list[str]:
    found = re.findall(r"[a-z0-9]+", re.sub(r"['\u2019]", "", text.casefold()))
    return [ABBREVIATIONS.get(word, word) for word in found]


def same_name(given: str, listed: str) -> bool:
    def bare(name: str) -> list[str]:
        found = words(name)
        return found[1:] if found[:1] == ["the"] else found

    return bool(bare(given)) and bare(given) == bare(listed)


def same_address(given: str, listed: str) -> bool:
    """Every word of the shorter is in the longer (a listing adds the country, say)."""
    ours, theirs = set(words(given)), set(words(listed))
    return bool(ours and theirs) and (ours <= theirs or theirs <= ours)


def digits(phone: str) -> str:
    return re.sub(r"\D", "", phone)[-10:]


def same_phone(given: str, listed: str) -> bool:
    return bool(digits(given)) and digits(given) == digits(listed)


def host(website: str) -> str:
    place = urlsplit(website if "://" in website else f"https://{website}").hostname or ""
    return place.casefold().removeprefix("www.")


def same_website(given: str, listed: str) -> bool:
    return bool(host(given)) and host(given) == host(listed)


# The business's field, the check's name, its points and how it is compared.
FIELDS = (
    ("name", "name matches", 25, same_name),
    ("address", "address matches", 25, same_address),
    ("phone", "phone matches", 20, same_phone),
    ("website", "website matches", 15, same_website),
)
HOURS_POINTS = 15


def likeness(business: Business, listing: BusinessListing) -> int:
    """How many of the business's fields the listing matches."""
    return sum(
        1
        for field, _, _, same in FIELDS
        if (given := getattr(business, field)) and same(given, getattr(listing, field))
    )


def best_match(business: Business, listings: list[BusinessListing]) -> BusinessListing | None:
    """The listing matching most of the business's fields; None when none matches any."""
    ranked = sorted(listings, key=lambda listing: likeness(business, listing), reverse=True)
    return ranked[0] if ranked and likeness(business, ranked[0]) else None


def source_checks(
    business: Business, title: str, listing: BusinessListing | None, hours_agree: bool
) -> list[Finding]:
    findings = []
    for field, name, points, same in FIELDS:
        given = getattr(business, field)
        if not given:
            continue
        listed = getattr(listing, field) if listing else ""
        detail = listed or ("not listed" if listing else NO_LOCATION)
        matches = bool(listed) and same(given, listed)
        findings.append(check(f"{title}: {name}", matches, points, detail))
    hours = listing.hours if listing else []
    detail = "; ".join(hours) if hours else ("not listed" if listing else NO_LOCATION)
    if hours and not hours_agree:
        detail = f"{detail} (the sources disagree)"
    published = bool(hours) and hours_agree
    findings.append(check(f"{title}: opening hours published", published, HOURS_POINTS, detail))
    return findings


def listings_part(business: Business, found: dict[str, BusinessListing | None]) -> AuditPart:
    """`found`: each connected source's location matching the business (None: none does)."""
    if not found:
        return unchecked(AuditArea.LISTINGS, NOT_CONNECTED)
    published = {tuple(listing.hours) for listing in found.values() if listing and listing.hours}
    findings = [
        finding
        for source, listing in found.items()
        for finding in source_checks(business, SOURCES[source], listing, len(published) <= 1)
    ]
    read = ", ".join(SOURCES[source] for source in found)
    return part(AuditArea.LISTINGS, findings, f"Read from {read}.")
