"""The usage CSV: amounts in major units of each row's currency, and a name a spreadsheet would
run as a formula written inert."""

from internal_api.onebalance.report import as_csv
from internal_api.onebalance.schemas import UsageRow


def test_a_formula_in_an_account_name_is_written_inert_and_amounts_in_major_units():
    row = UsageRow(
        account_id="65f0",
        account_name="=HYPERLINK(1)",
        month="2026-12",
        action="email",
        currency="JPY",
        quantity=3,
        charges=3,
        cost=300,
        markup=30,
        total=330,
    )

    [_, line] = as_csv([row]).strip().splitlines()

    assert line == "65f0,'=HYPERLINK(1),2026-12,email,3,3,JPY,300,30,330"
