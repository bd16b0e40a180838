from external_api.integrations.bing_ads.errors import token_refused
from external_api.integrations.bing_ads.oauth import microsoft_oauth
from external_api.integrations.bing_ads.routes import router
from external_api.integrations.bing_ads.service import PROVIDER as NAME
from external_api.integrations.framework.provider import Provider
from shared.models.bing_ads_token import BingAdsToken

PROVIDER = Provider(
    name=NAME,
    title="Microsoft Advertising",
    credential=BingAdsToken,
    base_url=lambda settings: settings.bing_ads.reporting_url,
    router=router,
    oauth=microsoft_oauth,
    refused=token_refused,
)
