"""Semrush's Analytics API with the account's key (`key` in the query, added by the
connection):

- `GET /?type=domain_ranks&domain=&database=&export_columns=Dn,Rk,Or,Ot,Oc` : the domain's
  overview (rank, organic keywords, traffic, traffic cost in USD);
- `GET /?type=domain_organic&domain=&database=&display_limit=&export_columns=Ph,Po,Nq,Tr,Ur`:
  the keywords it ranks for, best traffic first;
- `GET /analytics/v1/?type=backlinks_overview&target=&target_type=root_domain&export_columns=
  ascore,total,domains_num`: its backlinks and authority score.
"""

from external_api.integrations.framework.tokens import ConnectedHttp
from external_api.integrations.semrush.answers import parsed

OVERVIEW_COLUMNS = "Dn,Rk,Or,Ot,Oc"
KEYWORD_COLUMNS = "Ph,Po,Nq,Tr,Ur"
BACKLINK_COLUMNS = "ascore,total,domains_num"


class Semrush:
    def __init__(self, http: ConnectedHttp) -> None:
        self.http = http

    async def rows(self, path: str, params: dict) -> list[dict[str, str]]:
        response = await self.http.call("GET", path, params=params)
        return parsed(response.text)

    async def domain_overview(self, domain: str, database: str) -> dict[str, str]:
        params = {"type": "domain_ranks", "domain": domain, "database": database}
        rows = await self.rows("/", {**params, "export_columns": OVERVIEW_COLUMNS})
        return rows[0] if rows else {}

    async def organic_keywords(self, domain: str, database: str, limit: int) -> list[dict]:
        params = {"type": "domain_organic", "domain": domain, "database": database}
        params |= {"display_limit": str(limit), "display_sort": "tr_desc"}
        return await self.rows("/", {**params, "export_columns": KEYWORD_COLUMNS})

    async def backlinks_overview(self, domain: str) -> dict[str, str]:
        params = {"type": "backlinks_overview", "target": domain, "target_type": "root_domain"}
        rows = await self.rows("/analytics/v1/", {**params, "export_columns": BACKLINK_COLUMNS})
        return rows[0] if rows else {}
