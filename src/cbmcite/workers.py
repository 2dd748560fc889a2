"""Tasks run in worker processes, one at a time per worker, each under a time and a memory limit.

A worker holds one task at a time, so a task that hangs, crashes its worker or is killed costs only
itself: the supervisor kills or replaces that worker and the other tasks go on. Workers die with the
main process and leave Ctrl-C to it.
"""
from __future__ import annotations

import faulthandler
import math
import multiprocessing
import os
import signal
import sys
import time
from collections import deque
from collections.abc import Callable, Iterator
from multiprocessing.connection import wait
from typing import Any

from .config import Limits
from .errors import InternalError

_WALL_FACTOR = 2  # by the clock: a document waiting (a blocked read) or starved on a loaded machine
_RETRIES = 1  # a task whose worker died once is tried again (it may have been killed from outside)
_PR_SET_PDEATHSIG = 1


def supervised_map(func: Callable[[Any], Any], tasks: list, jobs: int, limits: Limits,
                   give_up: Callable[[Any, str], Any]) -> Iterator[Any]:
    """func(task) for every task, in order, in at most JOBS worker processes. A task that runs past
    the time limit or whose worker dies twice yields give_up(task, reason) instead."""
    if not tasks:
        return
    supervisor = _Supervisor(func, tasks, max(1, min(jobs, len(tasks))), limits, give_up)
    try:
        yield from supervisor.results()
    finally:
        supervisor.stop()


class _Worker:
    def __init__(self, context, func, limits: Limits) -> None:
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child, self.conn, func, limits, os.getpid()),
                                       daemon=True, name="cbmcite-worker")
        self.process.start()
        child.close()
        self.index: int | None = None
        self.deadline = 0.0

    def give(self, index: int, task, seconds: float) -> None:
        self.index, self.deadline = index, time.monotonic() + seconds
        self.conn.send(task)

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(1)
        self.conn.close()

    def death(self) -> str:
        code = self.process.exitcode
        if code is not None and code < 0:
            name = signal.Signals(-code).name
            return f"its worker process was killed by {name}" + (" (out of memory?)" if name == "SIGKILL" else "")
        return f"its worker process ended unexpectedly (exit code {code})"


class _Supervisor:
    def __init__(self, func, tasks: list, jobs: int, limits: Limits, give_up) -> None:
        self.func, self.tasks, self.jobs, self.limits, self.give_up = func, tasks, jobs, limits, give_up
        self.context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods()
                                                   else None)
        self.pending = deque(range(len(tasks)))
        self.deaths = [0] * len(tasks)
        self.done: dict[int, Any] = {}
        self.workers: list[_Worker] = []

    def results(self) -> Iterator[Any]:
        next_out = 0
        while next_out < len(self.tasks):
            self._assign()
            self._collect()
            while next_out in self.done:
                yield self.done.pop(next_out)
                next_out += 1

    def _assign(self) -> None:
        while self.pending:
            idle = next((w for w in self.workers if w.index is None), None)
            if idle is None:
                if len(self.workers) >= self.jobs:
                    return
                idle = _Worker(self.context, self.func, self.limits)
                self.workers.append(idle)
            index = self.pending.popleft()
            try:
                idle.give(index, self.tasks[index], self.limits.seconds * _WALL_FACTOR)
            except OSError:  # the worker died before it could take the task
                self._died(idle)

    def _collect(self) -> None:
        busy = [w for w in self.workers if w.index is not None]
        if not busy:
            return
        timeout = max(0.0, min(w.deadline for w in busy) - time.monotonic())
        ready = set(wait([w.conn for w in busy] + [w.process.sentinel for w in busy], timeout))
        now = time.monotonic()
        for worker in busy:
            if worker.conn in ready:  # a result, or the end of the pipe of a worker that died
                self._receive(worker)
            elif worker.process.sentinel in ready:
                worker.process.join(1)
                self._ended(worker)
            elif now >= worker.deadline:
                self._give_up_on(worker)

    def _receive(self, worker: _Worker) -> None:
        try:
            ok, result = worker.conn.recv()
        except (EOFError, OSError):  # it died: its end of the pipe closed
            worker.process.join(1)
            self._ended(worker)
            return
        self.done[worker.index] = result if ok else self.give_up(self.tasks[worker.index], result)
        worker.index = None

    def _ended(self, worker: _Worker) -> None:
        if worker.process.exitcode == -signal.SIGXCPU:  # the CPU limit set for this task
            self._give_up_on(worker)
        else:
            self._died(worker)

    def _give_up_on(self, worker: _Worker) -> None:
        self._retire(worker)
        self.done[worker.index] = self.give_up(
            self.tasks[worker.index], f"gave up after {self.limits.seconds:g} s (time limit; --timeout to change)")

    def _died(self, worker: _Worker) -> None:
        self._retire(worker)
        index = worker.index
        self.deaths[index] += 1
        if self.deaths[index] > _RETRIES:
            self.done[index] = self.give_up(self.tasks[index], f"gave up: {worker.death()}")
        else:
            self.pending.appendleft(index)

    def _retire(self, worker: _Worker) -> None:
        worker.stop()
        self.workers.remove(worker)

    def stop(self) -> None:
        for worker in self.workers:
            worker.stop()
        self.workers.clear()


