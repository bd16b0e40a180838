"""What an invitee sends besides the time: their phone read as E.164, and their answers to the
event type's questions, each checked by its question's kind. Every problem is reported at
once, each naming its field (`phone`, `answers.<key>`); keys no question has are ignored."""

from collections.abc import Mapping, Sequence

import phonenumbers

from shared.models.booking import BookingAnswer
from shared.models.event_type import Question, QuestionKind
from shared.utilities.errors import InvalidInput

MAX_CHARS = {QuestionKind.LONG_TEXT: 5000}
DEFAULT_MAX_CHARS = 500


def e164(value: str, region: str) -> str | None:
    """The number as E.164, or None when it is no valid number."""
    try:
        number = phonenumbers.parse(value, region.upper())
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def read_phone(value: str | None, region: str) -> str | None:
    if not value:
        return None
    if (number := e164(value, region)) is None:
        raise InvalidInput(
            "The phone number is not valid.",
            details=[{"field": "phone", "message": "not a valid phone number"}],
        )
    return number


def read_answers(
    questions: Sequence[Question], sent: Mapping[str, str], region: str
) -> list[BookingAnswer]:
    answers, details = [], []
    for question in questions:
        value = (sent.get(question.key) or "").strip()
        problem = None
        if not value:
            problem = "required" if question.required else None
        elif len(value) > MAX_CHARS.get(question.kind, DEFAULT_MAX_CHARS):
            problem = f"at most {MAX_CHARS.get(question.kind, DEFAULT_MAX_CHARS)} characters"
        elif question.kind is QuestionKind.SELECT and value not in question.options:
            problem = "not among the options"
        elif question.kind is QuestionKind.PHONE:
            value = e164(value, region) or ""
            problem = None if value else "not a valid phone number"
        if problem:
            details.append({"field": f"answers.{question.key}", "message": problem})
        elif value:
            answers.append(BookingAnswer(key=question.key, label=question.label, value=value))
    if details:
        names = ", ".join(detail["field"] for detail in details)
        raise InvalidInput(f"Some answers are invalid: {names}.", details=details)
    return answers
