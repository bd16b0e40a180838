from tests.external_api.factories import create_connection
from tests.external_api.fakes import mailchimp
from tests.external_api.integrations.crm_more_app import (  # noqa: F401  (fixtures)
    crm_api,
    crm_app,
    fake,
    jobs,
    module_fake,
    module_jobs,
    module_recorded,
    module_waits,
    waits,
)


async def connect(account_id: str, access_token: str = mailchimp.ACCESS_TOKEN):
    """The account connected as Mailchimp's callback leaves it: no expiry, no refresh token."""
    options = {"dc": mailchimp.DC, "api_endpoint": mailchimp.API_ENDPOINT}
    return await create_connection(
        "mailchimp", account_id, access_token, refresh_token="", expires_in=None, options=options
    )
