"""Every Beanie document of the platform, one module per collection.

`ALL_MODELS` is what `shared.utilities.db.connect` initialises; a new collection is added here.
"""

from beanie import Document

from shared.models.account import Account
from shared.models.account_signup_code import AccountSignupCode
from shared.models.admin_audit_entry import AdminAuditEntry
from shared.models.affiliate import Affiliate
from shared.models.affiliate_commission import AffiliateCommission
from shared.models.affiliate_payout import AffiliatePayout
from shared.models.affiliate_programme import AffiliateProgramme
from shared.models.affiliate_referral import AffiliateReferral
from shared.models.affiliate_visit import AffiliateVisit
from shared.models.ai_usage import AiUsage
from shared.models.analytics_daily_metric import AnalyticsDailyMetric
from shared.models.analytics_report import AnalyticsReport
from shared.models.announcement import Announcement
from shared.models.api_app import ApiApp
from shared.models.api_authorization_code import ApiAuthorizationCode
from shared.models.api_grant import ApiGrant
from shared.models.api_key import ApiKey
from shared.models.api_token import ApiToken
from shared.models.automation import Automation
from shared.models.automation_log import AutomationLog
from shared.models.availability_schedule import AvailabilitySchedule
from shared.models.billing_charge import BillingCharge
from shared.models.billing_connection import BillingConnection
from shared.models.billing_coupon import BillingCoupon
from shared.models.billing_customer import BillingCustomer
from shared.models.billing_invoice import BillingInvoice
from shared.models.billing_payment_attempt import BillingPaymentAttempt
from shared.models.billing_plan import BillingPlan
from shared.models.billing_price import BillingPrice
from shared.models.billing_product import BillingProduct
from shared.models.billing_subscription import BillingSubscription
from shared.models.billing_tax_rate import BillingTaxRate
from shared.models.bing_ads_token import BingAdsToken
from shared.models.booking import Booking
from shared.models.business_location import BusinessLocation
from shared.models.business_profile import BusinessProfile
from shared.models.callrail_key import CallrailKey
from shared.models.client_report import ClientReport
from shared.models.consumer_invoice import ConsumerInvoice
from shared.models.consumer_offer import ConsumerOffer
from shared.models.consumer_purchase import ConsumerPurchase
from shared.models.contact import Contact
from shared.models.conversation import Conversation
from shared.models.conversation_channel import ConversationChannel
from shared.models.conversation_group import ConversationGroup
from shared.models.conversation_message import ConversationMessage
from shared.models.conversation_prospect import ConversationProspect
from shared.models.conversation_room import ConversationRoom
from shared.models.crm_log import CrmLog
from shared.models.crm_more_tokens import ActiveCampaignKey, KeapToken, ZohoToken
from shared.models.crm_note import CrmNote
from shared.models.crm_sync_connection import CrmSyncConnection
from shared.models.crm_sync_link import CrmSyncLink
from shared.models.crm_sync_log import CrmSyncLogEntry
from shared.models.crm_tag import CrmTag
from shared.models.crm_tokens import HubspotToken, PipedriveToken, SalesforceToken
from shared.models.csv_queue import CsvJob
from shared.models.custom_domain import CustomDomain
from shared.models.custom_field import CustomField
from shared.models.dead_letter import DeadLetter
from shared.models.deal import Deal
from shared.models.duda_site import DudaSite
from shared.models.edocs_audit_event import EdocsAuditEvent
from shared.models.edocs_document import EdocsDocument
from shared.models.edocs_signer import EdocsSigner
from shared.models.edocs_template import EdocsTemplate
from shared.models.event_type import EventType
from shared.models.facebook_token import FacebookToken
from shared.models.feature_flag import FeatureFlag
from shared.models.filter import SavedFilter
from shared.models.form import Form, FormVersion
from shared.models.form_submission import FormSubmission
from shared.models.funnel import Funnel
from shared.models.funnel_clone import FunnelClone
from shared.models.funnel_page import FunnelPage
from shared.models.funnel_page_version import FunnelPageVersion
from shared.models.google_ads_token import GoogleAdsToken
from shared.models.google_analytics_token import GoogleAnalyticsToken
from shared.models.google_business_token import GoogleBusinessToken
from shared.models.google_calendar_token import GoogleCalendarToken
from shared.models.instareport import InstaReport
from shared.models.instasite import Instasite
from shared.models.integration_webhook_receipt import IntegrationWebhookReceipt
from shared.models.invitation import Invitation
from shared.models.lead import Lead
from shared.models.lead_search import LeadSearch
from shared.models.live_chat_widget import LiveChatWidget
from shared.models.local_payment_object import LocalPaymentObject
from shared.models.membership import Membership
from shared.models.notification import Notification
from shared.models.notification_delivery import NotificationDelivery
from shared.models.notification_outbox import OutboxMessage
from shared.models.notification_preference import NotificationPreference
from shared.models.notification_template import NotificationTemplate
from shared.models.onebalance_movement import OnebalanceMovement
from shared.models.onebalance_wallet import OnebalanceWallet
from shared.models.payment_customer import PaymentCustomer
from shared.models.payment_domain import PaymentDomain
from shared.models.pipeline import Pipeline
from shared.models.project import Project
from shared.models.project_board import ProjectBoard
from shared.models.project_comment import TaskComment
from shared.models.project_task import ProjectTask
from shared.models.project_template import ProjectTemplate
from shared.models.project_time_entry import TimeEntry
from shared.models.push_device import PushDevice
from shared.models.queue_snapshot import QueueSnapshot
from shared.models.reputation_settings import ReputationSettings
from shared.models.review import Review
from shared.models.review_feedback import ReviewFeedback
from shared.models.review_page import ReviewPage
from shared.models.review_reply_template import ReviewReplyTemplate
from shared.models.review_request import ReviewRequest, ReviewRequestMark
from shared.models.semrush_key import SemrushKey
from shared.models.sendgrid_key import SendgridKey
from shared.models.session import Session
from shared.models.short_link import ShortLink
from shared.models.short_link_click import ShortLinkClick
from shared.models.short_link_day import ShortLinkDay
from shared.models.slot_reservation import SlotReservation
from shared.models.store_order import StoreOrder
from shared.models.store_product import StoreProduct
from shared.models.stripe_token import StripeToken
from shared.models.support_canned_reply import SupportCannedReply
from shared.models.task_run import TaskRun
from shared.models.template import Template
from shared.models.tiktok_token import TiktokToken
from shared.models.tipalti_key import TipaltiKey
from shared.models.twilio_key import TwilioKey
from shared.models.twilio_number import TwilioNumber
from shared.models.two_factor import TwoFactor
from shared.models.two_factor_challenge import TwoFactorChallenge
from shared.models.user import User
from shared.models.user_token import UserToken
from shared.models.webhook_delivery import WebhookDelivery
from shared.models.webhook_subscription import WebhookSubscription
from shared.models.yext_key import YextKey

