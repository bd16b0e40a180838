from external_api.integrations.framework.errors import ProviderFailed
from external_api.integrations.framework.http import ProviderHttp
from external_api.integrations.framework.provider import ApiKeyCheck, ConnectedAs, Provider
from external_api.integrations.sendgrid.routes import router
from external_api.integrations.sendgrid.schemas import SendgridConnect
from external_api.integrations.sendgrid.service import PUBLIC_KEY
from shared.models.integration_credential import IntegrationCredential
from shared.models.sendgrid_key import SendgridKey
from shared.utilities.errors import InvalidInput


def bearer(api_key: str) -> dict[str, str]:
    return {"authorization": f"Bearer {api_key}"}


async def validate(http: ProviderHttp, body: SendgridConnect) -> ConnectedAs:
    """`GET /v3/scopes` lists what the key may do; it must be allowed to send mail."""
    answer = await http.json("GET", "scopes", headers=bearer(body.api_key.get_secret_value()))
    if not isinstance(answer, dict) or not isinstance(answer.get("scopes"), list):
        raise ProviderFailed("SendGrid answered its scopes in an unexpected shape.")
    if "mail.send" not in answer["scopes"]:
        raise InvalidInput(
            "This SendGrid key may not send mail.",
            details=[{"field": "api_key", "message": "needs the Mail Send permission"}],
        )
    options = {PUBLIC_KEY: body.webhook_public_key} if body.webhook_public_key else {}
    return ConnectedAs(options=options)


def apply(api_key: str, _: IntegrationCredential) -> dict:
    return {"headers": bearer(api_key)}


PROVIDER = Provider(
    name="sendgrid",
    title="SendGrid",
    credential=SendgridKey,
    base_url=lambda settings: settings.sendgrid.api_url,
    router=router,
    api_key=ApiKeyCheck(body=SendgridConnect, validate=validate, apply=apply),
)
