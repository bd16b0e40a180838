from external_api.integrations.framework.http import ProviderHttp
from external_api.integrations.framework.provider import ApiKeyCheck, ConnectedAs, Provider
from external_api.integrations.yext.routes import router
from external_api.integrations.yext.schemas import YextConnect
from shared.models.integration_credential import IntegrationCredential
from shared.models.yext_key import YextKey

# The version date the key check asks in; calls use the configured one.
CHECK_VERSION = "20240101"


async def validate(http: ProviderHttp, body: YextConnect) -> ConnectedAs:
    """`GET /accounts/{accountId}` answers the account when the key may read it."""
    params = {"api_key": body.api_key.get_secret_value(), "v": CHECK_VERSION}
    answer = await http.json("GET", f"accounts/{body.yext_account_id}", params=params)
    account = (answer.get("response") or {}) if isinstance(answer, dict) else {}
    account_id = str(account.get("accountId") or body.yext_account_id)
    return ConnectedAs(external_id=account_id, label=str(account.get("accountName") or ""))


def apply(api_key: str, _: IntegrationCredential) -> dict:
    return {"params": {"api_key": api_key}}


PROVIDER = Provider(
    name="yext",
    title="Yext",
    credential=YextKey,
    base_url=lambda settings: settings.yext.api_url,
    router=router,
    api_key=ApiKeyCheck(body=YextConnect, validate=validate, apply=apply),
)
