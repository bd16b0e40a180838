"""Each answer read by its field's kind and rules; every bad one named by its key."""

import pytest

from shared.domain.forms.answers import read_answers
from shared.domain.forms.errors import InvalidAnswers
from shared.models.form import FieldKind, FieldRules
from tests.shared.domain.forms.factories import field

K = FieldKind
PLANS = {"options": ["basic", "pro"]}


@pytest.mark.parametrize(
    ("form_field", "raw", "stored"),
    [
        (field("note"), "  hello  ", "hello"),
        (field("note"), None, None),
        (field("email", K.EMAIL), "Ada@Example.COM", "ada@example.com"),
        (field("phone", K.PHONE), "(415) 555-0107", "+14155550107"),
        (field("phone", K.PHONE), "+33 6 12 34 56 78", "+33612345678"),
        (field("size", K.NUMBER), "42", 42),
        (field("size", K.NUMBER), "-2.5", -2.5),
        (field("plan", K.SELECT, **PLANS), "pro", "pro"),
        (field("plans", K.MULTI_SELECT, **PLANS), ["pro", "basic", "pro"], ["pro", "basic"]),
        (field("plans", K.MULTI_SELECT, **PLANS), "pro", ["pro"]),
        (field("news", K.CHECKBOX), "on", True),
        (field("news", K.CHECKBOX), None, False),
        (field("terms", K.CONSENT, required=True), "true", True),
        (field("day", K.DATE), "2025-03-01", "2025-03-01"),
        (field("utm_source", K.HIDDEN, default="site"), None, "site"),
        (field("utm_source", K.HIDDEN, default="site"), "google", "google"),
        (field("zip", rules=FieldRules(pattern=r"\d{5}")), "75011", "75011"),
        (field("size", K.NUMBER, rules=FieldRules(min=1, max=10)), "10", 10),
    ],
    ids=lambda value: value.key if hasattr(value, "key") else None,
)
def test_an_answer_is_stored_as_its_kind_reads_it(form_field, raw, stored):
    [answer] = read_answers([form_field], {form_field.key: raw}, "US")

    assert (answer.key, answer.label, answer.kind, answer.value) == (
        form_field.key,
        form_field.label,
        form_field.kind,
        stored,
    )


@pytest.mark.parametrize(
    ("form_field", "raw", "message"),
    [
        (field("note", required=True), "   ", "required"),
        (field("note", rules=FieldRules(min_length=3)), "ab", "at least 3 characters"),
        (field("note", rules=FieldRules(max_length=3)), "abcd", "at most 3 characters"),
        (field("note"), "x" * 5001, "at most 5000 characters"),
        (field("note"), "bell\x07", "must not contain control characters"),
        (field("note"), ["one", "two"], "expected one value"),
        (
            field("zip", rules=FieldRules(pattern=r"\d{5}")),
            "7501",
            "does not have the expected form",
        ),
        (field("email", K.EMAIL), "ada@", "not a valid email address"),
        (field("phone", K.PHONE), "12", "not a valid phone number"),
        (field("size", K.NUMBER), "1_000", "expected a number"),
        (field("size", K.NUMBER), "nan", "expected a number"),
        (field("size", K.NUMBER), "1e999", "expected a number of a reasonable size"),
        (field("size", K.NUMBER, rules=FieldRules(min=1)), "0", "at least 1"),
        (field("size", K.NUMBER, rules=FieldRules(max=10)), "11", "at most 10"),
        (field("plan", K.SELECT, **PLANS), "gold", "not among the options: gold"),
        (field("plans", K.MULTI_SELECT, **PLANS), ["pro", "gold"], "not among the options: gold"),
        (field("plans", K.MULTI_SELECT, required=True, **PLANS), [], "choose at least one"),
        (field("news", K.CHECKBOX), "maybe", "expected true or false"),
        (field("news", K.CHECKBOX, required=True), "off", "must be checked"),
        (field("terms", K.CONSENT, required=True), None, "must be agreed to"),
        (field("day", K.DATE), "01/03/2025", "expected a date as YYYY-MM-DD"),
    ],
    ids=lambda value: value if isinstance(value, str) and " " in value else None,
)
def test_a_bad_answer_is_refused_naming_its_field(form_field, raw, message):
    with pytest.raises(InvalidAnswers) as refused:
        read_answers([form_field], {form_field.key: raw}, "US")

    assert refused.value.details == [{"field": form_field.key, "message": message}]


def test_every_bad_answer_is_named_at_once():
    fields = [field("email", K.EMAIL), field("note", required=True), field("ok")]

    with pytest.raises(InvalidAnswers) as refused:
        read_answers(fields, {"email": "nope", "ok": "fine"}, "US")

    assert [detail["field"] for detail in refused.value.details] == ["email", "note"]


def test_keys_the_form_does_not_have_are_ignored():
    answers = read_answers([field("note")], {"note": "hi", "_hp": "", "extra": "x"}, "US")

    assert [answer.key for answer in answers] == ["note"]
