"""Money: whole minor units with an ISO 4217 code, one rounding rule (half away from zero),
totals per currency."""

from fractions import Fraction

import pytest

from shared.domain.payments.money import (
    Money,
    basis_points_of,
    minor_unit_exponent,
    round_minor,
    share_of,
    totals_by_currency,
)


@pytest.mark.parametrize(
    ("exact", "rounded"),
    [(Fraction(3, 2), 2), (Fraction(5, 2), 3), (Fraction(-3, 2), -2), (Fraction(149, 100), 1)],
)
def test_halves_round_away_from_zero(exact, rounded):
    assert round_minor(exact) == rounded


def test_a_tax_rate_of_an_amount_is_rounded_once():
    assert basis_points_of(1999, 825) == 165  # 164.9175 cents


def test_a_proration_is_the_share_of_the_period_used():
    assert share_of(3000, 10, 30) == 1000


def test_exponents_follow_iso_4217():
    assert [minor_unit_exponent(code) for code in ("USD", "JPY", "KWD")] == [2, 0, 3]


def test_currencies_are_never_added_together():
    with pytest.raises(ValueError):
        Money(100, "USD") + Money(100, "EUR")


def test_totals_are_kept_per_currency():
    amounts = [Money(100, "usd"), Money(250, "EUR"), Money(5, "USD")]

    assert totals_by_currency(amounts) == {"USD": 105, "EUR": 250}


def test_an_amount_is_shown_in_major_units():
    assert [Money(123456, "USD").display(), Money(500, "JPY").display()] == [
        "1234.56 USD",
        "500 JPY",
    ]


def test_a_made_up_currency_is_refused():
    with pytest.raises(ValueError):
        Money(1, "XYZ")
