"""Queue manager service: Celery queues, crons and triggers, and a small HTTP API (6002)
for its queues, jobs and dead letters.

- `celery.py`: the Celery app (`celery -A queue_manager worker` / `beat`), made by the shared
  task runtime (`shared.utilities.worker`); `layout.py`: what each QM_* switch turns on.
- `queues/` (one module per domain), `triggers/` (automation rules), `crons/` (periodic tasks):
  the tasks. `embedded.py`: the worker and crons in `./scripts/up`.
- `monitor/` (`/v1/queues`) and `jobs/` (`/v1/jobs`, `/v1/dead-letters`): the HTTP API.
"""
