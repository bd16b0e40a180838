"""Every query of the resources only the projects API writes: comments, time entries and
templates. Projects, boards and tasks are the domain's (`shared.domain.projects.repository`)."""

from beanie import PydanticObjectId

from shared.domain.projects.repository import PartRepository
from shared.models.project_comment import TaskComment
from shared.models.project_template import ProjectTemplate
from shared.models.project_time_entry import TimeEntry
from shared.utilities.repository import TenantRepository


class CommentRepository(PartRepository[TaskComment]):
    noun = "Comment"
    sortable = frozenset({"created_at"})

    def __init__(self, account_id: str | PydanticObjectId) -> None:
        super().__init__(TaskComment, account_id)


class TimeEntryRepository(PartRepository[TimeEntry]):
    noun = "Time entry"
    sortable = frozenset({"created_at", "date", "minutes"})

    def __init__(self, account_id: str | PydanticObjectId) -> None:
        super().__init__(TimeEntry, account_id)


class TemplateRepository(TenantRepository[ProjectTemplate]):
    noun = "Template"
    sortable = frozenset({"created_at", "updated_at", "name"})

    def __init__(self, account_id: str | PydanticObjectId) -> None:
        super().__init__(ProjectTemplate, account_id)
