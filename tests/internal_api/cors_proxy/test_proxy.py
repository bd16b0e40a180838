"""/v1/cors-proxy: an allowed host's font or image for the signed-in dashboard, with safe
headers; refused for any other host (never an open relay), bounded in size, time and type."""

import httpx
import pytest

from shared.domain.feature_flags.flags import ASSET_PROXY, set_flag
from tests.factories import create_signed_in
from tests.internal_api.cors_proxy.conftest import MAX_BYTES
from tests.internal_api.cors_proxy.fake_hosts import FONT, FONT_URL, font


async def fetch(api, signed_in, url, **headers):
    return await api.get(
        "/v1/cors-proxy", params={"url": url}, headers={**signed_in.headers, **headers}
    )


@pytest.fixture
async def me(mongo):
    return await create_signed_in()


async def test_an_allowed_font_is_answered_with_its_type_and_safe_headers(api, me):
    response = await fetch(api, me, FONT_URL)

    assert response.status_code == 200
    assert response.content == FONT
    assert response.headers["content-type"] == "font/woff2"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "sandbox" in response.headers["content-security-policy"]
    assert response.headers["x-cache"] == "miss"


async def test_nothing_of_the_caller_is_sent_to_the_host(api, me, hosts):
    await fetch(api, me, FONT_URL, cookie="session=secret")

    sent = hosts.requests[0]
    assert (sent.method, str(sent.url)) == ("GET", FONT_URL)
    assert "authorization" not in sent.headers
    assert "cookie" not in sent.headers
    assert sent.headers["user-agent"].endswith("asset proxy")


async def test_a_second_fetch_comes_from_the_cache(api, me, hosts):
    await fetch(api, me, FONT_URL)
    other_account = await create_signed_in()

    again = await fetch(api, other_account, FONT_URL)

    assert (again.status_code, again.content, again.headers["x-cache"]) == (200, FONT, "hit")
    assert len(hosts.requests) == 1


async def test_the_browser_may_keep_it_no_longer_than_the_proxys_bound(api, me):
    response = await fetch(api, me, FONT_URL)

    directives = response.headers["cache-control"].split(", ")
    assert directives[0] == "private"
    assert 0 < int(directives[1].removeprefix("max-age=")) <= 86400


async def test_a_current_copy_answers_304(api, me):
    etag = (await fetch(api, me, FONT_URL)).headers["etag"]

    response = await fetch(api, me, FONT_URL, **{"if-none-match": etag})

    assert response.status_code == 304


async def test_a_no_store_answer_is_fetched_again_each_time(api, me, hosts):
    hosts.answers[FONT_URL] = font(**{"cache-control": "no-store"})

    await fetch(api, me, FONT_URL)
    await fetch(api, me, FONT_URL)

    assert len(hosts.requests) == 2


@pytest.mark.parametrize(
    "url",
    [
        "https://evil.example/steal",
        "https://fonts.gstatic.com.evil.example/inter.woff2",
        "https://gstatic.com/inter.woff2",
        "http://169.254.169.254/latest/meta-data/",
        "http://localhost/v1/admin/accounts",
    ],
)
async def test_a_host_off_the_list_is_refused_and_never_asked(api, me, hosts, url):
    response = await fetch(api, me, url)

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "cors_proxy_host_not_allowed"
    assert hosts.requests == []


@pytest.mark.parametrize(
    "url",
    [
        "ftp://fonts.gstatic.com/inter.woff2",
        "file:///etc/passwd",
        "https://fonts.gstatic.com:8443/inter.woff2",
        "https://user:secret@fonts.gstatic.com/inter.woff2",
        "/v1/admin/accounts",
    ],
)
async def test_only_plain_http_urls_on_their_default_port_are_fetched(api, me, hosts, url):
    response = await fetch(api, me, url)

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "cors_proxy_url_invalid"
    assert hosts.requests == []


async def test_a_redirect_to_a_host_off_the_list_is_refused(api, me, hosts):
    hosts.answers[FONT_URL] = httpx.Response(302, headers={"location": "http://10.0.0.5/admin"})

    response = await fetch(api, me, FONT_URL)

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "cors_proxy_host_not_allowed"
    assert [str(request.url) for request in hosts.requests] == [FONT_URL]


async def test_a_redirect_to_an_allowed_host_is_followed(api, me, hosts):
    moved = "https://fonts.gstatic.com/s/inter/v14/inter.woff2"
    hosts.answers[FONT_URL] = httpx.Response(301, headers={"location": "/s/inter/v14/inter.woff2"})
    hosts.answers[moved] = font()

    response = await fetch(api, me, FONT_URL)

    assert (response.status_code, response.content) == (200, FONT)
    assert [str(request.url) for request in hosts.requests] == [FONT_URL, moved]


async def test_redirects_past_the_limit_answer_502(api, me, hosts):
    hosts.answers[FONT_URL] = httpx.Response(302, headers={"location": FONT_URL})

    response = await fetch(api, me, FONT_URL)

    assert response.status_code == 502
    assert response.json()["error"]["code"] == "cors_proxy_upstream_error"
    assert len(hosts.requests) == 4  # the first and three redirects


async def test_a_type_the_proxy_does_not_answer_is_refused_and_not_cached(api, me, hosts):
    hosts.answers[FONT_URL] = httpx.Response(
        200, content=b"<script>", headers={"content-type": "text/html"}
    )

    response = await fetch(api, me, FONT_URL)
    await fetch(api, me, FONT_URL)

    assert response.status_code == 502
    assert response.json()["error"]["code"] == "cors_proxy_content_type_not_allowed"
    assert len(hosts.requests) == 2


async def test_a_resource_declared_larger_than_the_limit_is_refused(api, me, hosts):
    hosts.answers[FONT_URL] = font(**{"content-length": str(MAX_BYTES + 1)})

    response = await fetch(api, me, FONT_URL)

    assert response.status_code == 502
    assert response.json()["error"]["code"] == "cors_proxy_too_large"


async def test_a_resource_growing_past_the_limit_is_cut(api, me, hosts):
    async def chunks():
        for _ in range(4):  # no length said: read until it passes
            yield b"x" * 512

    def streamed(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=chunks(), headers={"content-type": "font/woff2"})

    hosts.answers[FONT_URL] = streamed

    response = await fetch(api, me, FONT_URL)

    assert response.status_code == 502
    assert response.json()["error"]["code"] == "cors_proxy_too_large"


async def test_an_error_of_the_host_answers_502_with_its_status_and_is_not_cached(api, me, hosts):
    hosts.answers[FONT_URL] = httpx.Response(500)

    response = await fetch(api, me, FONT_URL)
    await fetch(api, me, FONT_URL)

    assert response.status_code == 502
    assert response.json()["error"]["details"] == [{"upstream_status": 500}]
    assert len(hosts.requests) == 2


async def test_a_host_that_does_not_answer_in_time_answers_504(api, me, hosts):
    def silent(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("no answer", request=request)

    hosts.answers[FONT_URL] = silent

    response = await fetch(api, me, FONT_URL)

    assert response.status_code == 504


async def test_an_account_the_proxy_is_turned_off_for_is_refused(api, me, hosts):
    await set_flag(me.account.id, ASSET_PROXY, False, me.user.id)

    response = await fetch(api, me, FONT_URL)

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "feature_disabled"
    assert hosts.requests == []


async def test_a_caller_without_a_session_is_refused(api, hosts):
    response = await api.get("/v1/cors-proxy", params={"url": FONT_URL})

    assert response.status_code == 401
    assert hosts.requests == []
