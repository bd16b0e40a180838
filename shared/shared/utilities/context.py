"""Per-request context carried through logs, outgoing calls and task headers."""

from contextvars import ContextVar

request_id: ContextVar[str] = ContextVar("request_id", default="")
service_name: ContextVar[str] = ContextVar("service_name", default="")
# The OAuth app a user's request comes through (the token's `app_id`), empty for their own.
acting_app: ContextVar[str] = ContextVar("acting_app", default="")
