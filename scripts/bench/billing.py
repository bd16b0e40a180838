"""OneBalance usage charges per second, on one wallet and spread over many wallets through the
queue, with every ledger checked afterwards, in one run.

    .venv/bin/python -m scripts.bench.billing [--charges 5000] [--batch 100] \
        [--wallets 1000] [--queued 5000]

- one wallet: `--charges` SMS charges on one wallet, `--batch` at a time with asyncio.gather
  (the service-level path the notification service takes: one atomic update of the wallet,
  one insert of the movement, one update finishing it);
- through the queue: `--queued` AI-token charges spread over `--wallets` wallets, sent by name
  to `onebalance_balance_charge_stream` on a real Celery worker (solo pool, in this process, its
  bodies on this loop) and a Redis of the benchmark's own (or REDIS_URL's), from the first send
  to the last result;
- afterwards each wallet's cached balance is compared with its ledger's sum, and every movement
  with its entries' sum (zero).

Without MONGO_URL MongoDB is mongomock in this process's memory, whose every query scans:
the figures are the code's floor, not a real MongoDB's. Not a test: it prints, asserts nothing.
"""

import argparse
import asyncio
import contextlib
import os
import time
import uuid
from collections.abc import Iterator

from scripts.bench.harness import own_redis


@contextlib.contextmanager
def redis_url() -> Iterator[str]:
    if os.environ.get("REDIS_URL"):
        yield os.environ["REDIS_URL"]
        return
    with own_redis() as url:
        os.environ["REDIS_URL"] = url
        yield url


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--charges", type=int, default=5_000)
    parser.add_argument("--batch", type=int, default=100)
    parser.add_argument("--wallets", type=int, default=1_000)
    parser.add_argument("--queued", type=int, default=5_000)
    args = parser.parse_args()
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    with redis_url():
        # Imported once REDIS_URL is set: the queue manager reads its settings on import.
        from scripts.bench.billing_run import run

        asyncio.run(run(args.charges, args.batch, args.wallets, args.queued, uuid.uuid4().hex))
    print(f"done in {time.process_time():.1f}s of CPU")


if __name__ == "__main__":
    main()
