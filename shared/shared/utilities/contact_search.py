"""Search terms and the sort key of a contact, written with every change to it.

`search_terms` holds every prefix of every word of the name, emails and company, and every
run of consecutive digits of each phone number: a search for "ada lov" asks for contacts whose
terms hold both "ada" and "lov" (`$all`), served by the `(account_id, search_terms)` index.
Words are lower-cased, stripped of accents and split at anything not a letter or a digit,
except that digits separated only by spaces, dashes, dots or brackets stay together, so a
number is one word however it is typed. A phone is found by any part of it, as people type
it: "+14155550107", "(415) 555-0107" and "555-0107" all find +1 415-555-0107 (and "020 7946"
finds +44 20 7946 0018, typed the national way).

`sort_name` is the display name as words in that form, so people and businesses sort together
and "élodie" sorts beside "Elodie".
"""

import re
import unicodedata
from collections.abc import Iterable

import phonenumbers

from shared.models.contact import Contact

# Prefixes longer than this are not stored; a longer searched word is cut to it.
MAX_PREFIX = 20

DIGIT_SEPARATORS = re.compile(r"(?<=\d)[\s\-.()]+(?=\d)")
WORD = re.compile(r"[^\W_]+")


def words(text: str) -> list[str]:
    joined = DIGIT_SEPARATORS.sub("", text)
    plain = unicodedata.normalize("NFKD", joined).encode("ascii", "ignore").decode().lower()
    return WORD.findall(plain)


def prefixes(texts: Iterable[str | None]) -> set[str]:
    return {
        word[:length]
        for text in texts
        if text
        for word in words(text)
        for length in range(1, min(len(word), MAX_PREFIX) + 1)
    }


def digit_runs(phone: str) -> set[str]:
    """Every run of consecutive digits of an E.164 number (at most 15 digits: 120 runs)."""
    digits = phone.lstrip("+")
    return {
        digits[start:end]
        for start in range(len(digits))
        for end in range(start + 1, len(digits) + 1)
    }


def search_terms(contact: Contact) -> list[str]:
    texts = (contact.first_name, contact.last_name, contact.name, contact.company_name)
    terms = prefixes([*texts, *contact.emails, *map(national_format, contact.phones)])
    for phone in contact.phones:
        terms |= digit_runs(phone)
    return sorted(terms)


def national_format(phone: str) -> str:
    """How a user of the number's country writes it: "+442079460018" as "020 7946 0018"."""
    number = phonenumbers.parse(phone)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)


def sort_name(contact: Contact) -> str:
    return " ".join(words(contact.display_name))


def query_terms(q: str) -> list[str]:
    return sorted({word[:MAX_PREFIX] for word in words(q)})
