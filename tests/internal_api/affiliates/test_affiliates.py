"""/v1/affiliates: the programme set up, affiliates invited (a referral short link) or signed
up (pending until approved), the referral redirect recording a visit under its cookie and
sign-up carrying it to the platform's programme; the ledger's leaderboard, a manual payout
marked paid once; another account's affiliates and payouts answer 404."""

import pytest
from beanie import PydanticObjectId

from internal_api.app import create_app
from internal_api.settings import InternalApiSettings
from shared.models.affiliate import Affiliate
from shared.models.affiliate_commission import AffiliateCommission, EntryKind
from shared.models.affiliate_payout import AffiliatePayout
from shared.models.affiliate_programme import AffiliateProgramme
from shared.models.affiliate_referral import AffiliateReferral
from shared.models.affiliate_visit import AffiliateVisit
from tests.factories import create_signed_in
from tests.fixtures import asgi_client

AFFILIATES = "/v1/affiliates"
PLATFORM_ACCOUNT = str(PydanticObjectId())
PROGRAMME = {
    "name": "Partners",
    "landing_url": "https://platform.example/signup",
    "currency": "USD",
}


@pytest.fixture(scope="module")
async def affiliates_api():
    settings = InternalApiSettings(affiliates_platform_account_id=PLATFORM_ACCOUNT)
    async with asgi_client(create_app(settings)) as client:
        yield client


@pytest.fixture
async def api(affiliates_api, mongo):
    return affiliates_api


@pytest.fixture
async def owner(mongo):
    return await create_signed_in()


async def programme_of(api, owner, **fields) -> dict:
    response = await api.put(
        f"{AFFILIATES}/programme", json={**PROGRAMME, **fields}, headers=owner.headers
    )
    assert response.status_code == 200, response.text
    return response.json()


async def invited(api, owner, email="pat@partners.example.com") -> dict:
    response = await api.post(
        AFFILIATES, json={"name": "Pat Partner", "email": email}, headers=owner.headers
    )
    assert response.status_code == 201, response.text
    return response.json()


async def test_an_invited_affiliate_is_active_with_a_referral_short_link(api, owner):
    await programme_of(api, owner)

    affiliate = await invited(api, owner)

    assert affiliate["status"] == "active"
    assert affiliate["short_url"].startswith("http://127.0.0.1:5000/v1/s/")
    again = await api.post(
        AFFILIATES, json={"name": "Pat", "email": "PAT@partners.example.com"}, headers=owner.headers
    )
    assert again.json()["error"]["code"] == "affiliate_exists"


async def test_another_accounts_affiliate_and_payout_answer_404(api, owner):
    other = await create_signed_in()
    await programme_of(api, other)
    theirs = await invited(api, other)
    payout = await AffiliatePayout(
        account_id=other.account.id,
        affiliate_id=PydanticObjectId(theirs["id"]),
        amount=5000,
        currency="USD",
        method="manual",
        ref_code="aff-x",
    ).insert()

    patched = await api.patch(
        f"{AFFILIATES}/{theirs['id']}", json={"status": "disabled"}, headers=owner.headers
    )
    paid = await api.post(f"{AFFILIATES}/ledger/payouts/{payout.id}/paid", headers=owner.headers)

    assert (patched.status_code, paid.status_code) == (404, 404)
    assert (await Affiliate.get(theirs["id"])).status == "active"
    assert (await AffiliatePayout.get(payout.id)).status == "pending"
    assert (await api.get(AFFILIATES, headers=owner.headers)).json()["data"] == []


async def test_a_self_signed_up_affiliate_waits_for_approval(api, owner):
    programme = await programme_of(api, owner, approve_signups=True)

    signed = await api.post(
        f"{AFFILIATES}/public/programmes/{programme['token']}/affiliates",
        json={"name": "Sam", "email": "sam@partners.example.com"},
    )
    (affiliate,) = (await api.get(AFFILIATES, headers=owner.headers)).json()["data"]
    approved = await api.patch(
        f"{AFFILIATES}/{affiliate['id']}", json={"status": "active"}, headers=owner.headers
    )

    assert signed.json() == {"status": "pending"}
    assert approved.json()["status"] == "active"


