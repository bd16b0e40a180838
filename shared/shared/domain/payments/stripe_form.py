"""Stripe's request bodies: `application/x-www-form-urlencoded` with nested keys in brackets
(`metadata[invoice_id]=...`, `line_items[0][price_data][currency]=usd`), as its API reference
writes them. Booleans are `true`/`false`; None leaves the key out."""

from collections.abc import Mapping, Sequence
from typing import Any


def stripe_form(params: Mapping[str, Any]) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    for key, value in params.items():
        pairs += _flattened(key, value)
    return pairs


def _flattened(key: str, value: Any) -> list[tuple[str, str]]:
    if value is None:
        return []
    if isinstance(value, Mapping):
        return [pair for name, item in value.items() for pair in _flattened(f"{key}[{name}]", item)]
    if isinstance(value, Sequence) and not isinstance(value, str):
        return [
            pair for index, item in enumerate(value) for pair in _flattened(f"{key}[{index}]", item)
        ]
    if isinstance(value, bool):
        return [(key, "true" if value else "false")]
    return [(key, str(value))]
