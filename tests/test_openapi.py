"""Every HTTP service's OpenAPI tells the truth about errors: the uniform shape for 422 (never
FastAPI's `{"detail": ...}`), and 400/413 wherever a body is read."""

import pytest
from fastapi import FastAPI

from scripts.services import SERVICES

ERROR_REF = {"$ref": "#/components/schemas/ErrorResponse"}
METHODS = ("get", "put", "post", "delete", "patch")


def fastapi_apps() -> list[tuple[str, FastAPI]]:
    apps = []
    for service in SERVICES:
        app = service.create_app(service.settings_class()())
        if isinstance(app, FastAPI):
            apps.append((service.module, app))
    return apps


APPS = fastapi_apps()


def operations(app: FastAPI):
    for path, item in app.openapi()["paths"].items():
        for method in METHODS:
            if method in item:
                yield f"{method.upper()} {path}", item[method]


def error_schema(response: dict) -> dict:
    return response.get("content", {}).get("application/json", {}).get("schema", {})


def test_every_http_service_is_checked():
    assert {"internal_api", "external_api", "router", "notifications"} <= {m for m, _ in APPS}


@pytest.mark.parametrize(("module", "app"), APPS, ids=[module for module, _ in APPS])
def test_every_422_is_documented_in_the_uniform_shape(module, app):
    wrong = [
        name
        for name, operation in operations(app)
        if "422" in operation["responses"]
        and error_schema(operation["responses"]["422"]) != ERROR_REF
    ]

    assert wrong == []
    assert "HTTPValidationError" not in app.openapi()["components"]["schemas"]


@pytest.mark.parametrize(("module", "app"), APPS, ids=[module for module, _ in APPS])
def test_every_operation_reading_a_body_documents_400_and_413(module, app):
    missing = [
        name
        for name, operation in operations(app)
        if "requestBody" in operation and not {"400", "413", "422"} <= set(operation["responses"])
    ]

    assert missing == []


# Creates that answer 200 with what already existed (a retry, a conversation opened twice, a
# device token registered again).
IDEMPOTENT_CREATES = {
    "POST /v1/conversation-v2/direct",
    "POST /v1/conversation-v2/prospect-conversations",
    "POST /v1/conversation-v2/conversations/{conversation_id}/messages",
    "POST /v1/mobile-app/devices",
}


def test_idempotent_creates_document_their_200_beside_201():
    internal_api = dict(APPS)["internal_api"]
    documented = {
        name
        for name, operation in operations(internal_api)
        if {"200", "201"} <= set(operation["responses"])
    }

    assert documented >= IDEMPOTENT_CREATES
