"""The process-pool engine: documents spread over worker processes on this machine.

The parent loads the language tables, rules and decider once and forks the workers, which
share them (copy-on-write, kept out of the garbage collector's reach) and start at once;
where there is no fork (spawn), each worker loads them once in its initializer. Whole
documents go to the workers (a document longer than a block, block by block), the largest of
the next few first, so that no worker is left with one long document at the end while the
other waits.
Results come back as they finish and are yielded in input order; at most ``_HORIZON`` per
worker wait in the parent, so memory stays flat however many files there are.
"""
from __future__ import annotations

import gc
import heapq
import multiprocessing
import multiprocessing.pool
import os
import queue
import signal
import sys
import threading
from pathlib import Path
from typing import Iterator

from ..io.atomic import STOP_SIGNALS, signals_held
from . import Extracted, Options, Task, extract_block, languages_of, load_resources

#: Documents in flight per worker: one running, one queued so a worker never waits.
_AHEAD = 2
#: How many documents past the next one to write may be sent, per worker: the choice of the
#: largest first is made among these, and at most these many results wait their turn.
_HORIZON = 8


def _start_worker(options: Options, inherited: bool, languages: frozenset[str]) -> None:
    """The parent alone decides to stop: a worker ignores the stop signals, which Ctrl-C,
    ``timeout``, systemd and ``kill -TERM -PGID`` send to the whole process group. A worker
    killed by one could die holding a lock of the pool's queues, and the pool would wait for it
    forever; the parent ends the workers itself (``_Pool``)."""
    for signum in STOP_SIGNALS:
        signal.signal(signum, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):  # born with the stop signals held by the parent
        signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)
    if not inherited:
        load_resources(options, languages)


class _ForkWorker(multiprocessing.context.ForkProcess):
    """A worker that ignores SIGTERM, so the pool ends it with SIGKILL. The pool does so only
    once it holds the queues' locks itself, so no lock dies with the worker."""

    def terminate(self) -> None:
        self.kill()


class _SpawnWorker(multiprocessing.context.SpawnProcess):
    __doc__ = _ForkWorker.__doc__
    terminate = _ForkWorker.terminate


class _Pool(multiprocessing.pool.Pool):
    """The standard pool with workers that the terminating signals do not end (``Pool.Process``
    is the hook for the process class)."""

    @staticmethod
    def Process(ctx, *args, **kwds):
        worker = _ForkWorker if ctx.get_start_method() == "fork" else _SpawnWorker
        return worker(*args, **kwds)


def _threads() -> int:
    """Threads of this process, native ones included (Linux); 0 where it cannot be told."""
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        return 0


def _start_resource_tracker() -> None:
    """Spawned workers share semaphores that multiprocessing's resource tracker looks after, a
    process of the same group. It ignores SIGINT and SIGTERM itself; started here with SIGHUP
    ignored too, a hang-up of the group does not kill it, and no successor prints a KeyError
    for each semaphore it never saw."""
    from multiprocessing import resource_tracker

    if not hasattr(signal, "SIGHUP") or threading.current_thread() is not threading.main_thread():
        return
    with signals_held():
        previous = signal.signal(signal.SIGHUP, signal.SIG_IGN)  # kept across the tracker's exec
        try:
            resource_tracker.ensure_running()
        finally:
            signal.signal(signal.SIGHUP, previous)


def _context() -> tuple[multiprocessing.context.BaseContext, bool]:
    """Fork on Linux, where workers inherit what the parent loaded, but only from a process of
    one thread: a fork copies locks that other threads (a thread pool of Arrow, Dask or OpenMP)
    may hold, and the child then waits on them forever. Spawn otherwise."""
    if sys.platform.startswith("linux") and _threads() == 1:
        return multiprocessing.get_context("fork"), True
    return multiprocessing.get_context("spawn"), False


def results(units: list[Task], options: Options, jobs: int) -> Iterator[Extracted]:
    """The results of the tasks (``engines.tasks``) in their order."""
    context, inherited = _context()
    jobs = min(jobs, len(units))
    if not inherited:
        _start_resource_tracker()
    languages = languages_of([task.item for task in units if task.block is None or task.block.index == 0], options)
    if inherited:
        load_resources(options, languages)
        gc.freeze()  # what was loaded is never collected: no worker walks it or copies its pages
    # A stop signal that lands while a worker is born would reach it before it can ignore it:
    # held here, the workers start with it held, and the parent takes it once they are up.
    held = signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS) if hasattr(signal, "pthread_sigmask") else None
    try:
        pool = _Pool(jobs, initializer=_start_worker, initargs=(options, inherited, languages), context=context)
    finally:
        gc.unfreeze()  # the workers are forked; this process collects as before
        if held is not None:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)
    finished: queue.SimpleQueue = queue.SimpleQueue()
    with pool:
        waiting: list[tuple[int, int]] = []  # (-size, index) of tasks not yet sent
        seen = sent = 0  # tasks put into waiting; tasks sent and not yet back
        ready: dict[int, tuple[Extracted | None, BaseException | None]] = {}
        following = 0  # the index of the next result to yield

        def send() -> None:
            nonlocal seen, sent
            while seen < len(units) and seen < following + _HORIZON * jobs:
                heapq.heappush(waiting, (-units[seen].size, seen))
                seen += 1
            while waiting and sent < _AHEAD * jobs:
                _, i = heapq.heappop(waiting)
                task = units[i]
                pool.apply_async(extract_block, (task.item, options, task.doc_id, task.block),
                                 callback=lambda done, i=i: finished.put((i, done, None)),
                                 error_callback=lambda exc, i=i: finished.put((i, None, exc)))
                sent += 1

        send()
        while following < len(units):
            i, done, exc = finished.get()
            sent -= 1
            ready[i] = (done, exc)
            send()
            while following in ready:
                done, exc = ready.pop(following)
                if exc is not None:
                    raise exc
                following += 1
                send()
                yield done
