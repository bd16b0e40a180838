"""The variables a template asks its sender for."""

from notifications.templates.variables import Variables, variables_of


def test_every_name_the_template_reads_is_required():
    found = variables_of("Hi {{ first_name }}", "{{ lead.name }} from {{ source }}", "")

    assert found == Variables(required=("first_name", "lead", "source"), optional=())


def test_what_the_platform_provides_and_the_template_sets_is_not_asked_for():
    found = variables_of(
        "{{ brand.name }}",
        "{% set greeting = 'Hi' %}{{ greeting }}"
        "{% for item in items %}{{ loop.index }}{% endfor %}",
        '{% extends "layout.html" %}{{ unsubscribe_url }}{{ range(3)|list }}',
    )

    assert found == Variables(required=("items",), optional=())


def test_a_name_the_template_tests_or_defaults_is_optional():
    found = variables_of(
        "{% if discount is defined %}{{ discount }}{% endif %}",
        "{{ greeting|default('Hello') }} {{ name }}",
    )

    assert found == Variables(required=("name",), optional=("discount", "greeting"))


def test_a_source_that_does_not_parse_asks_for_nothing():
    assert variables_of("{% if %}") == Variables(required=(), optional=())
