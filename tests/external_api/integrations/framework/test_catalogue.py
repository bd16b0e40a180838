"""GET /v1/e/integrations as the catalogue: every provider of the platform, registered or not,
with whether the platform has it set up."""

from external_api.integrations.cloudflare.settings import CloudflareSettings
from external_api.integrations.fcm.settings import FcmSettings
from external_api.integrations.framework.provider import ApiKeyCheck, ApiKeyConnect, Provider
from external_api.integrations.hubspot.settings import HubspotSettings
from external_api.integrations.registry import PROVIDERS
from shared.models.integration_credential import ApiKeyCredential
from tests.external_api.fakes.fcm import service_account_json
from tests.external_api.integrations.framework.test_integrations import by_name

CATALOGUE = {
    *("google-analytics", "google-ads", "google-business", "google-calendar", "facebook"),
    *("stripe", "twilio", "sendgrid", "callrail", "yext", "tipalti", "semrush"),
    *("hubspot", "pipedrive", "salesforce", "zoho", "keap", "activecampaign"),
    *("mailchimp", "constant-contact", "bing-ads", "tiktok", "square", "calltrackingmetrics"),
    *("duda", "wasabi", "cloudflare", "beamer", "rapidapi", "fcm", "google-maps"),
}


async def test_every_provider_of_the_platform_is_listed_once(external, member):
    response = await external.get("/v1/e/integrations", headers=member)

    names = [item["name"] for item in response.json()["data"]]
    assert set(names) == CATALOGUE
    assert len(names) == len(set(names))


async def test_a_provider_this_build_lacks_is_not_configured(external, member):
    listed = by_name(await external.get("/v1/e/integrations", headers=member))

    assert listed["mailchimp"]["status"] == "not_configured"
    assert listed["mailchimp"]["title"] == "Mailchimp"
    assert listed["mailchimp"]["category"] == "email marketing"


async def test_an_oauth_provider_without_app_credentials_is_not_configured(external, member):
    listed = by_name(await external.get("/v1/e/integrations", headers=member))

    assert listed["hubspot"]["status"] == "not_configured"


async def test_an_oauth_provider_with_app_credentials_can_be_connected(start_external, member):
    hubspot = HubspotSettings(client_id="hubspot-client", client_secret="hubspot-secret")
    async with start_external(hubspot=hubspot) as external:
        listed = by_name(await external.get("/v1/e/integrations", headers=member))

    assert listed["hubspot"]["status"] == "not_connected"


async def test_a_platform_provider_shows_whether_the_platform_set_it_up(start_external, member):
    cloudflare = CloudflareSettings(api_token="cf-token", zone_id="zone")
    fcm = FcmSettings(project_id="agency-app", service_account_json=service_account_json())
    async with start_external(cloudflare=cloudflare, fcm=fcm) as external:
        listed = by_name(await external.get("/v1/e/integrations", headers=member))

    assert listed["cloudflare"]["status"] == "connected"
    assert listed["fcm"]["status"] == "connected"
    assert listed["fcm"]["auth"] == "platform"
    assert listed["google-maps"]["status"] == "not_configured"
    assert listed["duda"]["status"] == "not_configured"


async def test_a_registered_provider_without_a_listing_is_listed_too(start_external, member):
    async def validate(http, body):
        raise AssertionError("not called")

    acme = Provider(
        name="acme",
        title="Acme",
        credential=ApiKeyCredential,
        base_url=lambda settings: "https://api.acme.test",
        api_key=ApiKeyCheck(body=ApiKeyConnect, validate=validate, apply=lambda key, _: {}),
    )
    async with start_external(providers=(*PROVIDERS, acme)) as external:
        listed = by_name(await external.get("/v1/e/integrations", headers=member))

    assert listed["acme"]["status"] == "not_connected"
    assert listed["acme"]["title"] == "Acme"
    assert set(listed) == CATALOGUE | {"acme"}
