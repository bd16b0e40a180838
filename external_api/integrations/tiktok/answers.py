"""TikTok's answer envelope: HTTP 200 whatever happened, `{"code", "message", "request_id",
"data"}`, `code` 0 on success. Its codes, as the Marketing API's return-code list gives them:
40100 too many requests; 40102, 40104 and 40105 an expired, missing or invalid access token;
other 4xxxx a bad request; 5xxxx TikTok failing."""

from typing import Any

from external_api.integrations.framework.errors import ProviderFailed, ReconnectNeeded
from external_api.integrations.framework.tokens import ConnectedHttp
from shared.utilities.errors import InvalidInput, RateLimited

RATE_LIMITED = 40100
TOKEN_REFUSED = frozenset({40102, 40104, 40105})
# TikTok gives no Retry-After in its envelope; its QPS limits count per second.
RETRY_AFTER_SECONDS = "1"


async def data_of(http: ConnectedHttp, answer: dict[str, Any]) -> dict[str, Any]:
    """The answer's `data`, or the domain error its code stands for; a refused token marks
    the connection `reconnect_needed` (TikTok's tokens cannot be refreshed)."""
    code = answer.get("code")
    if code == 0:
        return answer.get("data") or {}
    words = f"TikTok: {answer.get('message') or code}"
    if code in TOKEN_REFUSED:
        await http.store.mark_reconnect_needed(http.account_id, words)
        raise ReconnectNeeded("TikTok refused the stored connection; connect it again.")
    if code == RATE_LIMITED:
        raise RateLimited(
            "TikTok is rate limiting the account.", headers={"retry-after": RETRY_AFTER_SECONDS}
        )
    if isinstance(code, int) and 40000 <= code < 50000:
        raise InvalidInput(words, details=[{"provider": "TikTok", "code": code}])
    raise ProviderFailed(words)
