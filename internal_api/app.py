import httpx
from fastapi import FastAPI

from internal_api.accounts.routes import router as accounts_router
from internal_api.activities.routes import router as activities_router
from internal_api.admin.announcement_routes import operators_router as admin_announcements_router
from internal_api.admin.announcement_routes import router as announcements_router
from internal_api.admin.queue_routes import router as admin_queues_router
from internal_api.admin.queues import queue_manager
from internal_api.admin.routes import router as admin_router
from internal_api.affiliates.public_routes import router as affiliates_public_router
from internal_api.affiliates.routes import router as affiliates_router
from internal_api.analytics.routes import router as analytics_router
from internal_api.auth.passwords import password_hashing
from internal_api.auth.routes import router as auth_router
from internal_api.auth.two_factor.routes import router as two_factor_router
from internal_api.automations.routes import router as automations_router
from internal_api.billing.card_routes import router as billing_cards_router
from internal_api.billing.catalogue_routes import router as billing_catalogue_router
from internal_api.billing.routes import router as billing_router
from internal_api.business_profile.routes import router as business_profile_router
from internal_api.conversation_v2.routes import router as conversation_v2_router
from internal_api.cors_proxy.fetching import cors_proxy
from internal_api.cors_proxy.routes import router as cors_proxy_router
from internal_api.crm.contacts.routes import router as contacts_router
from internal_api.crm.custom_fields.routes import router as custom_fields_router
from internal_api.crm.deals.routes import router as deals_router
from internal_api.crm.exports.routes import router as exports_router
from internal_api.crm.imports.routes import router as imports_router
from internal_api.crm.notes.routes import contact_notes_router, deal_notes_router
from internal_api.crm.pipelines.routes import router as pipelines_router
from internal_api.crm.tags.routes import router as tags_router
from internal_api.domains.routes import router as domains_router
from internal_api.edocs.public_routes import router as edocs_public_router
from internal_api.edocs.routes import router as edocs_router
from internal_api.exchange_rates import exchange_rates
from internal_api.filters.routes import router as filters_router
from internal_api.forms.routes import router as forms_router
from internal_api.funnels.public_routes import router as pages_public_router
from internal_api.funnels.routes import router as funnels_router
from internal_api.funnels.serving import page_serving
from internal_api.inbound.routes import router as inbound_router
from internal_api.instareports.public_routes import router as instareports_public_router
from internal_api.instareports.routes import router as instareports_router
from internal_api.instasites.places import google_places
from internal_api.instasites.routes import router as instasites_router
from internal_api.instasites.yext import yext_entities
from internal_api.live_chat.routes import router as live_chat_router
from internal_api.mobile_app.routes import router as mobile_app_router
from internal_api.notifications_center.routes import router as notifications_center_router
from internal_api.oauth.key_routes import router as api_keys_router
from internal_api.oauth.protocol_routes import router as oauth_protocol_router
from internal_api.oauth.routes import router as oauth_router
from internal_api.onebalance.routes import router as onebalance_router
from internal_api.payments import payments
from internal_api.projects.routes import router as projects_router
from internal_api.public.layer import install_public_cors, public_layer
from internal_api.public.routes import router as public_router
from internal_api.reports.public_routes import router as reports_public_router
from internal_api.reports.routes import router as reports_router
from internal_api.reviews.public_routes import router as reviews_public_router
from internal_api.reviews.request_routes import router as review_requests_router
from internal_api.reviews.routes import router as reviews_router
from internal_api.reviews.setup_routes import router as reviews_setup_router
from internal_api.reviews.siblings import review_siblings
from internal_api.scheduling.availability.routes import router as schedules_router
from internal_api.scheduling.bookings.routes import router as bookings_router
from internal_api.scheduling.calendar import google_busy_times
from internal_api.scheduling.event_types.routes import router as event_types_router
from internal_api.scheduling.public.routes import router as scheduling_public_router
from internal_api.settings import InternalApiSettings
from internal_api.signup_codes.routes import router as signup_codes_router
from internal_api.storage import file_storage
from internal_api.store.public_routes import router as store_public_router
from internal_api.store.routes import router as store_router
from internal_api.support.bots import support_bot
from internal_api.support.routes import router as support_router
from internal_api.templates.routes import router as templates_router
from internal_api.templates.seeding import platform_library
from internal_api.url_shortener.redirect import PREFIX as SHORT_LINK_PREFIX
from internal_api.url_shortener.redirect import Redirect
from internal_api.url_shortener.routes import router as url_shortener_router
from internal_api.users.routes import router as users_router
from internal_api.webhooks.routes import router as webhooks_router
from shared.utilities.app import create_app as create_service_app
from shared.utilities.direct_routes import DirectRoute


