"""A hosted page the way the world reaches it: built and published through the dashboard's
chain, then visited without a session on its custom domain (gateway -> router -> internal_api)
and by its platform path."""

from tests.domain_factories import create_verified_domain
from tests.factories import create_signed_in
from tests.internal_api.chain import dashboard, module_chain

__all__ = ["dashboard", "module_chain"]

FUNNEL = {"name": "Spring offer", "steps": [{"name": "Offer"}, {"name": "Thanks"}]}
BLOCKS = [
    {"type": "heading", "text": "Spring & summer offer", "level": 1},
    {"type": "button", "label": "Claim", "next_step": True},
]


async def test_a_published_page_is_visited_on_its_custom_domain_without_a_session(dashboard):
    owner = await create_signed_in()
    made = await dashboard.post("/v1/funnels", json=FUNNEL, headers=owner.session_headers)
    funnel = made.json()
    page = f"/v1/funnels/{funnel['id']}/pages/{funnel['steps'][0]['page_id']}"
    await dashboard.patch(page, json={"blocks": BLOCKS}, headers=owner.session_headers)
    published = await dashboard.post(f"{page}/publish", headers=owner.session_headers)
    await create_verified_domain(
        owner.account, "offers.acme.test", target_type="funnel", target_id=funnel["id"]
    )

    on_the_domain = await dashboard.get("/", headers={"host": "offers.acme.test"})
    by_path = await dashboard.get(f"/v1/public/pages/{funnel['id']}/offer")

    assert (made.status_code, published.status_code) == (201, 201)
    assert on_the_domain.status_code == by_path.status_code == 200
    assert "<h1>Spring &amp; summer offer</h1>" in on_the_domain.text
    assert 'href="/thanks">Claim</a>' in on_the_domain.text
    assert f'href="/v1/public/pages/{funnel["id"]}/thanks">Claim</a>' in by_path.text
    assert by_path.headers["cache-control"] == "public, max-age=60"
