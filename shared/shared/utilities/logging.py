"""JSON logs, one object a line, each naming its service and request id.

Lines are serialised by orjson (python-json-logger's orjson formatter), and stamped with the
record's own creation time in ISO 8601 UTC, which orjson writes natively: no strftime, no
second pass over the line.
"""

import logging
import sys

from pythonjsonlogger.core import RESERVED_ATTRS
from pythonjsonlogger.orjson import OrjsonFormatter

from shared.utilities import context


class ContextFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.service = context.service_name.get() or getattr(record, "service", "")
        record.request_id = context.request_id.get()
        return True


def configure_logging(level: str = "INFO") -> None:
    """Route every logger (ours, uvicorn's, celery's) through one JSON handler on stdout."""
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(
        OrjsonFormatter(
            "%(levelname)s %(name)s %(service)s %(request_id)s %(message)s",
            timestamp="time",
            rename_fields={"levelname": "level", "name": "logger"},
            reserved_attrs=[*RESERVED_ATTRS, "color_message"],
        )
    )
    handler.addFilter(ContextFilter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):
        logging.getLogger(name).handlers[:] = []
        logging.getLogger(name).propagate = True
    # Requests are logged once by our middleware, with the request id.
    logging.getLogger("uvicorn.access").disabled = True
