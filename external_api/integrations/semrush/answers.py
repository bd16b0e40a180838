"""Semrush's answers: not JSON but lines of semicolon-separated values, the first line naming
the columns (`Keyword;Position;Search Volume`), or one error line (`ERROR 50 :: NOTHING FOUND`)
whatever the HTTP status."""

import csv
import io
import re

from external_api.integrations.framework.errors import ProviderFailed, ReconnectNeeded
from shared.utilities.errors import InvalidInput, RateLimited

ERROR_LINE = re.compile(r"^ERROR (\d+) :: (.*)$")
NOTHING_FOUND = 50
# The key is wrong, blocked or out of units: the account must fix its connection.
KEY_ERRORS = {120, 121, 122, 130, 131, 132, 133, 134}
TOO_MANY = {135}  # API units limit per second exceeded


def error_of(text: str) -> tuple[int, str] | None:
    found = ERROR_LINE.match(text.strip().splitlines()[0] if text.strip() else "")
    return (int(found.group(1)), found.group(2).strip()) if found else None


def parsed(text: str) -> list[dict[str, str]]:
    """The rows by column name; `NOTHING FOUND` is no rows, any other error line raises."""
    error = error_of(text)
    if error:
        code, message = error
        if code == NOTHING_FOUND:
            return []
        if code in KEY_ERRORS:
            raise ReconnectNeeded(f"Semrush refused the API key: {message}.")
        if code in TOO_MANY:
            raise RateLimited(f"Semrush: {message}.")
        if code < 100:
            raise InvalidInput(f"Semrush could not answer the query: {message}.")
        raise ProviderFailed(f"Semrush failed: {message}.")
    reader = csv.DictReader(io.StringIO(text.strip()), delimiter=";")
    return [{key.strip(): (value or "").strip() for key, value in row.items()} for row in reader]


def number(value: str) -> float:
    """Semrush's numbers; an empty cell or `n/a` is 0."""
    try:
        return float(value)
    except ValueError:
        return 0.0
