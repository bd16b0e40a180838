"""How a task is declared: its name, its typed arguments and the worker that registers it, in
one registry (`TASKS`) that `task_names` fills and both senders and workers read."""

from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

QUEUE_MANAGER = "queue_manager"
NOTIFICATIONS = "notifications"


class TaskArguments(BaseModel):
    """A task's keyword arguments: JSON values only, nothing more than declared."""

    model_config = ConfigDict(extra="forbid", frozen=True)


ArgumentsT = TypeVar("ArgumentsT", bound=TaskArguments)


@dataclass(frozen=True)
class TaskName(Generic[ArgumentsT]):
    name: str
    arguments: type[ArgumentsT]
    worker: str = QUEUE_MANAGER

    @property
    def queue(self) -> str:
        return self.name.split(".", 1)[0]

    def checked(self, kwargs: dict[str, Any]) -> dict[str, Any]:
        """The arguments as sent, once they match the declaration (TypeError otherwise)."""
        try:
            self.arguments.model_validate(kwargs)
        except ValidationError as error:
            raise TypeError(f"bad arguments for task {self.name}: {error}") from None
        return kwargs

    def __str__(self) -> str:
        return self.name


TASKS: dict[str, TaskName[Any]] = {}


def declare(name: str, arguments: type[ArgumentsT], worker: str = QUEUE_MANAGER) -> TaskName:
    if name in TASKS:
        raise ValueError(f"task {name} is declared twice")
    task = TaskName(name, arguments, worker)
    TASKS[name] = task
    return task


def declared(name: str) -> TaskName[Any]:
    """The declaration of a task sent by its name alone (a dead letter's redrive)."""
    try:
        return TASKS[name]
    except KeyError:
        raise KeyError(f"no task is declared as {name}") from None


class NoArguments(TaskArguments):
    pass
