from typing import ClassVar, Self

from pydantic import Field, PositiveFloat, PositiveInt, SecretStr, model_validator
from pydantic_settings import SettingsConfigDict

from external_api.integrations.activecampaign.settings import ActiveCampaignSettings
from external_api.integrations.beamer.settings import BeamerSettings
from external_api.integrations.bing_ads.settings import BingAdsSettings
from external_api.integrations.callrail.settings import CallrailSettings
from external_api.integrations.calltrackingmetrics.settings import CtmSettings
from external_api.integrations.cloudflare.settings import CloudflareSettings
from external_api.integrations.constant_contact.settings import ConstantContactSettings
from external_api.integrations.duda.settings import DudaSettings
from external_api.integrations.facebook.settings import FacebookSettings
from external_api.integrations.fcm.settings import FcmSettings
from external_api.integrations.google.settings import GoogleSettings
from external_api.integrations.hubspot.settings import HubspotSettings
from external_api.integrations.keap.settings import KeapSettings
from external_api.integrations.mailchimp.settings import MailchimpSettings
from external_api.integrations.pipedrive.settings import PipedriveSettings
from external_api.integrations.rapidapi.settings import RapidapiSettings
from external_api.integrations.salesforce.settings import SalesforceSettings
from external_api.integrations.semrush.settings import SemrushSettings
from external_api.integrations.sendgrid.settings import SendgridSettings
from external_api.integrations.square.settings import SquareSettings
from external_api.integrations.stripe.settings import StripeSettings
from external_api.integrations.tiktok.settings import TiktokSettings
from external_api.integrations.tipalti.settings import TipaltiSettings
from external_api.integrations.twilio.settings import TwilioSettings
from external_api.integrations.wasabi.settings import WasabiSettings
from external_api.integrations.yext.settings import YextSettings
from external_api.integrations.zoho.settings import ZohoSettings
from shared.utilities.settings import Port, RunMode, ServiceSettings, common


class ExternalApiSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="EXTERNAL_API_")

    service_name: ClassVar[str] = "external_api"
    port: Port = 5003

    encryption_keys: str = common(
        "INTEGRATIONS_ENCRYPTION_KEYS",
        "",
        "comma-separated Fernet keys sealing provider tokens; the first seals, all open",
    )
    public_url: str = Field(
        "http://127.0.0.1:5000",
        description="the platform's public base URL, where providers send the browser back",
    )
    dashboard_url: str = Field(
        "http://127.0.0.1:5000", description="the dashboard, where a finished connect returns"
    )
    oauth_state_seconds: PositiveInt = Field(600, description="how long a connect link is valid")
    token_refresh_skew_seconds: int = Field(
        300, ge=0, description="an access token this close to expiry is refreshed first"
    )
    connect_timeout_seconds: PositiveFloat = Field(5, description="seconds to reach a provider")
    read_timeout_seconds: PositiveFloat = Field(30, description="seconds a provider may be silent")
    retry_attempts: PositiveInt = Field(3, description="tries of a call a provider answers 429/5xx")
    retry_max_wait_seconds: PositiveFloat = Field(
        10, description="longest wait between tries, whatever Retry-After asks"
    )
    webhook_max_bytes: PositiveInt = Field(1_000_000, description="largest webhook body accepted")
    # Set for the Google Maps service; read here only to list it as set.
    google_maps_api_key: SecretStr = common(
        "GOOGLE_MAPS_API_KEY", SecretStr(""), "the platform's Google Maps key"
    )

    # One block per provider family, read from its own EXTERNAL_API_<PROVIDER>_* variables.
    google: GoogleSettings = Field(default_factory=GoogleSettings, description="Google's APIs")
    facebook: FacebookSettings = Field(
        default_factory=FacebookSettings, description="Facebook's Graph API"
    )
    stripe: StripeSettings = Field(default_factory=StripeSettings, description="Stripe Connect")
    twilio: TwilioSettings = Field(default_factory=TwilioSettings, description="Twilio")
    sendgrid: SendgridSettings = Field(default_factory=SendgridSettings, description="SendGrid")
    callrail: CallrailSettings = Field(default_factory=CallrailSettings, description="CallRail")
    yext: YextSettings = Field(default_factory=YextSettings, description="Yext")
    tipalti: TipaltiSettings = Field(default_factory=TipaltiSettings, description="Tipalti")
    duda: DudaSettings = Field(default_factory=DudaSettings, description="Duda (platform)")
    wasabi: WasabiSettings = Field(default_factory=WasabiSettings, description="Wasabi (platform)")
    cloudflare: CloudflareSettings = Field(
        default_factory=CloudflareSettings, description="Cloudflare for SaaS (platform)"
    )
    semrush: SemrushSettings = Field(default_factory=SemrushSettings, description="Semrush")
    hubspot: HubspotSettings = Field(default_factory=HubspotSettings, description="HubSpot")
    pipedrive: PipedriveSettings = Field(default_factory=PipedriveSettings, description="Pipedrive")
    salesforce: SalesforceSettings = Field(
        default_factory=SalesforceSettings, description="Salesforce"
    )
    zoho: ZohoSettings = Field(default_factory=ZohoSettings, description="Zoho CRM")
    keap: KeapSettings = Field(default_factory=KeapSettings, description="Keap")
    activecampaign: ActiveCampaignSettings = Field(
        default_factory=ActiveCampaignSettings, description="ActiveCampaign"
    )
    bing_ads: BingAdsSettings = Field(
        default_factory=BingAdsSettings, description="Microsoft Advertising (Bing Ads)"
    )
    tiktok: TiktokSettings = Field(
        default_factory=TiktokSettings, description="TikTok's Marketing API"
    )
    rapidapi: RapidapiSettings = Field(
        default_factory=RapidapiSettings, description="RapidAPI (platform): LeadFinder"
    )
    beamer: BeamerSettings = Field(
        default_factory=BeamerSettings, description="Beamer (platform): product updates"
    )
    mailchimp: MailchimpSettings = Field(default_factory=MailchimpSettings, description="Mailchimp")
    constant_contact: ConstantContactSettings = Field(
        default_factory=ConstantContactSettings, description="Constant Contact"
    )
    square: SquareSettings = Field(default_factory=SquareSettings, description="Square")
    calltrackingmetrics: CtmSettings = Field(
        default_factory=CtmSettings, description="CallTrackingMetrics"
    )
    fcm: FcmSettings = Field(
        default_factory=FcmSettings, description="Firebase Cloud Messaging (platform): push"
    )

    @model_validator(mode="after")
    def distributed_mode_needs_an_encryption_key(self) -> Self:
        if self.mode is RunMode.DISTRIBUTED and not self.encryption_keys:
            raise ValueError("INTEGRATIONS_ENCRYPTION_KEYS is required in distributed mode")
        return self
