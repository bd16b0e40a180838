import httpx

from external_api.integrations.framework.http import ProviderHttp
from external_api.integrations.framework.provider import ApiKeyCheck, ConnectedAs, Provider
from external_api.integrations.twilio.routes import router
from external_api.integrations.twilio.schemas import TwilioConnect
from shared.models.integration_credential import IntegrationCredential
from shared.models.twilio_key import TwilioKey


async def validate(http: ProviderHttp, body: TwilioConnect) -> ConnectedAs:
    """`GET /Accounts/{Sid}.json` answers the account to its own credentials."""
    auth = httpx.BasicAuth(body.account_sid, body.api_key.get_secret_value())
    account = await http.json("GET", f"Accounts/{body.account_sid}.json", auth=auth)
    return ConnectedAs(external_id=body.account_sid, label=str(account.get("friendly_name") or ""))


def apply(auth_token: str, credential: IntegrationCredential) -> dict:
    return {"auth": httpx.BasicAuth(credential.external_id, auth_token)}


PROVIDER = Provider(
    name="twilio",
    title="Twilio",
    credential=TwilioKey,
    base_url=lambda settings: settings.twilio.api_url,
    router=router,
    api_key=ApiKeyCheck(body=TwilioConnect, validate=validate, apply=apply),
)
