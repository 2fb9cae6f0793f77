"""Run collection work off the GUI thread, like Anki's CollectionOp and QueryOp.

The operation gets its own connection to the collection file (SQLite connections must not be
shared across threads; WAL lets it write while the GUI reads) and never touches widgets.
Its result comes back on the GUI thread through `on_success` or `on_error`.

`collection_op` is for changes (imports, fits, checks): one worker, one job after another.
`query_op` is for reads that can take longer than a frame (quiz pool, mastery, today's counts):
a read-only connection on its own worker, so a query never waits behind an import, and a
handle to cancel it when the screen it was for has moved on.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal, Slot

from desktop.core.collection import Collection


class _Signals(QObject):
    """Lives on the GUI thread; its slots are QObject methods, so signals from the worker are queued."""

    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, on_success: Callable[[Any], None], on_error: Callable[[Exception], None]) -> None:
        super().__init__()
        self.on_success, self.on_error = on_success, on_error
        self.succeeded.connect(self._succeeded)
        self.failed.connect(self._failed)

        self.job: _Job | None = None

    @Slot(object)
    def _succeeded(self, result: Any) -> None:
        _running.discard(self)
        if not (self.job and self.job.cancelled):
            self.on_success(result)

    @Slot(object)
    def _failed(self, error: Exception) -> None:
        _running.discard(self)
        if not (self.job and self.job.cancelled):
            self.on_error(error)

    def cancelled(self) -> None:
        """Called on the worker for a job cancelled before it started (nothing reports)."""
        _running.discard(self)


class _Job(QRunnable):
    def __init__(self, path: Path, operation: Callable[[Collection], Any], signals: _Signals,
                 read_only: bool = False) -> None:
        super().__init__()
        self.path, self.operation, self.signals, self.read_only = path, operation, signals, read_only
        self.cancelled = False

    def run(self) -> None:
        if self.cancelled:
            self.signals.cancelled()
            return
        collection = Collection(self.path, read_only=self.read_only)
        try:
            result = self.operation(collection)
        except Exception as error:  # noqa: BLE001 - handed to the GUI as a message, never swallowed
            self.signals.failed.emit(error)
        else:
            self.signals.succeeded.emit(result)
        finally:
            collection.close()


class QueryHandle:
    """A started query; `cancel()` means its result is no longer wanted (it is dropped, not delivered)."""

    def __init__(self, job: _Job) -> None:
        self._job = job

    def cancel(self) -> None:
        self._job.cancelled = True


_running: set[_Signals] = set()  # keeps the signal objects alive until their job reports
_pools: dict[str, QThreadPool] = {}


def _worker(name: str) -> QThreadPool:
    """One worker per kind: changes run one after another, so two imports never contend for the
    file; queries queue on their own, behind each other but never behind a change."""
    if name not in _pools:
        _pools[name] = QThreadPool()
        _pools[name].setMaxThreadCount(1)
    return _pools[name]


def _start(kind: str, path: Path, operation: Callable[[Collection], Any], on_success: Callable[[Any], None],
           on_error: Callable[[Exception], None]) -> _Job:
    signals = _Signals(on_success, on_error)
    job = _Job(path, operation, signals, read_only=kind == "query")
    signals.job = job
    _running.add(signals)
    _worker(kind).start(job)
    return job


def collection_op(path: Path, operation: Callable[[Collection], Any], on_success: Callable[[Any], None],
                  on_error: Callable[[Exception], None]) -> None:
    """Start `operation(collection)` on the thread pool; callbacks run on the GUI thread."""
    _start("change", path, operation, on_success, on_error)


def query_op(path: Path, query: Callable[[Collection], Any], on_success: Callable[[Any], None],
             on_error: Callable[[Exception], None]) -> QueryHandle:
    """Start a read-only `query(collection)` off the GUI thread (a write in it fails).

    Returns:
        A handle whose `cancel()` drops the result: start the next query for a screen and cancel
        the one before, so a slow answer for an old selection never overwrites a newer one.
    """
    return QueryHandle(_start("query", path, query, on_success, on_error))


def wait_for_background(timeout_ms: int = 30_000) -> bool:
    """Block until every started job and query has run and reported (tests and benchmarks; the GUI never
    waits). A report may start another query (a delete refreshes today's counts): waits for that too."""
    while _running:
        if not all(pool.waitForDone(timeout_ms) for pool in _pools.values()):
            return False
        QCoreApplication.processEvents()  # the reports, and whatever they start
    return True
