"""The event loop task bodies run on, one per process, and handing running bodies back.

Celery calls a task from a pool thread (or a prefork child's main thread); the body, an
`async def`, runs on the process's body loop: the host's loop when it says so with
`use_event_loop` (embedded mode, where the services own the MongoDB connection), or a private
loop made on the first task. A prefork child, which runs one task at a time from one thread,
runs its loop in that thread for the length of each body (`run_bodies_in_calling_thread`); other
pools (threads, solo) share a loop thread, the calling thread blocking until the body is done.

A stopping worker hands its running bodies back (`hand_back_bodies`): each is cancelled, its
claim released, and its task requeued for another worker, instead of being waited for.
"""

import asyncio
import os
import threading
from collections.abc import Coroutine
from typing import Any

# The event loop task bodies run on, per process: the host's (embedded mode) or our own thread's.
_host_loop: asyncio.AbstractEventLoop | None = None
_private_loop: asyncio.AbstractEventLoop | None = None
_private_loop_pid = 0
_loop_lock = threading.Lock()
# Set in a prefork child: its one calling thread runs the private loop itself.
_in_calling_thread = False

# The bodies running on the body loop (touched on that loop only), and whether they are being
# handed back (set from any thread, when the worker stops).
_running: set[asyncio.Task] = set()
_handing_back = threading.Event()
# Tasks this process is running now (their bodies started or about to).
_in_progress = 0
_in_progress_lock = threading.Lock()
HAND_BACK = "the worker is stopping: the task is handed back to its queue"


def use_event_loop(loop: asyncio.AbstractEventLoop | None) -> None:
    """Run bodies on the host's loop (which owns the MongoDB connection); None undoes it."""
    global _host_loop
    _host_loop = loop
    _handing_back.clear()


def run_bodies_in_calling_thread() -> None:
    """For a process whose tasks all come from one thread, one at a time (a prefork child):
    no hop to a loop thread and back for each task."""
    global _in_calling_thread
    _in_calling_thread = True


def body_loop() -> asyncio.AbstractEventLoop:
    global _private_loop, _private_loop_pid
    if _host_loop is not None:
        return _host_loop
    with _loop_lock:
        # A forked child inherits the variable but not the thread: it makes its own.
        if _private_loop is None or _private_loop_pid != os.getpid():
            _private_loop = asyncio.new_event_loop()
            _private_loop_pid = os.getpid()
            if not _in_calling_thread:
                threading.Thread(
                    target=_private_loop.run_forever, name="task-bodies", daemon=True
                ).start()
        return _private_loop


def uses_host_loop() -> bool:
    return _host_loop is not None


def current_body_loop() -> asyncio.AbstractEventLoop | None:
    """The loop bodies run on in this process, if one was started (never starts one)."""
    if _host_loop is not None:
        return _host_loop
    return _private_loop if _private_loop_pid == os.getpid() else None


def run_on_body_loop(coroutine: Coroutine[Any, Any, Any]) -> Any:
    """Run from a worker thread; blocks that thread (never the loop's) until the body is done."""
    global _in_progress
    loop = body_loop()
    if loop_is_current(loop):
        coroutine.close()
        raise RuntimeError("a task body cannot be run from its own event loop's thread")
    with _in_progress_lock:
        _in_progress += 1
    try:
        if _in_calling_thread and _host_loop is None:
            return loop.run_until_complete(coroutine)
        return asyncio.run_coroutine_threadsafe(coroutine, loop).result()
    finally:
        with _in_progress_lock:
            _in_progress -= 1


def loop_is_current(loop: asyncio.AbstractEventLoop) -> bool:
    try:
        return asyncio.get_running_loop() is loop
    except RuntimeError:
        return False


class running_body:
    """Marks the current task as running a body, so a stopping worker can hand it back."""

    def __enter__(self) -> None:
        self.task = asyncio.current_task()
        if self.task is not None:
            _running.add(self.task)

    def __exit__(self, *exc_info: object) -> None:
        if self.task is not None:
            _running.discard(self.task)


def handing_back() -> bool:
    return _handing_back.is_set()


def hand_back_bodies() -> bool:
    """From any thread (a signal handler too): cancel the running bodies so each hands its task
    back. True if this process had a body loop to tell; bodies started from now on are handed
    back too (the worker is stopping)."""
    _handing_back.set()
    loop = current_body_loop()
    if loop is None or loop.is_closed():
        return False
    loop.call_soon_threadsafe(_cancel_running)
    return True


def busy() -> bool:
    """Whether this process is running a task now."""
    return _in_progress > 0


def _cancel_running() -> None:
    for task in list(_running):
        task.cancel(msg=HAND_BACK)
