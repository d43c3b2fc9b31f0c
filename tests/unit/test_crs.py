import pytest

from citygrid_plugin.core.crs import gk3_epsg


@pytest.mark.parametrize("lon, epsg", [(104.07, 4544), (103.4, 4543), (103.6, 4544), (116.4, 4548),
                                       (121.47, 4549), (75.0, 4534), (135.0, 4554), (106.49, 4544), (106.6, 4545)])
def test_zone_of_longitude(lon, epsg):
    assert gk3_epsg(lon) == epsg


def test_outside_china_is_refused():
    with pytest.raises(ValueError, match="outside China's Gauss-Krüger zones"):
        gk3_epsg(10.0)
