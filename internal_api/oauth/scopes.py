"""The scopes an app may ask for: the platform's own (`shared.models.membership.ROLE_SCOPES`),
each described the way the consent page shows it to the user (the seed's api-scopes)."""

from shared.models.membership import ALL_SCOPES

DESCRIPTIONS = {
    "account:read": "Read the account's profile and branding",
    "account:write": "Change the account's settings and sub-accounts",
    "users:read": "See the account's users",
    "users:write": "Invite, change and remove the account's users",
    "contacts:read": "Read contacts, forms and their submissions",
    "contacts:write": "Create, change and delete contacts and forms",
    "deals:read": "Read pipelines and deals",
    "deals:write": "Create, move and change deals",
    "conversations:read": "Read conversations and messages",
    "conversations:write": "Send messages",
    "notifications:read": "Read notifications",
    "notifications:write": "Send email, SMS and push notifications from the account",
    "reports:read": "Read reports",
    "integrations:read": "See the account's connected integrations",
    "integrations:write": "Connect and disconnect integrations",
    "billing:read": "Read billing",
    "billing:write": "Change billing",
    "webhooks:write": "Manage the account's webhooks",
    "ai:use": "Use the AI features",
    "reviews:read": "Read the reviews inbox and its figures",
    "reviews:write": "Answer reviews and ask contacts for reviews",
}
assert set(DESCRIPTIONS) == set(ALL_SCOPES), "every scope of the platform is described"

SCOPES_SUPPORTED = list(ALL_SCOPES)


def described(scopes: list[str]) -> list[dict[str, str]]:
    return [{"scope": scope, "description": DESCRIPTIONS[scope]} for scope in scopes]
