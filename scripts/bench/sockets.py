"""Fan-out of the conversation socket across replicas, against a bare Socket.IO baseline, in
one run, saying which process saturated.

    .venv/bin/python -m scripts.bench.sockets [--clients 100 1000] [--messages 100]
        [--rate 2000] [--burst 50] [--listeners websocket|socketio]

On a redis-server of the benchmark's own, for each client count and for each of two servers
(`bare`: python-socketio on its own Redis manager relaying the body, storing nothing;
`conversation socket`: the service itself, storing each message and announcing it through the
outbox), starts two replicas as their own processes, connects N clients (each a user of one
account) to one channel, spread evenly over both replicas from two client processes (bare
websockets by default, python-socketio's client with `--listeners socketio`: see
`socket_clients`), and one sender on the first replica. Then:

- paced: after a few warm-up messages, `--messages` messages paced to offer `--rate`
  deliveries per second (one message every clients/rate seconds: 50 ms for 100 clients,
  500 ms for 1,000), so the figure is the fan-out's own latency rather than a queue's; for
  every delivery, the time from the sender's emit to the client's receipt (p50, p99);
- burst: `--burst` messages sent back to back (each acknowledged, so stored, before the
  next); deliveries per second from the first send to the last receipt.

For each phase it reads the CPU time every process used (replicas, client processes, the
sender, Redis) and what the rest of the machine used meanwhile (other people's work on a
shared machine), prints it in cores and in CPU µs per delivery, and names the process that
saturated a core, or, the cores being full, the side that took most of them: the servers
(replicas, Redis), the clients (client processes, sender) or the rest of the machine. Lost
deliveries and connections the server dropped (none expected) are counted.
"""

import argparse
import asyncio
import multiprocessing
import os
import statistics
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

import redis
from beanie import PydanticObjectId

from scripts.bench.harness import RUNNING, own_redis, serving
from scripts.bench.socket_clients import LISTENERS, Receipts, Share, client_process, send
from tests.fixtures import free_port

CLIENT_PROCESSES = 2
REPLICAS = 2
# Sent first and not measured: a fresh replica's first message also opens its connections
# (the Celery broker's, the database's) and would stand for a cold start, not fan-out.
WARM_UP_MESSAGES = 5
# After the last paced message, time for its deliveries to land before the burst starts.
SETTLE_SECONDS = 2
# The longest a client process waits for the last message, beyond the time the deliveries
# would take at SLOWEST_DELIVERIES_PER_SECOND.
PATIENCE_SECONDS = 30
SLOWEST_DELIVERIES_PER_SECOND = 1000
# A process using this much of a core over a phase is saturated.
SATURATED_CORES = 0.9
CORES = os.cpu_count() or 1
SERVERS = {"bare": ["--bare"], "conversation socket": []}
# The processes serving the clients; the client processes and the sender are the other side.
SERVER_SIDE = ("replica", "redis")


