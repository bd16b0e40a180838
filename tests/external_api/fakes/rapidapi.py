"""OpenWeb Ninja's Local Business Data on RapidAPI as documented: `GET /search` with `query`,
`limit`, `offset`, `region` and `language`, the key in `X-RapidAPI-Key` and the host in
`X-RapidAPI-Host`; answered `{"status": "OK", "request_id", "parameters", "data": [...]}`.
RapidAPI's own refusals come as `{"message": "..."}` (429 with `Retry-After` past the plan's
rate, 403 for a key not subscribed to the API)."""

HOST = "local-business-data.p.rapidapi.com"
SEARCH = f"https://{HOST}/search"
API_KEY = "9a1f0c3e2bmsh6d4e1f7a8b9c0d1p1a2b3cjsn4d5e6f7a8b9c"


def business(number: int, phone: str | None = "+1 512-555-0100") -> dict:
    """A business as the search answers it (the fields LeadFinder reads, and some it does not)."""
    return {
        "business_id": f"0x8644b5a0c1d2e3f4:0x{number:016x}",
        "google_id": f"0x8644b5a0c1d2e3f4:0x{number:016x}",
        "place_id": f"ChIJ{number:020d}",
        "name": f"Austin Plumbing Co {number}",
        "phone_number": phone,
        "full_address": f"{100 + number} Congress Ave, Austin, TX 78701",
        "latitude": 30.2672,
        "longitude": -97.7431,
        "review_count": 40 + number,
        "rating": 4.5,
        "website": f"https://plumbing{number}.example.com",
        "verified": True,
        "type": "Plumber",
        "subtypes": ["Plumber", "Water heater installation service"],
        "city": "Austin, TX",
    }


def search_answer(businesses: list[dict], query: str = "plumber in Austin, TX") -> dict:
    return {
        "status": "OK",
        "request_id": "b3b8f0e2-7e3c-4b7a-9a51-1f6c2f0d9c11",
        "parameters": {"query": query, "language": "en", "region": "us"},
        "data": businesses,
    }


def rate_limited() -> dict:
    return {"message": "You have exceeded the rate limit per second for your plan, BASIC."}
