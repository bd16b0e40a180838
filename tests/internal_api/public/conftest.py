"""The internal API with a probe route guarded like a public form's, and captcha providers
faked at the HTTP transport."""

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import parse_qsl

import httpx
import pytest
from fastapi import APIRouter, Depends, FastAPI, Response

from internal_api.app import create_app
from internal_api.public.cors import PublicCors
from internal_api.public.limits import rate_limited
from internal_api.settings import InternalApiSettings
from shared.utilities.errors import InvalidInput

ALLOWED_ORIGIN = "https://allowed.example"
PROBE = "/v1/forms/public/{form_id}/probe"
# Limits off unless a test asks: the tests of one worker share one Redis and one address.
NO_LIMITS = {"public_rate_limit_per_ip": "", "public_rate_limit_per_key": ""}


def probe_router() -> APIRouter:
    """A public route allowing only ALLOWED_ORIGIN, counted per address and per form; its POST
    answers 422 when asked to (`{"fail": true}`), after admitting the origin."""
    router = APIRouter()

    @router.options(PROBE)
    async def probe_preflight(form_id: str, cors: PublicCors) -> Response:
        return cors.preflight([ALLOWED_ORIGIN], ["POST"])

    @router.post(PROBE, dependencies=[Depends(rate_limited("probe", key_from="form_id"))])
    async def probe(form_id: str, body: dict, cors: PublicCors) -> dict:
        cors.admit([ALLOWED_ORIGIN])
        if body.get("fail"):
            raise InvalidInput(details=[{"field": "fields.email", "message": "not an email"}])
        return {"form_id": form_id}

    return router


def probed_app(captcha_transport: httpx.AsyncBaseTransport | None = None, **overrides) -> FastAPI:
    app = create_app(
        InternalApiSettings(**{**NO_LIMITS, **overrides}), captcha_transport=captcha_transport
    )
    app.include_router(probe_router())
    return app


@pytest.fixture
def start_public_api(client_for, mongo) -> Callable:
    """`async with start_public_api(**settings) as client`: the probed internal API."""

    def start(captcha_transport: httpx.AsyncBaseTransport | None = None, **overrides):
        return client_for(probed_app(captcha_transport, **overrides))

    return start


@pytest.fixture
async def public_api(start_public_api):
    async with start_public_api() as client:
        yield client


@dataclass
class FakeProvider:
    """A captcha provider's siteverify: answers `answer` (or raises `failure`), and keeps the
    form each request sent."""

    answer: dict = field(default_factory=lambda: {"success": True, "error-codes": []})
    status: int = 200
    failure: Exception | None = None
    sent: list[tuple[str, dict[str, str]]] = field(default_factory=list)

    def handle(self, request: httpx.Request) -> httpx.Response:
        self.sent.append((str(request.url), dict(parse_qsl(request.content.decode()))))
        assert request.headers["content-type"] == "application/x-www-form-urlencoded"
        if self.failure:
            raise self.failure
        return httpx.Response(self.status, content=json.dumps(self.answer))

    @property
    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self.handle)


@pytest.fixture
def provider() -> FakeProvider:
    return FakeProvider()
