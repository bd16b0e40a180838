"""The poll cron's body: one `email_lists.poll` queued for each list of a provider sending no
unsubscribe webhook (Constant Contact), of every account, and none for Mailchimp's audiences,
whose webhook tells their unsubscribes."""

from shared.domain.email_lists.polls import ask_polls
from shared.models.email_list_sync import EmailListSync
from tests.factories import create_account


async def synced(account, provider: str, list_id: str) -> EmailListSync:
    return await EmailListSync(
        account_id=account.id, provider=provider, list_id=list_id, tag="newsletter"
    ).insert()


async def test_each_constant_contact_list_of_every_account_is_polled(outbox):
    first, second = await create_account(), await create_account()
    one = await synced(first, "constant-contact", "04fe9a97-a579")
    other = await synced(second, "constant-contact", "1ab2c3d4-e5f6")
    await synced(first, "mailchimp", "a6b5da1054")

    queued = await ask_polls()

    assert queued == 2
    polls = [job.kwargs for job in outbox.jobs if job.name == "email_lists.poll"]
    assert sorted(polls, key=lambda poll: poll["sync_id"]) == sorted(
        [
            {"account_id": str(first.id), "provider": "constant-contact", "sync_id": str(one.id)},
            {
                "account_id": str(second.id),
                "provider": "constant-contact",
                "sync_id": str(other.id),
            },
        ],
        key=lambda poll: poll["sync_id"],
    )
