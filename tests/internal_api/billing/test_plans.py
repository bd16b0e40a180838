"""/v1/billing: a sub-account saves a test card and is subscribed by its agency, the invoice is
charged (as the queue manager's task does) and refunded; another agency's invoice answers 404."""

import pytest

from shared.domain.billing.charging import charge_invoice
from shared.domain.payments.local_provider import TestPaymentProvider
from shared.models.billing_invoice import BillingInvoice, InvoiceStatus
from shared.models.billing_plan import BillingPlan
from shared.utilities.settings import RunMode
from tests.factories import create_signed_in, create_sub_account
from tests.internal_api.billing.conftest import BILLING, create_monthly_price
from tests.shared.domain.held import holding

CARDS = f"{BILLING}/payment-methods"


async def told(event: dict) -> None:
    """The test provider's events go nowhere here: the charge's answer settles the invoice."""


async def charged(invoice_id: str) -> None:
    """The invoice's attempt, as the queue manager's charge task makes it."""
    async with holding():
        await charge_invoice(TestPaymentProvider(RunMode.EMBEDDED, told), invoice_id, [1, 3, 5])


@pytest.fixture
async def paid_invoice(api, agency) -> dict:
    price = await create_monthly_price(api, agency.owner)
    await api.post(CARDS, json={"payment_method": "pm_card_visa"}, headers=agency.client.headers)
    plan = await api.post(
        f"{BILLING}/plans",
        json={"sub_account_id": str(agency.sub_account.id), "price_id": price["id"]},
        headers=agency.owner.headers,
    )
    assert plan.status_code == 201, plan.text
    invoices = await api.get(f"{BILLING}/invoices", headers=agency.owner.headers)
    [invoice] = invoices.json()["data"]
    await charged(invoice["id"])
    return invoice


async def test_a_sub_accounts_invoice_is_charged_to_its_saved_card(api, agency, paid_invoice):
    response = await api.get(
        f"{BILLING}/invoices/{paid_invoice['id']}", headers=agency.owner.headers
    )

    invoice = response.json()
    assert (invoice["status"], invoice["total"], invoice["currency"]) == ("paid", 3000, "USD")
    to_pay = await api.get(f"{BILLING}/invoices-to-pay", headers=agency.client.headers)
    assert [found["id"] for found in to_pay.json()["data"]] == [paid_invoice["id"]]


async def test_a_partial_refund_is_recorded_on_the_invoice(api, agency, paid_invoice):
    response = await api.post(
        f"{BILLING}/invoices/{paid_invoice['id']}/refund",
        json={"amount": 1000, "reason": "Goodwill"},
        headers=agency.owner.headers,
    )

    assert response.status_code == 200, response.text
    stored = await BillingInvoice.get(paid_invoice["id"])
    assert (stored.amount_refunded, stored.refunds[0].reason) == (1000, "Goodwill")


async def test_a_refund_past_what_is_left_is_refused_and_nothing_refunded(
    api, agency, paid_invoice
):
    response = await api.post(
        f"{BILLING}/invoices/{paid_invoice['id']}/refund",
        json={"amount": 3001},
        headers=agency.owner.headers,
    )

    assert response.json()["error"]["code"] == "refund_too_large"
    assert (await BillingInvoice.get(paid_invoice["id"])).amount_refunded == 0


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("GET", "", None),
        ("GET", "/pdf", None),
        ("POST", "/refund", {"amount": 100}),
        ("POST", "/attempt", None),
    ],
)
async def test_another_agencys_invoice_answers_404_and_stays_as_it_is(
    api, paid_invoice, method, path, body
):
    other = await create_signed_in()

    response = await api.request(
        method, f"{BILLING}/invoices/{paid_invoice['id']}{path}", json=body, headers=other.headers
    )

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    stored = await BillingInvoice.get(paid_invoice["id"])
    assert (stored.status, stored.amount_refunded) == (InvoiceStatus.PAID, 0)


async def test_another_agencys_sub_account_cannot_be_subscribed(api, agency):
    price = await create_monthly_price(api, agency.owner)
    theirs = await create_sub_account((await create_signed_in()).account)

    response = await api.post(
        f"{BILLING}/plans",
        json={"sub_account_id": str(theirs.id), "price_id": price["id"]},
        headers=agency.owner.headers,
    )

    assert response.status_code == 404
    assert await BillingPlan.find_all().count() == 0


async def test_the_invoice_is_a_pdf_for_the_sub_account_that_pays_it(api, agency, paid_invoice):
    response = await api.get(
        f"{BILLING}/invoices/{paid_invoice['id']}/pdf", headers=agency.client.headers
    )

    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


async def test_a_card_the_test_provider_does_not_know_is_refused(api, agency):
    response = await api.post(
        CARDS, json={"payment_method": "pm_card_unknown"}, headers=agency.client.headers
    )

    assert response.json()["error"]["code"] == "payment_method_refused"
    listed = await api.get(CARDS, headers=agency.client.headers)
    assert listed.json() == []


async def test_a_setup_intent_answers_a_client_secret_for_stripe_js(api, agency):
    response = await api.post(f"{CARDS}/setup-intent", headers=agency.client.headers)

    assert response.status_code == 201
    body = response.json()
    assert body["client_secret"].startswith(f"{body['id']}_secret_")
    assert body["provider"] == "test"


async def test_one_off_prices_are_invoiced_with_tax_and_their_charge_queued(api, agency):
    setup = await create_monthly_price(
        api, agency.owner, kind="one_off", interval=None, unit_amount=25000
    )
    vat = await api.post(
        f"{BILLING}/tax-rates",
        json={"name": "VAT", "basis_points": 2000},
        headers=agency.owner.headers,
    )

    response = await api.post(
        f"{BILLING}/invoices",
        json={
            "sub_account_id": str(agency.sub_account.id),
            "items": [{"price_id": setup["id"], "quantity": 2}],
            "tax_rate_id": vat.json()["id"],
        },
        headers=agency.owner.headers,
    )

    assert response.status_code == 201, response.text
    invoice = response.json()
    assert (invoice["subtotal"], invoice["tax"], invoice["total"]) == (50000, 10000, 60000)
    assert invoice["status"] == "open"


async def test_a_plans_price_on_a_one_off_invoice_is_refused_and_nothing_invoiced(api, agency):
    monthly = await create_monthly_price(api, agency.owner)

    response = await api.post(
        f"{BILLING}/invoices",
        json={"sub_account_id": str(agency.sub_account.id), "items": [{"price_id": monthly["id"]}]},
        headers=agency.owner.headers,
    )

    assert response.json()["error"]["code"] == "price_not_one_off"
    assert await BillingInvoice.find_all().count() == 0
