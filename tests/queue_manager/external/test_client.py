"""The queue manager's calls of the external API: what is retried, what is final, what is
expected, against a server on a real port answering as the external API does."""

import pytest
from fastapi import FastAPI
from fastapi.responses import JSONResponse

from queue_manager.celery import settings
from queue_manager.external.client import ExternalApiBusy, call
from shared.utilities.errors import error_payload
from shared.utilities.worker import PermanentError
from tests.fixtures import running

ANSWERS = {
    "not-configured": (503, "duda_not_configured"),
    "busy": (503, "service_unavailable"),
    "refused": (422, "validation_error"),
    "gone": (404, "not_found"),
}


def answering_app() -> FastAPI:
    app = FastAPI()

    @app.put("/{case}")
    async def answer(case: str) -> JSONResponse:
        status, code = ANSWERS[case]
        return JSONResponse(error_payload(code, f"{case}!"), status_code=status)

    return app


@pytest.fixture(scope="module")
async def served():
    async with running(answering_app()) as url:
        yield url


@pytest.fixture
def external_api(served, monkeypatch):
    monkeypatch.setattr(settings, "external_api_url", served)


async def test_a_provider_the_platform_has_no_credentials_for_is_final(external_api):
    with pytest.raises(PermanentError, match="not-configured!"):
        await call("PUT", "/not-configured")


async def test_an_unavailable_external_api_is_retried(external_api):
    with pytest.raises(ExternalApiBusy):
        await call("PUT", "/busy")


async def test_a_refusal_is_final(external_api):
    with pytest.raises(PermanentError):
        await call("PUT", "/refused")


async def test_an_expected_status_answers_none(external_api):
    assert await call("PUT", "/gone", expected=frozenset({404})) is None
