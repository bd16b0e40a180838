"""CallTrackingMetrics' API v1 as documented (calltrackingmetrics.com/docs/api): the account,
calls and their pages (`page`, `total_pages`, `total_entries`, `next_page`), a call's JSON as
its webhook posts it, signed in `X-CTM-Signature` over `X-CTM-Time` and the body."""

import base64
import json
import time

from shared.utilities.signatures import sign_ctm

API = "https://api.calltrackingmetrics.com/api/v1"
ACCOUNT_ID = "25314"
ACCOUNT_URL = f"{API}/accounts/{ACCOUNT_ID}.json"
CALLS_URL = f"{API}/accounts/{ACCOUNT_ID}/calls.json"
CALL_ID = "1923485768"
CALL_URL = f"{API}/accounts/{ACCOUNT_ID}/calls/{CALL_ID}.json"
AUDIO_URL = f"https://app.calltrackingmetrics.com/accounts/{ACCOUNT_ID}/calls/{CALL_ID}.mp3"
ACCESS_KEY = "a25314d7c4f2b1e9a0c3"
SECRET_KEY = "4f2b1e9a0c3d7c4f2b1e9a0c3d7c4f2b"
BASIC = "Basic " + base64.b64encode(f"{ACCESS_KEY}:{SECRET_KEY}".encode()).decode()

ACCOUNT = {"id": int(ACCOUNT_ID), "name": "Dee's Doughnuts", "status": "active"}

CALL = {
    "id": int(CALL_ID),
    "account_id": int(ACCOUNT_ID),
    "name": "Grace Hopper",
    "caller_number": "+14045550199",
    "tracking_number": "+14045550100",
    "business_number": "+14045550111",
    "direction": "inbound",
    "duration": 125,
    "talk_time": 118,
    "source": "Google Organic",
    "referrer": "https://www.google.com/",
    "location": "https://dees.example.com/menu",
    "search": "doughnuts near me",
    "city": "Atlanta",
    "state": "GA",
    "country": "US",
    "called_at": "2024-03-01 10:24 AM -05:00",
    "unix_time": 1709306640,
    "audio": AUDIO_URL,
}


def calls_page(page: int = 1, total_pages: int = 1, total_entries: int = 1) -> dict:
    answer = {
        "calls": [CALL],
        "page": page,
        "per_page": 10,
        "total_entries": total_entries,
        "total_pages": total_pages,
    }
    if page < total_pages:
        answer["next_page"] = f"{CALLS_URL}?page={page + 1}"
    return answer


def signed(body: dict, secret: str = SECRET_KEY, at: int | None = None):
    payload = json.dumps(body).encode()
    timestamp = str(at if at is not None else int(time.time()))
    headers = {
        "content-type": "application/json",
        "x-ctm-time": timestamp,
        "x-ctm-signature": sign_ctm(secret, timestamp, payload),
    }
    return payload, headers
