"""The app factory: request ids, uniform errors, health and readiness."""

import logging
import re

import pytest
from fastapi import APIRouter
from pydantic import BaseModel, EmailStr

from shared.utilities.app import create_app
from shared.utilities.direct_routes import DirectRoute
from shared.utilities.errors import Conflict, NotFound, error_responses
from shared.utilities.logging import ContextFilter
from shared.utilities.settings import ServiceSettings
from tests.own_redis import RecordingHandler


class Signup(BaseModel):
    email: EmailStr
    seats: int


def demo_router() -> APIRouter:
    router = APIRouter()

    @router.get("/things/{thing_id}")
    async def read_thing(thing_id: str) -> dict:
        raise NotFound(f"Thing {thing_id} does not exist.")

    @router.post("/signups")
    async def sign_up(body: Signup) -> dict:
        raise Conflict("Already signed up.", details=[{"field": "email"}])

    @router.get("/boom")
    async def boom() -> dict:
        raise RuntimeError("secret internals")

    return router


def make_app(body_limits=None, direct=(), **overrides):
    settings = ServiceSettings(**overrides)
    return create_app(
        settings,
        title="demo",
        routers=[demo_router()],
        uses_mongo=True,
        uses_redis=True,
        body_limits=body_limits,
        direct=direct,
    )


async def answer_direct(scope, receive, send) -> None:
    """A plain ASGI app, as a proxy's hot path is."""
    await send({"type": "http.response.start", "status": 299, "headers": []})
    await send({"type": "http.response.body", "body": b"direct"})


async def fail_direct(scope, receive, send) -> None:
    raise RuntimeError("secret internals")


@pytest.fixture
async def client(client_for):
    async with client_for(make_app()) as client:
        yield client


async def test_health_answers_ok_with_the_service_name(client):
    response = await client.get("/health")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "service": "service"}


async def test_ready_reports_mongodb_and_redis_up(client):
    response = await client.get("/ready")

    assert response.status_code == 200
    assert response.json()["checks"] == {"mongodb": "up", "redis": "up"}


async def test_ready_answers_503_naming_redis_when_it_is_down(client_for):
    app = make_app(redis_url="redis://127.0.0.1:1/0")
    async with client_for(app) as client:
        response = await client.get("/ready")

    assert response.status_code == 503
    body = response.json()
    assert body["error"]["code"] == "not_ready"
    assert body["error"]["message"] == "redis is down."
    assert {"component": "redis", "status": "down"} in body["error"]["details"]


async def test_a_request_id_is_generated_and_returned(client):
    response = await client.get("/health")

    assert len(response.headers["x-request-id"]) == 32


async def test_an_incoming_request_id_is_kept(client):
    response = await client.get("/health", headers={"x-request-id": "abc-123"})

    assert response.headers["x-request-id"] == "abc-123"


async def test_an_unknown_path_answers_404_in_the_uniform_shape(client):
    response = await client.get("/nowhere", headers={"x-request-id": "req-1"})

    assert response.status_code == 404
    assert response.json() == {
        "error": {"code": "not_found", "message": "No route matches this path.", "details": []},
        "request_id": "req-1",
    }


async def test_a_wrong_method_answers_405_in_the_uniform_shape(client):
    response = await client.delete("/health")

    assert response.status_code == 405
    assert response.json()["error"]["code"] == "method_not_allowed"


async def test_a_validation_error_names_each_bad_field(client):
    response = await client.post("/signups", json={"email": "not-an-email", "seats": "many"})

    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "validation_error"
    fields = [detail["field"] for detail in error["details"]]
    assert fields == ["body.email", "body.seats"]
    assert "body.email" in error["message"]


async def test_a_domain_error_keeps_its_status_message_and_details(client):
    response = await client.post("/signups", json={"email": "a@example.com", "seats": 1})

    assert response.status_code == 409
    assert response.json()["error"] == {
        "code": "conflict",
        "message": "Already signed up.",
        "details": [{"field": "body.email"}],
    }


async def test_not_found_raised_by_a_route_answers_404(client):
    response = await client.get("/things/42")

    assert response.status_code == 404
    assert response.json()["error"]["message"] == "Thing 42 does not exist."


async def test_an_unexpected_error_answers_500_without_a_stack_trace(client):
    response = await client.get("/boom")

    assert response.status_code == 500
    assert response.json()["error"]["code"] == "internal_error"
    assert "secret internals" not in response.text
    assert "Traceback" not in response.text


async def test_a_500_carries_its_request_id_in_the_header_the_body_and_the_log(client):
    handler = RecordingHandler()
    handler.addFilter(ContextFilter())
    logging.getLogger("shared.requests").addHandler(handler)
    try:
        response = await client.get("/boom", headers={"x-request-id": "boom-1"})
    finally:
        logging.getLogger("shared.requests").removeHandler(handler)

    assert response.headers["x-request-id"] == "boom-1"
    assert response.json()["request_id"] == "boom-1"
    logged = [record for record in handler.records if record.levelno == logging.ERROR]
    assert {record.request_id for record in logged} == {"boom-1"}


async def test_a_body_larger_than_the_limit_answers_413_in_the_uniform_shape(client_for):
    async with client_for(make_app(max_body_bytes=100)) as client:
        response = await client.post("/signups", json={"email": "a" * 200 + "@x.io", "seats": 1})

    assert response.status_code == 413
    assert response.json()["error"]["code"] == "payload_too_large"


