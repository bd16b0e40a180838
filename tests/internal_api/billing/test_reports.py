"""/v1/billing/reports/monthly: MRR, plans started and churned, churn rate and failed payments
by month and currency, and the same as CSV."""

import uuid
from datetime import UTC, datetime

from shared.models.billing_payment_attempt import BillingPaymentAttempt
from shared.models.billing_plan import BillingPlan, PlanStatus
from tests.internal_api.billing.conftest import BILLING

MARCH = datetime(2026, 3, 1, tzinfo=UTC)


async def create_report_plan(agency, created_at, monthly_amount, canceled_at=None, currency="USD"):
    plan = BillingPlan(
        account_id=agency.owner.account.id,
        customer_account_id=agency.sub_account.id,
        price_id=agency.sub_account.id,
        currency=currency,
        status=PlanStatus.CANCELED if canceled_at else PlanStatus.ACTIVE,
        current_period_start=created_at,
        current_period_end=created_at,
        provider="test",
        monthly_amount=monthly_amount,
        canceled_at=canceled_at,
        created_at=created_at,
        slot=uuid.uuid4().hex,  # report rows only: one sub-account holds them all
    )
    return await plan.insert()


async def test_the_months_mrr_churn_and_failed_payments_per_currency(api, agency):
    await create_report_plan(agency, datetime(2026, 2, 10, tzinfo=UTC), 3000)
    await create_report_plan(
        agency,
        datetime(2026, 2, 12, tzinfo=UTC),
        5000,
        canceled_at=datetime(2026, 3, 20, tzinfo=UTC),
    )
    await create_report_plan(agency, datetime(2026, 3, 5, tzinfo=UTC), 2000, currency="EUR")
    await BillingPaymentAttempt(
        account_id=agency.owner.account.id,
        invoice_id=agency.sub_account.id,
        attempt=1,
        amount=5000,
        currency="USD",
        succeeded=False,
        reference="pi_1",
        failure_code="card_declined",
        attempted_at=datetime(2026, 3, 18, tzinfo=UTC),
    ).insert()

    response = await api.get(
        f"{BILLING}/reports/monthly?first=2026-03&last=2026-03", headers=agency.owner.headers
    )

    rows = {row["currency"]: row for row in response.json()}
    assert rows["USD"] == {
        "month": "2026-03",
        "currency": "USD",
        "mrr": 3000,
        "active_plans": 1,
        "new_plans": 0,
        "churned_plans": 1,
        "churn_rate_basis_points": 5000,
        "failed_payments": 1,
        "failed_amount": 5000,
    }
    assert (rows["EUR"]["mrr"], rows["EUR"]["new_plans"]) == (2000, 1)


async def test_the_report_as_csv_has_amounts_in_major_units(api, agency):
    await create_report_plan(agency, datetime(2026, 2, 10, tzinfo=UTC), 3050)

    response = await api.get(
        f"{BILLING}/reports/monthly.csv?first=2026-02&last=2026-03", headers=agency.owner.headers
    )

    assert response.headers["content-type"].startswith("text/csv")
    lines = response.text.splitlines()
    assert lines[0] == (
        "month,currency,mrr,active_plans,new_plans,churned_plans,churn_rate_basis_points,"
        "failed_payments,failed_amount"
    )
    assert lines[1:] == ["2026-02,USD,30.50,1,1,0,0,0,0.00", "2026-03,USD,30.50,1,0,0,0,0,0.00"]


async def test_a_range_past_three_years_is_refused(api, agency):
    response = await api.get(
        f"{BILLING}/reports/monthly?first=2020-01&last=2026-03", headers=agency.owner.headers
    )

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "bad_report_range"
