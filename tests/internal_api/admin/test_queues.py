"""Operators see and drive the queue manager through the admin: its own API, called with
internal_api's service token; a redrive asks for a reason and is audited."""

import httpx

from shared.models.admin_audit_entry import AdminAction, AdminAuditEntry
from tests.internal_api.admin.fake_queue_manager import LETTER_ID, queue_manager_error

REDRIVE = f"/v1/admin/dead-letters/{LETTER_ID}/redrive"


async def test_the_queues_are_read_from_the_queue_manager_as_internal_api(
    api, operator, queue_manager
):
    response = await api.get("/v1/admin/queues", headers=operator.headers)

    assert response.status_code == 200
    assert [(q["name"], q["switched_on"], q["length"]) for q in response.json()] == [
        ("contacts", True, 3),
        ("accounts_purge", False, 0),
    ]
    caller = queue_manager.caller(queue_manager.requests[0])
    assert (caller.kind, caller.sub) == ("service", "internal_api")


async def test_the_switches_in_force_are_listed(api, operator):
    response = await api.get("/v1/admin/queues/switches", headers=operator.headers)

    assert [(s["variable"], s["on"]) for s in response.json()] == [("QM_CONTACTS", True)]


async def test_dead_letters_are_paged_as_the_queue_manager_pages_them(api, operator, queue_manager):
    response = await api.get(
        "/v1/admin/dead-letters", params={"page": 2, "limit": 10}, headers=operator.headers
    )

    assert response.json()["data"][0]["task_name"] == "webhooks.deliver"
    sent = queue_manager.requests[0].url.params
    assert (sent["page"], sent["limit"], sent["sort"]) == ("2", "10", "-failed_at")


async def test_a_redrive_is_asked_of_the_queue_manager_and_audited(api, operator, queue_manager):
    response = await api.post(
        REDRIVE, json={"reason": "The receiver is back up"}, headers=operator.headers
    )

    assert response.status_code == 200
    assert response.json()["redriven_at"] is not None
    assert (queue_manager.requests[0].method, queue_manager.requests[0].url.path) == (
        "POST",
        f"/v1/dead-letters/{LETTER_ID}/redrive",
    )
    entry = await AdminAuditEntry.find_one()
    assert (entry.action, entry.target_id, entry.details["task_id"]) == (
        AdminAction.DEAD_LETTER_REDRIVEN,
        LETTER_ID,
        "task-1",
    )


async def test_a_letter_redriven_already_answers_409_and_is_not_audited(
    api, operator, queue_manager
):
    queue_manager.answers[("POST", f"/v1/dead-letters/{LETTER_ID}/redrive")] = queue_manager_error(
        409, "dead_letter_redriven", "Task task-1 was redriven already."
    )

    response = await api.post(REDRIVE, json={"reason": "Again"}, headers=operator.headers)

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "dead_letter_redriven"
    assert await AdminAuditEntry.find_all().count() == 0


async def test_an_unknown_letter_answers_404(api, operator):
    response = await api.post(
        "/v1/admin/dead-letters/665f1c2e9b1e8a3d4c5b6a70/redrive",
        json={"reason": "Try it"},
        headers=operator.headers,
    )

    assert response.status_code == 404


async def test_a_queue_manager_that_does_not_answer_is_unavailable(api, operator, queue_manager):
    queue_manager.down = True

    response = await api.get("/v1/admin/queues", headers=operator.headers)

    assert response.status_code == 503
    assert response.json()["error"]["code"] == "queue_manager_unavailable"


async def test_an_answer_that_is_not_the_queue_managers_shape_is_not_passed_on(
    api, operator, queue_manager
):
    queue_manager.answers[("GET", "/v1/queues")] = httpx.Response(200, json=[{"name": 1}])

    response = await api.get("/v1/admin/queues", headers=operator.headers)

    assert response.status_code == 503
