from external_api.integrations.calltrackingmetrics.routes import router
from external_api.integrations.calltrackingmetrics.schemas import CtmConnect
from external_api.integrations.framework.http import ProviderHttp
from external_api.integrations.framework.provider import ApiKeyCheck, ConnectedAs, Provider
from shared.models.ctm_key import ACCESS_KEY, CtmKey
from shared.models.integration_credential import IntegrationCredential


async def validate(http: ProviderHttp, body: CtmConnect) -> ConnectedAs:
    """`GET /accounts/{account_id}.json` answers the account when the pair may read it."""
    auth = (body.access_key, body.api_key.get_secret_value())
    account = await http.json("GET", f"accounts/{body.ctm_account_id}.json", auth=auth)
    return ConnectedAs(
        external_id=body.ctm_account_id,
        label=str(account.get("name") or ""),
        options={ACCESS_KEY: body.access_key},
    )


def apply(secret_key: str, credential: IntegrationCredential) -> dict:
    return {"auth": (credential.options.get(ACCESS_KEY, ""), secret_key)}


PROVIDER = Provider(
    name="calltrackingmetrics",
    title="CallTrackingMetrics",
    credential=CtmKey,
    base_url=lambda settings: settings.calltrackingmetrics.api_url,
    router=router,
    api_key=ApiKeyCheck(body=CtmConnect, validate=validate, apply=apply),
)
