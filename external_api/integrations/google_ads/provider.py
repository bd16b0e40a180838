from external_api.integrations.framework.provider import Provider
from external_api.integrations.google.oauth import google_oauth
from external_api.integrations.google_ads.routes import router
from external_api.integrations.google_ads.service import PROVIDER as NAME
from shared.models.google_ads_token import GoogleAdsToken

PROVIDER = Provider(
    name=NAME,
    title="Google Ads",
    credential=GoogleAdsToken,
    base_url=lambda settings: settings.google.ads_url,
    router=router,
    oauth=google_oauth("https://www.googleapis.com/auth/adwords"),
)
