"""The funnels API: funnels and their steps, drafts that only a publish shows, rollback, counts,
clones asked for; another account's funnel answering 404."""

from shared.models.funnel_clone import FunnelClone
from shared.models.funnel_page import FunnelPage
from shared.models.membership import Role
from tests.factories import create_signed_in, create_sub_account
from tests.internal_api.funnels.conftest import FUNNELS, PAGES, drafted, made

OFFER = {
    "name": "Spring offer",
    "steps": [
        {"name": "Landing", "kind": "landing"},
        {"name": "Checkout", "kind": "checkout"},
        {"name": "Thank you!", "kind": "thank_you"},
    ],
}


def heading(text: str) -> list[dict]:
    return [{"type": "heading", "text": text, "level": 1}]


async def test_a_funnel_is_made_with_a_page_per_step(api, owner):
    funnel = await made(api, owner, OFFER)

    read = await api.get(f"{FUNNELS}/{funnel['id']}", headers=owner.headers)

    assert [step["slug"] for step in read.json()["steps"]] == ["landing", "checkout", "thank-you"]
    pages = await FunnelPage.find({"account_id": owner.account.id}).to_list()
    assert sorted(str(page.id) for page in pages) == sorted(s["page_id"] for s in funnel["steps"])
    assert {page.title for page in pages} == {"Landing", "Checkout", "Thank you!"}


async def test_another_accounts_funnel_answers_404_and_is_not_changed(api, owner, stranger):
    funnel = await made(api, owner, OFFER)
    page_path = f"{FUNNELS}/{funnel['id']}/pages/{funnel['steps'][0]['page_id']}"

    reads = await api.get(f"{FUNNELS}/{funnel['id']}", headers=stranger.headers)
    changes = await api.patch(page_path, json={"blocks": heading("Mine")}, headers=stranger.headers)
    publishes = await api.post(f"{page_path}/publish", headers=stranger.headers)
    listed = await api.get(FUNNELS, headers=stranger.headers)

    assert [reads.status_code, changes.status_code, publishes.status_code] == [404, 404, 404]
    assert reads.json()["error"]["code"] == "funnel_not_found"
    assert listed.json()["data"] == []
    page = await FunnelPage.get(funnel["steps"][0]["page_id"])
    assert (page.blocks, page.published_version_id) == ([], None)


async def test_a_draft_stores_html_blocks_sanitised(api, owner):
    funnel = await made(api, owner, OFFER)
    page_path = f"{FUNNELS}/{funnel['id']}/pages/{funnel['steps'][0]['page_id']}"
    html = '<p onclick="steal()">Hi<script>steal()</script></p>'

    response = await api.patch(
        page_path, json={"blocks": [{"type": "html", "html": html}]}, headers=owner.headers
    )

    assert response.json()["blocks"][0]["html"] == "<p>Hi</p>"


async def test_a_bad_block_is_named_and_the_draft_is_left_as_it_was(api, owner):
    funnel = await made(api, owner, OFFER)
    page_path = f"{FUNNELS}/{funnel['id']}/pages/{funnel['steps'][0]['page_id']}"
    await api.patch(page_path, json={"blocks": heading("Kept")}, headers=owner.headers)
    bad = [{"type": "section", "children": [{"type": "image", "src": "javascript:alert(1)"}]}]

    response = await api.patch(page_path, json={"blocks": bad}, headers=owner.headers)

    assert response.status_code == 422
    fields = [detail["field"] for detail in response.json()["error"]["details"]]
    assert any(field.startswith("body.blocks.0.section.children.0.image.src") for field in fields)
    assert (await FunnelPage.get(funnel["steps"][0]["page_id"])).blocks[0].text == "Kept"


