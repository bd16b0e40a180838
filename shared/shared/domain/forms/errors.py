"""What a submission may be refused for, each case with its own code."""

from shared.utilities.errors import InvalidInput, NotFound


class FormNotFound(NotFound):
    """No live form has this id (an archived one answers the same)."""

    code = "form_not_found"


class InvalidAnswers(InvalidInput):
    """Some answers break their field's kind or rules: `details` names each field by its key.
    Nothing is stored."""

    code, message = "invalid_answers", "Some answers are invalid."
