"""When an import pushes its progress: every second or every PROGRESS_EVERY_ROWS rows,
whichever comes first."""

from shared.domain.csv_jobs.importing import PROGRESS_EVERY_ROWS, ProgressClock


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_progress_is_not_pushed_again_within_a_second_and_fewer_rows():
    clock = Clock()
    progress = ProgressClock(rows_done=0, clock=clock)
    clock.now += 0.5

    assert progress.due(PROGRESS_EVERY_ROWS - 1) is False


def test_progress_is_pushed_once_a_second_has_passed():
    clock = Clock()
    progress = ProgressClock(rows_done=0, clock=clock)
    clock.now += 1.0

    assert progress.due(10) is True
    assert progress.due(20) is False  # counted again from this push


def test_progress_is_pushed_every_n_rows_within_the_second():
    progress = ProgressClock(rows_done=0, clock=Clock())

    assert progress.due(PROGRESS_EVERY_ROWS) is True
    assert progress.due(PROGRESS_EVERY_ROWS + 1) is False