def process_cpu(pid: int) -> float:
    """CPU seconds (user and system) the process has used so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def machine_busy() -> float:
    """CPU seconds the whole machine has spent busy so far (all but idle and I/O wait)."""
    values = [int(value) for value in Path("/proc/stat").read_text().split("\n")[0].split()[1:]]
    return (sum(values[:8]) - values[3] - values[4]) / os.sysconf("SC_CLK_TCK")


def redis_cpu(client: redis.Redis) -> float:
    info = client.info("cpu")
    return float(info["used_cpu_user"]) + float(info["used_cpu_sys"])


@dataclass(frozen=True)
class Snapshot:
    at: float
    by_process: dict[str, float]
    machine: float


@dataclass(frozen=True)
class Processes:
    pids: dict[str, int]
    redis: redis.Redis

    def snapshot(self) -> Snapshot:
        used = {name: process_cpu(pid) for name, pid in self.pids.items()}
        return Snapshot(time.monotonic(), {**used, "redis": redis_cpu(self.redis)}, machine_busy())


def side_of(process: str) -> str:
    return "servers" if process.startswith(SERVER_SIDE) else "clients"


@dataclass(frozen=True)
class Phase:
    name: str
    deliveries: int
    seconds: float
    cores: dict[str, float]  # cores each process used on average, "others" for the rest

    @classmethod
    def between(cls, name: str, deliveries: int, start: Snapshot, end: Snapshot) -> "Phase":
        seconds = end.at - start.at
        cores = {
            process: (end.by_process[process] - used) / seconds
            for process, used in start.by_process.items()
        }
        cores["others"] = max(0.0, (end.machine - start.machine) / seconds - sum(cores.values()))
        return cls(name, deliveries, seconds, cores)

    def sides(self) -> dict[str, float]:
        """Cores used by the servers' side (replicas, Redis), the clients' side (client
        processes, sender) and the rest of the machine."""
        used = {"servers": 0.0, "clients": 0.0, "others": self.cores["others"]}
        for name, cores in self.cores.items():
            if name != "others":
                used[side_of(name)] += cores
        return used

    def saturation(self) -> str:
        """Which side bounded the phase: a process of ours that used a whole core, or, with
        the machine's cores all busy, the side that used most of them."""
        ours = {name: used for name, used in self.cores.items() if name != "others"}
        sides = self.sides()
        full = [name for name, used in ours.items() if used >= SATURATED_CORES]
        split = ", ".join(f"{side} {used:.2f}" for side, used in sides.items())
        if full:
            named = ", ".join(f"{name} of the {side_of(name)}" for name in full)
            verdict = f"saturated: {named}"
        elif sum(sides.values()) >= SATURATED_CORES * CORES:
            busiest = max(sides, key=lambda side: sides[side])
            verdict = f"the {CORES} cores are full, most of them taken by the {busiest}"
        else:
            verdict = "nothing saturated"
        return f"{verdict} (cores: {split})"

    def describe(self) -> str:
        per_delivery = {
            name: used * self.seconds / self.deliveries * 1e6
            for name, used in self.cores.items()
            if name != "others" and self.deliveries
        }
        cores = ", ".join(f"{name} {used:.2f}" for name, used in self.cores.items())
        costs = ", ".join(f"{name} {us:.0f}" for name, us in per_delivery.items())
        return (
            f"    {self.name:<6} cores: {cores}\n"
            f"    {'':<6} CPU µs per delivery: {costs}\n"
            f"    {'':<6} {self.saturation()}"
        )


@dataclass(frozen=True)
class Result:
    server: str
    clients: int
    receipts: list[Receipts]
    burst_started_ns: int
    phases: list[Phase]
    messages: int
    burst: int

    @property
    def latencies(self) -> list[float]:
        return [ms for receipt in self.receipts for ms in receipt.latencies_ms]

    @property
    def burst_per_second(self) -> float:
        delivered = sum(receipt.burst_deliveries for receipt in self.receipts)
        last = max(receipt.burst_last_ns for receipt in self.receipts)
        return delivered / max(1e-9, (last - self.burst_started_ns) / 1e9) if delivered else 0.0

    @property
    def lost(self) -> int:
        burst = sum(receipt.burst_deliveries for receipt in self.receipts)
        return self.clients * (self.messages + self.burst) - len(self.latencies) - burst

    @property
    def dropped(self) -> int:
        return sum(receipt.dropped for receipt in self.receipts)


