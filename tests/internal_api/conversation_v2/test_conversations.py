"""Listing conversations (last message, unread count) and opening direct, client and prospect
ones; another account's conversation answers 404."""

from shared.models.conversation import Conversation, ConversationKind
from shared.models.conversation_prospect import ConversationProspect
from shared.models.membership import Role
from tests.conversation_socket.factories import create_conversation, create_direct, create_message
from tests.factories import create_account, create_signed_in, create_sub_account
from tests.realtime_factories import acting_in

BASE = "/v1/conversation-v2"


async def test_the_list_has_each_conversations_last_message_and_unread_count(api):
    ada = await create_signed_in()
    bob = await create_signed_in(ada.account)
    channel = await create_conversation(ada.account)
    await create_message(channel, bob.user, "one")
    last = await create_message(channel, bob.user, "two")

    response = await api.get(f"{BASE}/conversations", headers=ada.headers)

    assert response.status_code == 200
    [listed] = response.json()["data"]
    assert listed["id"] == str(channel.id)
    assert listed["last_message"]["id"] == str(last.id)
    assert listed["last_message"]["body"] == "two"
    assert (listed["unread_count"], listed["last_read_message_id"]) == (2, None)


async def test_the_list_is_most_recently_active_first(api):
    ada = await create_signed_in()
    quiet = await create_conversation(ada.account, title="quiet")
    busy = await create_conversation(ada.account, title="busy")
    await create_message(quiet, ada.user)
    await create_message(busy, ada.user)

    response = await api.get(f"{BASE}/conversations", headers=ada.headers)

    assert [c["id"] for c in response.json()["data"]] == [str(busy.id), str(quiet.id)]


async def test_the_list_holds_only_what_the_user_may_read(api):
    ada = await create_signed_in()
    bob = await create_signed_in(ada.account)
    eve = await create_signed_in(ada.account)
    mine = await create_direct(ada.account, ada.user, bob.user)
    await create_direct(ada.account, bob.user, eve.user)
    await create_conversation(await create_account(name="Other agency"))

    response = await api.get(f"{BASE}/conversations", headers=ada.headers)

    assert [c["id"] for c in response.json()["data"]] == [str(mine.id)]


async def test_the_list_filters_by_kind_and_pages(api):
    ada = await create_signed_in()
    for title in ("a", "b", "c"):
        await create_conversation(ada.account, title=title)
    await create_direct(ada.account, ada.user, (await create_signed_in(ada.account)).user)

    response = await api.get(
        f"{BASE}/conversations", params={"kind": "channel", "limit": 2}, headers=ada.headers
    )

    body = response.json()
    assert len(body["data"]) == 2
    assert body["pagination"] == {"page": 1, "limit": 2, "total": 3, "next_page": 2}


async def test_another_accounts_conversation_answers_404(api):
    ada = await create_signed_in()
    elsewhere = await create_conversation(await create_account(name="Other agency"))

    response = await api.get(f"{BASE}/conversations/{elsewhere.id}", headers=ada.headers)

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


async def test_a_malformed_conversation_id_answers_404(api):
    ada = await create_signed_in()

    response = await api.get(f"{BASE}/conversations/nope", headers=ada.headers)

    assert response.status_code == 404


async def test_a_direct_conversation_is_opened_once(api):
    ada = await create_signed_in()
    bob = await create_signed_in(ada.account)

    first = await api.post(
        f"{BASE}/direct", json={"user_id": str(bob.user.id)}, headers=ada.headers
    )
    again = await api.post(
        f"{BASE}/direct", json={"user_id": str(ada.user.id)}, headers=bob.headers
    )

    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json()["id"] == first.json()["id"]
    assert sorted(first.json()["participant_ids"]) == sorted([str(ada.user.id), str(bob.user.id)])


async def test_a_direct_conversation_needs_a_user_of_the_account(api):
    ada = await create_signed_in()
    outsider = await create_signed_in()

    response = await api.post(
        f"{BASE}/direct", json={"user_id": str(outsider.user.id)}, headers=ada.headers
    )

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_account_users"
    assert response.json()["error"]["details"][0]["field"] == "body.user_id"
    assert await Conversation.find({"kind": ConversationKind.DIRECT}).count() == 0


async def test_an_agency_owner_in_a_sub_account_opens_a_direct_conversation_with_its_user(api):
    owner = await create_signed_in()
    sub_account = await create_sub_account(owner.account)
    client_user = await create_signed_in(sub_account, Role.MEMBER)

    response = await api.post(
        f"{BASE}/direct",
        json={"user_id": str(client_user.user.id)},
        headers=acting_in(owner, sub_account),
    )
    read = await api.get(
        f"{BASE}/conversations/{response.json()['id']}", headers=client_user.headers
    )

    assert response.status_code == 201
    assert response.json()["account_id"] == str(sub_account.id)
    assert sorted(response.json()["participant_ids"]) == sorted(
        [str(owner.user.id), str(client_user.user.id)]
    )
    assert read.status_code == 200


