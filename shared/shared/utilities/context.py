"""Per-request context carried through logs, outgoing calls and task headers."""

from contextvars import ContextVar

request_id: ContextVar[str] = ContextVar("request_id", default="")
service_name: ContextVar[str] = ContextVar("service_name", default="")
