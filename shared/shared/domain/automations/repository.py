"""Every query the firing of automations makes: the rules watching a trigger, and their runs."""

from collections.abc import Mapping
from typing import Any

from beanie import PydanticObjectId

from shared.models.automation import Automation
from shared.models.automation_log import AutomationLog
from shared.utilities.repository import TenantRepository


class AutomationRepository(TenantRepository[Automation]):
    noun = "Automation"

    def __init__(self, account_id: str | PydanticObjectId) -> None:
        super().__init__(Automation, account_id)

    async def watching(self, trigger: str, subject: Mapping[str, Any]) -> list[Automation]:
        """The enabled rules whose trigger is `trigger` with these fields (served by the
        `(account_id, trigger.type, enabled)` index)."""
        matching = {f"trigger.{field}": value for field, value in subject.items()}
        return await self.list({"enabled": True, "trigger.type": trigger, **matching}, limit=0)


class RunRepository(TenantRepository[AutomationLog]):
    noun = "Automation run"

    def __init__(self, account_id: str | PydanticObjectId) -> None:
        super().__init__(AutomationLog, account_id)
