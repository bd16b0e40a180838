"""What every provider client offers, and how their answers become ours.

A client sends one message and hands back a receipt naming the provider's message id (and,
for a provider that reports later what became of it, when to ask: Expo's push receipts). A
provider refusing the message (4xx) raises `ProviderRejected`, which fails the delivery with the
provider's own words; one that is busy, failing (429, 5xx) or silent raises `ProviderUnavailable`,
which is retried. A push token the provider reports dead raises `TokenInvalid`, a refusal
after which the token's device is forgotten.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

import httpx

from shared.utilities.upstream import worth_retrying


@dataclass(frozen=True)
class ProviderReceipt:
    provider: str
    message_id: str
    # When the provider's own report on the message is to be asked for; None when it has none.
    receipt_due_at: datetime | None = None


@dataclass(frozen=True)
class Reference:
    """Our delivery, as the outbox stores it and SendGrid's webhooks carry it back."""

    account_id: str
    delivery_id: str


@dataclass(frozen=True)
class Attachment:
    filename: str
    content_type: str
    content: str  # base64


@dataclass(frozen=True)
class EmailMessage:
    reference: Reference
    to: str
    subject: str
    text: str
    html: str = ""
    from_name: str = ""
    headers: dict[str, str] = field(default_factory=dict)
    attachments: tuple[Attachment, ...] = ()


@dataclass(frozen=True)
class SmsMessage:
    reference: Reference
    to: str  # E.164
    text: str


@dataclass(frozen=True)
class PushMessage:
    reference: Reference
    to: str  # a device token
    title: str
    text: str
    data: dict[str, str] = field(default_factory=dict)


class ProviderError(Exception):
    def __init__(self, provider: str, message: str) -> None:
        self.provider = provider
        self.message = message
        super().__init__(f"{provider}: {message}")


class ProviderRejected(ProviderError):
    """The provider refused the message; sending it again would fail the same way."""


class TokenInvalid(ProviderRejected):
    """The provider says no device is behind this push token any more (the app was removed,
    the token expired or was never one): nothing should be sent to it again."""


class ProviderUnavailable(ProviderError):
    """The provider is busy, failing or silent; a later try may succeed."""


class EmailProvider(Protocol):
    name: str

    async def send(self, message: EmailMessage) -> ProviderReceipt: ...


class SmsProvider(Protocol):
    name: str

    async def send(self, message: SmsMessage) -> ProviderReceipt: ...


class PushProvider(Protocol):
    name: str

    async def send(self, message: PushMessage) -> ProviderReceipt: ...


@contextmanager
def unreachable_is_unavailable(provider: str) -> Iterator[None]:
    """Around a request: a timeout or a broken connection is worth another try."""
    try:
        yield
    except httpx.TimeoutException as error:
        raise ProviderUnavailable(provider, "did not answer in time") from error
    except httpx.TransportError as error:
        raise ProviderUnavailable(provider, f"could not be reached ({error})") from error


def check_answer(
    provider: str, response: httpx.Response, error_message: Callable[[dict], str]
) -> None:
    """Raises for an answer that is not a success; `error_message` reads the provider's JSON
    error body (it may find none)."""
    if response.is_success:
        return
    message = f"{response.status_code} {error_message(json_body(response))}".strip()
    if worth_retrying(response):
        raise ProviderUnavailable(provider, message)
    raise ProviderRejected(provider, message)


def json_body(response: httpx.Response) -> dict:
    try:
        body = response.json()
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}