def create_app(
    settings: InternalApiSettings,
    currency_transport: httpx.AsyncBaseTransport | None = None,
    captcha_transport: httpx.AsyncBaseTransport | None = None,
    external_api_transport: httpx.AsyncBaseTransport | None = None,
    queue_manager_transport: httpx.AsyncBaseTransport | None = None,
    cors_proxy_transport: httpx.AsyncBaseTransport | None = None,
    payments_transport: httpx.AsyncBaseTransport | None = None,
    google_maps_transport: httpx.AsyncBaseTransport | None = None,
    ai_service_transport: httpx.AsyncBaseTransport | None = None,
) -> FastAPI:
    """Each `<name>_transport` stands in, in tests, for the network to one party:
    - `currency`: the currency service; `captcha`: hCaptcha's and Turnstile's;
    - `external_api`: the external API (Google Calendar's busy times, Yext entities, reviews);
    - `queue_manager`: the queue manager's API; `cors_proxy`: the CORS proxy's hosts;
    - `payments`: Stripe's API; `google_maps`: the maps service (InstaSites' places);
    - `ai_service`: the AI service (review replies' drafts).
    """
    redirect = Redirect()
    return create_service_app(
        settings,
        title="Internal API",
        routers=[
            auth_router,
            two_factor_router,
            users_router,
            accounts_router,
            signup_codes_router,
            activities_router,
            imports_router,
            exports_router,
            contacts_router,
            custom_fields_router,
            tags_router,
            filters_router,
            pipelines_router,
            deals_router,
            deal_notes_router,
            contact_notes_router,
            automations_router,
            conversation_v2_router,
            notifications_center_router,
            live_chat_router,
            webhooks_router,
            forms_router,
            mobile_app_router,
            inbound_router,
            public_router,
            url_shortener_router,
            edocs_router,
            edocs_public_router,
            projects_router,
            schedules_router,
            event_types_router,
            bookings_router,
            scheduling_public_router,
            support_router,
            admin_router,
            admin_queues_router,
            admin_announcements_router,
            announcements_router,
            cors_proxy_router,
            oauth_router,
            oauth_protocol_router,
            api_keys_router,
            billing_catalogue_router,
            billing_router,
            billing_cards_router,
            domains_router,
            business_profile_router,
            instasites_router,
            funnels_router,
            pages_public_router,
            templates_router,
            reports_public_router,
            reports_router,
            analytics_router,
            instareports_public_router,
            instareports_router,
            onebalance_router,
            store_router,
            store_public_router,
            # Before the inbox's `/v1/reviews/{review_id}`.
            reviews_public_router,
            reviews_setup_router,
            review_requests_router,
            reviews_router,
            affiliates_public_router,
            affiliates_router,
        ],
        uses_mongo=True,
        uses_redis=True,
        sends_work=True,
        lifespans=[
            file_storage,
            password_hashing(settings.password_hashes_at_once),
            exchange_rates(settings, currency_transport),
            public_layer(settings, captcha_transport),
            redirect.serving,
            google_busy_times(settings, external_api_transport),
            support_bot(settings),
            queue_manager(settings, queue_manager_transport),
            cors_proxy(settings, cors_proxy_transport),
            payments(settings, payments_transport),
            google_places(settings, google_maps_transport),
            yext_entities(settings, external_api_transport),
            page_serving,
            platform_library,
            review_siblings(settings, external_api_transport, ai_service_transport),
        ],
        configure=install_public_cors,
        direct=[DirectRoute(SHORT_LINK_PREFIX, redirect)],
    )
