"""The queue manager as the admin sees and drives it: its own HTTP API (`/v1/queues`,
`/v1/dead-letters`), called with internal_api's service token, which it accepts where its
operators' scope is asked for. Its answers are read into the admin's schemas, so nothing it
sends passes on unchecked."""

from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass
from typing import Annotated, Any, TypeVar

import httpx
from fastapi import Depends, FastAPI, Request
from pydantic import BaseModel, TypeAdapter, ValidationError

from internal_api.admin.errors import AlreadyRedriven, QueueManagerUnavailable
from internal_api.admin.schemas import DeadLetterRead, QueueRead, SwitchRead
from internal_api.settings import InternalApiSettings
from shared.utilities.errors import NotFound, UpstreamTimeout
from shared.utilities.pagination import Page, PageParams
from shared.utilities.siblings import SiblingService
from shared.utilities.upstream import http_client

CALLER, AUDIENCE = "internal_api", "queue_manager"
AnswerT = TypeVar("AnswerT")


@dataclass(frozen=True)
class QueueManager:
    service: SiblingService

    async def queues(self) -> list[QueueRead]:
        return await self.call("GET", "/v1/queues", list[QueueRead])

    async def switches(self) -> list[SwitchRead]:
        return await self.call("GET", "/v1/queues/switches", list[SwitchRead])

    async def dead_letters(self, params: PageParams) -> Page[DeadLetterRead]:
        query = {"page": params.page, "limit": params.limit, "sort": params.sort}
        return await self.call("GET", "/v1/dead-letters", Page[DeadLetterRead], query)

    async def redrive(self, letter_id: str) -> DeadLetterRead:
        path = f"/v1/dead-letters/{letter_id}/redrive"
        return await self.call("POST", path, DeadLetterRead)

    async def call(
        self,
        method: str,
        path: str,
        answer: type[AnswerT],
        params: dict[str, Any] | None = None,
    ) -> AnswerT:
        try:
            response = await self.service.request(method, path, params=params)
        except httpx.TimeoutException as error:
            raise UpstreamTimeout("The queue manager did not answer in time.") from error
        except httpx.HTTPError as error:
            raise QueueManagerUnavailable() from error
        refuse(response)
        try:
            return TypeAdapter(answer).validate_json(response.content)
        except ValidationError as error:
            raise QueueManagerUnavailable(
                "The queue manager's answer was not understood."
            ) from error


class QueueManagerError(BaseModel):
    code: str = ""
    message: str = ""


def refuse(response: httpx.Response) -> None:
    """Its refusals the admin passes on (a dead letter unknown or redriven already); any other
    error is the queue manager's own failure."""
    if response.is_success:
        return
    try:
        error = QueueManagerError.model_validate(response.json().get("error", {}))
    except (ValueError, ValidationError, AttributeError):
        error = QueueManagerError()
    if response.status_code == 404:
        raise NotFound(error.message or "The queue manager has no such item.")
    if error.code == AlreadyRedriven.code:
        raise AlreadyRedriven(error.message or None)
    raise QueueManagerUnavailable(f"The queue manager answered {response.status_code}.")


def queue_manager(
    settings: InternalApiSettings, transport: httpx.AsyncBaseTransport | None = None
) -> Callable[[FastAPI], AbstractAsyncContextManager[None]]:
    """The app's lifespan part holding its client of the queue manager (`transport` stands in
    for the network in tests)."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        timeout = settings.queue_manager_timeout_seconds
        async with http_client(timeout, timeout, transport) as client:
            app.state.queue_manager = QueueManager(
                SiblingService(
                    client, settings.queue_manager_url, app.state.authenticator, CALLER, AUDIENCE
                )
            )
            yield

    return lifespan


def get_queue_manager(request: Request) -> QueueManager:
    return request.app.state.queue_manager


QueueManagerClient = Annotated[QueueManager, Depends(get_queue_manager)]
