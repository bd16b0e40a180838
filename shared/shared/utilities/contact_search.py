"""Search terms: every prefix of every word of a contact's name, emails, phones and company.

A contact stores them in `search_terms` on each write, whoever writes it (the contacts service,
or the queue manager turning a provider's lead into a contact); a search for "ada lov" asks for
contacts whose terms hold both "ada" and "lov" (`$all`), served by the
`(account_id, search_terms)` index. Words are lower-cased and stripped of accents and split at
anything not a letter or a digit, except that digits separated only by spaces, dashes, dots or
brackets stay together, so "+1 (415) 555-0100" and "4155550100" are one word each.
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


def search_terms(contact: Contact) -> list[str]:
    texts: Iterable[str | None] = (
        contact.first_name,
        contact.last_name,
        contact.name,
        contact.company_name,
        *contact.emails,
        *contact.phones,
        *(national_spellings(phone) for phone in contact.phones),
    )
    terms = {
        word[:length]
        for text in texts
        if text
        for word in words(text)
        for length in range(1, min(len(word), MAX_PREFIX) + 1)
    }
    return sorted(terms)


def national_spellings(phone: str) -> str:
    """How a user of the number's country may type it: "+33612345678" is also found by
    "06 12…" (the national format) and "612…" (the national number alone)."""
    number = phonenumbers.parse(phone)
    national = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return f"{national} {number.national_number}"


def query_terms(q: str) -> list[str]:
    return sorted({word[:MAX_PREFIX] for word in words(q)})
