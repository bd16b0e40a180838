"""CallRail's API v3 as documented (apidocs.callrail.com): the account, calls (list, one,
recording) and the post-call webhook's body."""

API = "https://api.callrail.com/v3"
ACCOUNT_ID = "ACC8154748ae6bd4e278a7cddd38a662f4f"
API_KEY = "555666777888999aaabbbcccddd"
SIGNING_KEY = "callrail-company-signing-key"
CALL_ID = "CAL8154748ae6bd4e278a7cddd38a662f4f"

ACCOUNT_URL = f"{API}/a/{ACCOUNT_ID}.json"
CALLS_URL = f"{API}/a/{ACCOUNT_ID}/calls.json"
CALL_URL = f"{API}/a/{ACCOUNT_ID}/calls/{CALL_ID}.json"
RECORDING_URL = f"{API}/a/{ACCOUNT_ID}/calls/{CALL_ID}/recording.json"
TOKEN_HEADER = f'Token token="{API_KEY}"'

ACCOUNT = {"id": ACCOUNT_ID, "name": "Dee's Doughnuts", "outbound_recording_enabled": True}

CALL = {
    "answered": False,
    "business_phone_number": None,
    "customer_city": "Denver",
    "customer_country": "US",
    "customer_name": "RUEGSEGGER SIMO",
    "customer_phone_number": "+13036231131",
    "customer_state": "CO",
    "direction": "inbound",
    "duration": 4,
    "id": CALL_ID,
    "recording": RECORDING_URL,
    "recording_duration": 27,
    "recording_player": f"https://app.callrail.com/calls/{CALL_ID}/recording?access_key=3b91eb",
    "start_time": "2017-01-24T11:27:48.119-05:00",
    "tracking_phone_number": "+13038163491",
    "voicemail": False,
}


def calls_page(page: int = 1, total_pages: int = 1, total_records: int = 1) -> dict:
    return {
        "page": page,
        "per_page": 10,
        "total_pages": total_pages,
        "total_records": total_records,
        "calls": [CALL],
    }


RECORDING = {"url": f"https://app.callrail.com/calls/{CALL_ID}/recording/redirect?access_key=k1"}

# The post-call webhook's JSON body (support.callrail.com, Webhooks), trimmed.
POST_CALL = {
    "answered": True,
    "business_phone_number": "+14045550123",
    "call_type": "inbound",
    "company_id": 155920786,
    "company_name": "Dee's Doughnuts",
    "company_resource_id": "COM8154748ae6bd4e278a7cddd38a662f4f",
    "created_at": "2024-03-01T15:04:05.123-05:00",
    "customer_city": "Atlanta",
    "customer_name": "Grace Hopper",
    "customer_phone_number": "+14045550199",
    "customer_state": "GA",
    "direction": "inbound",
    "duration": "125",
    "first_call": True,
    "landing_page_url": "https://doughnuts.example/menu?utm_source=google",
    "recording": RECORDING_URL,
    "referring_url": "https://www.google.com/",
    "resource_id": CALL_ID,
    "source_name": "Google Ads",
    "start_time": "2024-03-01T15:02:00.000-05:00",
    "tracking_phone_number": "+14045550100",
    "utm_campaign": "spring-sale",
    "utm_content": None,
    "utm_medium": "cpc",
    "utm_source": "google",
    "utm_term": "fresh doughnuts",
    "voicemail": False,
}
