"""The side-by-side view: draft pane, link gutter, adopted pane and overview bar, scrolled together.

Fed by ``set_comparison``; tells the outside about the current change with ``currentPairChanged`` and
about dropped files with ``fileDropped``. Knows nothing of menus, settings or files.

F8 steps through the changes of the body; front and back matter (the header block, the title and
meeting lines, the footer, page headers and footers) is stepped through only with
``set_include_matter(True)``. With "changed paragraphs only", a marker row stands where unchanged
paragraphs are hidden, in both panes, worded by ``gap_caption(n, span)``.

The panes lay their rows out only when shown (widgets.diff_pane): before the view places a pane on a
row (next change, a click in the overview bar) it has the pane lay out the rows around it
(``prepare_row``), and the overview bar's marks follow the panes' row geometry as it is measured.
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QSizePolicy, QWidget

from app.core.marks import is_matter, paragraph_position
from app.core.model import Comparison, Document, PairKind
from widgets.diff_pane import DiffPane, GapRow, is_gap
from widgets.link_gutter import LinkGutter
from widgets.overview_bar import OverviewBar
from widgets.palette import DEFAULT, DiffPalette
from widgets.rows import Row, build_rows, next_index
from widgets.scroll_sync import ScrollSync

DRAFT, ADOPTED = 0, 1
FILES_TOGETHER = 3      # files dropped at once on a pane from this many: sent whole (filesDropped)
# Front and back matter: what the officer reviews apart from the body (issue #16).
def row_position(comparison: Comparison, row: Row) -> str:
    """A row's place, as ``pair_position`` says it for the paragraphs the row shows."""
    if row.adopted:
        return paragraph_position(comparison.adopted, row.adopted[0])
    return paragraph_position(comparison.draft, row.draft[0]) if row.draft else ""


def english_gap_caption(n: int, span: str) -> str:
    """The marker's words when the window gives none (app.core.messages words it in the window)."""
    return f"\u22ef {n} unchanged paragraph{'' if n == 1 else 's'} ({span})"


def with_gaps(comparison: Comparison, rows: list[Row], caption: Callable[[int, str], str]) -> list[Row]:
    """The changed rows, with a GapRow where a run of unchanged rows is left out."""
    out: list[Row] = []
    hidden: list[Row] = []

    def close_gap() -> None:
        if hidden:
            first, last = row_position(comparison, hidden[0]), row_position(comparison, hidden[-1])
            span = first if len(hidden) == 1 or first == last else f"{first}\u2013{last}"
            out.append(GapRow(-1, PairKind.EQUAL, (), (), hidden=len(hidden), caption=caption(len(hidden), span),
                              pairs=tuple(r.pair for r in hidden)))
            hidden.clear()

    for row in rows:
        if row.is_change:
            close_gap()
            out.append(row)
        else:
            hidden.append(row)
    close_gap()
    return out


