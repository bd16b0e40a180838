"""The CRM sync's named errors."""

from shared.utilities.errors import Conflict, NotFound


class SyncNotSetUp(NotFound):
    code = "crm_sync_not_set_up"
    message = "The account has not set up this CRM sync."


class ImportRunning(Conflict):
    code = "crm_import_running"
    message = "The initial import is already running."
