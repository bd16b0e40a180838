"""A user's place in an account: a role, and the scopes that role grants there."""

from enum import StrEnum

from beanie import PydanticObjectId
from pymongo import ASCENDING, IndexModel

from shared.models.base import TenantDocument


class Role(StrEnum):
    OWNER = "owner"
    ADMIN = "admin"
    MEMBER = "member"
    CLIENT = "client"


READ_SCOPES = [
    "account:read",
    "users:read",
    "contacts:read",
    "deals:read",
    "conversations:read",
    "notifications:read",
    "reports:read",
    "integrations:read",
    "ai:use",
    "reviews:read",
]
WRITE_SCOPES = [
    "contacts:write",
    "deals:write",
    "conversations:write",
    "integrations:write",
    "reviews:write",
]
# Sending email and SMS from the account (to its own users and contacts) is an admin's: it
# spends the account's daily limits and its sender reputation.
ADMIN_SCOPES = [
    "account:write",
    "users:write",
    "billing:read",
    "billing:write",
    "webhooks:write",
    "notifications:write",
]

ROLE_SCOPES: dict[Role, list[str]] = {
    Role.OWNER: READ_SCOPES + WRITE_SCOPES + ADMIN_SCOPES,
    Role.ADMIN: READ_SCOPES + WRITE_SCOPES + ADMIN_SCOPES,
    Role.MEMBER: READ_SCOPES + WRITE_SCOPES,
    Role.CLIENT: [
        "account:read",
        "contacts:read",
        "deals:read",
        "conversations:read",
        "conversations:write",
        "notifications:read",
        "reports:read",
    ],
}
ALL_SCOPES = sorted({scope for scopes in ROLE_SCOPES.values() for scope in scopes})


class Membership(TenantDocument):
    user_id: PydanticObjectId
    role: Role
    scopes: list[str]

    class Settings:
        name = "memberships"
        use_state_management = True
        indexes = [
            IndexModel([("account_id", ASCENDING), ("user_id", ASCENDING)], unique=True),
            # An account's owners; an agency's owners and admins, who are its sub-accounts' users.
            IndexModel([("account_id", ASCENDING), ("role", ASCENDING)]),
            IndexModel([("user_id", ASCENDING)]),
            # An account's members in the order they joined.
            IndexModel([("account_id", ASCENDING), ("created_at", ASCENDING)]),
        ]
