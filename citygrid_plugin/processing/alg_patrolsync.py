"""citygrid:patrolsync — bring supervisors' patrol packages (城管通 on QField) back into the store:
reports become cases, verdicts become the supervisor's workflow actions, tracks are stored, and
each package gets his current tasks (:func:`citygrid_plugin.store.patrol.sync`). One package
folder, or a folder holding the day's packages (one sub-folder each)."""
from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsMapLayer,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterFile,
    QgsProject,
)

from ..core.i18n import tr
from ..core.patrolformat import GPKG
from ..store import patrol
from .base import CityGridAlgorithm

COUNTS = ("REPORTS_FILED", "REPORTS_KNOWN", "PHOTOS_ADDED", "VERDICTS_APPLIED", "VERDICTS_SKIPPED", "CONFLICTS",
          "TRACKS_STORED", "POINTS_DROPPED", "PROBLEMS", "PACKAGES", "REFUSED")


def package_folders(text: str) -> list[Path]:
    """The package folders of the INPUT parameter: a package folder (holding patrol.gpkg), or a
    folder whose sub-folders are packages; several separated by ';'."""
    out: list[Path] = []
    for part in (p.strip() for p in (text or "").split(";")):
        if not part:
            continue
        folder = Path(part)
        if (folder / GPKG).exists() or not folder.is_dir():
            out.append(folder)
            continue
        found = sorted(sub for sub in folder.iterdir() if sub.is_dir() and (sub / GPKG).exists())
        out += found or [folder]     # none: the sync says it is not a package
    return list(dict.fromkeys(out))


