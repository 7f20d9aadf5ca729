"""The process-pool engine: documents spread over worker processes on this machine.

Workers start by forkserver (no copy of the parent's threads or open files, and jieba's state is
built in the worker itself; spawn where there is no forkserver), load the lexicons once in their
initializer, and take one document at a time. Forkserver imports the pipeline once and forks the
workers from there, which measured a little faster to the first result than spawn. At most two documents per worker are in flight, so results wait for their turn in
input order without piling up in the parent however many files there are.
"""
from __future__ import annotations

import multiprocessing
import signal
from collections import deque
from itertools import islice
from typing import Iterator

from . import Extracted, Item, Options, extract_item, load_lexicons

#: Documents in flight per worker: one running, one queued so a worker never waits.
_AHEAD = 2


def _start_worker() -> None:
    """Ctrl-C goes to the whole process group: the parent alone decides to stop, and ends the
    workers itself."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    load_lexicons()


def results(items: list[tuple[Item, str | None]], options: Options, jobs: int) -> Iterator[Extracted]:
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["zhfacts.pipeline"])
    else:
        context = multiprocessing.get_context("spawn")
    todo = iter(items)
    with context.Pool(min(jobs, len(items)), initializer=_start_worker) as pool:
        pending = deque(pool.apply_async(extract_item, (item[0], options, item[1])) for item in islice(todo, jobs * _AHEAD))
        while pending:
            done = pending.popleft().get()
            for item in islice(todo, 1):
                pending.append(pool.apply_async(extract_item, (item[0], options, item[1])))
            yield done
