"""The Dask engine: documents spread over the workers of a Dask distributed cluster, a
LocalCluster on this machine (``local``) or a running scheduler at an address (``tcp://...``).

Workers read the files themselves, so paths must mean the same there (a shared filesystem);
a document longer than a block goes block by block, cut here, as the pool sends it. At most
two tasks per worker thread are in flight, so results wait for their turn in input
order without piling up in this process.
"""
from __future__ import annotations

from collections import deque
from contextlib import contextmanager
from itertools import islice
from typing import Iterator

from . import Extracted, Item, Options, extract_block, languages_of, load_resources, tasks
from ..errors import ZhfactsError

#: The cluster ``--scheduler local`` starts: two single-threaded worker processes (jieba is
#: pure Python, so threads would share one core), with a memory limit far above a worker's need.
LOCAL_WORKERS = 2
LOCAL_MEMORY = "1.5GiB"


@contextmanager
def connect(scheduler: str):
    """A distributed Client for the address, closed (with its LocalCluster) afterwards."""
    from distributed import Client, LocalCluster

    if scheduler == "local":
        cluster = LocalCluster(n_workers=LOCAL_WORKERS, threads_per_worker=1, processes=True,
                               memory_limit=LOCAL_MEMORY, dashboard_address=None)
        with cluster, Client(cluster) as client:
            yield client
        return
    try:
        client = Client(scheduler, timeout="10s")
    except (OSError, ValueError, TimeoutError) as exc:
        raise ZhfactsError(scheduler, f"cannot reach the Dask scheduler ({exc})") from None
    with client:
        yield client


def results(items: list[tuple[Item, str | None]], options: Options, scheduler: str) -> Iterator[Extracted]:
    with connect(scheduler) as client:
        client.run(load_resources, options, languages_of([item for item, _ in items], options))
        window = 2 * max(1, sum(client.nthreads().values()))

        def submit(task):
            return client.submit(extract_block, task.item, options, task.doc_id, task.block, pure=False)

        todo = iter(tasks(items, options))
        pending = deque(submit(task) for task in islice(todo, window))
        while pending:
            done = pending.popleft().result()
            for task in islice(todo, 1):
                pending.append(submit(task))
            yield done
