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
    """Base of every error a service raises on purpose."""

    status_code: int = 500
    code: str = "internal_error"
    message: str = "Something went wrong on our side."

    def __init__(
        self,
        message: str | None = None,
        *,
        details: list[dict[str, Any]] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        self.message = message or self.message
        self.details = details or []
        self.headers = headers or {}
        super().__init__(self.message)


class BadRequest(DomainError):
    """The request is well formed but cannot be done as asked."""

    status_code, code, message = 400, "bad_request", "The request cannot be done as asked."


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


class ErrorBody(BaseModel):
    code: str
    message: str
    details: list[dict[str, Any]] = []


class ErrorResponse(BaseModel):
    """The shape of every error answer, for OpenAPI `responses=`."""

    error: ErrorBody
    request_id: str


def error_responses(*errors: type[DomainError]) -> dict[int | str, dict[str, Any]]:
    """`responses=` for a route: documents each domain error it may raise."""
    return {
        error.status_code: {"model": ErrorResponse, "description": error.__doc__ or error.message}
        for error in errors
    }


def error_payload(code: str, message: str, details: list[dict[str, Any]] | None = None) -> dict:
    return {
        "error": {"code": code, "message": message, "details": details or []},
        "request_id": context.request_id.get(),
    }


def error_response(
    status: int, code: str, message: str, details=None, headers=None
) -> JSONResponse:
    return JSONResponse(error_payload(code, message, details), status_code=status, headers=headers)


async def domain_error_handler(_: Request, error: DomainError) -> JSONResponse:
    return error_response(
        error.status_code, error.code, error.message, error.details, error.headers
    )


async def http_error_handler(_: Request, error: StarletteHTTPException) -> JSONResponse:
    status = HTTPStatus(error.status_code)
    code = status.phrase.lower().replace(" ", "_").replace("-", "_")
    message = error.detail if isinstance(error.detail, str) else status.description
    if error.status_code == 404 and error.detail == "Not Found":
        message = "No route matches this path."
    return error_response(error.status_code, code, message, headers=getattr(error, "headers", None))


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


async def unexpected_error_handler(_: Request, error: Exception) -> JSONResponse:
    logger.exception("unhandled error", exc_info=error)
    return error_response(500, DomainError.code, DomainError.message)


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(DomainError, domain_error_handler)
    app.add_exception_handler(StarletteHTTPException, http_error_handler)
    app.add_exception_handler(RequestValidationError, validation_error_handler)
    app.add_exception_handler(Exception, unexpected_error_handler)
