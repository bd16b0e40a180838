"""/v1/billing catalogue: an agency's products and prices, tax rates and coupons; refused to a
sub-account and for prices or coupons that do not add up."""

from shared.models.billing_coupon import BillingCoupon
from shared.models.billing_price import BillingPrice
from tests.internal_api.billing.conftest import BILLING, create_monthly_price


async def test_a_recurring_price_is_listed_under_its_product(api, agency):
    price = await create_monthly_price(api, agency.owner, trial_days=14)

    listed = await api.get(
        f"{BILLING}/prices?product_id={price['product_id']}", headers=agency.owner.headers
    )

    [found] = listed.json()["data"]
    assert (found["unit_amount"], found["currency"], found["trial_days"]) == (3000, "USD", 14)


async def test_a_recurring_price_without_an_interval_is_refused_and_not_stored(api, agency):
    product = await api.post(
        f"{BILLING}/products", json={"name": "Pro"}, headers=agency.owner.headers
    )
    body = {"product_id": product.json()["id"], "kind": "recurring", "unit_amount": 3000}

    response = await api.post(
        f"{BILLING}/prices", json={**body, "currency": "USD"}, headers=agency.owner.headers
    )

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "bad_price"
    assert await BillingPrice.find_all().count() == 0


async def test_a_coupon_both_a_percentage_and_an_amount_is_refused(api, agency):
    body = {"name": "Both", "percent_off_basis_points": 1000, "amount_off": 500, "currency": "USD"}

    response = await api.post(f"{BILLING}/coupons", json=body, headers=agency.owner.headers)

    assert response.json()["error"]["code"] == "bad_coupon"
    assert await BillingCoupon.find_all().count() == 0


async def test_a_sub_account_has_no_catalogue_of_its_own(api, agency):
    response = await api.post(
        f"{BILLING}/products", json={"name": "Mine"}, headers=agency.client.headers
    )

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "agency_only"
