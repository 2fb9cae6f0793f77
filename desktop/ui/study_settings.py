"""Study options: desired retention, new cards per day, maximum interval, and fitting FSRS to one's reviews."""
from __future__ import annotations

from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout, QLabel,
                               QPushButton, QSpinBox, QWidget)

from desktop.core.collection import Collection
from desktop.core.review import load_settings, optimize, save_settings
from desktop.core.schedule import Settings
from desktop.ui.background import collection_op
from desktop.ui.i18n import tr


class StudySettingsDialog(QDialog):
    def __init__(self, collection: Collection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("studySettings")
        self.setWindowTitle(tr("Study options"))
        self.collection = collection
        current = load_settings(collection)
        self.retention = QDoubleSpinBox(decimals=2, minimum=0.70, maximum=0.99, singleStep=0.01,
                                        value=current.desired_retention)
        self.new_per_day = QSpinBox(minimum=0, maximum=9999, value=current.new_per_day)
        self.maximum_interval = QSpinBox(minimum=1, maximum=36500, value=current.maximum_interval,
                                         suffix=tr(" days"))
        self.bury_siblings = QCheckBox(tr("Bury the other cards of a sentence until tomorrow"))
        self.bury_siblings.setObjectName("burySiblings")
        self.bury_siblings.setChecked(current.bury_siblings)
        self.fit = QPushButton(tr("Fit FSRS to my reviews"))
        self.fit.clicked.connect(self.start_fit)
        self.note = QLabel(tr("Reviews are scheduled by FSRS."))
        self.note.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(tr("Desired retention"), self.retention)
        form.addRow(tr("New cards per day"), self.new_per_day)
        form.addRow(tr("Maximum interval"), self.maximum_interval)
        form.addRow(self.bury_siblings)
        form.addRow(self.fit)
        form.addRow(self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def accept(self) -> None:
        save_settings(self.collection, Settings(desired_retention=round(self.retention.value(), 2),
                                                new_per_day=self.new_per_day.value(),
                                                maximum_interval=self.maximum_interval.value(),
                                                bury_siblings=self.bury_siblings.isChecked()))
        super().accept()

    def start_fit(self) -> None:
        """Fitting may take minutes with the optimizer installed: off the GUI thread."""
        self.fit.setEnabled(False)
        self.note.setText(tr("Fitting…"))
        collection_op(self.collection.path, optimize, self._fitted, self._failed)

    def _fitted(self, result) -> None:
        self.fit.setEnabled(True)
        self.note.setText(result.note)

    def _failed(self, error: Exception) -> None:
        self.fit.setEnabled(True)
        self.note.setText(str(error))
