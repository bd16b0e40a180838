"""The public layer: what every route taking requests without a session, from any website,
is guarded with. Its parts are made in the app's lifespan (`layer.public_layer`) and reached
through typed dependencies:

- `cors.PublicCors`: `.admit(allowed_origins)` once the resource's list is known (403
  `origin_not_allowed` for another website; empty list: any), `.preflight(allowed_origins,
  methods)` answers an OPTIONS. The headers go on every answer of an admitted request, errors
  included (`cors.PublicCorsMiddleware`). `cors.AllowedOrigin` is the pydantic type of a list
  entry, stored as browsers send it (`https://example.com`); `cors.ANY_ORIGIN` is the list of
  what any website may use.
- `limits.rate_limited(action, key_from=path_param)`: a route dependency counting requests per
  visitor address and per key in Redis (429 `rate_limited` with Retry-After, readable by any
  page). It runs before the body is read.
  `limits.VisitorIp` is the visitor's address behind our proxies.
- `layer.Stamps` (`spam.RenderStamps`): `.issue(form_id)` / `.check(stamp, form_id)`, the
  signed render time and minimum fill time; `spam.check_honeypot(value)`. Both raise 400
  `spam_suspected`.
- `layer.PublicCaptchas` (`captcha.Captchas`): `.verify(provider, token, remote_ip=...,
  idempotency_key=...)` against hCaptcha or Turnstile (400 `captcha_failed`, 503
  `captcha_unavailable` or `captcha_not_configured`), `.site_key(provider)` for the page,
  `.offered()` for checking a form's settings.
- `embed.render_embed_script(PublicFormDefinition, api_base_url)` and `embed.script_response`
  (ETag, Cache-Control, 304); `embed.render_frame_page` / `embed.frame_response` for an iframe.

A public form's routes, for example (the checks before anything is stored, cheapest first):

    router = APIRouter(prefix="/v1/forms/public", tags=["forms"])

    @router.options("/{form_id}/submissions", status_code=204)
    async def submission_preflight(form_id: str, cors: PublicCors) -> Response:
        form = await service.published_form(form_id)  # 404 for an unknown form
        return cors.preflight(form.allowed_origins, ["POST"])

    @router.post(
        "/{form_id}/submissions",
        dependencies=[Depends(rate_limited("form-submission", key_from="form_id"))],
    )
    async def submit(
        form_id: str, body: Submission, cors: PublicCors, visitor_ip: VisitorIp,
        stamps: Stamps, captchas: PublicCaptchas,
    ):
        form = await service.published_form(form_id)
        cors.admit(form.allowed_origins)
        check_honeypot(body.fields.get(form.honeypot_field))
        stamps.check(body.render_stamp, form_id)
        if form.captcha_provider:
            await captchas.verify(
                form.captcha_provider, body.captcha_token,
                remote_ip=visitor_ip, idempotency_key=body.submission_id,
            )
        return await service.submit(form, body, ...)

    @router.get("/{form_id}/embed.js", dependencies=[Depends(rate_limited("form-embed"))])
    async def embed_script(form_id: str, request: Request, settings: Settings) -> Response:
        definition = service.public_definition(await service.published_form(form_id))
        script = render_embed_script(definition)
        return script_response(request, script, settings.public_script_max_age_seconds)

The render stamp route the script fetches is this package's own (`routes.py`).
"""
