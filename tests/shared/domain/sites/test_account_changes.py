"""A new name or logo of the account reaches its Duda sites: at once while the profile is
unedited; through an edited profile only where it still showed the old one."""

from shared.domain.sites.business import follow_account, shown_of_account, update_profile
from shared.models.business_profile import BusinessProfile
from shared.models.duda_site import DudaSite
from shared.utilities.task_names import SITE_UPDATE_BUSINESS_PUSH
from tests.factories import create_account


async def create_site(account) -> DudaSite:
    return await DudaSite(account_id=account.id, site_name="site-a", template_id=1).insert()


def pushes(outbox) -> list:
    return [job for job in outbox.jobs if job.name == SITE_UPDATE_BUSINESS_PUSH.name]


async def renamed(account, name: str):
    before = shown_of_account(account)
    await account.set({"name": name})
    await follow_account(account, before)


async def test_a_rename_with_an_unedited_profile_is_pushed_to_the_sites(outbox):
    account = await create_account(name="Dee's")
    site = await create_site(account)

    await renamed(account, "Dee's Doughnuts")

    (job,) = pushes(outbox)
    assert job.kwargs["site_id"] == str(site.id)
    assert await BusinessProfile.find_one({"account_id": account.id}) is None


async def test_a_rename_moves_an_edited_profile_still_showing_the_old_name(outbox):
    account = await create_account(name="Dee's")
    await create_site(account)
    await update_profile(account.id, {"phone": "+15555550100"})

    await renamed(account, "Dee's Doughnuts")

    stored = await BusinessProfile.find_one({"account_id": account.id})
    assert (stored.name, stored.phone) == ("Dee's Doughnuts", "+15555550100")
    first, second = pushes(outbox)
    assert (
        second.kwargs["business_hash"] == stored.pushed_fingerprint != first.kwargs["business_hash"]
    )


async def test_a_profile_with_a_name_of_its_own_keeps_it_and_pushes_nothing(outbox):
    account = await create_account(name="Dee's")
    await create_site(account)
    await update_profile(account.id, {"name": "Dee's Bakery"})

    await renamed(account, "Dee's Doughnuts")

    stored = await BusinessProfile.find_one({"account_id": account.id})
    assert stored.name == "Dee's Bakery"
    assert len(pushes(outbox)) == 1


async def test_a_rename_under_a_brand_name_changes_nothing_shown(outbox):
    account = await create_account(name="Dee's", branding={"name": "Dee's Doughnuts"})
    await create_site(account)

    await renamed(account, "Dee's Holdings")

    assert pushes(outbox) == []
