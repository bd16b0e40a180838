"""/v1/edocs/templates: built with their bodies sanitised and checked against the merge
fields; listed a page at a time; another account's answer 404."""

from shared.models.edocs_template import EdocsTemplate
from tests.internal_api.edocs.requests import EDOCS, create_template


async def test_a_template_is_stored_with_its_body_sanitised(api, owner):
    response = await create_template(
        api, owner, body="<p onclick='x()'>Dear {{ contact.first_name }}</p><script>x()</script>"
    )

    assert response.status_code == 201
    assert response.json()["body"] == "<p>Dear {{ contact.first_name }}</p>"
    stored = await EdocsTemplate.get(response.json()["id"])
    assert stored.account_id == owner.account.id


async def test_unknown_merge_fields_answer_422_naming_each_and_nothing_is_stored(api, owner):
    response = await create_template(api, owner, body="{{ contact.nickname }} {{ deal.margin }}")

    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "unknown_merge_fields"
    assert [detail["merge_field"] for detail in error["details"]] == [
        "contact.nickname",
        "deal.margin",
    ]
    assert await EdocsTemplate.count() == 0


async def test_a_change_to_the_body_is_checked_too(api, owner):
    template = (await create_template(api, owner)).json()

    response = await api.patch(
        f"{EDOCS}/templates/{template['id']}", json={"body": "{{ nope }}"}, headers=owner.headers
    )

    assert response.json()["error"]["code"] == "unknown_merge_fields"
    assert (await EdocsTemplate.get(template["id"])).body == template["body"]


async def test_templates_are_listed_a_page_at_a_time(api, owner):
    for name in ("A", "B", "C"):
        await create_template(api, owner, name=name)

    response = await api.get(f"{EDOCS}/templates?limit=2&sort=name", headers=owner.headers)

    assert [template["name"] for template in response.json()["data"]] == ["A", "B"]
    assert response.json()["pagination"] == {"page": 1, "limit": 2, "total": 3, "next_page": 2}


async def test_another_accounts_template_answers_404(api, owner, stranger):
    template = (await create_template(api, owner)).json()
    path = f"{EDOCS}/templates/{template['id']}"

    responses = [
        await api.get(path, headers=stranger.headers),
        await api.patch(path, json={"name": "Mine"}, headers=stranger.headers),
        await api.delete(path, headers=stranger.headers),
    ]

    assert [response.status_code for response in responses] == [404, 404, 404]
    assert (await EdocsTemplate.get(template["id"])).name == "Proposal"
