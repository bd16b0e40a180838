import pytest

from external_api.integrations.mailchimp.settings import MailchimpSettings
from tests.external_api.factories import create_connection
from tests.external_api.fakes import mailchimp


@pytest.fixture
async def api(start_external):
    """The external API with the platform's Mailchimp app."""
    settings = MailchimpSettings(
        client_id=mailchimp.CLIENT_ID,
        client_secret=mailchimp.CLIENT_SECRET,
        webhook_key=mailchimp.WEBHOOK_KEY,
    )
    async with start_external(mailchimp=settings) as client:
        yield client


async def connect(account_id: str, access_token: str = mailchimp.ACCESS_TOKEN):
    """The account connected as Mailchimp's callback leaves it: no expiry, no refresh token."""
    options = {"dc": mailchimp.DC, "api_endpoint": mailchimp.API_ENDPOINT}
    return await create_connection(
        "mailchimp", account_id, access_token, refresh_token="", expires_in=None, options=options
    )
