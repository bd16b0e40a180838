"""The CSV jobs a job's status may be read from (the task runs and dead letters are the task
runtime's: `shared.utilities.worker.repository`)."""

from shared.models.csv_queue import CsvJob
from shared.utilities.repository import object_id


async def find_csv_job(job_id: str) -> CsvJob | None:
    oid = object_id(job_id)
    return await CsvJob.get(oid) if oid else None