class PatrolSyncAlgorithm(CityGridAlgorithm):
    _id = "patrolsync"
    _group_id = "cases"

    def displayName(self) -> str:  # noqa: N802
        return tr("Sync patrol packages (城管通)")

    def flags(self):
        return super().flags() | QgsProcessingAlgorithm.FlagNoThreading

    def shortHelpString(self) -> str:  # noqa: N802
        return tr(
            "Brings supervisors' patrol packages back from QField into the store. Give one package folder, or a "
            "folder holding several (one sub-folder each). New reports become cases (source 监督员上报) with their "
            "photos, observed time and position accuracy; verdicts on verify and check tasks become the "
            "supervisor's actions (核实, 作废, 核查通过, 返工) with the note and the photo; tracks are cleaned (a bad "
            "fix dropped, a track split where the time goes back or it jumps) and stored. The sync acts as the "
            "package's supervisor, so the audit shows him: connect with his login (the store owner may sync for "
            "him). Each item goes into the store on its own: a refused report, photo or verdict is listed and "
            "stays in the package for the next sync, the rest arrives. A verdict on a case someone else moved "
            "on is a conflict: listed with who did what when and kept in the package's table "
            "_citygrid_conflicts. Running it again adds nothing; a sync interrupted before the package was "
            "written is completed by the next. Afterwards the package's task layer holds his current tasks (a "
            "verdict not yet taken is left as he recorded it). A package of another store, of another "
            "supervisor or not registered is refused.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_store_parameters()
        self.addParameter(QgsProcessingParameterFile(
            self.INPUT, tr("Patrol package folder (or a folder of packages)"),
            behavior=QgsProcessingParameterFile.Folder))
        for key, label in (("REPORTS_FILED", tr("Reports filed as cases")),
                           ("REPORTS_KNOWN", tr("Reports already in the store")),
                           ("PHOTOS_ADDED", tr("Report photos added")),
                           ("VERDICTS_APPLIED", tr("Verdicts taken")),
                           ("VERDICTS_SKIPPED", tr("Verdicts taken before")),
                           ("CONFLICTS", tr("Conflicts (verdicts on cases that moved on)")),
                           ("TRACKS_STORED", tr("Track parts stored")),
                           ("POINTS_DROPPED", tr("Track points dropped")),
                           ("PROBLEMS", tr("Problems (what did not arrive whole, each said in the log)")),
                           ("PACKAGES", tr("Packages synced")),
                           ("REFUSED", tr("Packages refused"))):
            self.addOutput(QgsProcessingOutputNumber(key, label))
        self.addOutput(QgsProcessingOutputString("LOG", tr("Sync log")))
        self.addOutput(QgsProcessingOutputString("SUMMARY", tr("Summary")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        folders = package_folders(self.parameterAsFile(parameters, self.INPUT, context))
        if not folders:
            raise QgsProcessingException(tr("no patrol package folder given"))
        open_layers = {folder: _package_layers(folder / GPKG, context) for folder in folders}
        dirty = [layer.name() for layers in open_layers.values() for layer in layers
                 if layer.isEditable() and layer.isModified()]
        if dirty:
            raise QgsProcessingException(tr("save or discard the edits of {layers} before the sync").format(
                layers=", ".join(dirty)))
        totals = dict.fromkeys(COUNTS, 0)
        log: list[str] = []
        with self.store_session(parameters, context, feedback) as store:
            for i, folder in enumerate(folders):
                if feedback.isCanceled():
                    break
                feedback.setProgress(100.0 * i / len(folders))
                try:
                    report = patrol.sync(store.conn, folder)
                except patrol.PatrolError as exc:
                    if len(folders) == 1:
                        raise QgsProcessingException(str(exc)) from exc
                    totals["REFUSED"] += 1
                    line = tr("package {folder} refused: {error}").format(folder=folder, error=exc)
                    feedback.reportError(line, False)
                    log.append(line)
                    continue
                for layer in open_layers[folder]:
                    layer.dataProvider().reloadData()
                    layer.triggerRepaint()
                lines = report.lines()
                warned = {tr("conflict: {text}").format(text=c.text()) for c in report.conflicts} | \
                    {tr("problem: {text}").format(text=p.text()) for p in report.problems}
                for line in lines:
                    (feedback.pushWarning if line in warned else feedback.pushInfo)(line)
                log += lines
                for key, value in (("REPORTS_FILED", report.reports_filed), ("REPORTS_KNOWN", report.reports_known),
                                   ("PHOTOS_ADDED", report.photos_added),
                                   ("VERDICTS_APPLIED", report.verdicts_applied),
                                   ("VERDICTS_SKIPPED", report.verdicts_skipped),
                                   ("CONFLICTS", len(report.conflicts)), ("TRACKS_STORED", report.tracks_stored),
                                   ("POINTS_DROPPED", report.points_dropped), ("PROBLEMS", len(report.problems)),
                                   ("PACKAGES", 1)):
                    totals[key] += value
        summary = tr("{packages} packages synced ({refused} refused): {filed} reports filed ({known} already in the "
                     "store), {applied} verdicts taken ({skipped} before), {conflicts} conflicts, {tracks} track parts "
                     "stored, {problems} problems").format(
            packages=totals["PACKAGES"], refused=totals["REFUSED"], filed=totals["REPORTS_FILED"],
            known=totals["REPORTS_KNOWN"], applied=totals["VERDICTS_APPLIED"], skipped=totals["VERDICTS_SKIPPED"],
            conflicts=totals["CONFLICTS"], tracks=totals["TRACKS_STORED"], problems=totals["PROBLEMS"])
        if len(folders) > 1:
            feedback.pushInfo(summary)
            log.append(summary)
        return {**totals, "LOG": "\n".join(log), "SUMMARY": summary}


def _package_layers(gpkg: Path, context) -> list:
    """Layers of the current project (and the context's) reading from the package's GeoPackage:
    unsaved edits there must be saved first, and they are reloaded after the sync."""
    try:
        target = str(gpkg.resolve())
    except OSError:
        return []
    found = []
    projects = [QgsProject.instance()]
    if context.project() is not None and context.project() is not QgsProject.instance():
        projects.append(context.project())
    for project in projects:
        for layer in project.mapLayers().values():
            if layer.type() != QgsMapLayer.VectorLayer or layer.providerType() != "ogr":
                continue
            try:
                if str(Path(layer.source().split("|", 1)[0]).resolve()) == target:
                    found.append(layer)
            except OSError:
                continue
    return found
