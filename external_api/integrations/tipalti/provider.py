from external_api.integrations.framework.http import ProviderHttp
from external_api.integrations.framework.provider import ApiKeyCheck, ConnectedAs, Provider
from external_api.integrations.tipalti.client import access_token
from external_api.integrations.tipalti.routes import router
from external_api.integrations.tipalti.schemas import TipaltiConnect
from external_api.integrations.tipalti.service import PROVIDER as NAME
from shared.models.integration_credential import IntegrationCredential
from shared.models.tipalti_key import TipaltiKey


async def validate(http: ProviderHttp, body: TipaltiConnect) -> ConnectedAs:
    """The app's credentials are checked by asking Tipalti for a token with them."""
    await access_token(http, body.client_id, body.client_secret.get_secret_value())
    return ConnectedAs(
        label=body.payer_name,
        options={"client_id": body.client_id, "payer_name": body.payer_name},
    )


def no_headers(api_key: str, _: IntegrationCredential) -> dict:
    """Each call carries an access token the client asks for (`client.Tipalti.bearer`)."""
    return {}


PROVIDER = Provider(
    name=NAME,
    title="Tipalti",
    credential=TipaltiKey,
    base_url=lambda settings: settings.tipalti.api_url,
    router=router,
    api_key=ApiKeyCheck(body=TipaltiConnect, validate=validate, apply=no_headers),
)
