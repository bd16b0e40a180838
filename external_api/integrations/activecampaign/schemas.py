from pydantic import Field

from external_api.integrations.framework.provider import ApiKeyConnect

# The API URL each ActiveCampaign account is given (Settings > Developer): its own host under
# one of ActiveCampaign's domains, and nothing else (the key is never sent anywhere else).
ACCOUNT_URL = r"^https://[a-z0-9][a-z0-9-]{0,62}\.(api-us[0-9]{1,2}\.com|activehosted\.com)/?$"


class ActiveCampaignConnect(ApiKeyConnect):
    api_url: str = Field(
        pattern=ACCOUNT_URL,
        max_length=120,
        description="the account's API URL, e.g. https://youraccount.api-us1.com",
    )
