"""Run collection work off the GUI thread, like Anki's CollectionOp.

The operation gets its own connection to the collection file (SQLite connections must not be
shared across threads; WAL lets it write while the GUI reads) and never touches widgets.
Its result comes back on the GUI thread through `on_success` or `on_error`.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

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

    @Slot(object)
    def _succeeded(self, result: Any) -> None:
        _running.discard(self)
        self.on_success(result)

    @Slot(object)
    def _failed(self, error: Exception) -> None:
        _running.discard(self)
        self.on_error(error)


class _Job(QRunnable):
    def __init__(self, path: Path, operation: Callable[[Collection], Any], signals: _Signals) -> None:
        super().__init__()
        self.path, self.operation, self.signals = path, operation, signals

    def run(self) -> None:
        collection = Collection(self.path)
        try:
            result = self.operation(collection)
        except Exception as error:  # noqa: BLE001 - handed to the GUI as a message, never swallowed
            self.signals.failed.emit(error)
        else:
            self.signals.succeeded.emit(result)
        finally:
            collection.close()


_running: set[_Signals] = set()  # keeps the signal objects alive until their job reports
_pool: QThreadPool | None = None


def _collection_pool() -> QThreadPool:
    """One worker: collection jobs run one after another, so two imports never contend for the file."""
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(1)
    return _pool


def collection_op(path: Path, operation: Callable[[Collection], Any], on_success: Callable[[Any], None],
                  on_error: Callable[[Exception], None]) -> None:
    """Start `operation(collection)` on the thread pool; callbacks run on the GUI thread."""
    signals = _Signals(on_success, on_error)
    _running.add(signals)
    _collection_pool().start(_Job(path, operation, signals))
