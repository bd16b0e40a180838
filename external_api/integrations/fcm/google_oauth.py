"""OAuth2 access tokens for a Google service account (the JWT bearer grant, RFC 7523).

What google-auth does for service accounts, on the provider's HTTP (retried while busy): a JWT
signed RS256 with the account's private key is exchanged at its `token_uri` for an access token,
kept until a minute before it expires. (google-auth's transports are synchronous; this is the
documented flow of https://developers.google.com/identity/protocols/oauth2/service-account#httprest.)
"""

import json
import time
from dataclasses import dataclass

import httpx
import jwt

from external_api.integrations.fcm.errors import PushRejected
from external_api.integrations.framework.errors import ProviderFailed
from external_api.integrations.framework.http import ProviderHttp

JWT_BEARER_GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer"
ASSERTION_SECONDS = 3600
# A token this close to its expiry is renewed, so no request goes out with a stale one.
RENEW_BEFORE_SECONDS = 60


@dataclass(frozen=True)
class ServiceAccount:
    client_email: str
    private_key: str
    private_key_id: str
    token_uri: str

    @classmethod
    def from_json(cls, text: str) -> "ServiceAccount":
        key = json.loads(text)
        return cls(
            client_email=key["client_email"],
            private_key=key["private_key"],
            private_key_id=key.get("private_key_id", ""),
            token_uri=key.get("token_uri", "https://oauth2.googleapis.com/token"),
        )


class ServiceAccountTokens:
    def __init__(self, http: ProviderHttp, account: ServiceAccount, scope: str) -> None:
        self.http = http
        self.account = account
        self.scope = scope
        self.token = ""
        self.expires_at = 0.0

    async def access_token(self) -> str:
        if time.time() >= self.expires_at - RENEW_BEFORE_SECONDS:
            await self.renew()
        return self.token

    def forget(self) -> None:
        """Drops the token, so the next request asks for a new one."""
        self.token, self.expires_at = "", 0.0

    async def renew(self) -> None:
        form = {"grant_type": JWT_BEARER_GRANT, "assertion": self.assertion()}
        response = await self.http.send("POST", self.account.token_uri, data=form)
        answer = json_body(response)
        if response.status_code >= 500 or response.status_code == 429:
            raise ProviderFailed(f"Google's token endpoint answered {response.status_code}.")
        if not response.is_success:
            raise PushRejected(f"{response.status_code} {error_message(answer)}".strip())
        if "access_token" not in answer:
            raise ProviderFailed("Google's token endpoint answered without an access_token.")
        self.token = answer["access_token"]
        self.expires_at = time.time() + int(answer.get("expires_in", ASSERTION_SECONDS))

    def assertion(self) -> str:
        now = int(time.time())
        claims = {
            "iss": self.account.client_email,
            "scope": self.scope,
            "aud": self.account.token_uri,
            "iat": now,
            "exp": now + ASSERTION_SECONDS,
        }
        headers = {"kid": self.account.private_key_id} if self.account.private_key_id else None
        return jwt.encode(claims, self.account.private_key, algorithm="RS256", headers=headers)


def error_message(body: dict) -> str:
    """Google's token endpoint: `{"error", "error_description"}`."""
    return str(body.get("error_description") or body.get("error", ""))


def json_body(response: httpx.Response) -> dict:
    try:
        body = response.json()
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}
