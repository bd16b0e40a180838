"""A contact import at size: rows per second of `contacts.import_csv`'s body on the in-memory
MongoDB, the batched write against the row-by-row one it replaced, in one run.

    .venv/bin/python -m scripts.bench.imports [--rows 5000]

Both import the same file (name, email, phone, two tags per row) into a new account: the
batched path is the import's (`shared.domain.csv_jobs.importing`, chunks through
`shared.domain.contacts.batch.write_contacts`); the baseline writes each row with
`create_contact`, as the import did before. Jobs and emits go to senders that drop them, so
only the import's own work is timed.
"""

import argparse
import asyncio
import tempfile
import time
from pathlib import Path

from beanie import PydanticObjectId

from shared.domain.contacts.writing import Author, create_contact
from shared.domain.csv_jobs.importing import RowImporter, run_import
from shared.domain.csv_jobs.reading import UTF8, csv_records
from shared.domain.csv_jobs.settings import CsvJobSettings
from shared.models.account import Account
from shared.models.contact import Contact
from shared.models.csv_queue import CsvJob, CsvJobKind
from shared.models.membership import Membership, Role
from shared.models.user import User
from shared.utilities import db
from shared.utilities.outbox import Senders, collecting
from shared.utilities.storage import LocalStorage

MAPPING = {"First": "first_name", "Email": "emails", "Phone": "phones", "Tags": "tags"}


class Dropped:
    async def send(self, *args, **kwargs) -> str:
        return ""

    async def emit(self, *args, **kwargs) -> None:
        return None

    def close(self) -> None:
        return None


def csv_text(rows: int) -> str:
    lines = ["First,Email,Phone,Tags"]
    lines += [
        f'P{n},p{n}@example.com,+1415555{n % 10000:04d},"lead, batch{n % 7}"' for n in range(rows)
    ]
    return "\n".join(lines) + "\n"


async def new_owner() -> tuple[Account, User]:
    account = await Account(name="Bench").insert()
    email = f"{PydanticObjectId()}@example.com"
    user = await User(email=email, name="Ada", password_hash="-").insert()
    await Membership(account_id=account.id, user_id=user.id, role=Role.OWNER, scopes=[]).insert()
    return account, user


async def batched(rows: int, files: Path, settings: CsvJobSettings) -> float:
    account, user = await new_owner()
    storage = LocalStorage(files)
    async with storage.writer("bench.csv") as writer:
        await writer.write(csv_text(rows).encode())
    job = await CsvJob(
        account_id=account.id,
        kind=CsvJobKind.IMPORT,
        created_by=user.id,
        created_by_role=Role.OWNER,
        idempotency_key=str(PydanticObjectId()),
        file_key="bench.csv",
        mapping=MAPPING,
    ).insert()
    started = time.perf_counter()
    await run_import(str(job.id), storage, settings)
    seconds = time.perf_counter() - started
    done = await CsvJob.get(job.id)
    assert done is not None and done.status == "done" and done.rows_failed == 0, done
    return seconds


async def row_by_row(rows: int, settings: CsvJobSettings) -> float:
    account, user = await new_owner()
    job = CsvJob(
        account_id=account.id,
        kind=CsvJobKind.IMPORT,
        created_by=user.id,
        created_by_role=Role.OWNER,
        idempotency_key="",
        mapping=MAPPING,
    )
    author = Author.platform(account.id, settings.default_phone_region)
    importer = await RowImporter.for_job(job, author)

    async def chunks():
        yield csv_text(rows).encode()

    started = time.perf_counter()
    records = csv_records(chunks(), UTF8, settings.csv_limits)
    columns = await anext(records)
    async for cells in records:
        data, _ = importer.contact_data(dict(zip(columns, cells, strict=False)))
        await create_contact(author, data)
    return time.perf_counter() - started


async def main(rows: int) -> None:
    settings = CsvJobSettings()
    await db.connect("", initiator="bench", database="bench_imports")
    senders = Senders(tasks=Dropped(), emitter=Dropped())
    with tempfile.TemporaryDirectory() as files:
        async with collecting(senders):
            fast = await batched(rows, Path(files), settings)
            slow = await row_by_row(rows, settings)
    count = await Contact.find_all().count()
    print(f"{rows} rows, in-memory MongoDB, {count} contacts written in all")
    print(f"batched import:   {fast:6.2f} s  {rows / fast:8.0f} rows/s")
    print(f"row by row:       {slow:6.2f} s  {rows / slow:8.0f} rows/s")
    print(f"ratio:            {slow / fast:6.1f}x")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=5000)
    asyncio.run(main(parser.parse_args().rows))
