"""Tipalti's REST API as the platform calls it, with an access token from the account's API
app (client credentials): payees (`POST /api/v1/payees`, `GET /api/v1/payees/{id}`), payment
batches (`POST /api/v1/payment-batches`) and their instructions' status
(`GET /api/v1/payment-batches/{id}/instructions`). Amounts go as decimals of the currency's
major unit; the platform keeps minor units.

The onboarding iFrame's URL is signed, not called: its query (`idap`, the payee's refCode;
`payer`; `ts`, Unix seconds) with `hashkey`, the HMAC-SHA256 of that query under the API
master key, in hex."""

import hashlib
import hmac
import time
from dataclasses import dataclass
from decimal import Decimal
from typing import Any
from urllib.parse import urlencode

from external_api.integrations.framework.errors import ProviderFailed
from external_api.integrations.framework.http import ProviderHttp

SCOPES = (
    "tipalti.api.payee.read tipalti.api.payee.write "
    "tipalti.api.payment.read tipalti.api.payment.write"
)
# ISO 4217 currencies without two minor digits.
MINOR_DIGITS = {"JPY": 0, "KRW": 0, "VND": 0, "CLP": 0, "ISK": 0, "HUF": 2, "BHD": 3, "KWD": 3}


# Tipalti's identity host beside each of its API hosts (its reference's production and sandbox).
TOKEN_HOSTS = {
    "api-p.tipalti.com": "sso.tipalti.com",
    "api-sb.tipalti.com": "sso.sandbox.tipalti.com",
}


def token_url(api_url: str) -> str:
    """Tipalti's token endpoint for its API at `api_url`: `https://sso.tipalti.com/connect/token`
    for `https://api-p.tipalti.com`, `https://sso.sandbox.tipalti.com/connect/token` for the
    sandbox's `https://api-sb.tipalti.com`; another host (a proxy) serves both itself."""
    scheme, _, host = api_url.rstrip("/").partition("://")
    return f"{scheme}://{TOKEN_HOSTS.get(host, host)}/connect/token"


async def access_token(http: ProviderHttp, client_id: str, client_secret: str) -> str:
    answer = await http.json(
        "POST",
        token_url(http.base_url),
        data={
            "grant_type": "client_credentials",
            "client_id": client_id,
            "client_secret": client_secret,
            "scope": SCOPES,
        },
    )
    if not isinstance(answer, dict) or not isinstance(answer.get("access_token"), str):
        raise ProviderFailed("Tipalti answered its token in an unexpected shape.")
    return answer["access_token"]


def major_amount(minor: int, currency: str) -> float:
    digits = MINOR_DIGITS.get(currency.upper(), 2)
    return float(Decimal(minor).scaleb(-digits))


@dataclass(frozen=True)
class TipaltiSecrets:
    client_id: str
    client_secret: str
    master_key: str
    payer_name: str

    @classmethod
    def of(cls, sealed_pair: str, options: dict[str, Any]) -> "TipaltiSecrets":
        client_secret, _, master_key = sealed_pair.partition("\n")
        return cls(options["client_id"], client_secret, master_key, options["payer_name"])


def iframe_url(base: str, secrets: TipaltiSecrets, payee_ref: str, now: float | None = None) -> str:
    query = urlencode(
        {"idap": payee_ref, "payer": secrets.payer_name, "ts": str(int(now or time.time()))}
    )
    key = secrets.master_key.encode()
    hashkey = hmac.new(key, query.encode(), hashlib.sha256).hexdigest()
    return f"{base}?{query}&hashkey={hashkey}"


class Tipalti:
    def __init__(self, http: ProviderHttp, secrets: TipaltiSecrets) -> None:
        self.http = http
        self.secrets = secrets
        self.token = ""

    async def bearer(self) -> dict[str, str]:
        if not self.token:
            secrets = self.secrets
            self.token = await access_token(self.http, secrets.client_id, secrets.client_secret)
        return {"authorization": f"Bearer {self.token}"}

    async def call(self, method: str, path: str, **request: Any) -> Any:
        return await self.http.json(method, path, headers=await self.bearer(), **request)

    async def create_payee(self, ref_code: str, name: str, email: str) -> dict:
        first, _, last = name.partition(" ")
        body = {
            "refCode": ref_code,
            "entityType": "INDIVIDUAL",
            "contactInformation": {"email": email, "firstName": first, "lastName": last or first},
        }
        return await self.call("POST", "/api/v1/payees", json=body)

    async def payee(self, payee_id: str) -> dict:
        return await self.call("GET", f"/api/v1/payees/{payee_id}")

    async def submit_batch(self, instructions: list[dict]) -> dict:
        return await self.call(
            "POST", "/api/v1/payment-batches", json={"paymentInstructions": instructions}
        )

    async def batch_instructions(self, batch_id: str) -> list[dict]:
        answer = await self.call("GET", f"/api/v1/payment-batches/{batch_id}/instructions")
        return answer.get("items", [])
