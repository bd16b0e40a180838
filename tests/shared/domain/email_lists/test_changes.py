"""A contact's change queued for the list syncs whose tag it has or had (`email_lists.sync`
for that contact), and for no other list, nor for changes a list is not made of."""

from shared.domain.contacts.writing import Author, update_contact
from shared.models.email_list_sync import EmailListSync
from tests.factories import create_account, create_contact


async def synced(account, tag: str) -> EmailListSync:
    return await EmailListSync(
        account_id=account.id, provider="mailchimp", list_id=f"list{tag}", tag=tag
    ).insert()


def pushes(outbox) -> list[dict]:
    return [job.kwargs for job in outbox.jobs if job.name == "email_lists.sync"]


async def test_an_opt_out_is_queued_for_the_lists_of_the_contacts_tags(outbox):
    account = await create_account()
    newsletter, _ = await synced(account, "newsletter"), await synced(account, "other")
    contact = await create_contact(account, tags=["newsletter"])

    await update_contact(Author.platform(account.id, "US"), contact, {"email_opt_out": True})

    assert pushes(outbox) == [
        {
            "account_id": str(account.id),
            "provider": "mailchimp",
            "sync_id": str(newsletter.id),
            "contact_id": str(contact.id),
        }
    ]


async def test_leaving_a_tag_is_queued_for_its_list(outbox):
    account = await create_account()
    newsletter = await synced(account, "newsletter")
    contact = await create_contact(account, tags=["newsletter"])

    await update_contact(Author.platform(account.id, "US"), contact, {"tags": []})

    assert [push["sync_id"] for push in pushes(outbox)] == [str(newsletter.id)]


async def test_a_change_no_list_is_made_of_is_not_queued(outbox):
    account = await create_account()
    await synced(account, "newsletter")
    contact = await create_contact(account, tags=["newsletter"])

    await update_contact(Author.platform(account.id, "US"), contact, {"website": "https://a.test"})

    assert pushes(outbox) == []
