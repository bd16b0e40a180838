"""The contact collection's indexes cover the lookups other services make by phone."""

from shared.models.contact import Contact


async def test_contacts_are_indexed_by_account_and_phone(mongo):
    indexes = await Contact.get_motor_collection().index_information()

    assert [("account_id", 1), ("phones", 1)] in [list(index["key"]) for index in indexes.values()]