async def test_a_referral_visit_is_carried_into_signup_and_attributed_to_the_platforms_programme(
    api,
):
    # The platform's own account runs the platform's programme: agencies are referred to it.
    await AffiliateProgramme(
        account_id=PydanticObjectId(PLATFORM_ACCOUNT), **PROGRAMME, token="platform-programme"
    ).insert()
    affiliate = await Affiliate(
        account_id=PydanticObjectId(PLATFORM_ACCOUNT),
        programme_id=PydanticObjectId(),
        name="Pat",
        email="pat@partners.example.com",
        code="a1b2c3d4e5f6",
    ).insert()

    followed = await api.get(f"{AFFILIATES}/public/r/{affiliate.code}")
    visitor = followed.cookies["referral_visitor"]
    signup = {
        "email": "new@agency.example.com",
        "password": "a long enough password",
        "name": "Nia",
        "account_name": "New Agency",
        "referral_visitor": visitor,
    }
    signed_up = await api.post("/v1/auth/signup", json=signup)

    assert followed.status_code == 302
    assert (
        followed.headers["location"]
        == f"https://platform.example/signup?referral_visitor={visitor}"
    )
    assert await AffiliateVisit.find({"visitor": visitor}).count() == 1
    (referral,) = await AffiliateReferral.find_all().to_list()
    assert str(referral.referred_account_id) == signed_up.json()["account"]["id"]
    assert referral.affiliate_id == affiliate.id


async def test_the_leaderboard_ranks_affiliates_by_net_commission(api, owner):
    await programme_of(api, owner)
    first, second = (
        await invited(api, owner, "a@partners.example.com"),
        await invited(api, owner, "b@partners.example.com"),
    )
    for affiliate_id, amount, event in (
        (first["id"], 3000, "e1"),
        (second["id"], 5000, "e2"),
        (second["id"], -4000, "e3"),
    ):
        await AffiliateCommission(
            account_id=owner.account.id,
            affiliate_id=PydanticObjectId(affiliate_id),
            referral_id=PydanticObjectId(),
            referred_account_id=PydanticObjectId(),
            invoice_id=f"in_{event}",
            event_id=event,
            kind=EntryKind.ACCRUAL if amount > 0 else EntryKind.REVERSAL,
            amount=amount,
            currency="USD",
            invoice_amount=abs(amount) * 5,
            occurred_at=owner.record.created_at,
        ).insert()

    board = await api.get(f"{AFFILIATES}/ledger/leaderboard", headers=owner.headers)
    ledger = await api.get(
        f"{AFFILIATES}/ledger/commissions?invoice_id=in_e3", headers=owner.headers
    )

    assert [(row["affiliate_id"], row["earned"]) for row in board.json()] == [
        (first["id"], 3000),
        (second["id"], 1000),
    ]
    assert [entry["amount"] for entry in ledger.json()["data"]] == [-4000]


async def test_a_manual_payout_is_marked_paid_once(api, owner):
    await programme_of(api, owner)
    affiliate = await invited(api, owner)
    payout = await AffiliatePayout(
        account_id=owner.account.id,
        affiliate_id=PydanticObjectId(affiliate["id"]),
        amount=5000,
        currency="USD",
        method="manual",
        ref_code="aff-1",
    ).insert()

    paid = await api.post(f"{AFFILIATES}/ledger/payouts/{payout.id}/paid", headers=owner.headers)
    again = await api.post(f"{AFFILIATES}/ledger/payouts/{payout.id}/paid", headers=owner.headers)

    assert (paid.json()["status"], paid.json()["paid_by"]) == ("paid", str(owner.user.id))
    assert again.json()["error"]["code"] == "payout_not_markable"