async def test_a_path_given_a_larger_limit_takes_a_larger_body(client_for):
    app = make_app(max_body_bytes=100, body_limits={"/signups": 10_000})
    async with client_for(app) as client:
        response = await client.post("/signups", json={"email": "a" * 200 + "@x.io", "seats": 1})

    assert response.status_code == 409  # read and handled, not refused for its size


async def test_a_chunked_body_without_a_length_is_bounded_too(client_for):
    async def chunks():
        for _ in range(10):
            yield b" " * 50

    async with client_for(make_app(max_body_bytes=100)) as client:
        response = await client.post(
            "/signups", content=chunks(), headers={"content-type": "application/json"}
        )

    assert "content-length" not in response.request.headers
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "payload_too_large"


@pytest.mark.parametrize(
    "body",
    ['{"email": "jos\xe9@example.com"}'.encode("latin-1"), b"[" * 100_000 + b"]" * 100_000],
    ids=["not-utf-8", "nested-too-deep"],
)
async def test_a_body_that_cannot_be_read_answers_400_invalid_body(client_for, body):
    async with client_for(make_app(max_body_bytes=1_000_000)) as client:
        response = await client.post(
            "/signups", content=body, headers={"content-type": "application/json"}
        )

    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid_body"


async def test_a_control_character_in_the_query_string_answers_422(client):
    response = await client.get("/things/1", params={"q": "a\x00b"})

    assert response.status_code == 422
    assert response.json()["error"]["details"] == [
        {"field": "query", "message": "must not contain control characters"}
    ]


async def test_a_printable_query_string_passes(client):
    response = await client.get("/things/1", params={"q": "café & co"})

    assert response.status_code == 404


async def test_openapi_documents_the_uniform_shape_for_every_error(client):
    schema = (await client.get("/openapi.json")).json()

    sign_up = schema["paths"]["/signups"]["post"]["responses"]
    error_ref = {"$ref": "#/components/schemas/ErrorResponse"}
    for status in ("400", "413", "422"):
        assert sign_up[status]["content"]["application/json"]["schema"] == error_ref
    assert "HTTPValidationError" not in schema["components"]["schemas"]
    assert "ErrorResponse" in schema["components"]["schemas"]


async def test_openapi_is_served_at_docs(client):
    docs = await client.get("/docs")
    schema = await client.get("/openapi.json")

    assert docs.status_code == 200
    assert "/things/{thing_id}" in schema.json()["paths"]


@pytest.mark.parametrize("page", ["/docs", "/redoc"])
async def test_the_docs_pages_load_their_assets_from_the_service_not_a_cdn(client, page):
    html = (await client.get(page)).text
    assets = re.findall(r'(?:src|href)="([^"]+\.(?:js|css))"', html)

    assert assets
    assert all(asset.startswith("/") for asset in assets), assets
    for asset in assets:
        assert (await client.get(asset)).status_code == 200


async def test_the_app_answers_over_a_real_socket(serve):
    async with serve(make_app()) as base_url:
        import httpx

        async with httpx.AsyncClient() as client:
            response = await client.get(f"{base_url}/health")

    assert response.status_code == 200


async def test_a_direct_route_answers_its_prefix_ahead_of_fastapi_with_a_request_id(client_for):
    app = make_app(direct=[DirectRoute("/things/", answer_direct)])
    async with client_for(app) as client:
        response = await client.get("/things/7", headers={"x-request-id": "direct-1"})

    assert (response.status_code, response.text) == (299, "direct")
    assert response.headers["x-request-id"] == "direct-1"


async def test_a_path_excepted_from_a_direct_route_is_answered_by_fastapi(client_for):
    route = DirectRoute("/things/", answer_direct, except_paths=frozenset({"/things/7"}))
    async with client_for(make_app(direct=[route])) as client:
        response = await client.get("/things/7")

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


async def test_a_direct_route_that_fails_answers_the_uniform_500(client_for):
    async with client_for(make_app(direct=[DirectRoute("/things/", fail_direct)])) as client:
        response = await client.get("/things/7", headers={"x-request-id": "boom-2"})

    assert response.status_code == 500
    assert response.json()["error"]["code"] == "internal_error"
    assert response.json()["request_id"] == "boom-2"
    assert "secret internals" not in response.text


async def test_each_request_is_logged_once_with_its_status_and_duration(client_for):
    handler = RecordingHandler()
    logging.getLogger("shared.requests").addHandler(handler)
    try:
        async with client_for(make_app(log_level="INFO")) as client:
            await client.get("/health")
    finally:
        logging.getLogger("shared.requests").removeHandler(handler)

    (record,) = [record for record in handler.records if hasattr(record, "status")]
    assert record.getMessage() == "GET /health 200"
    assert record.status == 200
    assert record.duration_ms >= 0


def test_errors_sharing_a_status_are_all_documented_with_their_codes():
    class EmailTaken(Conflict):
        """Another contact has this email."""

        code = "email_taken"

    documented = error_responses(NotFound, Conflict, EmailTaken)

    assert set(documented) == {404, 409}
    assert "`email_taken`: Another contact has this email." in documented[409]["description"]
    assert "`conflict`:" in documented[409]["description"]
