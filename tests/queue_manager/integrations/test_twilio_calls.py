"""Twilio's call statuses: a completed call on one of the account's numbers has its minutes
charged to the account's wallet, once even when its event is handled twice; other statuses,
and calls on numbers the account does not hold, are not charged."""

import pytest

from queue_manager.integrations.twilio import handle
from shared.models.onebalance_movement import OnebalanceMovement
from shared.models.onebalance_wallet import OnebalanceWallet
from shared.models.twilio_number import TwilioNumber
from tests.external_api.fakes.twilio import ACCOUNT_SID, CALL_SID, CUSTOMER, NUMBER
from tests.factories import create_account
from tests.onebalance_factories import create_wallet


@pytest.fixture
async def wallet() -> OnebalanceWallet:
    account = await create_account()
    await TwilioNumber(
        account_id=account.id, phone_number=NUMBER, sid="PN1", twilio_account_sid=ACCOUNT_SID
    ).insert()
    return await create_wallet(account, 100)


def call_event(wallet, status: str = "completed", duration: int = 61, **call) -> dict:
    data = {
        "account_id": str(wallet.account_id),
        "call_sid": CALL_SID,
        "status": status,
        "duration": duration,
        "direction": "inbound",
        "to": NUMBER,
        "from": CUSTOMER,
        **call,
    }
    return {"id": f"{CALL_SID}:{status}", "type": "call.status", "data": data}


async def balance_of(wallet: OnebalanceWallet) -> int:
    return (await OnebalanceWallet.get(wallet.id)).balance


async def test_a_completed_call_is_charged_its_minutes(run, wallet):
    answer = await run(handle, call_event(wallet, duration=61))

    assert answer == {"movement": f"call:{CALL_SID}", "charged": True}
    movement = await OnebalanceMovement.get(f"call:{CALL_SID}")
    assert (movement.action, movement.quantity, movement.amount) == ("call_minute", 2, -4)
    assert await balance_of(wallet) == 96


async def test_a_completed_call_handled_twice_is_charged_once(run, wallet):
    await run(handle, call_event(wallet))

    again = await run(handle, call_event(wallet))

    assert again["charged"] is False
    assert await balance_of(wallet) == 96


async def test_an_outbound_call_is_charged_on_the_number_it_left_from(run, wallet):
    event = call_event(wallet, direction="outbound-api", to=CUSTOMER, **{"from": NUMBER})

    await run(handle, event)

    assert await balance_of(wallet) == 96


async def test_a_call_not_answered_is_not_charged(run, wallet):
    answer = await run(handle, call_event(wallet, status="no-answer", duration=0))

    assert "skipped" in answer
    assert await OnebalanceMovement.get(f"call:{CALL_SID}") is None
    assert await balance_of(wallet) == 100


async def test_a_call_on_a_number_the_account_does_not_hold_is_not_charged(run, wallet):
    answer = await run(handle, call_event(wallet, to="+15005550006"))

    assert "skipped" in answer
    assert await balance_of(wallet) == 100
