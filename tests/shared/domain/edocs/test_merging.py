"""Templates' bodies: sanitised, their merge fields rendered in a sandbox with autoescape,
money from minor units, line items as a table; unknown merge fields named."""

import pytest

from shared.domain.edocs.errors import InvalidTemplate, UnknownMergeFields
from shared.domain.edocs.merging import (
    check_body,
    line_items_table,
    money,
    render,
    sample_fields,
    sanitised_body,
)
from shared.models.edocs_document import LineItem


@pytest.mark.parametrize(
    ("minor_units", "currency", "printed"),
    [(123450, "USD", "1,234.50 USD"), (1234, "JPY", "1,234 JPY"), (5, "EUR", "0.05 EUR")],
)
def test_money_is_printed_from_its_minor_units_in_its_currency(minor_units, currency, printed):
    assert money(minor_units, currency) == printed


def test_line_items_show_quantities_unit_prices_and_totals():
    items = [
        LineItem(name="Design", quantity=2, unit_price=150_000),
        LineItem(name="SEO", unit_price=999),
    ]

    table = line_items_table(items, "USD")

    assert "<td>Design</td><td>2</td><td>1,500.00 USD</td><td>3,000.00 USD</td>" in table
    assert "<td>3,009.99 USD</td></tr></tfoot>" in table


def test_unknown_merge_fields_are_named_each_once():
    with pytest.raises(UnknownMergeFields) as raised:
        check_body(
            "{{ contact.nickname }} {{ nickname }} {{ contact.nickname }} {{ contact.name }}"
        )

    assert [detail["merge_field"] for detail in raised.value.details] == [
        "contact.nickname",
        "nickname",
    ]


def test_a_contacts_html_prints_as_text():
    fields = {**sample_fields(), "contact": {"name": "<script>alert(1)</script>"}}

    assert (
        render("<p>{{ contact.name }}</p>", fields)
        == "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"
    )


def test_a_template_reaching_for_python_internals_is_refused():
    with pytest.raises((UnknownMergeFields, InvalidTemplate)):
        check_body("{{ contact.__class__.__mro__ }}")


def test_what_a_template_marks_safe_is_sanitised_still():
    rendered = render('{{ "<script>x()</script><b>bold</b>"|safe }}', sample_fields())

    assert rendered == "<b>bold</b>"


def test_a_syntax_error_is_an_invalid_template():
    with pytest.raises(InvalidTemplate):
        check_body("{% if contact.name %}unclosed")


def test_a_body_is_stored_sanitised_with_its_merge_syntax_readable():
    body = sanitised_body(
        '<p onclick="x()">{% if deal.title > "" %}{{ deal.title }}{% endif %}</p>'
        "<script>x()</script>"
    )

    assert body == '<p>{% if deal.title > "" %}{{ deal.title }}{% endif %}</p>'
    check_body(body)
