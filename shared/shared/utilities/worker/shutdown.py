"""A worker told to stop (SIGTERM: `docker compose stop`, a rolling update) hands its running
tasks back to their queues at once instead of finishing them first: an hour-long import does
not hold a deploy, and another worker resumes it (its body picks up from what it recorded).

Celery's warm shutdown waits for every running task. Here, as it starts, each running body is
cancelled on its loop: its claim is released, its attempt not counted, and its task rejected
with requeue, so the broker gives it to the next worker straight away; the shutdown then has
nothing left to wait for. Bodies run in the worker's process (solo and threads pools) or in its
prefork children, which are sent SIGTERM in turn; a child with nothing running exits on it as
Celery's children do. A body that never awaits cannot be cancelled and is waited for.
"""

import contextlib
import logging
import os
import signal
from typing import Any

from billiard.process import current_process
from celery import signals
from celery.worker import WorkController

from shared.utilities.worker.loop import busy, hand_back_bodies, run_bodies_in_calling_thread

logger = logging.getLogger(__name__)

_controller: list[WorkController] = []  # the worker of this process, once it starts


def remember_worker(sender: WorkController, **_: Any) -> None:
    _controller[:] = [sender]


def hand_back_on_shutdown(**_: Any) -> None:
    """In the worker's main process, as the warm shutdown begins."""
    hand_back_bodies()
    for pid in pool_children():
        with contextlib.suppress(ProcessLookupError):  # it exited meanwhile
            os.kill(pid, signal.SIGTERM)


def pool_children() -> list[int]:
    if not _controller or _controller[0].pool is None:
        return []
    try:
        return [int(pid) for pid in _controller[0].pool.info.get("processes", [])]
    except Exception:  # a pool without children (solo, threads) has no such list
        return []


def on_child_sigterm(signum: int, frame: Any) -> None:
    """In a prefork child: hand back what runs; with nothing running, exit as by default."""
    if busy():
        hand_back_bodies()
        return
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    os.kill(os.getpid(), signal.SIGTERM)


def prepare_child(**_: Any) -> None:
    """A prefork child runs its tasks' bodies in its own thread and hands them back on SIGTERM.
    (The solo pool sends this signal too, in the worker's own process: not a child.)"""
    if current_process().name != "MainProcess":
        run_bodies_in_calling_thread()
        signals.task_prerun.connect(
            hand_back_on_sigterm, weak=False, dispatch_uid="platform-child-sigterm"
        )


def hand_back_on_sigterm(**_: Any) -> None:
    """Before each task in a prefork child (from its main thread). Not once at the child's
    start: billiard resets the signal handlers after the pool's initializer has run."""
    if signal.getsignal(signal.SIGTERM) is not on_child_sigterm:
        signal.signal(signal.SIGTERM, on_child_sigterm)


def install() -> None:
    """Once per process, for every worker app."""
    signals.worker_init.connect(remember_worker, weak=False, dispatch_uid="platform-worker")
    signals.worker_shutting_down.connect(
        hand_back_on_shutdown, weak=False, dispatch_uid="platform-hand-back"
    )
    signals.worker_process_init.connect(
        prepare_child, weak=False, dispatch_uid="platform-prefork-child"
    )
