"""Every provider the external API offers, in the order the dashboard lists them."""

from external_api.integrations.activecampaign.provider import PROVIDER as ACTIVECAMPAIGN
from external_api.integrations.bing_ads.provider import PROVIDER as BING_ADS
from external_api.integrations.callrail.provider import PROVIDER as CALLRAIL
from external_api.integrations.facebook.provider import PROVIDER as FACEBOOK
from external_api.integrations.framework.provider import Provider
from external_api.integrations.google_ads.provider import PROVIDER as GOOGLE_ADS
from external_api.integrations.google_analytics.provider import PROVIDER as GOOGLE_ANALYTICS
from external_api.integrations.google_business.provider import PROVIDER as GOOGLE_BUSINESS
from external_api.integrations.google_calendar.provider import PROVIDER as GOOGLE_CALENDAR
from external_api.integrations.hubspot.provider import PROVIDER as HUBSPOT
from external_api.integrations.keap.provider import PROVIDER as KEAP
from external_api.integrations.pipedrive.provider import PROVIDER as PIPEDRIVE
from external_api.integrations.salesforce.provider import PROVIDER as SALESFORCE
from external_api.integrations.semrush.provider import PROVIDER as SEMRUSH
from external_api.integrations.sendgrid.provider import PROVIDER as SENDGRID
from external_api.integrations.stripe.provider import PROVIDER as STRIPE
from external_api.integrations.tiktok.provider import PROVIDER as TIKTOK
from external_api.integrations.tipalti.provider import PROVIDER as TIPALTI
from external_api.integrations.twilio.provider import PROVIDER as TWILIO
from external_api.integrations.yext.provider import PROVIDER as YEXT
from external_api.integrations.zoho.provider import PROVIDER as ZOHO

PROVIDERS: tuple[Provider, ...] = (
    GOOGLE_ANALYTICS,
    GOOGLE_ADS,
    GOOGLE_BUSINESS,
    FACEBOOK,
    STRIPE,
    TWILIO,
    SENDGRID,
    CALLRAIL,
    YEXT,
    GOOGLE_CALENDAR,
    TIPALTI,
    SEMRUSH,
    HUBSPOT,
    PIPEDRIVE,
    SALESFORCE,
    ZOHO,
    KEAP,
    ACTIVECAMPAIGN,
    BING_ADS,
    TIKTOK,
)
