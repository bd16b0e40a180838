"""CallTrackingMetrics' API v1 with one account's key pair, as HTTP basic auth (access key,
secret key); paths under `accounts/<CTM account id>/`, lists paged by `page`/`per_page` with
`total_pages` and `total_entries`."""

from dataclasses import dataclass
from typing import Any

from external_api.integrations.calltrackingmetrics.schemas import Call
from external_api.integrations.framework.errors import ProviderFailed
from external_api.integrations.framework.tokens import ConnectedHttp


@dataclass(frozen=True)
class CallPage:
    calls: list[Call]
    page: int
    total_pages: int
    total_entries: int


class CtmClient:
    """On the account's connection, which adds its key pair."""

    def __init__(self, http: ConnectedHttp, ctm_account_id: str) -> None:
        self.http = http
        self.account_path = f"accounts/{ctm_account_id}"

    async def list_calls(self, page: int, per_page: int, filters: dict[str, str]) -> CallPage:
        params: dict[str, Any] = {**filters, "page": page, "per_page": per_page}
        answer = await self.http.json("GET", f"{self.account_path}/calls.json", params=params)
        try:
            return CallPage(
                calls=[Call.model_validate(call) for call in answer["calls"]],
                page=int(answer["page"]),
                total_pages=int(answer["total_pages"]),
                total_entries=int(answer["total_entries"]),
            )
        except (KeyError, TypeError, ValueError) as error:
            raise ProviderFailed("CTM answered its call list in an unexpected shape.") from error

    async def get_call(self, call_id: str) -> Call:
        answer = await self.http.json("GET", f"{self.account_path}/calls/{call_id}.json")
        return Call.model_validate(answer)
