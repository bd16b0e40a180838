"""Domain errors and the one place they become HTTP answers.

Services raise these; `install_error_handlers` turns each into the uniform shape
`{"error": {"code", "message", "details"}, "request_id"}` with the right status.
"""

import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from shared.utilities import context

logger = logging.getLogger(__name__)


class DomainError(Exception):
    """Base of every error a service raises on purpose.

    A subclass names a case a client must tell apart, with a stable `code`:

        class EmailTaken(Conflict):
            code, message = "email_taken", "Another contact has this email."

    `details` name the fields at fault by their plain path in the input (`phones.1`); the HTTP
    layer says where that input was (`location`, the body unless told otherwise), so the
    answer reads `body.phones.1`.
    """

    status_code: int = 500
    code: str = "internal_error"
    message: str = "Something went wrong on our side."

    def __init__(
        self,
        message: str | None = None,
        *,
        details: list[dict[str, Any]] | None = None,
        headers: dict[str, str] | None = None,
        location: str = "body",
    ) -> None:
        self.message = message or self.message
        self.details = details or []
        self.headers = headers or {}
        self.location = location
        super().__init__(self.message)


class BadRequest(DomainError):
    """The request is well formed but cannot be done as asked."""

    status_code, code, message = 400, "bad_request", "The request cannot be done as asked."


class InvalidBody(DomainError):
    """The body is not what its content type says: not JSON, not UTF-8, or nested too deep."""

    status_code, code, message = (
        400,
        "invalid_body",
        "The request body could not be read: send UTF-8 JSON nested at most a few levels deep.",
    )


class InvalidInput(DomainError):
    """A field failed validation; `details` names each bad field."""

    status_code, code, message = 422, "validation_error", "Some fields are invalid."


class Unauthorized(DomainError):
    """No valid credentials: missing, expired, revoked or forged."""

    status_code, code, message = 401, "unauthorized", "Authentication is required."


class PaymentRequired(DomainError):
    """A quota or plan limit is exhausted until the account pays or the period resets."""

    status_code, code, message = 402, "payment_required", "The account's quota is used up."


class Forbidden(DomainError):
    """Authenticated, but the role or scopes do not allow this."""

    status_code, code, message = 403, "forbidden", "You are not allowed to do this."


class EmailNotVerified(Forbidden):
    """The account's owner (a sub-account's: its agency's) has not confirmed their email address
    yet: sending email and SMS, connecting integrations and creating sub-accounts wait for it."""

    code, message = (
        "email_not_verified",
        "The account owner must confirm their email address first.",
    )


class NotFound(DomainError):
    """Missing, or owned by another tenant: both answer the same."""

    status_code, code, message = 404, "not_found", "The resource does not exist."


class Conflict(DomainError):
    """The request clashes with the current state (a duplicate, a stale version)."""

    status_code, code, message = 409, "conflict", "The request conflicts with the current state."


class Gone(DomainError):
    """It existed, but is no longer available (a one-time download taken, an expired file)."""

    status_code, code, message = 410, "gone", "The resource is no longer available."


class PayloadTooLarge(DomainError):
    """The request body is larger than the service accepts."""

    status_code, code, message = 413, "payload_too_large", "The request body is too large."


class RateLimited(DomainError):
    """Too many requests; `Retry-After` says when to come back."""

    status_code, code, message = 429, "rate_limited", "Too many requests."


class UpstreamError(DomainError):
    """A service or provider behind us failed."""

    status_code, code, message = 502, "bad_gateway", "An upstream service failed."


class ServiceUnavailable(DomainError):
    """A dependency is down or not configured."""

    status_code, code, message = 503, "service_unavailable", "The service is not available."


class UpstreamTimeout(DomainError):
    """A service or provider behind us did not answer in time."""

    status_code, code, message = 504, "gateway_timeout", "An upstream service timed out."


# What every route behind a user token may answer before it does anything.
SIGNED_IN = (Unauthorized, Forbidden)


class ErrorBody(BaseModel):
    code: str
    message: str
    details: list[dict[str, Any]] = []


