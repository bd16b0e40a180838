from external_api.integrations.callrail.client import token_header
from external_api.integrations.callrail.routes import router
from external_api.integrations.callrail.schemas import CallrailConnect
from external_api.integrations.framework.http import ProviderHttp
from external_api.integrations.framework.provider import ApiKeyCheck, ConnectedAs, Provider
from shared.models.callrail_key import CallrailKey
from shared.models.integration_credential import IntegrationCredential


async def validate(http: ProviderHttp, body: CallrailConnect) -> ConnectedAs:
    """`GET /a/{account_id}.json` answers the account when the key may read it."""
    key = body.api_key.get_secret_value()
    path = f"a/{body.callrail_account_id}.json"
    account = await http.json("GET", path, headers=token_header(key))
    return ConnectedAs(external_id=body.callrail_account_id, label=str(account.get("name") or ""))


def apply(api_key: str, _: IntegrationCredential) -> dict:
    return {"headers": token_header(api_key)}


PROVIDER = Provider(
    name="callrail",
    title="CallRail",
    credential=CallrailKey,
    base_url=lambda settings: settings.callrail.api_url,
    router=router,
    api_key=ApiKeyCheck(body=CallrailConnect, validate=validate, apply=apply),
)
