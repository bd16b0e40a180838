"""Tasks' positions within a column: 0, 1, 2, ... with no gaps, in board order (as deals'
within a stage, `shared.domain.deals.positions`, and with the same limit: a move is a few
writes without a transaction, so two concurrent moves in one column can leave a duplicate or a
gap; the board still orders by position, so nothing is lost)."""

from beanie import PydanticObjectId

from shared.domain.projects.repository import TaskRepository
from shared.models.project_task import ProjectTask


class ColumnPositions:
    def __init__(self, tasks: TaskRepository) -> None:
        self.tasks = tasks

    async def open_slot(
        self,
        column_id: PydanticObjectId,
        wanted: int | None,
        moving: PydanticObjectId | None = None,
    ) -> int:
        """Make room at `wanted` (the end when None or past it) and answer the position.
        `moving` is a task already stored, which neither counts nor shifts."""
        size = await self.tasks.count_in_column(column_id, other_than=moving)
        slot = size if wanted is None else min(wanted, size)
        await self.tasks.shift(column_id, slot, +1, other_than=moving)
        return slot

    async def close_slot(self, task: ProjectTask) -> None:
        """Close the gap a task leaves in its column."""
        await self.tasks.shift(task.column_id, task.position + 1, -1, other_than=task.id)

    async def move(
        self,
        task: ProjectTask,
        board_id: PydanticObjectId,
        column_id: PydanticObjectId,
        wanted: int | None,
    ) -> None:
        """Take the task out of its column and put it at `wanted` in the other (or the same);
        the caller saves it."""
        await self.close_slot(task)
        task.position = await self.open_slot(column_id, wanted, moving=task.id)
        task.board_id, task.column_id = board_id, column_id
