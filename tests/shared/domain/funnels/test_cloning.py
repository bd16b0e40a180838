"""A funnel cloned into another account of the agency: its steps and pages' drafts copied, the
forms they embed copied and pointed at, progress pushed to its creator; a copy failing half-way
leaves nothing behind."""

from beanie import PydanticObjectId

from shared.domain.funnels import cloning
from shared.models.form import Form, FormVersion
from shared.models.funnel import Funnel, FunnelStatus
from shared.models.funnel_clone import CloneStatus, FunnelClone
from shared.models.funnel_page import FunnelPage
from tests.factories import create_account, create_sub_account
from tests.funnel_factories import create_funnel, heading
from tests.shared.domain.forms.factories import create_form
from tests.shared.domain.held import recording

IMAGE = {"type": "image", "src": "https://cdn.example.com/hero.png", "alt": "Hero"}


async def agency_funnel():
    agency = await create_account()
    client = await create_sub_account(agency)
    form = await create_form(agency, notify_user_ids=[PydanticObjectId()])
    embed = {"type": "form", "form_id": str(form.id)}
    funnel = await create_funnel(agency, [heading("Hello"), IMAGE], [embed], [heading("Thanks")])
    return agency, client, form, funnel


async def clone_of(funnel: Funnel, target) -> FunnelClone:
    return await FunnelClone(
        account_id=funnel.account_id,
        funnel_id=funnel.id,
        target_account_id=target.id,
        name="Client offer",
        created_by=PydanticObjectId(),
    ).insert()


async def test_a_clone_copies_steps_pages_and_forms_into_the_sub_account(outbox):
    agency, client, form, funnel = await agency_funnel()
    clone = await clone_of(funnel, client)

    status = await cloning.run_clone(str(clone.id), str(agency.id))

    copy = await Funnel.find_one({"account_id": client.id})
    pages = {page.id: page for page in await FunnelPage.find({"account_id": client.id}).to_list()}
    [form_copy] = await Form.find({"account_id": client.id}).to_list()
    assert status is CloneStatus.DONE
    assert copy.status is FunnelStatus.READY and copy.name == "Client offer"
    assert [step.slug for step in copy.steps] == ["step-1", "step-2", "step-3"]
    assert [pages[step.page_id].blocks[0].type for step in copy.steps] == [
        "heading",
        "form",
        "heading",
    ]
    assert pages[copy.steps[0].page_id].blocks[1].src == IMAGE["src"]
    assert pages[copy.steps[1].page_id].blocks[0].form_id == form_copy.id != form.id
    assert form_copy.notify_user_ids == []  # the agency's users are not the client's
    assert await FormVersion.find({"form_id": form_copy.id}).count() == 1
    assert (await FunnelClone.get(clone.id)).copy_id == copy.id


async def test_a_clones_progress_is_pushed_to_its_creator_after_each_step(mongo):
    agency, client, _, funnel = await agency_funnel()
    clone = await clone_of(funnel, client)

    async with recording() as sent:
        await cloning.run_clone(str(clone.id), str(agency.id))

    pushed = [emit for emit in sent.emits if emit.event == "funnel_clone:progress"]
    assert {emit.room for emit in pushed} == {f"user:{clone.created_by}"}
    assert [emit.data["steps_done"] for emit in pushed] == [0, 1, 2, 3, 3]
    assert pushed[-1].data["status"] == "done"


async def test_a_clone_failing_half_way_removes_its_partial_copy(outbox, monkeypatch):
    agency, client, _, funnel = await agency_funnel()
    clone = await clone_of(funnel, client)
    copy_page = cloning.copy_page
    copied = []

    async def fail_on_the_second_page(page, copy):
        if copied:
            raise RuntimeError("storage went away")
        copied.append(await copy_page(page, copy))
        return copied[-1]

    monkeypatch.setattr(cloning, "copy_page", fail_on_the_second_page)

    status = await cloning.run_clone(str(clone.id), str(agency.id))

    stored = await FunnelClone.get(clone.id)
    assert copied, "the first page was copied before the failure"
    assert status is CloneStatus.FAILED
    assert stored.failure == "The copy failed: storage went away"
    for model in (Funnel, FunnelPage, Form, FormVersion):
        assert await model.find({"account_id": client.id}).count() == 0
    assert await FunnelPage.find({"account_id": agency.id}).count() == 3
    assert await Form.find({"account_id": agency.id}).count() == 1


async def test_a_clone_run_again_once_done_makes_no_second_copy(outbox):
    agency, client, _, funnel = await agency_funnel()
    clone = await clone_of(funnel, client)
    await cloning.run_clone(str(clone.id), str(agency.id))

    again = await cloning.run_clone(str(clone.id), str(agency.id))

    assert again is CloneStatus.DONE
    assert await Funnel.find({"account_id": client.id}).count() == 1
