"""Converting a page of documents into what the API answers, until every read schema is a
`shared.utilities.schemas.ReadModel` that its route's response model reads directly."""

from collections.abc import Callable
from typing import Any

from shared.utilities.pagination import Page


def mapped(page: Page, convert: Callable[[Any], Any]) -> Page:
    """The same page with each item converted (a document into what the API answers)."""
    return Page(data=[convert(item) for item in page.data], pagination=page.pagination)
