"""The queue manager's HTTP API as the admin calls it, faked at the transport with the shapes
its routes answer (queue_manager/monitor and queue_manager/jobs), recording each request."""

from dataclasses import dataclass, field
from typing import Any

import httpx

from shared.utilities.auth import Principal, TokenVerifier, service_key_pair
from shared.utilities.settings import ServiceSettings

QUEUES = [
    {"name": "contacts", "kind": "queue", "switched_on": True, "length": 3, "consumers": ["w1"]},
    {"name": "accounts_purge", "kind": "cron", "switched_on": False, "length": 0, "consumers": []},
]
SWITCHES = [
    {
        "name": "contacts",
        "variable": "QM_CONTACTS",
        "on": True,
        "kind": "queue",
        "description": "contact imports",
    }
]
LETTER_ID = "665f1c2e9b1e8a3d4c5b6a79"


def dead_letter(**overrides: Any) -> dict[str, Any]:
    return {
        "id": LETTER_ID,
        "task_id": "task-1",
        "task_name": "webhooks.deliver",
        "kwargs": {"delivery_id": "d1"},
        "error": "ConnectError: refused",
        "attempts": 5,
        "failed_at": "2026-01-02T03:04:05Z",
        "redriven_at": None,
        **overrides,
    }


def queue_manager_error(status: int, code: str, message: str) -> httpx.Response:
    body = {"error": {"code": code, "message": message, "details": []}, "request_id": "r"}
    return httpx.Response(status, json=body)


@dataclass
class FakeQueueManager:
    requests: list[httpx.Request] = field(default_factory=list)
    # (method, path) -> the answer; a route not listed answers 404 as the queue manager does.
    answers: dict[tuple[str, str], httpx.Response] = field(default_factory=dict)
    down: bool = False

    def __post_init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self.requests.clear()
        self.down = False
        self.answers = {
            ("GET", "/v1/queues"): httpx.Response(200, json=QUEUES),
            ("GET", "/v1/queues/switches"): httpx.Response(200, json=SWITCHES),
            ("GET", "/v1/dead-letters"): httpx.Response(
                200,
                json={
                    "data": [dead_letter()],
                    "pagination": {"page": 1, "limit": 25, "total": 1, "next_page": None},
                },
            ),
            ("POST", f"/v1/dead-letters/{LETTER_ID}/redrive"): httpx.Response(
                200, json=dead_letter(redriven_at="2026-01-03T00:00:00Z")
            ),
        }

    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self.handle)

    def handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if self.down:
            raise httpx.ConnectError("refused", request=request)
        answer = self.answers.get((request.method, request.url.path))
        return answer or queue_manager_error(404, "not_found", "No route matches this path.")

    def caller(self, request: httpx.Request) -> Principal:
        """Who the request says it is, verified as the queue manager verifies it."""
        settings = ServiceSettings()
        public_key = service_key_pair(settings)[1]
        verifier = TokenVerifier(public_key, settings.jwt_issuer, "queue_manager")
        return verifier.verify(request.headers["authorization"].removeprefix("Bearer "))
