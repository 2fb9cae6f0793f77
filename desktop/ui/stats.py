"""The statistics dialog: reviews per day, due forecast, true retention and cards by state (Qt Charts)."""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, tzinfo

from PySide6.QtCharts import (QBarSeries, QBarSet, QCategoryAxis, QChart, QChartView, QPieSeries, QValueAxis)
from PySide6.QtCore import QEvent, QMargins, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QGridLayout, QHBoxLayout, QLabel,
                               QVBoxLayout, QWidget)

from desktop.core.collection import Collection, utc_now
from desktop.core.stats import DayCount, Overview, Retention, overview
from desktop.ui.i18n import tr
from desktop.ui.theme import is_dark

DAYS = 30
STATE_COLOURS = {"new": "#3b82f6", "learning": "#e5484d", "review": "#30a46c", "relearning": "#f76b15",
                 "suspended": "#c9a227"}
REVIEWS_COLOUR, FORECAST_COLOUR = "#3b82f6", "#30a46c"
LABEL_EVERY = 5  # days between date labels on the x axis; 30 dates side by side overlap


def state_names() -> dict[str, str]:
    return {"new": tr("New"), "learning": tr("Learning"), "review": tr("Review"), "relearning": tr("Relearning"),
            "suspended": tr("Suspended")}


def percent(retention: Retention) -> str:
    """"92.5 %", or an en dash without reviews."""
    return "–" if retention.rate is None else f"{retention.rate * 100:.1f} %"


