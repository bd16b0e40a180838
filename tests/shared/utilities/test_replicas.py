"""A service's replicas: taken in turn; one whose connection failed is left out for a while,
then tried again; when every one is out, the one out longest is tried anyway."""

from shared.utilities.replicas import Replicas, replica_urls

URLS = ["http://a:1", "http://b:1", "http://c:1"]


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def replicas(clock: Clock | None = None) -> Replicas:
    return Replicas("internal_api", URLS, down_seconds=5, clock=clock or Clock())


def picked_urls(pool: Replicas, count: int) -> list[str]:
    return [pool.pick().url for _ in range(count)]  # type: ignore[union-attr]


def test_a_setting_names_one_replica_or_several_separated_by_commas():
    assert replica_urls("http://a:1/") == ["http://a:1"]
    assert replica_urls(" http://a:1, http://b:1 ,") == ["http://a:1", "http://b:1"]
    assert replica_urls("") == []


def test_requests_take_the_replicas_in_turn():
    assert picked_urls(replicas(), 4) == [*URLS, URLS[0]]


def test_a_replica_whose_connection_failed_is_left_out_then_tried_again():
    clock = Clock()
    pool = replicas(clock)
    pool.failed(pool.members[1])

    while_out = picked_urls(pool, 4)
    clock.now += 5
    after = picked_urls(pool, 3)

    assert "http://b:1" not in while_out
    assert "http://b:1" in after


def test_a_request_is_not_sent_twice_to_the_same_replica():
    pool = replicas()
    first = pool.pick()
    pool.failed(first)  # type: ignore[arg-type]

    again = pool.pick([first])  # type: ignore[list-item]

    assert again is not None and again is not first


def test_when_every_replica_is_out_the_one_out_longest_is_tried():
    clock = Clock()
    pool = replicas(clock)
    for member in pool.members:
        pool.failed(member)
        clock.now += 1

    assert pool.pick() is pool.members[0]


def test_once_every_replica_was_tried_there_is_none_left():
    pool = replicas()

    assert pool.pick(pool.members) is None


def test_a_replica_that_answers_is_in_again():
    pool = replicas()
    pool.failed(pool.members[0])

    pool.answered(pool.members[0])

    assert pool.members[0].down_until == 0.0
