from external_api.integrations.framework.provider import Provider
from external_api.integrations.google.oauth import google_oauth
from external_api.integrations.google_business.repository import PROVIDER as NAME
from external_api.integrations.google_business.routes import router
from shared.models.google_business_token import GoogleBusinessToken

PROVIDER = Provider(
    name=NAME,
    title="Google Business Profile",
    credential=GoogleBusinessToken,
    base_url=lambda settings: settings.google.business_information_url,
    router=router,
    oauth=google_oauth("https://www.googleapis.com/auth/business.manage"),
)
