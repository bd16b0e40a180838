"""Which accounts have connected which analytics source: each source's credentials collection,
on its `(account_id, status)` reads."""

from shared.models.bing_ads_token import BingAdsToken
from shared.models.callrail_key import CallrailKey
from shared.models.facebook_token import FacebookToken
from shared.models.google_ads_token import GoogleAdsToken
from shared.models.google_analytics_token import GoogleAnalyticsToken
from shared.models.integration_credential import ConnectionStatus, IntegrationCredential
from shared.models.semrush_key import SemrushKey
from shared.models.tiktok_token import TiktokToken

CREDENTIALS: dict[str, type[IntegrationCredential]] = {
    "google-analytics": GoogleAnalyticsToken,
    "google-ads": GoogleAdsToken,
    "facebook-ads": FacebookToken,
    "callrail": CallrailKey,
    "semrush": SemrushKey,
    "bing-ads": BingAdsToken,
    "tiktok-ads": TiktokToken,
}


async def connected_sources() -> list[tuple[str, str]]:
    """(account id, source) for every connection in good standing."""
    found = []
    for source, model in CREDENTIALS.items():
        connected = model.find({"status": ConnectionStatus.CONNECTED.value})
        found += [(str(credential.account_id), source) async for credential in connected]
    return found
