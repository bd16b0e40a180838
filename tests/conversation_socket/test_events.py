"""Joining and leaving conversations: only one the user may read, whatever its kind; a bad
payload is answered, never fatal."""

from shared.models.conversation import ConversationKind
from tests.conversation_socket.factories import create_conversation, create_direct
from tests.factories import create_account, create_signed_in, create_sub_account


async def test_a_user_joins_a_channel_of_their_account(connect):
    ada = await create_signed_in()
    channel = await create_conversation(ada.account)
    client = await connect(ada)

    ack = await client.call("conversation:join", {"conversation_id": str(channel.id)})

    assert ack == {"ok": True, "conversation_id": str(channel.id)}


async def test_another_accounts_conversation_cannot_be_joined(connect):
    ada = await create_signed_in()
    elsewhere = await create_conversation(await create_account(name="Other agency"))
    client = await connect(ada)

    ack = await client.call("conversation:join", {"conversation_id": str(elsewhere.id)})

    assert ack["ok"] is False
    assert ack["error"]["code"] == "not_found"


async def test_a_direct_conversation_is_only_for_its_participants(connect):
    ada = await create_signed_in()
    bob = await create_signed_in(ada.account)
    eve = await create_signed_in(ada.account)
    direct = await create_direct(ada.account, ada.user, bob.user)
    client = await connect(eve)

    ack = await client.call("conversation:join", {"conversation_id": str(direct.id)})

    assert ack["error"]["code"] == "not_found"


async def test_a_participant_joins_a_direct_conversation(connect):
    ada = await create_signed_in()
    bob = await create_signed_in(ada.account)
    direct = await create_direct(ada.account, ada.user, bob.user)
    client = await connect(bob)

    ack = await client.call("conversation:join", {"conversation_id": str(direct.id)})

    assert ack["ok"] is True


async def test_the_agency_and_its_sub_account_join_their_client_conversation(connect):
    agency_user = await create_signed_in()
    sub_account = await create_sub_account(agency_user.account)
    client_user = await create_signed_in(sub_account)
    conversation = await create_conversation(
        sub_account, ConversationKind.CLIENT, agency_account_id=agency_user.account.id
    )
    payload = {"conversation_id": str(conversation.id)}

    agency_ack = await (await connect(agency_user)).call("conversation:join", payload)
    client_ack = await (await connect(client_user)).call("conversation:join", payload)

    assert (agency_ack["ok"], client_ack["ok"]) == (True, True)


async def test_another_agency_cannot_join_a_client_conversation(connect):
    agency = await create_account()
    sub_account = await create_sub_account(agency)
    conversation = await create_conversation(
        sub_account, ConversationKind.CLIENT, agency_account_id=agency.id
    )
    outsider = await create_signed_in()

    ack = await (await connect(outsider)).call(
        "conversation:join", {"conversation_id": str(conversation.id)}
    )

    assert ack["error"]["code"] == "not_found"


async def test_a_malformed_conversation_id_is_a_validation_error(connect):
    client = await connect(await create_signed_in())

    ack = await client.call("conversation:join", {"conversation_id": "nope"})

    assert ack["ok"] is False
    assert ack["error"]["code"] == "validation_error"
    assert ack["error"]["details"][0]["field"] == "conversation_id"


async def test_unknown_fields_are_refused(connect):
    ada = await create_signed_in()
    channel = await create_conversation(ada.account)
    client = await connect(ada)

    ack = await client.call(
        "conversation:join", {"conversation_id": str(channel.id), "account_id": "x"}
    )

    assert ack["error"]["code"] == "validation_error"


async def test_a_missing_payload_is_a_validation_error(connect):
    client = await connect(await create_signed_in())

    ack = await client.call("conversation:join")

    assert ack["error"]["code"] == "validation_error"


async def test_a_payload_that_is_not_an_object_is_a_validation_error(connect):
    client = await connect(await create_signed_in())

    ack = await client.call("conversation:join", "general")

    assert ack["error"]["code"] == "validation_error"


async def test_more_than_one_payload_is_refused(connect):
    ada = await create_signed_in()
    channel = await create_conversation(ada.account)
    client = await connect(ada)

    ack = await client.call("conversation:join", {"conversation_id": str(channel.id)}, {})

    assert ack["error"]["code"] == "validation_error"


async def test_leaving_is_acknowledged(connect):
    ada = await create_signed_in()
    channel = await create_conversation(ada.account)
    client = await connect(ada)
    await client.call("conversation:join", {"conversation_id": str(channel.id)})

    ack = await client.call("conversation:leave", {"conversation_id": str(channel.id)})

    assert ack == {"ok": True, "conversation_id": str(channel.id)}
