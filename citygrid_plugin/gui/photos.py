"""Photos of a case (照片) on screen: thumbnails by stage in the case detail, the full photo in a
window that fits the screen, and the photo files a person attaches to an action (处置完成, 核实, 核查).

The photos live in the store (store.photos); this module only shows them. Thumbnails are scaled
while decoding (QImageReader.setScaledSize: a 3 MB JPEG is not decoded at full size for a 64 px
icon) and loaded lazily, one per turn of the event loop, so selecting a case stays immediate; the
full photo is read only when a person clicks its thumbnail.
"""
from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable

from qgis.PyQt.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt, QTimer, pyqtSignal
from qgis.PyQt.QtGui import QGuiApplication, QIcon, QImage, QImageReader, QPixmap
from qgis.PyQt.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..core.i18n import tr
from ..store import photos as store_photos

THUMB = 64          # thumbnail edge in the case detail (px)
PICK_THUMB = 72     # thumbnail edge of a photo being attached
CACHE_SIZE = 60     # thumbnails kept across selections (a few cases' worth)
PHOTO_ID_ROLE = Qt.UserRole


def stage_label(stage: str) -> str:
    """The stage of a photo as a person names it."""
    return {"report": tr("At report"), "verify": tr("Verification"), "handle": tr("After handling"),
            "check": tr("Check")}.get(stage, stage)


def decode(content: bytes, edge: int | None = None) -> QImage:
    """The image in *content* (JPEG or PNG), turned upright by its EXIF orientation, scaled while
    decoding so that its longer side is at most *edge* (None: full size). A null QImage when the
    bytes are not an image Qt can read."""
    data = QByteArray(bytes(content))
    buffer = QBuffer(data)
    buffer.open(QIODevice.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)
    if edge is not None:
        size = reader.size()
        if size.isValid() and max(size.width(), size.height()) > edge:
            reader.setScaledSize(size.scaled(edge, edge, Qt.KeepAspectRatio))
    image = reader.read()
    buffer.close()
    if edge is not None and not image.isNull() and max(image.width(), image.height()) > edge:
        image = image.scaled(edge, edge, Qt.KeepAspectRatio, Qt.SmoothTransformation)  # rotated after scaling
    return image


def photo_caption(info) -> str:
    """Stage, time and who of a stored photo (PhotoInfo), for a tooltip or the viewer's title."""
    parts = [stage_label(info.stage)]
    if info.name:
        parts.append(info.name)
    if info.taken_at is not None:
        parts.append(tr("taken {at}").format(at=f"{info.taken_at:%Y-%m-%d %H:%M}"))
    if info.uploaded_at is not None:
        parts.append(tr("uploaded {at} by {who}").format(at=f"{info.uploaded_at:%Y-%m-%d %H:%M}",
                                                        who=info.uploaded_by or ""))
    if info.lon is not None and info.lat is not None:
        parts.append(f"{info.lon:.5f}, {info.lat:.5f}")
    return " · ".join(parts)


