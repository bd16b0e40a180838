from shared.utilities.errors import Forbidden


class NotNoteAuthor(Forbidden):
    """Only a note's author, an owner or an admin changes or deletes it."""

    code, message = (
        "not_note_author",
        "Only the note's author, an owner or an admin can change it.",
    )
