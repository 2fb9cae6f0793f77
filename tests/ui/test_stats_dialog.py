"""desktop.ui.stats and desktop.ui.mastery: the numbers behind the charts, and what gets drawn."""
from __future__ import annotations

from datetime import timedelta, timezone

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QTreeView

from desktop.core.review import record_review, section_mastery
from desktop.core.schedule import Study
from desktop.core.stats import overview
from desktop.ui.mastery import MasteryDelegate, mastery_colour
from desktop.ui.outline_model import MASTERY_ROLE, SECTION_ID_ROLE, OutlineModel
from desktop.ui.stats import FORECAST_COLOUR, REVIEWS_COLOUR, StatsDialog
from tests.core.test_review import T0, make_collection

UTC = timezone.utc


@pytest.fixture
def studied(tmp_path):
    """The test collection with a little history: card 1 a review card (and failed once), card 2 learning."""
    collection, document = make_collection(tmp_path)
    study = Study()
    _, outcome = record_review(collection, study, "0000000000000001", 4, T0 - timedelta(days=12), 3000)
    _, outcome = record_review(collection, study, "0000000000000001", 3, outcome.due, 3000)
    record_review(collection, study, "0000000000000002", 3, T0 - timedelta(hours=1), 3000)
    record_review(collection, study, "0000000000000003", 4, T0 - timedelta(days=1), 3000)
    collection.set_suspended(["0000000000000004"], True)
    yield collection, document
    collection.close()


def open_stats(qtbot, collection, document_id=None) -> StatsDialog:
    dialog = StatsDialog(collection, None, clock=lambda: T0, tz=UTC, document_id=document_id)
    qtbot.addWidget(dialog)
    return dialog


def bar_values(bar_set) -> list[int]:
    return [int(bar_set.at(i)) for i in range(bar_set.count())]


def test_charts_show_the_overview_numbers(qtbot, studied):
    collection, _ = studied
    dialog = open_stats(qtbot, collection)
    expected = overview(collection, T0, days=30, tz=UTC)
    assert bar_values(dialog.review_set) == [d.count for d in expected.per_day]
    assert sum(bar_values(dialog.review_set)) == 4
    assert bar_values(dialog.review_set)[-2:] == [1, 1]  # yesterday card 3, today card 2
    assert bar_values(dialog.forecast_set) == [d.count for d in expected.forecast]
    assert bar_values(dialog.forecast_set)[0] == 1  # card 2, due in 10 minutes
    slices = {piece.label(): piece.value() for piece in dialog.state_series.slices()}
    assert slices == {"Learning 1": 1, "Review 2": 2, "Suspended 1": 1}  # empty states get no slice
    assert "100.0 %" in dialog.retention_label.text()  # card 1's one review as a Review card passed
    assert "1 of 1" in dialog.retention_label.text()
    assert dialog.reviews_view.chart().title() == "Reviews per day, last 30 days: 4"


def test_without_reviews_retention_says_why_there_is_no_figure(qtbot, tmp_path):
    collection, _ = make_collection(tmp_path)
    dialog = open_stats(qtbot, collection)
    text = dialog.retention_label.text()
    assert "No figure yet" in text and "come up for review again" in text
    assert "–" not in text and "0.0 %" not in text
    assert sum(bar_values(dialog.review_set)) == 0
    assert [p.label() for p in dialog.state_series.slices()] == ["New 4"]
    collection.close()


def test_scope_box_switches_to_one_document(qtbot, studied):
    collection, document = studied
    dialog = open_stats(qtbot, collection)
    assert dialog.scope_box.itemText(1) == "大模型讲座"
    dialog.scope_box.setCurrentIndex(1)
    assert dialog.document_id == document.id
    assert dialog.overview == overview(collection, T0, document.id, 30, UTC)


def test_the_dialog_renders_real_bars(qtbot, studied, tmp_path):
    collection, _ = studied
    dialog = open_stats(qtbot, collection)
    dialog.show()
    qtbot.waitExposed(dialog)
    path = tmp_path / "stats.png"
    assert dialog.grab().save(str(path))
    image = QImage(str(path))
    assert image.width() > 600 and image.height() > 400
    assert contains_colour(image, QColor(REVIEWS_COLOUR)) and contains_colour(image, QColor(FORECAST_COLOUR))


def contains_colour(image: QImage, colour: QColor) -> bool:
    target = colour.rgb()
    return any(image.pixel(x, y) == target for y in range(0, image.height(), 2) for x in range(image.width()))


def test_mastery_on_each_section_and_the_delegate_draws_a_bar(qtbot, studied):
    collection, document = studied
    model = OutlineModel()
    model.set_document(collection.document(document.id))
    mastery = section_mastery(collection, document.id, T0, Study())
    model.set_mastery(mastery)
    first, sub, second = (model.index_for_section(s.id) for s in document.walk())
    assert first.data(MASTERY_ROLE) == mastery[first.data(SECTION_ID_ROLE)]
    assert 0.9 < sub.data(MASTERY_ROLE).value < 1  # learned recently
    assert (first.data(MASTERY_ROLE).cards, first.data(MASTERY_ROLE).learned) == (3, 2)  # one still learning
    assert second.data(MASTERY_ROLE) is None  # its only card is suspended
    view = QTreeView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.setItemDelegate(MasteryDelegate(view))
    view.expandAll()
    view.resize(360, 200)
    view.show()
    qtbot.waitExposed(view)
    image = view.viewport().grab().toImage()
    assert contains_colour(image, mastery_colour(sub.data(MASTERY_ROLE).value))
    model.set_mastery({})
    assert sub.data(MASTERY_ROLE) is None


def test_todays_bar_has_room_after_it(qtbot, studied):
    collection, _ = studied
    dialog = open_stats(qtbot, collection)
    axis = dialog.reviews_view.chart().axes(Qt.Orientation.Horizontal)[0]
    assert axis.max() - (len(dialog.overview.per_day) - 1) >= 1  # today's bar is not the plot's edge
    collection.close()
