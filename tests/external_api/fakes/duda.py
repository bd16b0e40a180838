"""Duda's partner API as documented: site creation from a template, customer accounts, site
permissions, publishing and SSO links."""

API = "https://api.duda.co/api"
CREATE_SITE = f"{API}/sites/multiscreen/create"
CREATE_ACCOUNT = f"{API}/accounts/create"
USERNAME = "duda-api-user"
PASSWORD = "duda-api-password"
SITE_NAME = "28e1182c"


def account_url(account_name: str) -> str:
    return f"{API}/accounts/{account_name}"


def permissions_url(account_name: str, site_name: str = SITE_NAME) -> str:
    return f"{API}/accounts/{account_name}/sites/{site_name}/permissions"


def publish_url(site_name: str = SITE_NAME) -> str:
    return f"{API}/sites/multiscreen/publish/{site_name}"


def site_url(site_name: str = SITE_NAME) -> str:
    return f"{API}/sites/multiscreen/{site_name}"


def sso_url(account_name: str) -> str:
    return f"{API}/accounts/sso/{account_name}/link"


# `GET /accounts/{account_name}` for an existing customer account.
CUSTOMER = {
    "account_name": "platform-customer",
    "first_name": None,
    "last_name": None,
    "email": None,
    "lang": "en",
    "account_type": "CUSTOMER",
}
NOT_FOUND = {"error_code": "ResourceNotExist", "message": "Account not found"}
SSO_LINK = {"url": "https://editor.example.com/home/site/28e1182c?dm_sso=2!eyJ0eXAiOiJKV1QiLCJhbGc"}


def content_url(site_name: str = SITE_NAME) -> str:
    """`POST`: the site's content library updated (Duda answers 204)."""
    return f"{API}/sites/multiscreen/{site_name}/content"


def content_publish_url(site_name: str = SITE_NAME) -> str:
    return f"{API}/sites/multiscreen/{site_name}/content/publish"


# `GET /sites/multiscreen/{site_name}`: the site, with its preview link.
SITE = {
    "site_name": SITE_NAME,
    "account_name": "platform-customer",
    "site_default_domain": "example.multiscreensite.com",
    "preview_site_url": "https://example.multiscreensite.com/preview/28e1182c",
    "last_published_date": None,
    "template_id": 1000774,
}
