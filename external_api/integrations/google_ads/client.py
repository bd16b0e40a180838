"""Google Ads' searchStream: one GAQL query, every row in one streamed answer.

POST /{version}/customers/{customer_id}/googleAds:searchStream with {"query": ...}, the
`developer-token` header always and `login-customer-id` when the access goes through a manager
account. The answer is a JSON array of batches, each with `results` (rows keyed by resource,
fields in lowerCamelCase: `metrics.costMicros`), `fieldMask` and `requestId`.
"""

from external_api.integrations.framework.tokens import ConnectedHttp


class GoogleAds:
    def __init__(self, http: ConnectedHttp, version: str, developer_token: str) -> None:
        self.http = http
        self.version = version
        self.developer_token = developer_token

    async def search_stream(
        self, customer_id: str, query: str, login_customer_id: str | None = None
    ) -> list[dict]:
        """Every result row of the query."""
        headers = {"developer-token": self.developer_token}
        if login_customer_id:
            headers["login-customer-id"] = login_customer_id
        batches = await self.http.json(
            "POST",
            f"/{self.version}/customers/{customer_id}/googleAds:searchStream",
            json={"query": query},
            headers=headers,
        )
        return [row for batch in batches for row in batch.get("results", [])]
