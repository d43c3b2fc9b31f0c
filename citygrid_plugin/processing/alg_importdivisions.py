"""citygrid:importdivisions — Import a district with its streets and communities (导入行政区划)."""
from __future__ import annotations

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingFeatureSource,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterString,
)

from ..core.i18n import tr
from ..store.divisions import DivisionRecord, upsert_divisions
from .base import CityGridAlgorithm


class ImportDivisionsAlgorithm(CityGridAlgorithm):
    _id = "importdivisions"
    DISTRICT_CODE = "DISTRICT_CODE"
    DISTRICT_NAME = "DISTRICT_NAME"
    DISTRICT = "DISTRICT"
    STREETS = "STREETS"
    STREET_CODE = "STREET_CODE"
    STREET_NAME = "STREET_NAME"
    COMMUNITIES = "COMMUNITIES"
    COMMUNITY_STREET = "COMMUNITY_STREET"
    COMMUNITY_CODE = "COMMUNITY_CODE"
    COMMUNITY_NAME = "COMMUNITY_NAME"

    def displayName(self) -> str:  # noqa: N802
        return tr("Import administrative divisions")

    def shortHelpString(self) -> str:  # noqa: N802
        return tr(
            "Loads one district (区县) with its streets (街道) and communities (社区) into the store. "
            "Street and community codes are 3 digits (community codes unique inside their street), the "
            "district code is the 6-digit GB/T 2260 code. Layers in another CRS are reprojected to the "
            "store CRS (reported in the log). Every code and boundary is checked first and all problems "
            "are listed with their feature ids; nothing is written unless everything is valid. Rows with "
            "codes already in the store are updated. The district boundary is the union of the streets "
            "unless a district layer is given.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_store_parameters()
        poly = [QgsProcessing.TypeVectorPolygon]
        self.addParameter(QgsProcessingParameterString(self.DISTRICT_CODE, tr("District code (6 digits, GB/T 2260)")))
        self.addParameter(QgsProcessingParameterString(self.DISTRICT_NAME, tr("District name")))
        self.addParameter(QgsProcessingParameterFeatureSource(self.DISTRICT, tr("District boundary"), poly,
                                                              optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(self.STREETS, tr("Streets (街道)"), poly))
        self.addParameter(QgsProcessingParameterField(self.STREET_CODE, tr("Street code field"),
                                                      "street_code", self.STREETS, optional=True))
        self.addParameter(QgsProcessingParameterField(self.STREET_NAME, tr("Street name field"),
                                                      "name", self.STREETS, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(self.COMMUNITIES, tr("Communities (社区)"), poly))
        self.addParameter(QgsProcessingParameterField(self.COMMUNITY_STREET, tr("Community's street code field"),
                                                      "street_code", self.COMMUNITIES, optional=True))
        self.addParameter(QgsProcessingParameterField(self.COMMUNITY_CODE, tr("Community code field"),
                                                      "community_code", self.COMMUNITIES, optional=True))
        self.addParameter(QgsProcessingParameterField(self.COMMUNITY_NAME, tr("Community name field"),
                                                      "name", self.COMMUNITIES, optional=True))
        # Field parameters are optional only because QGIS 3.22 refuses a missing value despite its
        # default; processAlgorithm falls back to the default and checks the field exists.
        self.addOutput(QgsProcessingOutputNumber("STREETS_LOADED", tr("Streets loaded")))
        self.addOutput(QgsProcessingOutputNumber("COMMUNITIES_LOADED", tr("Communities loaded")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        dcode = self.parameterAsString(parameters, self.DISTRICT_CODE, context).strip()
        dname = self.parameterAsString(parameters, self.DISTRICT_NAME, context).strip()

        def features(source_key, fields=()):
            """(feature, boundary WKB in the store CRS, reference for messages) of a source."""
            source = self.parameterAsSource(parameters, source_key, context)
            if source is None:
                return
            if fields:
                for name in fields:
                    if source.fields().indexOf(name) < 0:
                        raise QgsProcessingException(tr(
                            "{layer} has no field '{field}' (fields: {fields}); choose the right field "
                            "in the algorithm's parameters").format(
                            layer=source.sourceName(), field=name, fields=", ".join(source.fields().names())))
            xform = None
            if source.sourceCrs() != dest:
                feedback.pushInfo(tr("{layer}: reprojecting from {src} to EPSG:{srid}").format(
                    layer=source.sourceName(), src=source.sourceCrs().authid(), srid=srid))
                xform = QgsCoordinateTransform(source.sourceCrs(), dest, context.transformContext())
            # invalid boundaries are reported by the store check with their feature ids, all at once
            request = QgsFeatureRequest().setInvalidGeometryCheck(QgsFeatureRequest.GeometryNoCheck)
            for feature in source.getFeatures(request, QgsProcessingFeatureSource.FlagSkipGeometryValidityChecks):
                if feedback.isCanceled():
                    raise QgsProcessingException(tr("canceled; nothing was written"))
                geom = feature.geometry()
                if xform is not None and not geom.isNull():
                    geom.transform(xform)
                wkb = bytes(geom.asWkb()) if not geom.isNull() else None
                yield feature, wkb, tr("{layer} feature {fid}").format(layer=source.sourceName(), fid=feature.id())

        def records(source_key, fields):
            names = [self.parameterAsString(parameters, f, context)
                     or self.parameterDefinition(f).defaultValue() for f in fields]
            return [DivisionRecord(tuple([dcode] + [_text(f[n]) for n in names[:-1]]), _text(f[names[-1]]),
                                   wkb, ref=ref)
                    for f, wkb, ref in features(source_key, names)]

        with self.store_session(parameters, context, feedback) as store:
            srid = store.srid  # the features are read in the store CRS
            dest = QgsCoordinateReferenceSystem(f"EPSG:{srid}")
            streets = records(self.STREETS, [self.STREET_CODE, self.STREET_NAME])
            communities = records(self.COMMUNITIES, [self.COMMUNITY_STREET, self.COMMUNITY_CODE, self.COMMUNITY_NAME])
            district_wkbs = [wkb for _f, wkb, _r in features(self.DISTRICT)] or [s.wkb for s in streets]
            district = DivisionRecord((dcode,), dname, _union(district_wkbs),
                                      ref=tr("district {code}").format(code=dcode))
            report = upsert_divisions(store.conn, district, streets, communities)
        for warning in report.warnings:
            feedback.pushWarning(warning)
        feedback.pushInfo(tr("Loaded district {code}: {streets} streets, {communities} communities").format(
            code=dcode, streets=report.streets, communities=report.communities))
        return {"STREETS_LOADED": report.streets, "COMMUNITIES_LOADED": report.communities}


def _text(value) -> str:
    if value is None:
        return ""
    text = str(value)
    return "" if text == "NULL" else text.strip()


def _union(wkbs):
    geoms = []
    for wkb in wkbs:
        if wkb:
            g = QgsGeometry()
            g.fromWkb(wkb)
            geoms.append(g)
    if not geoms:
        return None
    return bytes(QgsGeometry.unaryUnion(geoms).asWkb())
