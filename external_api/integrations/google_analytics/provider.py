from external_api.integrations.framework.provider import Provider
from external_api.integrations.google.oauth import google_oauth
from external_api.integrations.google_analytics.routes import router
from external_api.integrations.google_analytics.service import PROVIDER as NAME
from shared.models.google_analytics_token import GoogleAnalyticsToken

PROVIDER = Provider(
    name=NAME,
    title="Google Analytics",
    credential=GoogleAnalyticsToken,
    base_url=lambda settings: settings.google.analytics_data_url,
    router=router,
    oauth=google_oauth("https://www.googleapis.com/auth/analytics.readonly"),
)
