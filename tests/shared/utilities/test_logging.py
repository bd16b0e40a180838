"""Logs are JSON lines naming their service and request id."""

import json
import logging
from datetime import UTC, datetime, timedelta

from shared.utilities import context
from shared.utilities.logging import configure_logging


def test_a_log_line_is_json_with_service_and_request_id(capsys):
    configure_logging("INFO")
    context.service_name.set("billing")
    token = context.request_id.set("req-9")
    try:
        logging.getLogger("billing.charges").info("charged %s", "acme", extra={"cents": 1200})
    finally:
        context.request_id.reset(token)

    line = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert line["message"] == "charged acme"
    assert line["service"] == "billing"
    assert line["request_id"] == "req-9"
    assert line["level"] == "INFO"
    assert line["cents"] == 1200


def test_uvicorns_loggers_go_through_the_same_json_handler(capsys):
    configure_logging("INFO")

    logging.getLogger("uvicorn.error").info("Started server process")

    line = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert line["logger"] == "uvicorn.error"


def test_a_log_line_is_stamped_in_iso_8601_utc(capsys):
    configure_logging("INFO")

    logging.getLogger("billing.charges").info("charged")

    line = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    stamped = datetime.fromisoformat(line["time"])
    assert stamped.utcoffset() == timedelta(0)
    assert abs(datetime.now(UTC) - stamped) < timedelta(minutes=1)
