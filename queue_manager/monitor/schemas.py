from typing import Literal

from pydantic import BaseModel


class SwitchRead(BaseModel):
    name: str  # the switch, which is also its queue's name
    variable: str  # QM_<NAME>
    on: bool
    kind: Literal["queue", "cron"]
    description: str


class QueueRead(BaseModel):
    name: str
    kind: Literal["queue", "cron"]
    switched_on: bool
    length: int  # tasks waiting in Redis (not those a worker holds)
    consumers: list[str]  # workers consuming it now
