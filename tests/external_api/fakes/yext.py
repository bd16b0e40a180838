"""Yext's API v2 as documented (hitchhikers.yext.com): the account, its publishers and its
listings, each wrapped in `{"meta": ..., "response": ...}`."""

API = "https://api.yextapis.com/v2"
ACCOUNT_ID = "1234567"
API_KEY = "yext-api-key-0123456789abcdef"
VERSION = "20240101"

ACCOUNT_URL = f"{API}/accounts/{ACCOUNT_ID}"
PUBLISHERS_URL = f"{API}/accounts/{ACCOUNT_ID}/publishers"
LISTINGS_URL = f"{API}/accounts/{ACCOUNT_ID}/listings/listings"


def wrapped(response: dict) -> dict:
    return {"meta": {"uuid": "1a2b3c4d-5e6f", "errors": []}, "response": response}


ACCOUNT = wrapped({"accountId": ACCOUNT_ID, "accountName": "Dee's Doughnuts"})

PUBLISHERS = wrapped(
    {
        "publishers": [
            {
                "id": "GOOGLEMYBUSINESS",
                "name": "Google My Business",
                "url": "google.com",
                "alternateBrands": [{"brandName": "Waze", "url": ""}],
                "supportedCountries": ["US", "GB", "FR"],
                "supportedLocationTypes": ["LOCATION", "RESTAURANT"],
                "features": ["REAL_TIME_UPDATES"],
                "typicalUpdateSpeed": 86400,
            }
        ]
    }
)


def listings(count: int = 1) -> dict:
    return wrapped(
        {
            "count": count,
            "listings": [
                {
                    "id": "187149016",
                    "locationId": "loc-1",
                    "accountId": ACCOUNT_ID,
                    "publisherId": "GOOGLEMYBUSINESS",
                    "status": "LIVE",
                    "additionalStatus": "CONNECTED",
                    "listingUrl": "https://maps.google.com/?cid=1",
                    "loginUrl": "https://business.google.com",
                    "screenshotUrl": "NO SCREENSHOT FOR PARTNER",
                    "alternateBrands": [{"brandName": "Waze", "listingUrl": ""}],
                },
                {
                    "id": "187149017",
                    "locationId": "loc-1",
                    "accountId": ACCOUNT_ID,
                    "publisherId": "FACEBOOK",
                    "status": "UNAVAILABLE",
                    "statusDetails": [
                        {
                            "code": "MISSING_CATEGORY",
                            "message": "The entity needs a category Facebook accepts.",
                            "type": "BLOCKING",
                        }
                    ],
                },
            ],
        }
    )


def entity_url(entity_id: str) -> str:
    return f"{API}/accounts/{ACCOUNT_ID}/entities/{entity_id}"


# `GET /accounts/{accountId}/entities/{entityId}`: a location entity's profile fields.
ENTITY = wrapped(
    {
        "meta": {"id": "loc-1", "entityType": "location", "countryCode": "US"},
        "name": "Dee's Doughnuts",
        "description": "Hand-made doughnuts, baked every morning since 1987.",
        "address": {
            "line1": "12 Main St",
            "city": "Springfield",
            "region": "IL",
            "postalCode": "62701",
            "countryCode": "US",
        },
        "mainPhone": "+15555550100",
        "emails": ["hello@dees.test"],
        "websiteUrl": {"url": "https://dees.test", "displayUrl": "https://dees.test"},
        "hours": {
            "monday": {"openIntervals": [{"start": "07:00", "end": "15:00"}]},
            "tuesday": {
                "openIntervals": [
                    {"start": "07:00", "end": "11:30"},
                    {"start": "13:00", "end": "15:00"},
                ]
            },
            "sunday": {"isClosed": True},
        },
        "logo": {"image": {"url": "https://a.mktgcdn.com/p/logo.png", "width": 200, "height": 200}},
        "photoGallery": [
            {"image": {"url": "https://a.mktgcdn.com/p/shop.jpg", "width": 800, "height": 600}}
        ],
    }
)
