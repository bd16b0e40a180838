"""The worker's payment provider (`shared.domain.payments`): one per event loop, with its
pooled HTTP client, made on first use and closed with the loop's worker. Stripe with a key;
the test provider in embedded mode without one (distributed mode without one refuses the
first task that needs it, naming the missing key)."""

from dataclasses import dataclass

import httpx

from queue_manager.celery import settings
from shared.domain.payments.provider import PaymentProvider
from shared.domain.payments.settings import payment_provider
from shared.utilities.upstream import http_client
from shared.utilities.worker.resources import PerLoop


@dataclass
class Payments:
    http: httpx.AsyncClient
    provider: PaymentProvider


def make_payments() -> Payments:
    timeout = settings.payments_timeout_seconds
    http = http_client(timeout, timeout)
    return Payments(http, payment_provider(settings, http))


async def close_payments(payments: Payments) -> None:
    await payments.http.aclose()


per_loop = PerLoop(make_payments, close=close_payments)


def provider() -> PaymentProvider:
    return per_loop.get().provider
