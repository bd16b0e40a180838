"""Mailchimp's unsubscribe in the queue manager: the account's contacts holding the address
opted out of marketing email (an activity logged, no echo to the list, whose member is kept
unsubscribed); an audience the account does not sync is left alone."""

from queue_manager.integrations.mailchimp import handle
from shared.domain.email_lists.repository import MemberRepository
from shared.models.contact import Contact
from shared.models.email_list_sync import EmailListSync, MemberStatus
from tests.factories import create_account, create_contact

LIST_ID = "a6b5da1054"


def event(account_id: str, list_id: str = LIST_ID) -> dict:
    data = {"account_id": account_id, "list_id": list_id, "email": "Ada@Example.com"}
    return {"id": f"unsubscribe:{list_id}:x", "type": "unsubscribe", "data": data}


async def synced(account) -> EmailListSync:
    return await EmailListSync(
        account_id=account.id, provider="mailchimp", list_id=LIST_ID, tag="newsletter"
    ).insert()


async def test_an_unsubscribe_opts_the_accounts_contacts_out(run):
    account = await create_account()
    sync = await synced(account)
    contact = await create_contact(account, emails=["ada@example.com"], tags=["newsletter"])

    answer = await run(handle, event(str(account.id)))

    assert answer == {"opted_out": 1}
    assert (await Contact.get(contact.id)).email_opt_out is True
    members = await MemberRepository(sync).by_email()
    assert members["ada@example.com"].status is MemberStatus.UNSUBSCRIBED


async def test_the_opt_out_pushes_nothing_back_to_the_list(run, recorded):
    account = await create_account()
    sync = await synced(account)
    await create_contact(account, emails=["ada@example.com"], tags=["newsletter"])

    await run(handle, event(str(account.id)))

    # The contact's change is queued for the list, whose member is already unsubscribed: the
    # run then sends nothing (see the external API's audience sync tests).
    pushes = [kwargs for name, kwargs, _ in recorded.jobs if name == "email_lists.sync"]
    assert [push["sync_id"] for push in pushes] == [str(sync.id)]
    member = (await MemberRepository(sync).by_email())["ada@example.com"]
    assert member.status is MemberStatus.UNSUBSCRIBED


async def test_an_audience_not_synced_changes_nothing(run):
    account = await create_account()
    contact = await create_contact(account, emails=["ada@example.com"])

    answer = await run(handle, event(str(account.id), "0000000000"))

    assert answer == {"opted_out": 0}
    assert (await Contact.get(contact.id)).email_opt_out is False