class ErrorResponse(BaseModel):
    """The shape of every error answer, for OpenAPI `responses=`."""

    error: ErrorBody
    request_id: str


def error_responses(*errors: type[DomainError]) -> dict[int | str, dict[str, Any]]:
    """`responses=` for a route: documents each domain error it may raise, every code under
    its status (several errors may share one: `email_taken` and `stage_not_empty` are 409s)."""
    by_status: dict[int, list[type[DomainError]]] = {}
    for error in dict.fromkeys(errors):
        by_status.setdefault(error.status_code, []).append(error)
    return {
        status: {"model": ErrorResponse, "description": described(same_status)}
        for status, same_status in by_status.items()
    }


def described(errors: list[type[DomainError]]) -> str:
    def one(error: type[DomainError]) -> str:
        return " ".join((error.__doc__ or error.message).split())

    if len(errors) == 1:
        return one(errors[0])
    return "\n".join(f"- `{error.code}`: {one(error)}" for error in errors)


def error_payload(code: str, message: str, details: list[dict[str, Any]] | None = None) -> dict:
    return {
        "error": {"code": code, "message": message, "details": details or []},
        "request_id": context.request_id.get(),
    }


def error_response(
    status: int, code: str, message: str, details=None, headers=None
) -> JSONResponse:
    return JSONResponse(error_payload(code, message, details), status_code=status, headers=headers)


LOCATIONS = ("body", "query", "path", "header")


def located(details: list[dict[str, Any]], location: str) -> list[dict[str, Any]]:
    """Details whose `field` is a plain path in the input, prefixed with where the input was
    (a field already located, say by a validation error passed on, is left as it is)."""
    return [
        {**detail, "field": f"{location}.{detail['field']}"}
        if location and is_plain_path(detail.get("field"))
        else detail
        for detail in details
    ]


def is_plain_path(field: Any) -> bool:
    return isinstance(field, str) and bool(field) and field.split(".")[0] not in LOCATIONS


async def domain_error_handler(_: Request, error: DomainError) -> JSONResponse:
    details = located(error.details, error.location)
    return error_response(error.status_code, error.code, error.message, details, error.headers)


# Starlette's and FastAPI's own refusals, by status, as the domain errors they stand for.
HTTP_EQUIVALENTS: dict[int, type[DomainError]] = {
    400: InvalidBody,
    413: PayloadTooLarge,
}


async def http_error_handler(_: Request, error: StarletteHTTPException) -> JSONResponse:
    headers = getattr(error, "headers", None)
    if equivalent := HTTP_EQUIVALENTS.get(error.status_code):
        return error_response(error.status_code, equivalent.code, equivalent.message, None, headers)
    status = HTTPStatus(error.status_code)
    code = status.phrase.lower().replace(" ", "_").replace("-", "_")
    message = error.detail if isinstance(error.detail, str) else status.description
    if error.status_code == 404 and error.detail == "Not Found":
        message = "No route matches this path."
    return error_response(error.status_code, code, message, headers=headers)


async def validation_error_handler(_: Request, error: RequestValidationError) -> JSONResponse:
    details = [
        {
            "field": ".".join(str(part) for part in item["loc"]),
            "message": item["msg"],
            "type": item["type"],
        }
        for item in error.errors()
    ]
    fields = ", ".join(detail["field"] for detail in details)
    return error_response(422, InvalidInput.code, f"Invalid fields: {fields}.", details)


def install_error_handlers(app: FastAPI) -> None:
    """Errors raised on purpose and FastAPI's own refusals. An unexpected error is answered by
    the request context middleware (`shared.utilities.app`), inside the request's context, so
    its 500 carries the request id."""
    # Starlette types a handler as taking any Exception; each of these takes its own kind.
    app.add_exception_handler(DomainError, domain_error_handler)  # type: ignore[arg-type]
    app.add_exception_handler(StarletteHTTPException, http_error_handler)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, validation_error_handler)  # type: ignore[arg-type]
