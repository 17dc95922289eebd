"""How alike two photos must be, and which files a scan looks at."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSlider,
    QSpinBox,
    QWidget,
)

from photodedup.core import presets
from photodedup.core.models import HashSettings
from photodedup.gui.platform.settings import Settings, split_patterns

# The engine's labels are English; these literals let the translation tools find them.
_TRANSLATABLE = (
    QT_TRANSLATE_NOOP("SettingsPanel", "Exact"),
    QT_TRANSLATE_NOOP("SettingsPanel", "Very similar"),
    QT_TRANSLATE_NOOP("SettingsPanel", "Similar"),
    QT_TRANSLATE_NOOP("SettingsPanel", "Loosely similar"),
)
_ALGORITHMS = (
    ("pdq", QT_TRANSLATE_NOOP("SettingsPanel", "PDQ + colour check")),
    ("dhash", "dHash"),
    ("phash", "pHash"),
    ("ahash", "aHash"),
    ("whash", "wHash"),
)


class SettingsPanel(QWidget):
    """Emits ``groupingChanged`` for what a regroup can apply, ``scanSettingsChanged``
    for what only a new scan can (another hash, other files)."""

    groupingChanged = Signal()
    scanSettingsChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._presets = list(presets.PRESETS)

        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setRange(0, len(self._presets) - 1)
        self.slider.setPageStep(1)
        self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.slider.setTickInterval(1)
        self.slider.setToolTip(self.tr("How alike two photos must be to count as duplicates"))
        self.similarity_label = QLabel(self)
        self.similarity_label.setWordWrap(True)
        self.slider.valueChanged.connect(self._similarity_changed)

        self.algorithm = QComboBox(self)
        for key, label in _ALGORITHMS:
            self.algorithm.addItem(self.tr(label), key)
        self.algorithm.setToolTip(
            self.tr(
                "PDQ + colour check finds the most copies and keeps different photos apart;"
                " dHash is the classic, fastest choice"
            )
        )
        self.hash_size = QComboBox(self)
        self.hash_size.addItem(self.tr("64 bits"), 8)
        self.hash_size.addItem(self.tr("256 bits"), 16)
        self._other_size = 8  # the width chosen for the other hashes, shown again after PDQ
        self.hash_size.setToolTip(self.tr("More bits tell apart photos that differ in detail"))
        hash_row = QHBoxLayout()
        hash_row.addWidget(self.algorithm, 1)
        hash_row.addWidget(self.hash_size, 1)

        self.rotations = QCheckBox(self.tr("Also match rotated and mirrored"), self)
        self.crops = QCheckBox(self.tr("Also match cropped copies"), self)
        self.crops.setToolTip(
            self.tr(
                "Copies cut by up to 20% from any sides (PDQ only). The first scan with it"
                " reads every photo again, and grouping takes longer"
            )
        )
        # The engine's ignore_blank, turned round: what the CLI's --include-blank does.
        self.include_blank = QCheckBox(self.tr("Also group near-blank photos"), self)
        self.min_size = QSpinBox(self)
        # In kB of 1000 bytes, as every size the app and the CLI show (core.sizes).
        self.min_size.setRange(0, 1000 * 1000)
        self.min_size.setSingleStep(8)
        self.min_size.setSuffix(self.tr(" kB"))
        self.min_size.setToolTip(self.tr("Skip files smaller than this (icons, thumbnails)"))
        self.excludes = QLineEdit(self)
        self.excludes.setPlaceholderText(self.tr("e.g. *.tmp; @eaDir; .thumbnails"))
        self.excludes.setToolTip(
            self.tr("File or folder name patterns to skip, separated by semicolons")
        )
        self.excludes.setClearButtonEnabled(True)

        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Similarity:"), self.slider)
        form.addRow("", self.similarity_label)
        form.addRow(self.tr("Fingerprint:"), hash_row)
        form.addRow(self.rotations)  # spans both columns: the label is the check box's own
        form.addRow(self.crops)
        form.addRow(self.include_blank)
        form.addRow(self.tr("Minimum size:"), self.min_size)
        form.addRow(self.tr("Exclude:"), self.excludes)

        self.rotations.toggled.connect(self.groupingChanged)
        # A regroup applies it when the last scan computed the crop windows; the
        # window tells the user to scan again when it did not.
        self.crops.toggled.connect(self.groupingChanged)
        self.include_blank.toggled.connect(self.groupingChanged)
        self.algorithm.currentIndexChanged.connect(self._hash_changed)
        self.hash_size.currentIndexChanged.connect(self._hash_changed)
        self.min_size.valueChanged.connect(self.scanSettingsChanged)
        self.excludes.editingFinished.connect(self.scanSettingsChanged)
        self._update_label()

    # -- values -------------------------------------------------------------------------
    def preset(self) -> str:
        return self._presets[self.slider.value()]

    def hash_settings(self) -> HashSettings:
        algorithm = self.algorithm.currentData()
        if algorithm == "pdq":  # PDQ has one width; the size box is off for it
            return HashSettings(algorithm)
        return HashSettings(algorithm, self.hash_size.currentData())

    def distance(self) -> int:
        settings = self.hash_settings()
        return presets.preset_distance(self.preset(), settings.bits, settings.algorithm)

    def min_size_bytes(self) -> int:
        return self.min_size.value() * 1000

    def exclude_patterns(self) -> list[str]:
        return split_patterns(self.excludes.text())

    def load(self, settings: Settings) -> None:
        widgets = (
            self.slider,
            self.algorithm,
            self.hash_size,
            self.rotations,
            self.crops,
            self.include_blank,
            self.min_size,
        )
        for widget in widgets:  # loading is not a change the window should act on
            widget.blockSignals(True)
        preset = settings.preset
        self.slider.setValue(
            self._presets.index(preset if preset in self._presets else presets.DEFAULT_PRESET)
        )
        self.algorithm.setCurrentIndex(max(0, self.algorithm.findData(settings.hash_algorithm)))
        self.hash_size.setEnabled(True)  # so that the stored width counts as the user's choice
        self.hash_size.setCurrentIndex(max(0, self.hash_size.findData(settings.hash_size)))
        self.rotations.setChecked(settings.rotations)
        self.crops.setChecked(settings.crops)
        self.include_blank.setChecked(settings.include_blank)
        self._update_enabled()
        self.min_size.setValue(round(settings.min_size / 1000))
        self.excludes.setText("; ".join(settings.excludes))
        for widget in widgets:
            widget.blockSignals(False)
        self._update_label()

    def save(self, settings: Settings) -> None:
        settings.preset = self.preset()
        settings.hash_algorithm = self.hash_settings().algorithm
        if self.hash_size.isEnabled():
            settings.hash_size = self.hash_settings().hash_size
        settings.rotations = self.rotations.isChecked()
        settings.crops = self.crops.isChecked()
        settings.include_blank = self.include_blank.isChecked()
        settings.min_size = self.min_size_bytes()
        settings.excludes = self.exclude_patterns()

    # -- reactions ----------------------------------------------------------------------
    def _similarity_changed(self) -> None:
        self._update_label()
        self.groupingChanged.emit()

    def crops_on(self) -> bool:
        """Whether cropped copies are asked for and the fingerprint can find them."""
        return self.crops.isChecked() and self.hash_settings().checked

    def _hash_changed(self) -> None:
        self._update_enabled()
        self._update_label()
        self.scanSettingsChanged.emit()

    def _update_enabled(self) -> None:
        checked = self.hash_settings().checked
        # PDQ has one width: the box shows it, and keeps the other hashes' width for later.
        if checked == self.hash_size.isEnabled():  # to or from PDQ
            if checked:
                self._other_size = self.hash_size.currentData()
            with QSignalBlocker(self.hash_size):
                shown = HashSettings("pdq").hash_size if checked else self._other_size
                self.hash_size.setCurrentIndex(self.hash_size.findData(shown))
        self.hash_size.setEnabled(not checked)
        self.crops.setEnabled(checked)
        # The checked fingerprint always compares near-blank photos, by its own rule.
        self.include_blank.setEnabled(not checked)
        if checked:
            tip = self.tr(
                "PDQ + colour check always compares near-blank photos (fog, snow, dark skies),"
                " with each other only and by a stricter rule"
            )
        else:
            tip = self.tr(
                "Near-blank photos (fog, snow, dark skies) carry too little for this"
                " fingerprint: they are left out unless this is on, and may then group with"
                " other near-blank photos"
            )
        self.include_blank.setToolTip(tip)

    def _update_label(self) -> None:
        bits = self.hash_settings().bits
        name = self.tr(presets.PRESETS[self.preset()])
        distance = self.distance()
        if distance == 0:
            text = self.tr("{preset} — fingerprints must match exactly")
        elif self.hash_settings().checked:
            text = self.tr(
                "{preset} — up to {n} of {bits} PDQ bits differ, and tones and colours agree"
            )
        else:
            text = self.tr("{preset} — up to {n} of {bits} bits differ")
        self.similarity_label.setText(text.format(preset=name, n=distance, bits=bits))
