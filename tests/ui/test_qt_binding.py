"""Guards against Qt binding bugs that crash the app long after their cause."""
from __future__ import annotations

import gc
import sys

from PySide6.QtCore import QObject, QStringListModel, Signal


class _Emitter(QObject):
    ping = Signal(int)


def test_emitting_signals_keeps_the_reference_count_of_true():
    # PySide6 6.12.0 decremented True's reference count on every emit; on Python 3.11 the
    # interpreter aborts ("bool_dealloc") once enough signals have been emitted.
    emitter, model = _Emitter(), QStringListModel(["a", "b"])
    gc.collect()
    before = sys.getrefcount(True)
    for _ in range(200):
        emitter.ping.emit(1)
        model.dataChanged.emit(model.index(0, 0), model.index(1, 0))
    gc.collect()
    assert sys.getrefcount(True) >= before - 5