class PhotoViewer(QDialog):
    """One photo, as large as the screen allows (never larger than the photo itself), with what
    is known of it underneath."""

    def __init__(self, image: QImage, caption: str, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("CityGridPhotoViewer")
        self.setWindowTitle(tr("Photo"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        screen = (parent.screen() if parent is not None and hasattr(parent, "screen") else None) \
            or QGuiApplication.primaryScreen()
        room = screen.availableGeometry().size() if screen is not None else QSize(1280, 800)
        # the photo fits the screen with room for the caption, the buttons and the window frame
        fit = QSize(max(200, room.width() - 60), max(150, room.height() - 140))
        pixmap = QPixmap.fromImage(image)
        if pixmap.width() > fit.width() or pixmap.height() > fit.height():
            pixmap = pixmap.scaled(fit, Qt.KeepAspectRatio, Qt.SmoothTransformation)
        self.image = QLabel()
        self.image.setObjectName("photo")
        self.image.setAlignment(Qt.AlignCenter)
        self.image.setPixmap(pixmap)
        layout.addWidget(self.image, 1)
        self.caption = QLabel(caption)
        self.caption.setTextFormat(Qt.PlainText)   # a file name is a person's text
        self.caption.setWordWrap(True)
        layout.addWidget(self.caption)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.button(QDialogButtonBox.Close).setText(tr("Close the photo"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class PhotoStrip(QWidget):
    """A case's photos as thumbnails, grouped by stage (上报 / 核实 / 处置 / 核查), in one row that
    scrolls sideways. *content(photo_id)* reads a photo's bytes (store.photos.photo_content);
    *failed(exc)* reports a failed read. A click on a thumbnail opens the full photo."""

    def __init__(self, content: Callable[[int], bytes], failed: Callable[[Exception], None], parent=None) -> None:
        super().__init__(parent)
        self.content = content
        self.failed = failed
        self.cache: OrderedDict[int, QPixmap] = OrderedDict()
        self.buttons: dict[int, QToolButton] = {}
        self.infos: dict[int, object] = {}
        self._pending: list[int] = []
        self.loader = QTimer(self)
        self.loader.setSingleShot(True)
        self.loader.setInterval(0)
        self.loader.timeout.connect(self._load_next)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.NoFrame)
        self.scroll.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.inner = QWidget()
        self.row = QHBoxLayout(self.inner)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.setSpacing(4)
        self.scroll.setWidget(self.inner)
        outer.addWidget(self.scroll, 1)
        label_height = self.fontMetrics().height()
        self.setFixedHeight(THUMB + 10 + label_height + self.scroll.horizontalScrollBar().sizeHint().height())

    def show_photos(self, infos: list) -> None:
        """Show the thumbnails of *infos* (PhotoInfo, by stage then time); contents load lazily."""
        self.loader.stop()
        while self.row.count():
            item = self.row.takeAt(0)
            if item.widget() is not None:
                item.widget().hide()
                item.widget().deleteLater()
        self.buttons, self.infos, self._pending = {}, {}, []
        if not infos:
            empty = QLabel(tr("No photos"))
            empty.setStyleSheet("color: #666666")
            self.row.addWidget(empty)
            self.row.addStretch(1)
            return
        stage = None
        for info in infos:
            if info.stage != stage:
                stage = info.stage
                count = sum(1 for i in infos if i.stage == stage)
                title = QLabel(f"{stage_label(stage)}\n({count})")
                title.setObjectName(f"stage_{stage}")
                title.setAlignment(Qt.AlignCenter)
                title.setStyleSheet("color: #444444; padding-left: 4px")
                self.row.addWidget(title)
            button = QToolButton()
            button.setObjectName(f"photo_{info.id}")
            button.setProperty("citygrid_stage", info.stage)
            button.setIconSize(QSize(THUMB, THUMB))
            button.setFixedSize(THUMB + 6, THUMB + 6)
            button.setToolTip(photo_caption(info))
            button.setAutoRaise(True)
            button.clicked.connect(lambda _c=False, i=info: self.open_photo(i))
            self.row.addWidget(button)
            self.buttons[info.id] = button
            self.infos[info.id] = info
            if info.id in self.cache:
                self.cache.move_to_end(info.id)
                button.setIcon(QIcon(self.cache[info.id]))
            else:
                button.setText("…")
                self._pending.append(info.id)
        self.row.addStretch(1)
        if self._pending:
            self.loader.start()

    def loaded(self) -> bool:
        """Every thumbnail shown has its image (or its failure mark)."""
        return not self._pending

    def _load_next(self) -> None:
        if not self._pending:
            return
        photo_id = self._pending.pop(0)
        button = self.buttons.get(photo_id)
        try:
            image = decode(self.content(photo_id), THUMB)
        except Exception as exc:  # noqa: BLE001 - a store failure is reported, the strip goes on
            self._pending.clear()
            self.failed(exc)
            return
        if button is not None:
            if image.isNull():
                button.setText("?")
            else:
                pixmap = QPixmap.fromImage(image)
                self.cache[photo_id] = pixmap
                while len(self.cache) > CACHE_SIZE:
                    self.cache.popitem(last=False)
                button.setText("")
                button.setIcon(QIcon(pixmap))
        if self._pending:
            self.loader.start()

    def open_photo(self, info) -> None:
        """The full photo in a window that fits the screen."""
        try:
            image = decode(self.content(info.id))
        except Exception as exc:  # noqa: BLE001
            self.failed(exc)
            return
        PhotoViewer(image, photo_caption(info), self.window()).exec()


class PhotoPicker(QWidget):
    """The photo files a person attaches to an action: 添加照片… opens a file chooser; every file
    is checked on the spot (store.photos.read_photo: JPEG or PNG by content, size); a refused file
    is named with the reason in red and not added. ``photos`` holds the Photo objects to send;
    ``changed`` tells the dialog to check again what is missing."""

    changed = pyqtSignal()

    def __init__(self, stage: str, required: bool, parent=None) -> None:
        super().__init__(parent)
        self.stage = stage
        self.required = required
        self.photos: list = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget()
        self.list.setObjectName("photo_list")
        self.list.setViewMode(QListWidget.IconMode)
        self.list.setIconSize(QSize(PICK_THUMB, PICK_THUMB))
        self.list.setFlow(QListWidget.LeftToRight)
        self.list.setWrapping(False)
        self.list.setMovement(QListWidget.Static)
        self.list.setFixedHeight(PICK_THUMB + 2 * self.fontMetrics().height() + 16)
        self.list.setSelectionMode(QListWidget.ExtendedSelection)
        layout.addWidget(self.list)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(tr("Add photos…"))
        self.add_button.setObjectName("add_photos")
        self.add_button.clicked.connect(self.choose)
        self.remove_button = QPushButton(tr("Remove"))
        self.remove_button.clicked.connect(self.remove_selected)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.error = QLabel()
        self.error.setObjectName("photo_error")
        self.error.setTextFormat(Qt.PlainText)   # names a file: a person's text
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #a3161b")
        self.error.hide()
        layout.addWidget(self.error)

    def choose(self) -> None:
        """The file chooser (JPEG and PNG first; any file may be picked and is then checked)."""
        dialog = QFileDialog(self, tr("Add photos"))
        dialog.setObjectName("photo_chooser")
        dialog.setFileMode(QFileDialog.ExistingFiles)
        dialog.setNameFilters([tr("Photos (*.jpg *.jpeg *.png *.JPG *.JPEG *.PNG)"), tr("All files (*)")])
        if dialog.exec() == QDialog.Accepted:
            self.add_files(dialog.selectedFiles())

    def add_files(self, paths: list[str]) -> None:
        """Check and add *paths*; the refused ones are listed with their reason."""
        errors = []
        for path in paths:
            if len(self.photos) >= store_photos.PHOTO_MAX_COUNT:
                errors.append(tr("At most {n} photos per stage: {name} not added").format(
                    n=store_photos.PHOTO_MAX_COUNT, name=path.rsplit("/", 1)[-1]))
                continue
            try:
                photo = store_photos.read_photo(path)
            except (store_photos.PhotoError, OSError) as exc:
                errors.append(str(exc))
                continue
            self.photos.append(photo)
            item = QListWidgetItem(photo.name or path.rsplit("/", 1)[-1])
            image = decode(photo.content, PICK_THUMB)
            if not image.isNull():
                item.setIcon(QIcon(QPixmap.fromImage(image)))
            item.setToolTip(f"{photo.name} · {len(photo.content) / 1048576:.1f} MB")
            self.list.addItem(item)
        self.error.setText("\n".join(errors))
        self.error.setVisible(bool(errors))
        self.changed.emit()

    def remove_selected(self) -> None:
        for row in sorted((self.list.row(i) for i in self.list.selectedItems()), reverse=True):
            self.list.takeItem(row)
            del self.photos[row]
        self.changed.emit()