class CompareView(QWidget):
    currentPairChanged = Signal(int)   # pair index of the current change (-1: none)
    fileDropped = Signal(str, str)     # side ("a" draft / "b" adopted), path
    filesDropped = Signal(list)        # FILES_TOGETHER or more files dropped at once on a pane: their paths

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.draft_pane = DiffPane("a")
        self.adopted_pane = DiffPane("b")
        self.panes = (self.draft_pane, self.adopted_pane)
        self.draft_header = QLabel(self.tr("Draft"))
        self.adopted_header = QLabel(self.tr("Adopted text"))
        for header in (self.draft_header, self.adopted_header):
            header.setTextFormat(Qt.TextFormat.PlainText)
            header.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            header.setContentsMargins(4, 2, 4, 2)
        self.gutter = LinkGutter(self.draft_pane, self.adopted_pane)
        self.overview = OverviewBar()
        self.sync = ScrollSync(self.panes, self)
        # Screen readers name each part of the view.
        for widget, name, description in (
            (self.draft_pane, self.tr("Draft text"), self.tr("The draft, deleted words struck through")),
            (self.adopted_pane, self.tr("Adopted text"), self.tr("The adopted text, inserted words underlined")),
            (self.gutter, self.tr("Links between aligned paragraphs"), ""),
            (self.overview, self.tr("Overview of changes"), self.tr("Click to jump to a change")),
        ):
            widget.setAccessibleName(name)
            widget.setAccessibleDescription(description)

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(0)
        grid.setVerticalSpacing(2)
        grid.addWidget(self.draft_header, 0, 0)
        grid.addWidget(self.adopted_header, 0, 2, 1, 2)
        grid.addWidget(self.draft_pane, 1, 0)
        grid.addWidget(self.gutter, 1, 1)
        grid.addWidget(self.adopted_pane, 1, 2)
        grid.addWidget(self.overview, 1, 3)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(2, 1)

        self.comparison: Comparison | None = None
        self.rows: list[Row] = []
        self.palette_colors: DiffPalette = DEFAULT
        self.gap_caption: Callable[[int, str], str] = english_gap_caption
        self.version_names: tuple[str, str] = ("", "")   # a trail's versions shown: named in the headers
        self.include_matter = False
        self._changes: list[int] = []
        self._steps: list[int] = []     # the rows F8 visits: the changes, without the matter unless included
        self._rows_of_pair: dict[int, list[int]] = {}
        self._gap_of_pair: dict[int, int] = {}
        self._current_row = -1
        self._jumping = False
        self._master = ADOPTED
        self._relayout = QTimer(self, singleShot=True, interval=40)  # coalesce resize steps
        self._relayout.timeout.connect(self._after_geometry_change)

        self.sync.synced.connect(self._on_user_scroll)
        self.overview.jumpRequested.connect(self.jump_to_fraction)
        for pane in self.panes:
            pane.geometryChanged.connect(self._relayout.start)
            pane.verticalScrollBar().valueChanged.connect(self._update_overview_view)
        self.draft_pane.fileDropped.connect(lambda path: self.fileDropped.emit("a", path))
        self.adopted_pane.fileDropped.connect(lambda path: self.fileDropped.emit("b", path))
        for pane in self.panes:                  # several files at once are not one side: see eventFilter
            pane.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """FILES_TOGETHER or more files dropped at once on a pane are sent whole (``filesDropped``: the
        versions of a trail), not as that pane's side."""
        if event.type() in (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop) and \
                any(watched is pane.viewport() for pane in self.panes):
            mime = event.mimeData()
            has_urls = mime is not None and mime.hasUrls()
            urls = [u.toLocalFile() for u in mime.urls() if u.isLocalFile()] if has_urls else []
            if len(urls) >= FILES_TOGETHER:
                event.acceptProposedAction()
                if event.type() == QEvent.Type.Drop:
                    self.filesDropped.emit(urls)
                return True
        return super().eventFilter(watched, event)

    # -- content ---------------------------------------------------------------------------------

    def set_comparison(self, comparison: Comparison | None, palette: DiffPalette = DEFAULT,
                       changed_only: bool = False) -> None:
        self.comparison = comparison
        self.palette_colors = palette
        rows = build_rows(comparison) if comparison is not None else []
        self.rows = with_gaps(comparison, rows, self.gap_caption) if changed_only and comparison else rows
        self._changes = [n for n, r in enumerate(self.rows) if r.is_change]
        self._update_steps()
        self._rows_of_pair = {}
        self._gap_of_pair = {}
        for n, row in enumerate(self.rows):
            if is_gap(row):
                self._gap_of_pair.update((pair, n) for pair in row.pairs)
            else:
                self._rows_of_pair.setdefault(row.pair, []).append(n)
        self._current_row = -1
        for pane in self.panes:
            pane.set_rows(comparison, self.rows, palette)
        self.gutter.set_rows(self.rows, palette)
        self.gutter.set_current_pair(-1)
        if comparison is not None:
            self.set_headers(comparison.draft, comparison.adopted)
        self._after_geometry_change()

    def set_include_matter(self, on: bool) -> None:
        """Whether F8 also stops on changes of the header block, title, meeting lines and footer."""
        self.include_matter = bool(on)
        self._update_steps()

    def _update_steps(self) -> None:
        c = self.comparison
        self._steps = [n for n in self._changes if self.include_matter or c is None
                       or not is_matter(c, c.pairs[self.rows[n].pair])]

    def step_rows(self) -> list[int]:
        """The rows F8 and Shift+F8 visit, in order."""
        return list(self._steps)

    def set_marks(self, notes: set[int], checked: set[int]) -> None:
        """Pairs with a reviewer's note, pairs marked checked: marked in the margin of both panes."""
        for pane in self.panes:
            pane.set_marks(notes, checked)

    def set_version_names(self, draft: str = "", adopted: str = "") -> None:
        """The names of the two versions of a trail the panes show (said in the headers before the
        files' names); empty names: an ordinary pair."""
        self.version_names = (draft, adopted)

    def set_headers(self, draft: Document | str | None, adopted: Document | str | None) -> None:
        self.draft_header.setText(_header(self.tr("Draft"), draft, self.version_names[0]))
        self.adopted_header.setText(_header(self.tr("Adopted"), adopted, self.version_names[1]))
        for label, doc in ((self.draft_header, draft), (self.adopted_header, adopted)):
            label.setToolTip(doc.path if isinstance(doc, Document) else (doc or ""))

    def change_rows(self) -> list[int]:
        return list(self._changes)

    def rows_of_pair(self, pair: int) -> list[int]:
        return list(self._rows_of_pair.get(pair, []))

    # -- current change and navigation -----------------------------------------------------------

    @property
    def current_row(self) -> int:
        return self._current_row

    @property
    def current_pair(self) -> int:
        return self.rows[self._current_row].pair if 0 <= self._current_row < len(self.rows) else -1

    def _set_current_row(self, row: int) -> None:
        if row == self._current_row:
            return
        self._current_row = row
        for pane in self.panes:
            pane.set_current_row(row)
        pair = self.current_pair
        self.gutter.set_current_pair(pair)
        self.currentPairChanged.emit(pair)

    def go_to_row(self, row: int) -> None:
        """Bring a row to the anchor of both panes and make it current."""
        if not 0 <= row < len(self.rows):
            return
        master = ADOPTED if self.rows[row].adopted or not self.rows[row].draft else DRAFT
        pane = self.panes[master]
        pane.prepare_row(row)          # laid out before it is placed: painting will not move it
        top, bottom = pane.row_span(row)
        page = pane.viewport().height()
        y = top + (bottom - top) / 2 if bottom - top < page * 0.8 else top + page * 0.4
        self._jumping = True
        try:
            self._master = master
            self.sync.scroll_to_y(master, y)
        finally:
            self._jumping = False
        self._set_current_row(row)

    def go_to_pair(self, pair: int) -> bool:
        """Bring a pair to the anchor (a pair hidden by "changed paragraphs only": the marker hiding it)."""
        rows = self._rows_of_pair.get(pair)
        if not rows and pair in self._gap_of_pair:
            self.go_to_row(self._gap_of_pair[pair])
            return True
        if not rows:
            return False
        # A moved pair has two rows; its place is where it stands in the adopted text.
        self.go_to_row(next((r for r in rows if self.rows[r].adopted), rows[0]))
        return True

    def step(self, forward: bool = True) -> bool:
        """Go to the next (previous) change; False when there is none that way."""
        if not self._steps:
            return False
        master_pane = self.panes[self._master]
        if self._current_row >= 0 and self._current_row in master_pane.visible_rows():
            target = next_index(self._steps, self._current_row, forward, inclusive=False)
        else:  # the user scrolled away from the current change: start from what is on screen
            target = next_index(self._steps, self.sync.anchor(self._master)[0], forward, inclusive=True)
        if target is None:
            return False
        self.go_to_row(target)
        return True

    def jump_to_fraction(self, fraction: float) -> None:
        pane = self.panes[ADOPTED]
        if not pane.row_count():
            return
        self._master = ADOPTED
        pane.prepare_row(pane.row_at(fraction * pane.row_tops()[-1]))
        self.sync.scroll_to_y(ADOPTED, fraction * pane.row_tops()[-1])

    def _on_user_scroll(self, index: int) -> None:
        if self._jumping:
            return
        self._master = index
        row = self.sync.anchor(index)[0]
        if 0 <= row < len(self.rows) and self.rows[row].is_change:
            self._set_current_row(row)

    # -- geometry ---------------------------------------------------------------------------------

    def set_point_size(self, size: float) -> None:
        """Text size of both panes; the current change, when on screen, stays on screen."""
        row = self._current_row
        keep = 0 <= row < len(self.rows) and row in self.panes[self._master].visible_rows()
        for pane in self.panes:
            pane.set_point_size(size)
        if keep:
            self.go_to_row(row)

    def _after_geometry_change(self) -> None:
        """Rows moved (content, width, zoom): keep the panes aligned and redraw the overview."""
        pane = self.panes[ADOPTED]
        if pane.row_count():
            self.sync.follow(self._master)
            tops = pane.row_tops()
            height = max(tops[-1], float(pane.viewport().height()), 1.0)  # a short text fills part of the bar
            colors = {kind: self.palette_colors.link_color(kind) for kind in PairKind}
            rows = self.rows
            self.overview.set_marks([(tops[r] / height, tops[r + 1] / height, colors[rows[r].kind])
                                     for r in self._changes])
        else:
            self.overview.set_marks([])
        self._update_overview_view()
        self.gutter.update()

    def _update_overview_view(self, *_args) -> None:
        pane = self.panes[ADOPTED]
        bar = pane.verticalScrollBar()
        total = bar.maximum() + bar.pageStep()
        if total <= 0 or not pane.row_count():
            self.overview.set_view(0.0, 1.0)
            return
        self.overview.set_view(bar.value() / total, min(1.0, (bar.value() + bar.pageStep()) / total))


def _header(title: str, doc: Document | str | None, version: str = "") -> str:
    """A pane's head, "Draft: rev.1 (L.12.docx) · fr · resolution 61/37", worded through the catalogue
    (French puts a space before the colon)."""
    def head(name: str) -> str:
        return QCoreApplication.translate("CompareView", "{title}: {name}").format(title=title, name=name)
    if doc is None or doc == "":
        return head(QCoreApplication.translate("CompareView", "(none)"))
    if isinstance(doc, Document):
        language = f" · {doc.language}" if doc.language and doc.language != "und" else ""
        number = (" · " + QCoreApplication.translate("CompareView", "resolution {number}").format(
            number=doc.resolution_number)) if doc.resolution_number else ""
        name = f"{version} ({doc.name})" if version and version != doc.name else doc.name
        return head(f"{name}{language}{number}")
    return head(str(doc).replace(chr(92), '/').rsplit('/', 1)[-1])