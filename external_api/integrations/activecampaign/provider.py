"""ActiveCampaign connects by the account's own API key and API URL
(developers.activecampaign.com/reference/authentication): every call carries the key in the
`Api-Token` header, to that URL; the key is checked with `GET /api/3/users/me`."""

from external_api.integrations.activecampaign.routes import NAME, router
from external_api.integrations.activecampaign.schemas import ActiveCampaignConnect
from external_api.integrations.framework.http import ProviderHttp
from external_api.integrations.framework.provider import ApiKeyCheck, ConnectedAs, Provider
from shared.models.crm_more_tokens import ActiveCampaignKey
from shared.models.integration_credential import IntegrationCredential

API_URL = "api_url"


async def validate(http: ProviderHttp, body: ActiveCampaignConnect) -> ConnectedAs:
    api_url = body.api_url.rstrip("/")
    headers = {"api-token": body.api_key.get_secret_value()}
    answer = await http.json("GET", f"{api_url}/api/3/users/me", headers=headers)
    user = answer.get("user") or {}
    host = api_url.removeprefix("https://")
    return ConnectedAs(
        external_id=host, label=str(user.get("email") or host), options={API_URL: api_url}
    )


def apply(api_key: str, _: IntegrationCredential) -> dict:
    return {"headers": {"api-token": api_key}}


PROVIDER = Provider(
    name=NAME,
    title="ActiveCampaign",
    credential=ActiveCampaignKey,
    # No common host: every call names the account's own API URL in full.
    base_url=lambda settings: "",
    router=router,
    api_key=ApiKeyCheck(body=ActiveCampaignConnect, validate=validate, apply=apply),
)
