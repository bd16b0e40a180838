"""A consumer's checkout: started from an offer's public token, and once the provider tells it
completed, landing as a contact, a won deal and an invoice, once however often the event comes;
an event not matching its purchase changes nothing."""

import pytest

from shared.domain.store.checkout import CheckoutOrigin, start_checkout
from shared.domain.store.errors import OfferClosed
from shared.domain.store.purchases import checkout_completed
from shared.models.consumer_invoice import ConsumerInvoice
from shared.models.consumer_purchase import ConsumerPurchase, PurchaseStatus
from shared.models.contact import Contact
from shared.models.deal import Deal, DealStatus
from tests.factories import create_account, create_sub_account
from tests.funnel_factories import create_funnel, page_of
from tests.store_factories import create_offer


async def a_completed_checkout(payments, told):
    client = await create_sub_account(await create_account())
    offer = await create_offer(client)
    purchase, session = await start_checkout(
        payments, offer.token, "ada@example.com", "Ada Lovelace"
    )
    [event] = [e for e in told if e["type"] == "checkout.session.completed"]
    return client, offer, purchase, session, event


async def test_a_completed_checkout_lands_as_a_contact_a_won_deal_and_an_invoice(
    outbox, payments, told
):
    client, _, purchase, session, event = await a_completed_checkout(payments, told)

    await checkout_completed(event["data"], [])

    stored = await ConsumerPurchase.get(purchase.id)
    contact = await Contact.get(stored.contact_id)
    deal = await Deal.get(stored.deal_id)
    invoice = await ConsumerInvoice.get(stored.invoice_id)
    assert session.url == f"https://smile.example/thanks?session={session.id}"
    assert (stored.status, contact.emails, contact.first_name) == (
        PurchaseStatus.PAID,
        ["ada@example.com"],
        "Ada",
    )
    assert "customer" in contact.tags
    assert (deal.status, deal.value, deal.contact_ids) == (DealStatus.WON, 19_900, [contact.id])
    assert (invoice.account_id, invoice.total, invoice.contact_id) == (
        client.id,
        19_900,
        contact.id,
    )


async def test_a_replayed_checkout_event_lands_once(outbox, payments, told):
    *_, event = await a_completed_checkout(payments, told)

    await checkout_completed(event["data"], [])
    replay = await checkout_completed(event["data"], [])

    assert replay == {"skipped": "paid before"}
    counts = [await model.find({}).count() for model in (Contact, Deal, ConsumerInvoice)]
    assert counts == [1, 1, 1]


async def test_a_checkout_for_another_amount_is_not_believed(outbox, payments, told):
    _, _, purchase, _, event = await a_completed_checkout(payments, told)
    event["data"]["object"]["amount_total"] = 1

    outcome = await checkout_completed(event["data"], [])

    assert outcome == {"skipped": "the checkout does not match its purchase"}
    assert (await ConsumerPurchase.get(purchase.id)).status is PurchaseStatus.PENDING
    assert await Deal.find({}).count() == 0


async def test_a_closed_offer_takes_no_checkout(outbox, payments):
    offer = await create_offer(await create_account(), active=False)

    with pytest.raises(OfferClosed):
        await start_checkout(payments, offer.token, "ada@example.com", "")

    assert await ConsumerPurchase.find({}).count() == 0


async def test_a_checkout_from_a_funnels_step_counts_one_purchase_on_that_step(
    outbox, payments, told
):
    client = await create_sub_account(await create_account())
    offer = await create_offer(client)
    funnel = await create_funnel(client)
    origin = CheckoutOrigin(funnel.id, funnel.steps[0].id)
    await start_checkout(payments, offer.token, "ada@example.com", "Ada", origin)
    [event] = [e for e in told if e["type"] == "checkout.session.completed"]

    await checkout_completed(event["data"], [])
    await checkout_completed(event["data"], [])

    assert (await page_of(funnel)).purchases == 1
