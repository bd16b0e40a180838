"""Published pages for anyone, without a session: by path and by custom domain, with caching
headers and a policy letting no script run, their entry redirect and thumbnail, rate-limited."""

from shared.models.funnel_page_version import FunnelPageVersion
from tests.domain_factories import create_domain, create_verified_domain
from tests.internal_api.funnels.conftest import PAGES, drafted, made

OFFER = {"name": "Spring offer", "steps": [{"name": "Landing"}, {"name": "Thanks"}]}
LANDING = [
    {"type": "heading", "text": "Spring offer", "level": 1},
    {"type": "button", "label": "Claim it", "next_step": True},
]


async def published_offer(api, owner) -> dict:
    funnel = await made(api, owner, OFFER)
    await drafted(api, owner, funnel, LANDING)
    return funnel


async def test_a_published_page_is_served_with_caching_headers_and_a_policy(api, owner):
    funnel = await published_offer(api, owner)

    response = await api.get(f"{PAGES}/{funnel['id']}/landing")

    assert response.status_code == 200
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    assert response.headers["cache-control"] == "public, max-age=60"
    assert response.headers["etag"].startswith('"')
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert f'href="/v1/public/pages/{funnel["id"]}/thanks">Claim it</a>' in response.text


async def test_a_visitor_holding_the_page_gets_304(api, owner):
    funnel = await published_offer(api, owner)
    first = await api.get(f"{PAGES}/{funnel['id']}/landing")

    again = await api.get(
        f"{PAGES}/{funnel['id']}/landing", headers={"if-none-match": first.headers["etag"]}
    )

    assert again.status_code == 304
    assert again.content == b""


async def test_an_unpublished_step_answers_404(api, owner):
    funnel = await published_offer(api, owner)

    response = await api.get(f"{PAGES}/{funnel['id']}/thanks")

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "page_not_found"


async def test_a_funnels_address_redirects_to_its_first_step(api, owner):
    funnel = await published_offer(api, owner)

    response = await api.get(f"{PAGES}/{funnel['id']}")

    assert response.status_code == 302
    assert response.headers["location"] == f"/v1/public/pages/{funnel['id']}/landing"


async def test_a_verified_domain_serves_its_funnel_with_links_on_the_domain(api, owner):
    funnel = await published_offer(api, owner)
    await create_verified_domain(
        owner.account, "offers.acme.test", target_type="funnel", target_id=funnel["id"]
    )

    home = await api.get(f"{PAGES}/hosts/offers.acme.test:443")
    step = await api.get(f"{PAGES}/hosts/offers.acme.test/landing")

    assert home.status_code == step.status_code == 200
    assert 'href="/thanks">Claim it</a>' in home.text


async def test_a_pending_domain_serves_nothing(api, owner):
    funnel = await published_offer(api, owner)
    await create_domain(
        owner.account, "offers.acme.test", target_type="funnel", target_id=funnel["id"]
    )

    response = await api.get(f"{PAGES}/hosts/offers.acme.test")

    assert response.json()["error"]["code"] == "page_not_found"


async def test_a_domain_pointed_at_another_accounts_funnel_serves_nothing(api, owner, stranger):
    funnel = await published_offer(api, owner)
    await create_verified_domain(
        stranger.account, "evil.test", target_type="funnel", target_id=funnel["id"]
    )

    response = await api.get(f"{PAGES}/hosts/evil.test/landing")

    assert response.status_code == 404


async def test_a_published_pages_thumbnail_is_served_with_caching(api, owner, files_dir):
    funnel = await published_offer(api, owner)
    version = await FunnelPageVersion.find_one({"account_id": owner.account.id})
    (files_dir / "page-thumbnail-test.png").write_bytes(b"\x89PNG\r\n\x1a\nfake")
    await version.set({"thumbnail_key": "page-thumbnail-test.png"})

    response = await api.get(f"{PAGES}/{funnel['id']}/landing/thumbnail.png")
    again = await api.get(
        f"{PAGES}/{funnel['id']}/landing/thumbnail.png",
        headers={"if-none-match": response.headers["etag"]},
    )

    assert response.status_code == 200
    assert response.headers["content-type"] == "image/png"
    assert response.headers["cache-control"] == "public, max-age=60"
    assert response.content == b"\x89PNG\r\n\x1a\nfake"
    assert again.status_code == 304


async def test_pages_are_rate_limited_per_visitor(start_api, owner, mongo):
    async with start_api(pages_rate_limit_per_ip="2/minute") as limited:
        funnel = await published_offer(limited, owner)
        answers = [(await limited.get(f"{PAGES}/{funnel['id']}/landing")) for _ in range(3)]

    assert [answer.status_code for answer in answers] == [200, 200, 429]
    assert answers[2].json()["error"]["code"] == "rate_limited"
    assert int(answers[2].headers["retry-after"]) > 0
