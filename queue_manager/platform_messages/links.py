"""Links into the dashboard in the platform's messages: on the account's proven custom domain
(its agency's, for a sub-account without one), so a white-labelled client never sees the
platform's own address; on DASHBOARD_URL otherwise."""

from urllib.parse import urljoin

from beanie import PydanticObjectId

from shared.domain.accounts import repository as accounts
from shared.models.account import Account


async def dashboard_links(account_id: str, paths: dict[str, str], dashboard_url: str) -> dict:
    if not paths:
        return {}
    base = await base_url(await accounts.account(PydanticObjectId(account_id)), dashboard_url)
    return {name: urljoin(base, path.lstrip("/")) for name, path in paths.items()}


async def base_url(account: Account | None, dashboard_url: str) -> str:
    domain = account.branding.custom_domain if account else None
    if account and not domain and account.parent_id:
        agency = await accounts.account(account.parent_id)
        domain = agency.branding.custom_domain if agency else None
    return f"https://{domain}/" if domain else dashboard_url.rstrip("/") + "/"
