"""Constant Contact's adapter of the email-list sync (v3 API, developer.constantcontact.com):
each address looked up first (`GET /v3/contacts?email=`), since Constant Contact keys its
contacts by id and its sign-up form would give an unsubscribed contact its permission back.

- a new address is created on the list (`POST /v3/contacts`, `create_source: Account`, its
  permission implicit), a known one added to it (`POST /v3/activities/add_contacts_to_lists`)
  as it is, one Constant Contact holds unsubscribed left so and kept unsubscribed;
- an address opted out on the platform is unsubscribed (`PUT /v3/contacts/{id}`, its
  `permission_to_send` unsubscribed, on the contact's behalf: `update_source: Contact`);
- names are changed by the same PUT, every other property sent back as it was (the PUT
  replaces the contact), `update_source: Account`;
- a member leaving is taken off the list (`POST /v3/activities/remove_list_memberships`).

Constant Contact has no unsubscribe webhook: its unsubscribes come back by a poll
(`unsubscribes`)."""

from typing import Any

from external_api.integrations.constant_contact.reports import NAME
from external_api.integrations.email_lists.adapter import Written
from external_api.integrations.email_lists.members import Wanted
from external_api.integrations.email_lists.service import EmailLists
from external_api.integrations.framework.runtime import Integrations
from external_api.integrations.framework.tokens import ConnectedHttp
from shared.utilities.errors import InvalidInput

CONTACTS = "/v3/contacts"
ADD_TO_LISTS = "/v3/activities/add_contacts_to_lists"
REMOVE_FROM_LISTS = "/v3/activities/remove_list_memberships"
UNSUBSCRIBED = "unsubscribed"
# What a contact's GET answers that its PUT does not take.
READ_ONLY = frozenset({"contact_id", "created_at", "updated_at", "create_source", "deleted_at"})


def permission_of(contact: dict[str, Any]) -> str:
    return str((contact.get("email_address") or {}).get("permission_to_send") or "")


class ConstantContactLists:
    def __init__(self, http: ConnectedHttp) -> None:
        self.http = http

    async def find(self, email: str) -> dict[str, Any] | None:
        params = {"email": email, "include": "list_memberships"}
        answer = await self.http.json("GET", CONTACTS, params=params)
        contacts = answer.get("contacts") or []
        return contacts[0] if contacts else None

    async def watch(self, list_id: str) -> str:
        return ""  # no webhook: the poll brings the unsubscribes

    async def unwatch(self, list_id: str, webhook_id: str) -> None:
        """Nothing made when watched."""

    async def add(self, list_id: str, wanted: list[Wanted], subscribed: bool) -> Written:
        written = Written()
        known: list[str] = []
        for one in wanted:
            try:
                contact = await self.find(one.email)
            except InvalidInput:  # an address Constant Contact does not take
                written.refused.add(one.email)
                continue
            if contact is None:
                if subscribed:
                    await self.create(list_id, one, written)
            elif permission_of(contact) == UNSUBSCRIBED:
                written.unsubscribed.add(one.email)
            elif subscribed:
                written.existing.add(one.email)
                known.append(str(contact["contact_id"]))
            else:
                await self.put(contact, "Contact", email_address=self.unsubscribed(contact))
        if known:
            body = {"source": {"contact_ids": known}, "list_ids": [list_id]}
            await self.http.call("POST", ADD_TO_LISTS, json=body)
        return written

    async def create(self, list_id: str, one: Wanted, written: Written) -> None:
        body = {
            "email_address": {"address": one.email, "permission_to_send": "implicit"},
            "first_name": one.first_name,
            "last_name": one.last_name,
            "create_source": "Account",
            "list_memberships": [list_id],
        }
        try:
            await self.http.call("POST", CONTACTS, json=body)
        except InvalidInput:
            written.refused.add(one.email)

    @staticmethod
    def unsubscribed(contact: dict[str, Any]) -> dict[str, Any]:
        return {**contact["email_address"], "permission_to_send": UNSUBSCRIBED}

    async def put(self, contact: dict[str, Any], source: str, **changes: Any) -> None:
        kept = {name: value for name, value in contact.items() if name not in READ_ONLY}
        body = {**kept, **changes, "update_source": source}
        await self.http.call("PUT", f"{CONTACTS}/{contact['contact_id']}", json=body)

    async def update(self, list_id: str, one: Wanted) -> None:
        contact = await self.find(one.email)
        if contact is not None:
            await self.put(contact, "Account", first_name=one.first_name, last_name=one.last_name)

    async def remove(self, list_id: str, email: str) -> None:
        contact = await self.find(email)
        if contact is None:
            return
        body = {"source": {"contact_ids": [str(contact["contact_id"])]}, "list_ids": [list_id]}
        await self.http.call("POST", REMOVE_FROM_LISTS, json=body)


async def connect(integrations: Integrations, account_id: str) -> ConstantContactLists:
    return ConstantContactLists(integrations.connected_http(NAME, account_id))


LISTS = EmailLists(NAME, "List", connect)
