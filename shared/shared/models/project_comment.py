"""A comment on a task: plain text where `<@user_id>` mentions a user of the account."""

from datetime import datetime

from beanie import PydanticObjectId
from pymongo import ASCENDING, IndexModel

from shared.models.base import TenantDocument


class TaskComment(TenantDocument):
    project_id: PydanticObjectId
    task_id: PydanticObjectId
    author_id: PydanticObjectId
    body: str
    mentioned_user_ids: list[PydanticObjectId] = []
    edited_at: datetime | None = None

    class Settings:
        name = "project_comments"
        use_state_management = True
        indexes = [
            IndexModel(
                [("account_id", ASCENDING), ("task_id", ASCENDING), ("created_at", ASCENDING)]
            ),
        ]