class StatsDialog(QDialog):
    """Charts over the whole collection or one document; `overview` holds the numbers they show."""

    def __init__(self, collection: Collection, parent: QWidget | None = None,
                 clock: Callable[[], datetime] = utc_now, tz: tzinfo | None = None,
                 document_id: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statsDialog")
        self.collection, self.clock, self.tz = collection, clock, tz
        self.overview: Overview | None = None
        self._build(document_id)
        self.resize(980, 700)
        self.refresh()

    def _build(self, document_id: str | None) -> None:
        self.scope_box = QComboBox()
        self.scope_box.addItem("", None)
        for row in self.collection.documents():
            self.scope_box.addItem(row["title"], row["id"])
        self.scope_box.setCurrentIndex(max(0, self.scope_box.findData(document_id)))
        self.scope_box.currentIndexChanged.connect(lambda _: self.refresh())
        self.scope_caption = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.scope_caption)
        top.addWidget(self.scope_box, 1)
        self.reviews_view, self.forecast_view, self.state_view = (self._chart_view() for _ in range(3))
        self.retention_label = QLabel()
        self.retention_label.setTextFormat(Qt.TextFormat.RichText)
        self.retention_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.retention_label.setWordWrap(True)
        grid = QGridLayout()
        grid.addWidget(self.reviews_view, 0, 0)
        grid.addWidget(self.forecast_view, 0, 1)
        grid.addWidget(self.state_view, 1, 0)
        grid.addWidget(self.retention_label, 1, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(grid, 1)
        layout.addWidget(buttons)

    def _chart_view(self) -> QChartView:
        view = QChartView()
        view.setRenderHint(QPainter.RenderHint.Antialiasing)
        view.setMinimumSize(360, 260)
        return view

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange and self.overview is not None:
            self.refresh()
        super().changeEvent(event)

    # ----- data --------------------------------------------------------------------------------

    @property
    def document_id(self) -> str | None:
        return self.scope_box.currentData()

    def refresh(self) -> None:
        """Recompute the numbers for the chosen scope and redraw every chart."""
        self.setWindowTitle(tr("Statistics"))
        self.scope_caption.setText(tr("Show:"))
        self.scope_box.setItemText(0, tr("Whole collection"))
        self.overview = overview(self.collection, self.clock(), self.document_id, DAYS, self.tz)
        per_day, forecast = self.overview.per_day, self.overview.forecast
        self.review_set = self._bar_chart(self.reviews_view, per_day, REVIEWS_COLOUR, tr("Reviews"),
                                          tr("Reviews per day, last %1 days: %2"))
        self.forecast_set = self._bar_chart(self.forecast_view, forecast, FORECAST_COLOUR, tr("Due"),
                                            tr("Due in the next %1 days: %2"))
        self.state_series = self._state_chart()
        self._show_retention()

    # ----- charts ------------------------------------------------------------------------------

    def _new_chart(self, title: str) -> QChart:
        chart = QChart()
        chart.setTitle(title)
        chart.setTheme(QChart.ChartTheme.ChartThemeDark if is_dark(self.palette()) else QChart.ChartTheme.ChartThemeLight)
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)  # instant, and renders fully in a grab
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.setFont(self.font())
        title_font = self.font()
        title_font.setBold(True)
        chart.setTitleFont(title_font)
        return chart

    def _bar_chart(self, view: QChartView, days: list[DayCount], colour: str, name: str, title: str) -> QBarSet:
        total = sum(day.count for day in days)
        chart = self._new_chart(title.replace("%1", str(len(days))).replace("%2", str(total)))
        bars = QBarSet(name)
        bars.append([float(day.count) for day in days])
        bars.setColor(QColor(colour))
        bars.setBorderColor(QColor(colour))
        series = QBarSeries()
        series.append(bars)
        series.setBarWidth(0.8)
        chart.addSeries(series)
        chart.legend().hide()
        x_axis, y_axis = _day_axis(days), QValueAxis()
        y_axis.setLabelFormat("%d")
        y_axis.setRange(0, max([day.count for day in days] + [4]))
        y_axis.applyNiceNumbers()
        for axis, side in ((x_axis, Qt.AlignmentFlag.AlignBottom), (y_axis, Qt.AlignmentFlag.AlignLeft)):
            chart.addAxis(axis, side)
            series.attachAxis(axis)
        view.setChart(chart)
        return bars

    def _state_chart(self) -> QPieSeries:
        counts = self.overview.by_state
        chart = self._new_chart(tr("Cards by state: %1").replace("%1", str(sum(counts.values()))))
        series = QPieSeries()
        for key, name in state_names().items():
            if counts[key]:
                piece = series.append(f"{name} {counts[key]}", counts[key])
                piece.setColor(QColor(STATE_COLOURS[key]))
                piece.setLabelVisible(True)
        series.setPieSize(0.6)
        chart.addSeries(series)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
        self.state_view.setChart(chart)
        return series

    def _show_retention(self) -> None:
        recent, total = self.overview.retention, self.overview.retention_all
        if not total.total:  # a lone "–" would say nothing: say why there is no figure yet
            self.retention_label.setText(
                "<h3>" + tr("True retention") + "</h3><p style='font-size: 16pt'>" + tr("No figure yet") + "</p><p>"
                + tr("It appears once cards you have learned come up for review again: the share of those "
                     "reviews you pass.") + "</p>")
            return
        lines = [
            "<h3>" + tr("True retention") + "</h3>",
            f"<p style='font-size: 28pt; font-weight: bold; color: {REVIEWS_COLOUR}'>{percent(recent)}</p>",
            "<p>" + tr("Last %1 days: %2 of %3 reviews of mature-path cards passed.").replace("%1", str(DAYS))
            .replace("%2", str(recent.passed)).replace("%3", str(recent.total)) + "</p>",
            "<p>" + tr("All time: %1 (%2 of %3).").replace("%1", percent(total)).replace("%2", str(total.passed))
            .replace("%3", str(total.total)) + "</p>",
            "<p style='color: gray'>" + tr("Counts reviews of cards in the Review state; "
                                           "Hard, Good and Easy pass, Again fails.") + "</p>",
        ]
        self.retention_label.setText("".join(lines))


def _day_axis(days: list[DayCount]) -> QCategoryAxis:
    """Dates under every fifth bar: a category per day would print 30 overlapping labels."""
    axis = QCategoryAxis()
    axis.setRange(-0.5, len(days) + 0.5)  # a free slot after today's bar, so it and its date are not cut
    axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
    marked = set(range(0, len(days), LABEL_EVERY)) | {len(days) - 1}
    for index in sorted(marked):
        axis.append(f"{days[index].day.month}/{days[index].day.day}", index)
    axis.setGridLineVisible(False)
    return axis
