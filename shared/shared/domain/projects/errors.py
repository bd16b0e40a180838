"""What writing a project's tasks may refuse, each case with its own code."""

from shared.utilities.errors import Conflict, InvalidInput, NotFound


class ProjectArchived(Conflict):
    """The project is archived: it takes no new boards or tasks, and its tasks no changes."""

    code, message = "project_archived", "The project is archived."


class ColumnNotFound(NotFound):
    """The board has no such column."""

    code = "column_not_found"


class ParentTaskNotFound(NotFound):
    """The parent named is no task of this project."""

    code = "parent_task_not_found"


class SubTaskDepth(InvalidInput):
    """A sub-task's parent is a task, never another sub-task (and never the task itself)."""

    code, message = "sub_task_depth", "A sub-task's parent must be a task that is no sub-task."


class UnknownContact(NotFound):
    """The contact linked is no live contact of the account (another account's answers the
    same as a missing one)."""

    code = "unknown_contact"


class UnknownDeal(NotFound):
    """The deal linked is no deal of the account."""

    code = "unknown_deal"


class ForeignAttachment(InvalidInput):
    """The attachment's key is not a file of this account's storage."""

    code, message = "attachment_not_in_account", "The file is not in this account's storage."


class RecurrenceNeedsDueDate(InvalidInput):
    """A recurring task recurs from its due date: it needs one."""

    code, message = "recurrence_needs_due_date", "A recurring task needs a due date."
