from shared.utilities.errors import Conflict


class AlreadyRedriven(Conflict):
    """The dead letter's task was sent again and has not died since."""

    code = "dead_letter_redriven"
