"""A connected account's Pages' recommendations read into its reviews inbox, each with the
Page's own token, once per open graph story."""

from shared.models.facebook_token import FacebookPage
from shared.models.review import Review
from tests.external_api import module_external as one_app
from tests.external_api.factories import BOX, create_connection
from tests.external_api.fakes import json_answer, query_of
from tests.external_api.fakes.facebook import GRAPH, ratings_answer
from tests.reputation_factories import service_headers

# One external API for the module (`tests.external_api.module_external`).
module_external, external, fake, jobs = (
    one_app.module_external,
    one_app.external,
    one_app.fake,
    one_app.jobs,
)


async def test_recommendations_become_reviews_once_read_with_the_page_token(
    external, fake, jobs, account_id
):
    connection = await create_connection("facebook", account_id)
    connection.pages = [FacebookPage(id="p1", access_token=BOX.seal("page-token"))]
    await connection.save()
    answer = ratings_answer(("s1", "positive", "Great team"), ("s2", "negative", "Slow"))
    fake.on("GET", f"{GRAPH}/p1/ratings", json_answer(answer))
    path = f"/v1/e/facebook/accounts/{account_id}/recommendations/sync"

    first = await external.post(path, headers=service_headers("queue_manager", "external_api"))
    await external.post(path, headers=service_headers("queue_manager", "external_api"))

    assert first.json() == {"synced": 2}
    request = fake.sent("GET", f"{GRAPH}/p1/ratings")[0]
    assert request.headers["authorization"] == "Bearer page-token"
    assert "open_graph_story{id}" in query_of(request)["fields"]
    reviews = await Review.find({"provider": "facebook"}).sort("provider_review_id").to_list()
    assert [(r.provider_review_id, r.rating, r.comment) for r in reviews] == [
        ("s1", 5, "Great team"),
        ("s2", 1, "Slow"),
    ]
