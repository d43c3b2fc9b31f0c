"""The CityGrid Processing provider (id ``citygrid``): every batch operation of the plugin
runs from the toolbox, from Python (``processing.run("citygrid:…")``) and from qgis_process."""
from __future__ import annotations

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from ..core.i18n import tr
from .alg_admin import ALGORITHMS as ADMIN_ALGORITHMS
from .alg_censusprogress import CensusProgressAlgorithm
from .alg_codegrids import CodeGridsAlgorithm
from .alg_coverage import PatrolCoverageAlgorithm
from .alg_createstore import CreateStoreAlgorithm
from .alg_evaluation import CaseReportsAlgorithm, EvaluationAlgorithm
from .alg_fieldpackage import ExportPackageAlgorithm, SyncPackageAlgorithm
from .alg_hotspots import CaseDensityAlgorithm, EmergingHotspotsAlgorithm, HotspotsAlgorithm
from .alg_importcases import ImportCasesAlgorithm
from .alg_importcomponents import ImportComponentsAlgorithm
from .alg_importdepartments import ImportDepartmentsAlgorithm
from .alg_importdivisions import ImportDivisionsAlgorithm
from .alg_importdxf import ImportDxfAlgorithm
from .alg_manual import ExportManualAlgorithm, ImportManualAlgorithm, PrintManualAlgorithm
from .alg_maps import StreetAtlasAlgorithm, ThematicMapAlgorithm
from .alg_monthlyreport import MonthlyReportAlgorithm
from .alg_open311 import ALGORITHMS as OPEN311_ALGORITHMS
from .alg_partitiongrids import PartitionGridsAlgorithm
from .alg_patrolpackage import ALGORITHMS as PATROL_PACKAGE_ALGORITHMS
from .alg_patrolsync import PatrolSyncAlgorithm
from .alg_periodreport import ALGORITHMS as PERIOD_REPORT_ALGORITHMS
from .alg_platform import ALGORITHMS as PLATFORM_ALGORITHMS
from .alg_publication import PublishMonthAlgorithm
from .alg_roles import SaveUserAlgorithm, SetupRolesAlgorithm
from .alg_roster import ImportRosterAlgorithm
from .alg_validatecomponents import ValidateComponentsAlgorithm
from .alg_validategrids import ValidateGridsAlgorithm
from .alg_workform import WorkFormAlgorithm
from .base import ICON


class CityGridProvider(QgsProcessingProvider):
    def id(self) -> str:  # noqa: A003
        return "citygrid"

    def name(self) -> str:
        return "CityGrid"

    def longName(self) -> str:  # noqa: N802
        return tr("CityGrid digital urban management")

    def icon(self) -> QIcon:
        return QIcon(str(ICON))

    def loadAlgorithms(self) -> None:  # noqa: N802
        for alg in (CreateStoreAlgorithm(), ImportDivisionsAlgorithm(), ImportDepartmentsAlgorithm(),
                    PartitionGridsAlgorithm(), CodeGridsAlgorithm(), ValidateGridsAlgorithm(),
                    ImportComponentsAlgorithm(), ValidateComponentsAlgorithm(), CensusProgressAlgorithm(),
                    ExportPackageAlgorithm(), SyncPackageAlgorithm(), ImportDxfAlgorithm(),
                    SetupRolesAlgorithm(), SaveUserAlgorithm(), CaseDensityAlgorithm(), HotspotsAlgorithm(),
                    EmergingHotspotsAlgorithm(), EvaluationAlgorithm(), CaseReportsAlgorithm(),
                    ThematicMapAlgorithm(), StreetAtlasAlgorithm(), MonthlyReportAlgorithm(), ImportCasesAlgorithm()):
            self.addAlgorithm(alg)
        self.addAlgorithm(WorkFormAlgorithm())
        for alg in (ExportManualAlgorithm(), ImportManualAlgorithm(), PrintManualAlgorithm()):
            self.addAlgorithm(alg)
        for cls in ADMIN_ALGORITHMS:   # 系统管理 in batch (alg_admin)
            self.addAlgorithm(cls())
        for cls in PATROL_PACKAGE_ALGORITHMS:   # the supervisor's handheld (alg_patrolpackage)
            self.addAlgorithm(cls())
        self.addAlgorithm(PatrolSyncAlgorithm())
        self.addAlgorithm(ImportRosterAlgorithm())   # 一格六员 (alg_roster)
        self.addAlgorithm(PatrolCoverageAlgorithm())   # 巡查覆盖 (alg_coverage)
        self.addAlgorithm(PublishMonthAlgorithm())     # 公众信息发布 (alg_publication)
        for cls in PERIOD_REPORT_ALGORITHMS:           # 季度点评, 年度综合评价报告 (alg_periodreport)
            self.addAlgorithm(cls())
        for cls in OPEN311_ALGORITHMS:                 # Open311 GeoReport files (alg_open311)
            self.addAlgorithm(cls())
        for cls in PLATFORM_ALGORITHMS:                # 市级平台: link a district, hand a case over (alg_platform)
            self.addAlgorithm(cls())
