"""Every provider of the platform, as `GET /v1/e/integrations` lists them, whether or not this
build has it yet: a listed provider that is neither registered (`registry.py`) nor a platform
provider (`platform.py`) shows as `not_configured`. A provider registered without a listing is
still shown, under its registered title. Append new providers at the end."""

from external_api.integrations.framework.provider import AuthKind, Listing

OAUTH, API_KEY, PLATFORM = AuthKind.OAUTH, AuthKind.API_KEY, AuthKind.PLATFORM

LISTINGS: tuple[Listing, ...] = (
    Listing(
        "google-analytics",
        "Google Analytics",
        "analytics",
        "GA4 reports into the analytics store",
        OAUTH,
    ),
    Listing("google-ads", "Google Ads", "advertising", "campaign reports, nightly sync", OAUTH),
    Listing(
        "google-business",
        "Google Business Profile",
        "listings",
        "locations, reviews and replies, review notifications",
        OAUTH,
    ),
    Listing(
        "facebook",
        "Facebook",
        "advertising",
        "pages, lead ads into the CRM, ads insights, recommendations",
        OAUTH,
    ),
    Listing(
        "stripe",
        "Stripe",
        "payments",
        "Connect: customers, subscriptions, charges into billing",
        OAUTH,
    ),
    Listing(
        "twilio", "Twilio", "messaging", "SMS, numbers, inbound SMS into conversations", API_KEY
    ),
    Listing("sendgrid", "SendGrid", "messaging", "mail and its signed event webhook", API_KEY),
    Listing(
        "callrail",
        "CallRail",
        "call tracking",
        "calls and recordings, post-call webhook into the CRM",
        API_KEY,
    ),
    Listing("yext", "Yext", "listings", "publishers and listings", API_KEY),
    Listing("google-calendar", "Google Calendar", "scheduling", "calendars and events", OAUTH),
    Listing("tipalti", "Tipalti", "payouts", "affiliate payees and payment batches", API_KEY),
    Listing(
        "semrush", "Semrush", "seo", "domain overview, keywords, backlinks into analytics", API_KEY
    ),
    Listing("hubspot", "HubSpot", "crm", "two-way contact sync", OAUTH),
    Listing("pipedrive", "Pipedrive", "crm", "two-way contact sync", OAUTH),
    Listing("salesforce", "Salesforce", "crm", "two-way contact sync", OAUTH),
    Listing("zoho", "Zoho CRM", "crm", "two-way contact sync", OAUTH),
    Listing("keap", "Keap", "crm", "two-way contact sync", OAUTH),
    Listing("activecampaign", "ActiveCampaign", "crm", "two-way contact sync", API_KEY),
    Listing(
        "mailchimp",
        "Mailchimp",
        "email marketing",
        "a tag or filter synced to an audience, campaign reports",
        OAUTH,
    ),
    Listing(
        "constant-contact",
        "Constant Contact",
        "email marketing",
        "a tag or filter synced to a list, campaign reports",
        OAUTH,
    ),
    Listing(
        "bing-ads",
        "Microsoft Advertising (Bing Ads)",
        "advertising",
        "campaign performance reports into analytics",
        OAUTH,
    ),
    Listing(
        "tiktok",
        "TikTok",
        "advertising",
        "Marketing API campaign reports into analytics",
        OAUTH,
    ),
    Listing("square", "Square", "payments", "customers, payments, catalog into billing", OAUTH),
    Listing(
        "calltrackingmetrics",
        "CallTrackingMetrics",
        "call tracking",
        "calls and recordings into the CRM",
        API_KEY,
    ),
    Listing("duda", "Duda", "sites", "sites from templates, publish, SSO, InstaSites", PLATFORM),
    Listing("wasabi", "Wasabi", "storage", "presigned upload and download URLs", PLATFORM),
    Listing("cloudflare", "Cloudflare for SaaS", "sites", "custom hostnames' TLS", PLATFORM),
    Listing("beamer", "Beamer", "product", "product-update posts shown to agencies", PLATFORM),
    Listing(
        "rapidapi",
        "RapidAPI",
        "data",
        "LeadFinder: businesses by category and area",
        PLATFORM,
    ),
    Listing("fcm", "Firebase Cloud Messaging", "messaging", "push to the mobile apps", PLATFORM),
    Listing(
        "google-maps",
        "Google Maps",
        "data",
        "places and geocoding, keys kept server-side",
        PLATFORM,
    ),
)
