"""TikTok's Marketing API (v1.3) endpoints and answers as its documentation shows them: the
advertiser authorization's access token and revoke endpoints, and the integrated report's
paged answer, every answer in TikTok's `{code, message, request_id, data}` envelope."""

API = "https://business-api.tiktok.com/open_api/v1.3"
AUTHORIZE_URL = "https://business-api.tiktok.com/portal/auth"
TOKEN_URL = f"{API}/oauth2/access_token/"
REVOKE_URL = f"{API}/oauth2/revoke_token/"
REPORT_URL = f"{API}/report/integrated/get/"
APP_ID = "7123456789012345678"
SECRET = "tiktok-app-secret"
ADVERTISER_ID = "7000000000000000001"


def envelope(data: dict | None = None, code: int = 0, message: str = "OK") -> dict:
    return {"code": code, "message": message, "request_id": "20240301123456ABCDEF", "data": data}


def token_answer(access_token: str = "act.long-term", advertiser_ids=(ADVERTISER_ID,)) -> dict:
    return envelope(
        {
            "access_token": access_token,
            "advertiser_ids": list(advertiser_ids),
            "scope": [4, 5],
        }
    )


def campaign_row(day: str, campaign_id: str, name: str, spend: str, clicks: str) -> dict:
    return {
        "dimensions": {"campaign_id": campaign_id, "stat_time_day": f"{day} 00:00:00"},
        "metrics": {
            "campaign_name": name,
            "spend": spend,
            "impressions": "1000",
            "clicks": clicks,
        },
    }


def report_page(rows: list[dict], page: int, total_page: int, page_size: int = 1000) -> dict:
    return envelope(
        {
            "list": rows,
            "page_info": {
                "page": page,
                "page_size": page_size,
                "total_number": len(rows) * total_page,
                "total_page": total_page,
            },
        }
    )


# The access token is invalid or has been revoked (TikTok's return code 40105).
TOKEN_INVALID = envelope(None, 40105, "Access token is incorrect or has been revoked.")
# Too many requests (40100).
TOO_MANY = envelope(None, 40100, "Requests made too frequently.")