async def test_a_sub_accounts_user_opens_a_direct_conversation_with_the_agencys_admin(api):
    admin = await create_signed_in(await create_account(), Role.ADMIN)
    sub_account = await create_sub_account(admin.account)
    client_user = await create_signed_in(sub_account, Role.MEMBER)

    response = await api.post(
        f"{BASE}/direct", json={"user_id": str(admin.user.id)}, headers=client_user.headers
    )

    assert response.status_code == 201


async def test_an_agency_member_is_not_a_user_of_its_sub_accounts(api):
    member = await create_signed_in(await create_account(), Role.MEMBER)
    sub_account = await create_sub_account(member.account)
    client_user = await create_signed_in(sub_account, Role.MEMBER)

    response = await api.post(
        f"{BASE}/direct", json={"user_id": str(member.user.id)}, headers=client_user.headers
    )

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_account_users"
    assert await Conversation.find({"kind": ConversationKind.DIRECT}).count() == 0


async def test_a_direct_conversation_with_oneself_is_refused(api):
    ada = await create_signed_in()

    response = await api.post(
        f"{BASE}/direct", json={"user_id": str(ada.user.id)}, headers=ada.headers
    )

    assert response.status_code == 422


async def test_an_agency_starts_a_client_conversation_its_sub_account_reads(api):
    agency_user = await create_signed_in()
    sub_account = await create_sub_account(agency_user.account)
    client_user = await create_signed_in(sub_account, Role.CLIENT)

    started = await api.post(
        f"{BASE}/client-conversations",
        json={"sub_account_id": str(sub_account.id), "title": "Launch"},
        headers=agency_user.headers,
    )
    read = await api.get(
        f"{BASE}/conversations/{started.json()['id']}", headers=client_user.headers
    )

    assert started.status_code == 201
    assert started.json()["kind"] == "client"
    assert started.json()["account_id"] == str(sub_account.id)
    assert started.json()["agency_account_id"] == str(agency_user.account.id)
    assert read.status_code == 200


async def test_a_sub_account_starts_a_client_conversation_with_its_agency(api):
    agency_user = await create_signed_in()
    client_user = await create_signed_in(await create_sub_account(agency_user.account))

    started = await api.post(f"{BASE}/client-conversations", json={}, headers=client_user.headers)
    listed = await api.get(f"{BASE}/conversations", headers=agency_user.headers)

    assert started.status_code == 201
    assert [c["id"] for c in listed.json()["data"]] == [started.json()["id"]]


async def test_an_agency_cannot_start_a_client_conversation_with_another_agencys_client(api):
    agency_user = await create_signed_in()
    foreign = await create_sub_account(await create_account(name="Other agency"))

    response = await api.post(
        f"{BASE}/client-conversations",
        json={"sub_account_id": str(foreign.id)},
        headers=agency_user.headers,
    )

    assert response.status_code == 404


async def test_an_agency_must_name_the_sub_account(api):
    agency_user = await create_signed_in()

    response = await api.post(f"{BASE}/client-conversations", json={}, headers=agency_user.headers)

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["field"] == "body.sub_account_id"


async def test_a_prospect_conversation_is_opened_once_per_visitor(api):
    ada = await create_signed_in()
    visitor = {"visitor_id": "v-1", "name": "Grace", "email": "grace@example.com"}

    first = await api.post(f"{BASE}/prospect-conversations", json=visitor, headers=ada.headers)
    again = await api.post(
        f"{BASE}/prospect-conversations", json={"visitor_id": "v-1"}, headers=ada.headers
    )

    prospect = await ConversationProspect.find_one({"visitor_id": "v-1"})
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json()["id"] == first.json()["id"]
    assert first.json()["prospect_id"] == str(prospect.id)
    assert (prospect.name, prospect.email) == ("Grace", "grace@example.com")


async def test_the_team_reads_prospect_conversations(api):
    ada = await create_signed_in()
    bob = await create_signed_in(ada.account)
    opened = await api.post(
        f"{BASE}/prospect-conversations", json={"visitor_id": "v-2"}, headers=ada.headers
    )

    response = await api.get(
        f"{BASE}/conversations", params={"kind": ConversationKind.PROSPECT}, headers=bob.headers
    )

    assert [c["id"] for c in response.json()["data"]] == [opened.json()["id"]]


async def test_reading_needs_the_conversations_scope(api):
    ada = await create_signed_in()
    await ada.membership.set({"scopes": ["account:read"]})
    ada.membership.scopes = ["account:read"]

    response = await api.get(f"{BASE}/conversations", headers=ada.headers)

    assert response.status_code == 403