def _serve(conn, parent_end, func, limits: Limits, parent_pid: int) -> None:
    """A worker's life: take a task, send back func(task), until the pipe closes."""
    parent_end.close()
    _quiet()
    _die_with_parent(parent_pid)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole process group: the parent decides
    _limit_memory(limits.memory_mb)
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        _limit_cpu(limits.seconds)
        try:
            conn.send((True, func(task)))
        except Exception as exc:  # func reports its own failures: this is a bug, or a result that cannot be sent
            conn.send((False, str(InternalError.about(exc))))


def _quiet() -> None:
    """Nothing a worker's libraries print reaches the run's output: stdout may be the notes JSON, and a
    warning on stderr (a PDF library on a damaged file) would be a line without a file name. The parent
    reports every failure, crashes included, as one line naming the document."""
    import logging  # here, not at the top: the main process of a run never logs

    faulthandler.disable()
    logging.disable(logging.WARNING)
    devnull = os.open(os.devnull, os.O_WRONLY)
    for fd in (1, 2):  # the parent flushed its buffers before forking: nothing of its own is lost
        os.dup2(devnull, fd)
    os.close(devnull)
    sys.stdout = sys.stderr = open(os.devnull, "w")


def _die_with_parent(parent_pid: int) -> None:
    """Linux: the kernel kills this process when the parent dies (even by SIGKILL)."""
    if sys.platform.startswith("linux"):
        import ctypes

        try:
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent_pid:  # the parent died before prctl took effect
        os._exit(1)


def _limit_cpu(seconds: float) -> None:
    """SIGXCPU (which ends the worker) after SECONDS more of CPU time: a time limit that a loaded
    machine does not shorten, unlike the wall clock."""
    try:
        import resource
    except ImportError:
        return
    usage = resource.getrusage(resource.RUSAGE_SELF)
    hard = resource.getrlimit(resource.RLIMIT_CPU)[1]
    soft = math.ceil(usage.ru_utime + usage.ru_stime + seconds)
    if hard == resource.RLIM_INFINITY or soft < hard:
        resource.setrlimit(resource.RLIMIT_CPU, (soft, hard))


def _limit_memory(megabytes: int) -> None:
    try:
        import resource
    except ImportError:  # not on Windows
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    wanted = megabytes * 1024 * 1024
    if hard != resource.RLIM_INFINITY:
        wanted = min(wanted, hard)
    if soft == resource.RLIM_INFINITY or wanted < soft:
        resource.setrlimit(resource.RLIMIT_AS, (wanted, hard))
    resource.setrlimit(resource.RLIMIT_CORE, (0, resource.getrlimit(resource.RLIMIT_CORE)[1]))