ALL_MODELS: list[type[Document]] = [
    Account,
    User,
    Membership,
    Session,
    Invitation,
    TwoFactor,
    TwoFactorChallenge,
    AccountSignupCode,
    UserToken,
    CallrailKey,
    AiUsage,
    CrmLog,
    CsvJob,
    Pipeline,
    Deal,
    CrmNote,
    Automation,
    AutomationLog,
    Contact,
    Lead,
    Form,
    FormVersion,
    FormSubmission,
    CustomField,
    CrmTag,
    SavedFilter,
    Notification,
    NotificationTemplate,
    NotificationPreference,
    NotificationDelivery,
    OutboxMessage,
    PushDevice,
    LiveChatWidget,
    Conversation,
    ConversationChannel,
    ConversationGroup,
    ConversationMessage,
    ConversationProspect,
    ConversationRoom,
    WebhookSubscription,
    WebhookDelivery,
    TaskRun,
    QueueSnapshot,
    DeadLetter,
    AnalyticsReport,
    BusinessLocation,
    FacebookToken,
    GoogleAdsToken,
    GoogleAnalyticsToken,
    GoogleBusinessToken,
    IntegrationWebhookReceipt,
    Review,
    BillingCustomer,
    BillingSubscription,
    BillingCharge,
    DudaSite,
    TwilioNumber,
    StripeToken,
    TwilioKey,
    SendgridKey,
    YextKey,
    ShortLink,
    ShortLinkClick,
    ShortLinkDay,
    EdocsTemplate,
    EdocsDocument,
    EdocsSigner,
    EdocsAuditEvent,
    Project,
    ProjectBoard,
    ProjectTask,
    TaskComment,
    TimeEntry,
    ProjectTemplate,
    AvailabilitySchedule,
    EventType,
    Booking,
    SlotReservation,
    GoogleCalendarToken,
    SupportCannedReply,
    AdminAuditEntry,
    FeatureFlag,
    Announcement,
    ApiApp,
    ApiGrant,
    ApiAuthorizationCode,
    ApiToken,
    ApiKey,
    LocalPaymentObject,
    PaymentCustomer,
    BillingConnection,
    BillingCoupon,
    BillingInvoice,
    BillingPaymentAttempt,
    BillingPlan,
    BillingPrice,
    BillingProduct,
    BillingTaxRate,
    PaymentDomain,
    CustomDomain,
    Funnel,
    FunnelPage,
    FunnelPageVersion,
    FunnelClone,
    Template,
    BusinessProfile,
    Instasite,
    OnebalanceWallet,
    OnebalanceMovement,
    StoreProduct,
    StoreOrder,
    ConsumerOffer,
    ConsumerPurchase,
    ConsumerInvoice,
    ReviewReplyTemplate,
    ReputationSettings,
    ReviewPage,
    ReviewRequest,
    ReviewRequestMark,
    ReviewFeedback,
    AffiliateProgramme,
    Affiliate,
    AffiliateVisit,
    AffiliateReferral,
    AffiliateCommission,
    AffiliatePayout,
    TipaltiKey,
    AnalyticsDailyMetric,
    SemrushKey,
    ClientReport,
    InstaReport,
    CrmSyncConnection,
    CrmSyncLink,
    CrmSyncLogEntry,
    HubspotToken,
    PipedriveToken,
    SalesforceToken,
    ZohoToken,
    KeapToken,
    ActiveCampaignKey,
    BingAdsToken,
    TiktokToken,
    LeadSearch,
]
