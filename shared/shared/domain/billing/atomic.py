"""A plan's change and the writes that go with it (its invoice, its old invoices voided, its
sub-account's paid-up end) all happen or none does: one MongoDB transaction on a replica set.
Without one (the in-memory database) a block that fails part-way is undone: a new plan deleted
and its sub-account's paid-up end put back, a changed plan put back as it was read (over the
versions the block wrote only, so another change that came first is kept). An invoice the
block stored before failing is found again by its number when the period is invoiced again.

On a replica set, two changes of one plan at once conflict inside their transactions (the
second's write raises a write conflict, labelled `TransientTransactionError`) rather than find
the version changed: that is PlanChanged too, the loser's answer either way."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from shared.domain.billing import repository
from shared.domain.billing.errors import PlanChanged
from shared.models.account import Account
from shared.models.billing_plan import BillingPlan
from shared.utilities import db


@asynccontextmanager
async def plan_change(plan: BillingPlan) -> AsyncIterator[None]:
    """Around a change of a stored plan, entered before `plan` is changed in memory."""
    before = plan.model_copy(deep=True)

    async def undo() -> None:
        await repository.restore_plan(before, plan.version)

    try:
        async with db.transaction(undo=undo):
            yield
    except Exception as error:
        if db.conflicted(error):
            raise PlanChanged() from error
        raise


@asynccontextmanager
async def new_plan(made: BillingPlan, sub_account: Account) -> AsyncIterator[None]:
    """Around a plan's subscription: `made` stored, its sub-account's paid-up end set."""
    assert sub_account.id is not None, "a stored account"
    customer_id, active_until = sub_account.id, sub_account.active_until

    async def undo() -> None:
        if made.id is not None and await repository.plan(made.id) is not None:
            await repository.delete_plan(made.id)
            await repository.set_active_until(customer_id, active_until)

    async with db.transaction(undo=undo):
        yield
