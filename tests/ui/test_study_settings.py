"""Study options persist, and fitting FSRS degrades to the defaults with a clear note."""
from __future__ import annotations

from desktop.core.collection import Collection
from desktop.core.review import STUDY_SETTING, load_settings, load_study
from desktop.ui.study_settings import StudySettingsDialog


def test_options_are_saved(qtbot, tmp_path):
    collection = Collection(tmp_path / "collection.db")
    dialog = StudySettingsDialog(collection)
    qtbot.addWidget(dialog)
    dialog.retention.setValue(0.85)
    dialog.new_per_day.setValue(7)
    dialog.maximum_interval.setValue(365)
    assert dialog.bury_siblings.isChecked()  # Anki's habit: on
    dialog.bury_siblings.click()
    dialog.accept()
    settings = load_settings(collection)
    assert (settings.desired_retention, settings.new_per_day, settings.maximum_interval) == (0.85, 7, 365)
    assert settings.bury_siblings is False
    assert load_study(collection).settings.new_per_day == 7
    collection.close()


def test_fitting_with_few_reviews_keeps_the_defaults(qtbot, tmp_path):
    collection = Collection(tmp_path / "collection.db")
    dialog = StudySettingsDialog(collection)
    qtbot.addWidget(dialog)
    dialog.start_fit()
    qtbot.waitUntil(lambda: dialog.fit.isEnabled(), timeout=10000)
    assert dialog.note.text().startswith("Kept the default parameters: 0 reviews so far")
    assert "parameters" not in (collection.setting(STUDY_SETTING) or {})
    collection.close()
