"""The internal API's payment provider (`shared.domain.payments`), made in the app's lifespan
with its own pooled HTTP client: Stripe with a key, the test provider in embedded mode without
one; distributed mode without a key stops the app at start (`PaymentsNotConfigured`)."""

from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Annotated

import httpx
from fastapi import Depends, FastAPI, Request

from shared.domain.payments.provider import PaymentProvider
from shared.domain.payments.settings import PaymentSettings, payment_provider
from shared.utilities.upstream import http_client


def payments(
    settings: PaymentSettings, transport: httpx.AsyncBaseTransport | None = None
) -> Callable[[FastAPI], AbstractAsyncContextManager[None]]:
    """`transport` stands in for the network to Stripe in tests."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        timeout = settings.payments_timeout_seconds
        async with http_client(timeout, timeout, transport) as client:
            app.state.payments = payment_provider(settings, client)
            yield

    return lifespan


def get_payments(request: Request) -> PaymentProvider:
    return request.app.state.payments


Payments = Annotated[PaymentProvider, Depends(get_payments)]
