"""The business profile is what an account's sites show: read from the account until edited,
and each change pushed to every Duda site of the account once."""

from shared.domain.sites.business import profile_of, update_profile
from shared.models.business_location import BusinessLocation, LocationAddress
from shared.models.business_profile import BusinessProfile, OpeningHours, Weekday
from shared.models.duda_site import DudaSite
from shared.utilities.task_names import SITE_UPDATE_BUSINESS_PUSH
from tests.factories import create_account

HOURS = [OpeningHours(days=[Weekday.MON, Weekday.TUE], opens="09:00", closes="17:30")]


async def create_site(account, site_name: str) -> DudaSite:
    return await DudaSite(account_id=account.id, site_name=site_name, template_id=1).insert()


def pushes(outbox) -> list:
    return [job for job in outbox.jobs if job.name == SITE_UPDATE_BUSINESS_PUSH.name]


async def test_an_unedited_profile_is_read_from_the_account_and_its_google_location(outbox):
    account = await create_account(name="Dee's", branding={"logo_url": "https://cdn.test/l.png"})
    address = LocationAddress(lines=["1 Main St"], locality="Springfield", country="US")
    await BusinessLocation(
        account_id=account.id,
        provider_account="accounts/1",
        provider_location="locations/2",
        title="Dee's Doughnuts",
        phone="+15555550100",
        address=address,
    ).insert()

    profile = await profile_of(account.id)

    assert (profile.name, profile.phone, profile.logo_url) == (
        "Dee's",
        "+15555550100",
        "https://cdn.test/l.png",
    )
    assert profile.address == address


async def test_a_change_is_pushed_to_each_of_the_accounts_sites(outbox):
    account = await create_account()
    sites = [await create_site(account, "site-a"), await create_site(account, "site-b")]
    await create_site(await create_account(), "someone-elses")

    profile = await update_profile(account.id, {"phone": "+15555550100", "hours": HOURS})

    stored = await BusinessProfile.find_one({"account_id": account.id})
    assert (stored.phone, stored.hours) == ("+15555550100", HOURS)
    jobs = pushes(outbox)
    assert sorted(job.kwargs["site_id"] for job in jobs) == sorted(str(site.id) for site in sites)
    assert {job.task_id for job in jobs} == {
        f"site_business:{site.id}:{profile.pushed_fingerprint}" for site in sites
    }


async def test_a_save_changing_nothing_a_site_shows_pushes_nothing_more(outbox):
    account = await create_account()
    await create_site(account, "site-a")
    await update_profile(account.id, {"phone": "+15555550100"})

    await update_profile(account.id, {"phone": "+15555550100"})

    assert len(pushes(outbox)) == 1


async def test_each_change_is_pushed_with_its_own_fingerprint(outbox):
    account = await create_account()
    await create_site(account, "site-a")

    await update_profile(account.id, {"phone": "+15555550100"})
    await update_profile(account.id, {"phone": "+15555550199"})

    first, second = pushes(outbox)
    assert first.kwargs["business_hash"] != second.kwargs["business_hash"]
