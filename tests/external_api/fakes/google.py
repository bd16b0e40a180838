"""Google's endpoints and answers as its documentation shows them (OAuth 2.0 for web server
apps, GA4 Data API runReport, Google Ads searchStream, Business Information and My Business
v4 reviews)."""

AUTHORIZE_URL = "https://accounts.google.com/o/oauth2/v2/auth"
TOKEN_URL = "https://oauth2.googleapis.com/token"
REVOKE_URL = "https://oauth2.googleapis.com/revoke"
ANALYTICS_URL = "https://analyticsdata.googleapis.com"
ADS_URL = "https://googleads.googleapis.com"
BUSINESS_URL = "https://mybusinessbusinessinformation.googleapis.com"
REVIEWS_URL = "https://mybusiness.googleapis.com"


def token_answer(access_token: str = "ya29.fresh", refresh_token: str | None = "1//refresh"):
    answer = {
        "access_token": access_token,
        "expires_in": 3599,
        "scope": "https://www.googleapis.com/auth/analytics.readonly",
        "token_type": "Bearer",
    }
    if refresh_token:
        answer["refresh_token"] = refresh_token
    return answer


INVALID_GRANT = {
    "error": "invalid_grant",
    "error_description": "Token has been expired or revoked.",
}
UNAUTHENTICATED = {
    "error": {
        "code": 401,
        "message": "Request had invalid authentication credentials.",
        "status": "UNAUTHENTICATED",
    }
}
RATE_LIMITED = {
    "error": {"code": 429, "message": "Quota exceeded.", "status": "RESOURCE_EXHAUSTED"}
}


def run_report_answer(rows: list[tuple[str, str, str]], row_count: int | None = None) -> dict:
    """rows: (date YYYYMMDD, sessions, activeUsers)."""
    return {
        "dimensionHeaders": [{"name": "date"}],
        "metricHeaders": [
            {"name": "sessions", "type": "TYPE_INTEGER"},
            {"name": "activeUsers", "type": "TYPE_INTEGER"},
        ],
        "rows": [
            {
                "dimensionValues": [{"value": day}],
                "metricValues": [{"value": sessions}, {"value": users}],
            }
            for day, sessions, users in rows
        ],
        "rowCount": len(rows) if row_count is None else row_count,
        "metadata": {"currencyCode": "USD", "timeZone": "America/Los_Angeles"},
        "kind": "analyticsData#runReport",
    }


SEARCH_STREAM_ANSWER = [
    {
        "results": [
            {
                "campaign": {
                    "resourceName": "customers/1234567890/campaigns/111",
                    "id": "111",
                    "name": "Spring sale",
                },
                "metrics": {"clicks": "12", "impressions": "340", "costMicros": "4560000"},
                "segments": {"date": "2024-03-01"},
            },
            {
                "campaign": {
                    "resourceName": "customers/1234567890/campaigns/111",
                    "id": "111",
                    "name": "Spring sale",
                },
                "metrics": {"impressions": "120"},
                "segments": {"date": "2024-03-02"},
            },
        ],
        "fieldMask": "segments.date,campaign.id,campaign.name,metrics.clicks,"
        "metrics.impressions,metrics.costMicros",
        "requestId": "fake-request-id",
    }
]


def locations_answer(*names: str, next_page_token: str | None = None) -> dict:
    answer = {
        "locations": [
            {
                "name": f"locations/{name}",
                "title": f"Bakery {name}",
                "phoneNumbers": {"primaryPhone": "(415) 555-0100"},
                "websiteUri": "https://bakery.example",
                "storefrontAddress": {
                    "regionCode": "US",
                    "postalCode": "94103",
                    "administrativeArea": "CA",
                    "locality": "San Francisco",
                    "addressLines": ["1 Market St"],
                },
            }
            for name in names
        ]
    }
    if next_page_token:
        answer["nextPageToken"] = next_page_token
    return answer


def reviews_answer(*review_ids: str, next_page_token: str | None = None) -> dict:
    answer = {
        "reviews": [
            {
                "name": f"accounts/1/locations/2/reviews/{review_id}",
                "reviewId": review_id,
                "reviewer": {"profilePhotoUrl": "https://example.test/p.png", "displayName": "Ann"},
                "starRating": "FOUR",
                "comment": "Great bread",
                "createTime": "2024-03-01T10:00:00Z",
                "updateTime": "2024-03-01T10:00:00Z",
                "reviewReply": {"comment": "Thanks!", "updateTime": "2024-03-02T09:00:00Z"},
            }
            for review_id in review_ids
        ],
        "averageRating": 4,
        "totalReviewCount": len(review_ids),
    }
    if next_page_token:
        answer["nextPageToken"] = next_page_token
    return answer
