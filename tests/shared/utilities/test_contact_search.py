"""A contact's search terms and sort key: what a search and a sort by name match."""

import pytest

from shared.models.contact import Contact, ContactType
from shared.utilities.contact_search import query_terms, search_terms, sort_name

ACCOUNT = "665f1c2b9d1e4a0012345678"


@pytest.fixture
def ada(mongo) -> Contact:
    return Contact(
        account_id=ACCOUNT,
        first_name="Ada",
        last_name="Lovelace",
        emails=["ada@example.com"],
        phones=["+14155550107", "+442079460018"],
    )


def found_by(q: str, contact: Contact) -> bool:
    terms = query_terms(q)
    return bool(terms) and set(terms) <= set(search_terms(contact))


@pytest.mark.parametrize(
    "q", ["555-0107", "(415) 555-0107", "+14155550107", "415.555.0107", "0107"]
)
def test_a_phone_is_found_however_it_is_typed(ada, q):
    assert found_by(q, ada)


def test_a_phone_is_found_in_its_national_format(ada):
    assert found_by("020 7946 0018", ada)


def test_words_are_found_by_their_beginnings(ada):
    assert found_by("ada lov", ada)
    assert not found_by("ove", ada)


def test_a_query_without_letters_or_digits_has_no_terms():
    assert query_terms("!!! ...") == []


def test_the_sort_key_is_the_display_name_lower_cased_without_accents(ada):
    business = Contact(account_id=ACCOUNT, type=ContactType.BUSINESS, name="Édition Ltd")

    assert (sort_name(ada), sort_name(business)) == ("ada lovelace", "edition ltd")
