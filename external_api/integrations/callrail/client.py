"""CallRail's API v3 with one account's key: `Authorization: Token token="<key>"`, paths under
`/a/<CallRail account id>/`, lists paged by `page`/`per_page` with `total_pages`."""

from dataclasses import dataclass
from typing import Any

from external_api.integrations.callrail.schemas import Call, RecordingLink
from external_api.integrations.framework.errors import ProviderFailed
from external_api.integrations.framework.tokens import ConnectedHttp


def token_header(api_key: str) -> dict[str, str]:
    return {"authorization": f'Token token="{api_key}"'}


@dataclass(frozen=True)
class CallPage:
    calls: list[Call]
    page: int
    total_pages: int
    total_records: int


class CallrailClient:
    """On the account's connection, which adds its key (`token_header`)."""

    def __init__(self, http: ConnectedHttp, callrail_account_id: str) -> None:
        self.http = http
        self.account_path = f"a/{callrail_account_id}"

    async def get(self, path: str, params: dict[str, Any] | None = None) -> dict:
        return await self.http.json("GET", f"{self.account_path}/{path}", params=params or {})

    async def list_calls(self, page: int, per_page: int, filters: dict[str, str]) -> CallPage:
        """One page, newest first; `filters` are CallRail's own (date_range, direction, ...)."""
        params = {**filters, "page": page, "per_page": per_page}
        params |= {"sort": "start_time", "order": "desc"}
        answer = await self.get("calls.json", params)
        try:
            return CallPage(
                calls=[Call.model_validate(call) for call in answer["calls"]],
                page=int(answer["page"]),
                total_pages=int(answer["total_pages"]),
                total_records=int(answer["total_records"]),
            )
        except (KeyError, TypeError, ValueError) as error:
            raise ProviderFailed(
                "CallRail answered its call list in an unexpected shape."
            ) from error

    async def get_call(self, call_id: str) -> Call:
        return Call.model_validate(await self.get(f"calls/{call_id}.json"))

    async def recording(self, call_id: str) -> RecordingLink:
        """The link to a call's audio; 404 when the call has no recording."""
        answer = await self.get(f"calls/{call_id}/recording.json")
        if not isinstance(answer, dict) or not answer.get("url"):
            raise ProviderFailed("CallRail answered without the recording's URL.")
        return RecordingLink(url=answer["url"])
