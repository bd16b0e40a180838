"""Placeholders in canned replies and the bot's answers, `{{ customer_first_name }}`, filled
from the conversation they are used in. Only the names below exist: a text naming another is
refused when saved (`unknown_in`), so a typo never reaches a customer as `{{ nmae }}`."""

import re
from collections.abc import Mapping
from typing import Annotated

from pydantic import AfterValidator, Field

from shared.domain.accounts import repository as accounts
from shared.models.account import Account
from shared.models.conversation import Conversation
from shared.models.user import User
from shared.utilities.repository import object_id

PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z0-9_]+)\s*\}\}")

NAMES = {
    "account_name": "the supported account's name",
    "customer_name": "the name of who opened the conversation",
    "customer_first_name": "their first name",
    "customer_email": "their email",
    "agent_name": "the name of the teammate using the reply",
    "team_name": "the supporting account's brand name (else its name)",
    "subject": "the conversation's subject",
}


def unknown_in(text: str) -> list[str]:
    return sorted({name for name in PLACEHOLDER.findall(text) if name not in NAMES})


def only_known(text: str) -> str:
    if unknown := unknown_in(text):
        raise ValueError(f"names unknown placeholders: {', '.join(unknown)}")
    return text


# A reply's or an answer's text: its placeholders all known.
ReplyText = Annotated[str, Field(min_length=1, max_length=5000), AfterValidator(only_known)]


def fill(text: str, values: Mapping[str, str]) -> str:
    return PLACEHOLDER.sub(lambda match: values.get(match[1], match[0]), text)


async def values_for(conversation: Conversation, agent_id: str | None) -> dict[str, str]:
    """Each placeholder's value in the conversation; empty where it is unknown (a user since
    gone, no agent for the bot)."""
    assert conversation.support_account_id is not None, "a support conversation"
    account = await accounts.account(conversation.account_id)
    team = await accounts.account(conversation.support_account_id)
    customer = await user(conversation.created_by)
    agent = await user(agent_id)
    customer_name = customer.name if customer else ""
    return {
        "account_name": account.name if account else "",
        "customer_name": customer_name,
        "customer_first_name": customer_name.split(" ")[0],
        "customer_email": customer.email if customer else "",
        "agent_name": agent.name if agent else "",
        "team_name": brand_name(team),
        "subject": conversation.title,
    }


async def user(user_id: str | None) -> User | None:
    oid = object_id(user_id)
    return await accounts.user(oid) if oid else None


def brand_name(account: Account | None) -> str:
    if account is None:
        return ""
    return account.branding.name or account.name
