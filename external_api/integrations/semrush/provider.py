import httpx

from external_api.integrations.framework.errors import ReconnectNeeded
from external_api.integrations.framework.http import ProviderHttp
from external_api.integrations.framework.provider import ApiKeyCheck, ConnectedAs, Provider
from external_api.integrations.semrush.answers import error_of
from external_api.integrations.semrush.routes import router
from external_api.integrations.semrush.schemas import SemrushConnect
from shared.models.integration_credential import IntegrationCredential
from shared.models.semrush_key import SemrushKey

# The key's API units balance: a number for a good key, an error line otherwise; it costs none.
UNITS_URL = "https://www.semrush.com/users/countapiunits.html"


async def validate(http: ProviderHttp, body: SemrushConnect) -> ConnectedAs:
    response = await http.call("GET", UNITS_URL, params={"key": body.api_key.get_secret_value()})
    if error_of(response.text) or not response.text.strip().isdigit():
        raise ReconnectNeeded("Semrush refused the API key.")
    label = f"{body.domain} ({response.text.strip()} API units left)"
    return ConnectedAs(external_id=body.domain, label=label, options={"database": body.database})


def apply(api_key: str, _: IntegrationCredential) -> dict:
    return {"params": {"key": api_key}}


def refused(response: httpx.Response) -> bool:
    return response.status_code in (401, 403)


PROVIDER = Provider(
    name="semrush",
    title="Semrush",
    credential=SemrushKey,
    base_url=lambda settings: settings.semrush.api_url,
    router=router,
    api_key=ApiKeyCheck(body=SemrushConnect, validate=validate, apply=apply),
    refused=refused,
)
