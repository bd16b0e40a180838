from shared.utilities.errors import NotFound


class NoSnapshotYet(NotFound):
    """The utilisation cron has not recorded a snapshot yet (or the last is past its day)."""

    code = "no_snapshot_yet"
