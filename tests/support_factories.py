"""Factories for the support inbox: an agency with a client sub-account, a teammate of the
agency and a customer of the client, each signed in; support conversations stored as is
(nothing told, no message)."""

from dataclasses import dataclass

from shared.models.account import Account
from shared.models.conversation import Conversation, ConversationKind, SupportState
from shared.models.membership import Role
from shared.models.support_canned_reply import SupportCannedReply
from shared.models.user import User
from tests.factories import SignedIn, create_signed_in, create_sub_account


@dataclass
class Support:
    """The agency's teammate (`agent`) and the client's user (`customer`)."""

    agent: SignedIn
    customer: SignedIn

    @property
    def agency(self) -> Account:
        return self.agent.account

    @property
    def client(self) -> Account:
        return self.customer.account


async def create_support(agent_role: Role = Role.MEMBER) -> Support:
    """An agency whose teammate has `agent_role`, and a sub-account with its own user."""
    agent = await create_signed_in(name="Alan Agent", role=agent_role)
    client = await create_sub_account(agent.account, name="Acme")
    customer = await create_signed_in(client, role=Role.MEMBER, name="Cleo Customer")
    return Support(agent, customer)


async def create_support_conversation(
    customer_account: Account, team: Account, opener: User, **state
) -> Conversation:
    """A support conversation the opener asked the team, its state as given."""
    return await Conversation(
        account_id=customer_account.id,
        kind=ConversationKind.SUPPORT,
        support_account_id=team.id,
        support=SupportState(**state),
        title="Invoice question",
        created_by=str(opener.id),
    ).insert()


async def conversation_of(support: Support, **state) -> Conversation:
    return await create_support_conversation(
        support.client, support.agency, support.customer.user, **state
    )


async def create_canned_reply(account: Account, **overrides) -> SupportCannedReply:
    fields = {
        "account_id": account.id,
        "title": "Refund",
        "shortcut": "refund",
        "body": "Hi {{ customer_first_name }}, your refund is on its way.",
        "created_by": "user-1",
    }
    return await SupportCannedReply(**{**fields, **overrides}).insert()


def support_changes(outbox) -> list[str]:
    """The `support:updated` changes an outbox held (one per room it went to), in order."""
    return [emit.data["change"] for emit in outbox.emits if emit.event == "support:updated"]
