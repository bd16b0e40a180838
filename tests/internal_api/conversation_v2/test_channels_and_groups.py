"""Team channels (one name per account, read by the whole account) and groups (read by their
members)."""

from shared.models.conversation import Conversation
from shared.models.conversation_channel import ConversationChannel
from shared.models.membership import Role
from tests.factories import create_signed_in, create_sub_account
from tests.realtime_factories import acting_in

BASE = "/v1/conversation-v2"


async def test_a_channel_is_created_with_its_conversation(api):
    ada = await create_signed_in()

    response = await api.post(
        f"{BASE}/channels", json={"name": "general", "topic": "Everything"}, headers=ada.headers
    )

    assert response.status_code == 201
    conversation = await Conversation.get(response.json()["conversation_id"])
    assert (conversation.kind, conversation.title) == ("channel", "general")


async def test_the_whole_account_reads_a_channel(api):
    ada = await create_signed_in()
    bob = await create_signed_in(ada.account)
    created = await api.post(f"{BASE}/channels", json={"name": "general"}, headers=ada.headers)

    response = await api.get(
        f"{BASE}/conversations/{created.json()['conversation_id']}", headers=bob.headers
    )

    assert response.status_code == 200


async def test_a_channel_name_is_unique_in_its_account(api):
    ada = await create_signed_in()
    await api.post(f"{BASE}/channels", json={"name": "general"}, headers=ada.headers)

    again = await api.post(f"{BASE}/channels", json={"name": "general"}, headers=ada.headers)
    elsewhere = await api.post(
        f"{BASE}/channels", json={"name": "general"}, headers=(await create_signed_in()).headers
    )

    assert (again.status_code, elsewhere.status_code) == (409, 201)
    assert await Conversation.find({"account_id": ada.account.id}).count() == 1


async def test_a_channel_name_must_look_like_one(api):
    ada = await create_signed_in()

    response = await api.post(f"{BASE}/channels", json={"name": "Big News!"}, headers=ada.headers)

    assert response.status_code == 422
    assert await ConversationChannel.find().count() == 0


async def test_the_accounts_channels_are_listed(api):
    ada = await create_signed_in()
    for name in ("general", "random"):
        await api.post(f"{BASE}/channels", json={"name": name}, headers=ada.headers)
    await api.post(
        f"{BASE}/channels", json={"name": "theirs"}, headers=(await create_signed_in()).headers
    )

    response = await api.get(f"{BASE}/channels", headers=ada.headers)

    assert sorted(c["name"] for c in response.json()["data"]) == ["general", "random"]


async def test_a_group_is_read_by_its_members_only(api):
    ada = await create_signed_in()
    bob = await create_signed_in(ada.account)
    eve = await create_signed_in(ada.account)

    created = await api.post(
        f"{BASE}/groups",
        json={"name": "Launch", "member_ids": [str(bob.user.id)]},
        headers=ada.headers,
    )

    conversation_id = created.json()["conversation_id"]
    assert created.status_code == 201
    assert sorted(created.json()["member_ids"]) == sorted([str(ada.user.id), str(bob.user.id)])
    for reader, status in ((ada, 200), (bob, 200), (eve, 404)):
        response = await api.get(f"{BASE}/conversations/{conversation_id}", headers=reader.headers)
        assert response.status_code == status


async def test_a_group_with_someone_outside_the_account_is_refused_and_not_stored(api):
    ada = await create_signed_in()
    outsider = await create_signed_in()

    response = await api.post(
        f"{BASE}/groups",
        json={"name": "Launch", "member_ids": [str(outsider.user.id), "not-an-id"]},
        headers=ada.headers,
    )

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_account_users"
    assert len(response.json()["error"]["details"]) == 2
    assert await Conversation.find({"account_id": ada.account.id}).count() == 0


async def test_an_agency_owner_in_a_sub_account_makes_a_group_with_its_users(api):
    owner = await create_signed_in()
    sub_account = await create_sub_account(owner.account)
    client_user = await create_signed_in(sub_account, Role.MEMBER)

    created = await api.post(
        f"{BASE}/groups",
        json={"name": "Launch", "member_ids": [str(client_user.user.id)]},
        headers=acting_in(owner, sub_account),
    )

    assert created.status_code == 201
    conversation = await Conversation.get(created.json()["conversation_id"])
    assert set(conversation.participant_ids) == {owner.user.id, client_user.user.id}


async def test_a_channels_answer_names_the_conversation_to_join(api):
    response = await api.get("/openapi.json")

    read = response.json()["components"]["schemas"]["ChannelRead"]["properties"]
    assert "conversation:join" in read["conversation_id"]["description"]
