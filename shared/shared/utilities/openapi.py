"""What every service's OpenAPI says about errors, written once for all of them.

FastAPI documents its own `{"detail": ...}` shape for 422; every operation here answers the
uniform `ErrorResponse` instead, and an operation that reads a body may also answer 400 (not
UTF-8 JSON) and 413 (too large). `document_uniform_errors` rewrites the generated schema so it
says so, whatever each route remembered to declare.
"""

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from shared.utilities.errors import (
    DomainError,
    ErrorResponse,
    InvalidBody,
    InvalidInput,
    PayloadTooLarge,
)

ERROR_REF = {"$ref": "#/components/schemas/ErrorResponse"}
FASTAPI_ERROR_SCHEMAS = ("HTTPValidationError", "ValidationError")
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def error_answer(error: type[DomainError]) -> dict[str, Any]:
    return {
        "description": (error.__doc__ or error.message).strip(),
        "content": {"application/json": {"schema": ERROR_REF}},
    }


def uniform_operation(operation: dict[str, Any]) -> None:
    responses = operation.setdefault("responses", {})
    if "422" in responses or "parameters" in operation or "requestBody" in operation:
        responses["422"] = error_answer(InvalidInput)
    if "requestBody" in operation:
        responses.setdefault("400", error_answer(InvalidBody))
        responses.setdefault("413", error_answer(PayloadTooLarge))


def uniform_schema(schema: dict[str, Any]) -> dict[str, Any]:
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    for name in FASTAPI_ERROR_SCHEMAS:
        components.pop(name, None)
    error_schema = ErrorResponse.model_json_schema(ref_template="#/components/schemas/{model}")
    components.update(error_schema.pop("$defs", {}))
    components["ErrorResponse"] = error_schema
    for path in schema.get("paths", {}).values():
        for method in METHODS:
            if method in path:
                uniform_operation(path[method])
    return schema


def document_uniform_errors(app: FastAPI) -> None:
    """Replace the app's OpenAPI generator with one that documents the uniform errors."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = uniform_schema(
                get_openapi(
                    title=app.title,
                    version=app.version,
                    description=app.description,
                    routes=app.routes,
                )
            )
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]  # FastAPI's documented override
