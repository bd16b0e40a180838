"""/v1/onebalance: an agency opens and credits its sub-account's wallet and sets its markup, the
sub-account reads it and tops it up by card (once per key, a declined card changing nothing);
another agency's sub-account answers 404 (its wallet read, credited or marked up); the usage
report per month, as JSON and CSV."""

import pytest

from shared.domain.onebalance.charging import Usage, charge
from shared.domain.onebalance.rates import MeteredAction
from shared.models.onebalance_movement import OnebalanceMovement
from shared.models.onebalance_wallet import OnebalanceWallet
from tests.factories import create_signed_in, create_sub_account
from tests.internal_api.onebalance.conftest import ONEBALANCE
from tests.onebalance_factories import create_wallet, save_card
from tests.shared.domain.held import holding


@pytest.fixture
async def agency(mongo):
    return await create_signed_in()


@pytest.fixture
async def client(agency):
    """A sub-account of the agency, and its owner signed in."""
    return await create_signed_in(await create_sub_account(agency.account, name="Acme"))


def of(client) -> str:
    return f"{ONEBALANCE}/sub-accounts/{client.account.id}"


async def test_the_agency_opens_credits_and_marks_up_its_clients_wallet(api, agency, client):
    await api.post(f"{of(client)}/wallet", json={"currency": "USD"}, headers=agency.headers)
    credit = {"amount": 1_000, "key": "credit-0001", "note": "March"}

    first = await api.post(f"{of(client)}/credits", json=credit, headers=agency.headers)
    again = await api.post(f"{of(client)}/credits", json=credit, headers=agency.headers)
    marked = await api.put(
        f"{of(client)}/markup", json={"markup_bp": 2_500}, headers=agency.headers
    )

    assert (first.status_code, again.json()["id"]) == (201, first.json()["id"])
    wallet = await api.get(f"{ONEBALANCE}/wallet", headers=client.headers)
    assert (wallet.json()["balance"], marked.json()["markup_bp"]) == (1_000, 2_500)
    movements = await api.get(f"{ONEBALANCE}/wallet/movements", headers=client.headers)
    [movement] = movements.json()["data"]
    assert sorted(entry["amount"] for entry in movement["entries"]) == [-1_000, 1_000]


async def test_another_agencys_client_wallet_answers_404_and_is_not_credited(api, client):
    stranger = await create_signed_in()
    wallet = await create_wallet(client.account, 300)
    credit = {"amount": 1_000, "key": "credit-0002"}

    read = await api.get(f"{of(client)}/wallet", headers=stranger.headers)
    credited = await api.post(f"{of(client)}/credits", json=credit, headers=stranger.headers)

    assert (read.status_code, credited.status_code) == (404, 404)
    assert credited.json()["error"]["code"] == "not_found"
    assert (await OnebalanceWallet.get(wallet.id)).balance == 300


async def test_another_agency_cannot_mark_up_a_clients_wallet(api, client):
    stranger = await create_signed_in()
    wallet = await create_wallet(client.account, markup_bp=1_000)

    answer = await api.put(
        f"{of(client)}/markup", json={"markup_bp": 9_000}, headers=stranger.headers
    )

    assert (answer.status_code, answer.json()["error"]["code"]) == (404, "not_found")
    assert (await OnebalanceWallet.get(wallet.id)).markup_bp == 1_000


async def test_a_card_top_up_sent_twice_charges_and_credits_once(api, client):
    await create_wallet(client.account)
    await save_card(client.account)
    body = {"amount": 2_500, "key": "topup-0001"}

    first = await api.post(f"{ONEBALANCE}/wallet/top-ups", json=body, headers=client.headers)
    again = await api.post(f"{ONEBALANCE}/wallet/top-ups", json=body, headers=client.headers)

    assert (first.status_code, again.json()["id"]) == (201, first.json()["id"])
    assert first.json()["payment_reference"].startswith("pi_test_")
    wallet = await api.get(f"{ONEBALANCE}/wallet", headers=client.headers)
    assert wallet.json()["balance"] == 2_500


async def test_a_declined_top_up_answers_402_and_credits_nothing(api, client):
    wallet = await create_wallet(client.account)
    await save_card(client.account, "pm_card_chargeDeclined")
    body = {"amount": 2_500, "key": "topup-0002"}

    answer = await api.post(f"{ONEBALANCE}/wallet/top-ups", json=body, headers=client.headers)

    assert (answer.status_code, answer.json()["error"]["code"]) == (402, "card_declined")
    assert (await OnebalanceWallet.get(wallet.id)).balance == 0
    assert await OnebalanceMovement.find({"kind": "top_up"}).count() == 0


async def test_the_usage_report_sums_each_client_by_month_and_exports_csv(api, agency, client):
    await create_wallet(client.account, 1_000, markup_bp=10_000)
    async with holding():
        for number in range(3):
            usage = Usage(MeteredAction.SMS_SEGMENT, 2, f"sms:{number}")
            await charge(client.account.id, usage)
    month = "?from=2000-01&to=2999-12"

    report = await api.get(f"{ONEBALANCE}/reports/usage{month}", headers=agency.headers)
    exported = await api.get(f"{ONEBALANCE}/reports/usage.csv{month}", headers=agency.headers)

    [row] = report.json()["rows"]
    assert (row["account_name"], row["quantity"], row["cost"], row["markup"]) == ("Acme", 6, 6, 6)
    assert report.json()["totals"] == {"USD": 12}
    header, line = exported.text.strip().splitlines()
    assert header.split(",")[-3:] == ["cost", "markup", "total"]
    assert line.endswith("sms_segment,6,3,USD,0.06,0.06,0.12")


async def test_the_account_sets_its_auto_reload_and_alert(api, client):
    await create_wallet(client.account)
    settings = {
        "auto_reload": {"enabled": True, "threshold": 500, "amount": 2_000},
        "low_balance_threshold": 800,
    }

    answer = await api.patch(f"{ONEBALANCE}/wallet", json=settings, headers=client.headers)

    assert answer.status_code == 200, answer.text
    stored = await OnebalanceWallet.find_one({"account_id": client.account.id})
    assert (stored.auto_reload.threshold, stored.auto_reload.window_minutes) == (500, 60)
    assert (stored.low_balance_threshold, stored.balance) == (800, 0)
