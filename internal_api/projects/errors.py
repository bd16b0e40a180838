"""What the projects API may refuse beyond the domain's (`shared.domain.projects.errors`),
each case with its own code."""

from shared.utilities.errors import Conflict, Forbidden, InvalidInput


class BoardNotEmpty(Conflict):
    """The board still holds tasks: move or delete them first."""

    code, message = "board_not_empty", "The board still holds tasks."


class ColumnNotEmpty(Conflict):
    """The column still holds tasks: move or delete them first."""

    code, message = "column_not_empty", "The column still holds tasks."


class LastColumn(Conflict):
    """A board keeps at least one column."""

    code, message = "last_column", "A board keeps at least one column."


class ColumnsMismatch(InvalidInput):
    """A new order names every column of the board once, and no other."""

    code, message = "columns_mismatch", "Name every column of the board once."


class NotCommentAuthor(Forbidden):
    """Only its author changes a comment (and deletes it, or an admin)."""

    code, message = "not_comment_author", "Only the comment's author may do this."


class NotTimeEntryOwner(Forbidden):
    """Only who logged the time, or who it was logged for, deletes it (or an admin)."""

    code, message = "not_time_entry_owner", "Only who logged the time may delete it."
