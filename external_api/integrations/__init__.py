"""Third-party integrations: one folder per provider on one framework (`framework/`).

Adding a provider `acme` (the path segment is its `name`; folders use underscores):

1. Credential model in shared: `shared/shared/models/acme_key.py` (or `acme_token.py`) with
   `class AcmeKey(ApiKeyCredential)` (or `OAuthCredential`) from
   `shared.models.integration_credential`, only `class Settings: name = "acme_keys"`; add it to
   `ALL_MODELS`. Secrets are sealed by the framework; never store or log them in the clear.
2. Settings: `external_api/integrations/acme/settings.py`, a `BaseSettings` with
   `env_prefix="EXTERNAL_API_ACME_"` (base URL, app secrets, webhook secret), held by a field
   `acme: AcmeSettings = Field(default_factory=AcmeSettings, ...)` of `ExternalApiSettings`;
   each variable goes into `.env.sample` under a comment.
3. `external_api/integrations/acme/provider.py` declares
   `PROVIDER = Provider(name="acme", title="Acme", credential=AcmeKey,
   base_url=lambda s: s.acme.base_url, router=router, api_key=ApiKeyCheck(...))`
   (or `oauth=lambda settings, http: OAuthFlow(OAuthApp(...), http)`, a subclass of
   `OAuthFlow` where the provider differs from RFC 6749; `refused=` when the provider says a
   credential is refused otherwise than with a 401, as Facebook's code 190) and it is added to
   `external_api/integrations/registry.py`. The framework then mounts, under `/v1/e/acme`:
   - API key: `PUT /key` (body `ApiKeyConnect` or the subclass given as `ApiKeyCheck.body`;
     `ApiKeyCheck.validate(http, body)` calls the provider once and answers `ConnectedAs`),
     `GET /key` (masked), `DELETE /key`; `ApiKeyCheck.apply(key, credential)` gives the
     request arguments (`{"headers": ...}`, `{"auth": ...}`, `{"params": ...}`) each call carries.
   - OAuth: `GET /auth/start` (authorize URL with a sealed, expiring, single-use state and
     PKCE, bound to the user, session and account starting it; the provider sends the browser
     back to the dashboard's `/integrations/acme/callback`, which is the redirect URI to
     register with the provider), `POST /auth/complete` (the dashboard posts the code and
     state with the same session), `DELETE /auth` (revokes where the provider allows).
   - `GET /v1/e/integrations` lists it with the account's status.
4. Its client: `acme/client.py`, a class taking the `ConnectedHttp` of the account (from the
   dependency `connection_to("acme")` in `framework.dependencies`) and calling
   `await http.json("GET", "/v1/things", params=...)`. `ConnectedHttp` adds the credential,
   retries 429/5xx honouring `Retry-After` (EXTERNAL_API_RETRY_*), refreshes OAuth tokens
   (before expiry, and once after a 401, under a Redis lock), and maps errors: provider 401 →
   409 `reconnect_needed` (the connection is marked), 403 → 403, 404 → 404, 429 → 429 with
   Retry-After, other 4xx → 422 with the provider's message, 5xx after retries → 502
   `upstream_error`. `framework.http.pages(fetch, next_token)` walks paginated lists.
   Calls without an account's credential (checking a key, token endpoints) use the plain
   `ProviderHttp` (`integrations.http[name]`), with the same retries and mapping.
5. Routes: `acme/routes.py` with `router = APIRouter(prefix="/v1/e/acme", tags=["acme"])`,
   scopes from `framework.auth` (`IntegrationsRead`, `IntegrationsWrite`,
   `IntegrationsAdmin`), logic in `acme/service.py`.
6. Webhooks: `acme/webhooks.py`, a `framework.webhooks.WebhookReceiver` subclass (`provider`,
   `tolerance_seconds`; `signed_at(headers)` raising `BadSignature` unless the signature
   headers have the provider's shape and answering the signed timestamp or None, checked
   before the body is read; `verify(headers, body)` raising `BadSignature`; `events(body)` →
   `[WebhookEvent(id, type, data)]`, JSON read with `json_of`), with the shape and signature
   checks in `shared.utilities.signatures`; its route is `POST /v1/e/acme/webhooks/<name>`
   (the router lets `/v1/e/*/webhooks/*` through without a session, bodies up to
   EXTERNAL_API_WEBHOOK_MAX_BYTES) taking the `request` and answering `await receive(receiver,
   request.headers, request.body)`. Each new event (by id, a unique receipt) is enqueued once as
   `integrations.process_webhook(provider="acme", event={id, type, data})`, task id
   `acme:<event id>`; the queue manager's `queue_manager/integrations/acme.py` handles it
   (`async def handle(event) -> dict`, found by the provider's name, dashes as underscores;
   raise `shared.utilities.worker.PermanentError` for what no retry can fix).
7. Tests: `tests/external_api/<provider>/`, the provider faked at the transport with
   `tests.external_api.fakes` (`FakeProvider`: routes by method and path answering documented
   payloads, every request recorded), asserting what was sent.
"""