async def test_only_a_publish_shows_the_draft_and_a_rollback_shows_the_older_again(api, owner):
    funnel = await made(api, owner, OFFER)
    page_path = await drafted(api, owner, funnel, heading("First"))
    public = f"{PAGES}/{funnel['id']}/landing"
    first = await api.get(public)
    await api.patch(page_path, json={"blocks": heading("Second")}, headers=owner.headers)
    before_publish = await api.get(public)

    await api.post(f"{page_path}/publish", headers=owner.headers)
    after_publish = await api.get(public)
    rolled = await api.post(f"{page_path}/rollback", json={"number": 1}, headers=owner.headers)
    after_rollback = await api.get(public)

    versions = await api.get(f"{page_path}/versions", headers=owner.headers)
    assert "First" in first.text and "First" in before_publish.text
    assert "Second" in after_publish.text
    assert rolled.json()["published_number"] == 1
    assert "First" in after_rollback.text
    assert [version["number"] for version in versions.json()["data"]] == [2, 1]


async def test_a_rollback_to_a_missing_version_answers_404(api, owner):
    funnel = await made(api, owner, OFFER)
    page_path = await drafted(api, owner, funnel, heading("Live"))

    response = await api.post(f"{page_path}/rollback", json={"number": 9}, headers=owner.headers)

    assert response.json()["error"]["code"] == "version_not_found"
    assert (await api.get(page_path, headers=owner.headers)).json()["published_number"] == 1


async def test_steps_are_reordered(api, owner):
    funnel = await made(api, owner, OFFER)
    ids = [step["id"] for step in funnel["steps"]]

    response = await api.put(
        f"{FUNNELS}/{funnel['id']}/steps/order",
        json={"step_ids": [ids[2], ids[0], ids[1]]},
        headers=owner.headers,
    )

    assert [step["slug"] for step in response.json()["steps"]] == [
        "thank-you",
        "landing",
        "checkout",
    ]


async def test_a_funnels_last_step_is_kept(api, owner):
    funnel = await made(api, owner, {"name": "One page", "steps": [{"name": "Only"}]})
    step_id = funnel["steps"][0]["id"]

    removed = await api.delete(f"{FUNNELS}/{funnel['id']}/steps/{step_id}", headers=owner.headers)

    assert removed.status_code == 409
    assert removed.json()["error"]["code"] == "last_step"
    assert await FunnelPage.find({"account_id": owner.account.id}).count() == 1


async def test_counts_show_each_steps_views(api, owner):
    funnel = await made(api, owner, OFFER)
    await drafted(api, owner, funnel, heading("Hello"))
    for _ in range(3):
        await api.get(f"{PAGES}/{funnel['id']}/landing")

    response = await api.get(f"{FUNNELS}/{funnel['id']}/counts", headers=owner.headers)

    landing, checkout, _ = response.json()["steps"]
    assert (landing["views"], checkout["views"]) == (3, 0)


async def test_a_clone_into_a_client_sub_account_is_queued(api, owner):
    client = await create_sub_account(owner.account)
    funnel = await made(api, owner, OFFER)

    response = await api.post(
        f"{FUNNELS}/{funnel['id']}/clones",
        json={"account_id": str(client.id)},
        headers=owner.headers,
    )

    assert response.status_code == 202, response.text
    clone = await FunnelClone.get(response.json()["id"])
    assert (clone.status, clone.target_account_id, clone.steps_total) == ("queued", client.id, 3)
    read = await api.get(f"{FUNNELS}/clones/{clone.id}", headers=owner.headers)
    assert read.json()["status"] == "queued"


async def test_a_clone_into_another_agencys_account_is_refused(api, owner, stranger):
    funnel = await made(api, owner, OFFER)

    response = await api.post(
        f"{FUNNELS}/{funnel['id']}/clones",
        json={"account_id": str(stranger.account.id)},
        headers=owner.headers,
    )

    assert response.json()["error"]["code"] == "target_account_not_found"
    assert await FunnelClone.find_all().count() == 0


async def test_a_member_may_not_clone_into_another_account(api, owner):
    member = await create_signed_in(owner.account, role=Role.MEMBER)
    client = await create_sub_account(owner.account)
    funnel = await made(api, owner, OFFER)

    response = await api.post(
        f"{FUNNELS}/{funnel['id']}/clones",
        json={"account_id": str(client.id)},
        headers=member.headers,
    )

    assert response.status_code == 403
    assert await FunnelClone.find_all().count() == 0