def percentile(values: list[float], fraction: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


@contextmanager
def replicas(redis_url: str, server: str, account_id: str, channel: str) -> Iterator[list[str]]:
    """The server's replicas, each its own process on the benchmark's Redis."""
    with ExitStack() as stack:
        urls = []
        for _ in range(REPLICAS):
            port = free_port()
            command = [sys.executable, "-m", "scripts.bench.socket_replica", str(port)]
            command += [account_id, channel, *SERVERS[server]]
            env = {"REDIS_URL": redis_url, "LOG_LEVEL": "WARNING"}
            urls.append(stack.enter_context(serving(command, port, env)))
        yield urls


def client_shares(
    urls: list[str], clients: int, account_id: str, channel: str, args
) -> list[Share]:
    expected = WARM_UP_MESSAGES + args.messages + args.burst
    patience = PATIENCE_SECONDS + clients * expected / SLOWEST_DELIVERIES_PER_SECOND
    return [
        Share(
            urls=urls[index % REPLICAS :] + urls[: index % REPLICAS],
            clients=clients // CLIENT_PROCESSES + (index < clients % CLIENT_PROCESSES),
            account_id=account_id,
            conversation_id=channel,
            expected=expected,
            patience_seconds=patience,
            listener=args.listeners,
        )
        for index in range(CLIENT_PROCESSES)
    ]


def run_one(redis_url: str, server: str, clients: int, args: argparse.Namespace) -> Result:
    # The channel lives in each replica's own memory: a fresh pair of replicas per run.
    account_id, channel = str(PydanticObjectId()), str(PydanticObjectId())
    context = multiprocessing.get_context("spawn")
    ready, results, start = context.Queue(), context.Queue(), context.Event()
    with replicas(redis_url, server, account_id, channel) as urls:
        workers = [
            context.Process(target=client_process, args=(share, ready, start, results))
            for share in client_shares(urls, clients, account_id, channel, args)
        ]
        for worker in workers:
            worker.start()
        for _ in workers:
            ready.get(timeout=600)
        pids = {f"replica {n + 1}": RUNNING[url].pid for n, url in enumerate(urls)}
        pids |= {  # every worker has started, so has a pid
            f"clients {n + 1}": worker.pid for n, worker in enumerate(workers) if worker.pid
        }
        processes = Processes({**pids, "sender": os.getpid()}, redis.Redis.from_url(redis_url))
        marks: dict[str, Snapshot] = {}

        async def at_phase_end(phase: str) -> None:
            if phase != "burst":  # the phase's deliveries land before the next one starts
                await asyncio.sleep(SETTLE_SECONDS)
            marks[phase] = processes.snapshot()

        interval = clients / args.rate
        phases = [
            ("warmup", WARM_UP_MESSAGES, interval),
            ("paced", args.messages, interval),
            ("burst", args.burst, 0.0),
        ]
        start.set()
        burst_started_ns = asyncio.run(send(urls[0], account_id, channel, phases, at_phase_end))
        for _ in workers:
            ready.get(timeout=600)  # every client process has all it will get
        received = processes.snapshot()
        receipts = [results.get() for _ in workers]
        for worker in workers:
            worker.join()
    paced = sum(len(receipt.latencies_ms) for receipt in receipts)
    burst = sum(receipt.burst_deliveries for receipt in receipts)
    return Result(
        server=server,
        clients=clients,
        receipts=receipts,
        burst_started_ns=burst_started_ns,
        phases=[
            Phase.between("paced", paced, marks["warmup"], marks["paced"]),
            Phase.between("burst", burst, marks["paced"], received),
        ],
        messages=args.messages,
        burst=args.burst,
    )


HEADER = (
    f"{'server':<20} {'clients':>7} {'deliveries':>10} {'p50 ms':>8} {'p99 ms':>8} "
    f"{'mean ms':>8} {'burst deliv/s':>14} {'vs bare':>8} {'lost':>7} {'dropped':>8}"
)


def print_result(result: Result, bare: Result) -> None:
    latencies = result.latencies
    print(
        f"{result.server:<20} {result.clients:>7} {len(latencies):>10} "
        f"{percentile(latencies, 0.5):>8.1f} {percentile(latencies, 0.99):>8.1f} "
        f"{statistics.mean(latencies) if latencies else float('nan'):>8.1f} "
        f"{result.burst_per_second:>14.0f} "
        f"{result.burst_per_second / max(1e-9, bare.burst_per_second):>8.0%} "
        f"{result.lost:>7} {result.dropped:>8}"
    )
    for phase in result.phases:
        print(phase.describe())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--messages", type=int, default=100)
    parser.add_argument("--rate", type=float, default=2000, help="deliveries/s offered, paced")
    parser.add_argument("--burst", type=int, default=50)
    parser.add_argument("--servers", nargs="+", choices=list(SERVERS), default=list(SERVERS))
    parser.add_argument(
        "--listeners",
        choices=list(LISTENERS),
        default="websocket",
        help="the receiving clients: bare websockets, or python-socketio's client",
    )
    args = parser.parse_args()
    load = " ".join(Path("/proc/loadavg").read_text().split()[:3])
    print(
        f"{REPLICAS} replicas, {CLIENT_PROCESSES} client processes of {args.listeners} "
        f"listeners, {CORES} cores (load before "
        f"the run {load}); {args.messages} messages paced at {args.rate:.0f} deliveries/s, "
        f"then {args.burst} back to back; cores are averages over each phase, `others` is "
        "the rest of the machine"
    )
    with own_redis() as redis_url:
        for clients in args.clients:
            print(HEADER)
            done = [run_one(redis_url, server, clients, args) for server in args.servers]
            for result in done:
                print_result(result, done[0])


if __name__ == "__main__":
    main()
