"""Queue `integrations` (QM_INTEGRATIONS): third-party webhook events the external API received
and verified, each handed to its provider's module in `queue_manager/integrations/`
(`handle(event)`). The task id is `<provider>:<event id>`, so an event is handled once however
often the provider sent it or the broker delivered it."""

import importlib
import pkgutil
from collections.abc import Awaitable, Callable
from typing import Any

from queue_manager import integrations
from queue_manager.celery import app
from shared.utilities.task_names import INTEGRATIONS_PROCESS_WEBHOOK
from shared.utilities.worker import PermanentError, platform_task

Handler = Callable[[dict[str, Any]], Awaitable[dict[str, Any]]]


def handler_for(provider: str) -> Handler:
    """The provider's `handle`; an unknown provider is no use retrying."""
    module_name = provider.replace("-", "_")
    known = {module.name for module in pkgutil.iter_modules(integrations.__path__)}
    if module_name not in known:
        raise PermanentError(f"No handler for {provider} webhook events.")
    module = importlib.import_module(f"{integrations.__name__}.{module_name}")
    if not hasattr(module, "handle"):
        raise PermanentError(f"No handler for {provider} webhook events.")
    return module.handle


@platform_task(app, INTEGRATIONS_PROCESS_WEBHOOK)
async def process_webhook(provider: str, event: dict[str, Any]) -> dict[str, Any]:
    return await handler_for(provider)(event)
