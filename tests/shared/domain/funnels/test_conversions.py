"""Each step's conversions: a form's submission counted on the step it was sent from (by the
public path or a custom domain), a purchase counted on the step the store names."""

from shared.domain.funnels.conversions import count_purchase, count_submission
from shared.models.form_submission import FormSubmission
from shared.models.funnel_page import FunnelPage
from shared.models.lead import Attribution
from tests.domain_factories import create_verified_domain
from tests.factories import create_account
from tests.funnel_factories import create_funnel, page_of, publish
from tests.shared.domain.forms.factories import create_form


def submission_of(form, landing_page: str | None) -> FormSubmission:
    return FormSubmission(
        account_id=form.account_id,
        form_id=form.id,
        form_version=1,
        client_submission_id="s-1",
        answers=[],
        attribution=Attribution(landing_page=landing_page),
    )


async def funnel_with_the_form_twice(cache):
    """A funnel whose first two steps both embed one form, published."""
    account = await create_account()
    form = await create_form(account)
    embed = [{"type": "form", "form_id": str(form.id)}]
    funnel = await create_funnel(account, embed, embed)
    for index in (0, 1):
        await publish(funnel, await page_of(funnel, index), cache)
    return account, form, funnel


async def submissions(funnel) -> list[int]:
    return [(await FunnelPage.get(step.page_id)).submissions for step in funnel.steps]


async def test_a_submission_counts_on_the_step_it_was_sent_from(outbox, cache):
    _, form, funnel = await funnel_with_the_form_twice(cache)
    landing = f"https://app.example.com/v1/public/pages/{funnel.id}/step-2?utm_source=ads"

    await count_submission(form, submission_of(form, landing))

    assert await submissions(funnel) == [0, 1]


async def test_a_submission_from_a_custom_domain_counts_on_its_step(outbox, cache):
    account, form, funnel = await funnel_with_the_form_twice(cache)
    await create_verified_domain(
        account, "offers.acme.test", target_type="funnel", target_id=str(funnel.id)
    )

    await count_submission(form, submission_of(form, "https://offers.acme.test/step-1"))

    assert await submissions(funnel) == [1, 0]


async def test_a_form_on_one_page_only_counts_there_wherever_it_was_sent_from(outbox, cache):
    account = await create_account()
    form = await create_form(account)
    funnel = await create_funnel(account, [{"type": "form", "form_id": str(form.id)}])
    await publish(funnel, await page_of(funnel), cache)

    await count_submission(form, submission_of(form, "https://elsewhere.example/contact"))

    assert await submissions(funnel) == [1]


async def test_a_purchase_counts_on_the_step_the_store_names(outbox):
    account = await create_account()
    funnel = await create_funnel(account, [], [], [])

    counted = await count_purchase(account.id, funnel.id, funnel.steps[2].id)

    pages = [await FunnelPage.get(step.page_id) for step in funnel.steps]
    assert counted is True
    assert [page.purchases for page in pages] == [0, 0, 1]


async def test_a_purchase_on_another_accounts_funnel_counts_nothing(outbox):
    funnel = await create_funnel(await create_account())

    counted = await count_purchase((await create_account()).id, funnel.id, funnel.steps[0].id)

    assert counted is False
    assert (await page_of(funnel)).purchases == 0
