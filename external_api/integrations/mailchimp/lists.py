"""Mailchimp's adapter of the email-list sync: an audience watched by its webhook (its
unsubscribes and cleaned addresses, not the API's own changes), members added in batches
(`update_existing` off for subscribes, so an address the audience holds stays as it is; on
for unsubscribes), merge fields patched, members archived."""

from collections.abc import Iterable

from external_api.integrations.email_lists.adapter import Written
from external_api.integrations.email_lists.members import Wanted
from external_api.integrations.email_lists.service import EmailLists
from external_api.integrations.framework.runtime import Integrations
from external_api.integrations.hook_tokens import hook_token
from external_api.integrations.mailchimp.client import (
    BATCH_SIZE,
    NAME,
    MailchimpClient,
    client_for,
)

# Mailchimp's code for an address already in the audience, which a batch not updating
# existing members leaves as it is.
EXISTS = "ERROR_CONTACT_EXISTS"


def hook_url(integrations: Integrations, account_id: str) -> str:
    settings = integrations.settings
    token = hook_token(settings.mailchimp.webhook_key.get_secret_value(), NAME, account_id)
    return f"{settings.public_url.rstrip('/')}/v1/e/{NAME}/webhooks/{account_id}/{token}"


def chunks(items: list[Wanted]) -> Iterable[list[Wanted]]:
    for start in range(0, len(items), BATCH_SIZE):
        yield items[start : start + BATCH_SIZE]


class MailchimpLists:
    def __init__(self, client: MailchimpClient, hook: str) -> None:
        self.client = client
        self.hook = hook

    async def watch(self, list_id: str) -> str:
        return await self.client.create_webhook(list_id, self.hook)

    async def unwatch(self, list_id: str, webhook_id: str) -> None:
        await self.client.delete_webhook(list_id, webhook_id)

    async def add(self, list_id: str, wanted: list[Wanted], subscribed: bool) -> Written:
        written = Written()
        for chunk in chunks(wanted):
            members = [
                {
                    "email_address": one.email,
                    "status": one.status.value,
                    "merge_fields": one.merge_fields,
                }
                for one in chunk
            ]
            answer = await self.client.batch(list_id, members, update_existing=not subscribed)
            for error in answer.get("errors", []):
                email = error.get("email_address", "").lower()
                if error.get("error_code") == EXISTS:
                    written.existing.add(email)
                else:
                    written.refused.add(email)
        return written

    async def update(self, list_id: str, one: Wanted) -> None:
        await self.client.update_member(list_id, one.email, {"merge_fields": one.merge_fields})

    async def remove(self, list_id: str, email: str) -> None:
        await self.client.archive_member(list_id, email)


async def connect(integrations: Integrations, account_id: str) -> MailchimpLists:
    client = await client_for(integrations, account_id)
    return MailchimpLists(client, hook_url(integrations, account_id))


LISTS = EmailLists(NAME, "Audience", connect)
