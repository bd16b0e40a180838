"""A business-search API on RapidAPI (OpenWeb Ninja's Local Business Data, `GET /search`),
called with the platform's key in `X-RapidAPI-Key` and the API's host in `X-RapidAPI-Host`.

It answers `{"status": "OK", "request_id", "parameters", "data": [business, ...]}`, a page of
at most `limit` businesses from `offset`; a page shorter than asked is the last. RapidAPI
answers 429 with `Retry-After` past the plan's rate, which the framework's HTTP waits out."""

from typing import Any

from pydantic import BaseModel, ValidationError

from external_api.integrations.framework.errors import ProviderFailed
from external_api.integrations.framework.http import ProviderHttp
from shared.models.lead_search import FoundBusiness

TITLE = "RapidAPI"


class Business(BaseModel):
    """The fields of a Local Business Data business that LeadFinder keeps."""

    business_id: str
    name: str
    phone_number: str | None = None
    website: str | None = None
    full_address: str | None = None
    city: str | None = None
    rating: float | None = None
    review_count: int | None = None
    type: str | None = None

    def found(self) -> FoundBusiness:
        return FoundBusiness(
            business_id=self.business_id,
            name=self.name,
            phone=self.phone_number or "",
            website=self.website or "",
            address=self.full_address or "",
            city=self.city or "",
            rating=self.rating,
            review_count=self.review_count or 0,
            category=self.type or "",
        )


class BusinessSearch:
    def __init__(self, http: ProviderHttp, api_key: str, host: str) -> None:
        self.http = http
        self.headers = {"X-RapidAPI-Key": api_key, "X-RapidAPI-Host": host}

    async def page(self, query: str, region: str, offset: int, limit: int) -> list[FoundBusiness]:
        params: dict[str, Any] = {
            "query": query,
            "limit": limit,
            "offset": offset,
            "region": region,
            "language": "en",
        }
        answer = await self.http.json("GET", "search", headers=self.headers, params=params)
        if not isinstance(answer, dict) or answer.get("status") != "OK":
            raise ProviderFailed(f"{TITLE}: the business search answered no results.")
        try:
            return [Business.model_validate(item).found() for item in answer.get("data") or []]
        except ValidationError as error:
            raise ProviderFailed(f"{TITLE}: a business came back malformed.") from error
