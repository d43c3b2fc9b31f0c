<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>CityGrid</name>
    <message>
      <location filename="citygrid_plugin/processing/alg_partitiongrids.py" line="153" />
      <source>5th percentile area (m²)</source>
      <translation>面积第 5 百分位（m²）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_partitiongrids.py" line="154" />
      <source>95th percentile area (m²)</source>
      <translation>面积第 95 百分位（m²）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/plugin.py" line="57" />
      <source>Add store layers</source>
      <translation>添加数据库图层</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_createstore.py" line="67" />
      <source>Applied migration {file}</source>
      <translation>已应用迁移 {file}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_partitiongrids.py" line="55" />
      <source>Barrier lines (roads, rivers, walls)</source>
      <translation>分隔线（道路、河流、围墙）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_partitiongrids.py" line="157" />
      <source>Boundary adherence (share of barrier length on grid edges)</source>
      <translation>边界贴合度（分隔线位于网格边上的长度比例）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/gridcheck.py" line="537" />
      <source>CANCELLED: validation incomplete ({errors}, {warnings} so far)</source>
      <translation>已取消：检查未完成（目前 {errors}，{warnings}）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_createstore.py" line="45" />
      <source>CRS of a new store (projected, metres)</source>
      <translation>新数据库的坐标系（投影坐标，单位米）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_validategrids.py" line="40" />
      <source>Checks a set of unit grids before publishing: gaps and overlaps, invalid, empty or multipart geometry, grids crossing community boundaries or outside every community, missing, malformed or duplicate codes, codes whose first 12 digits are not the grid's community, and area outliers (below 0.4× or above 2× the target: warnings). Writes one feature per problem with its message, where it is, and prints a summary. Errors fail the gate; warnings don't. With “Fail on errors” the algorithm itself fails, so a script or a model stops before publishing bad grids.</source>
      <translation>发布前检查一组单元网格：缝隙与重叠，无效、空或多部件几何，跨越社区边界或不在任何社区内的网格，缺失、格式错误或重复的编码，前 12 位与所属社区不符的编码，以及面积异常（低于目标 0.4 倍或高于 2 倍：警告）。每个问题输出一个要素（含说明和位置），并输出汇总。有错误即不通过，警告不影响通过。勾选“有错误时失败”后算法本身会失败，使脚本或模型在发布错误网格之前停止。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/plugin.py" line="51" />
      <source>CityGrid</source>
      <translation>CityGrid</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/provider.py" line="29" />
      <source>CityGrid digital urban management</source>
      <translation>CityGrid 数字城管</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/settings_dialog.py" line="33" />
      <source>CityGrid settings</source>
      <translation>CityGrid 设置</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layers.py" line="85" />
      <source>CityGrid store</source>
      <translation>CityGrid 数据库</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_codegrids.py" line="35" />
      <source>Code unit grids</source>
      <translation>单元网格编码</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_codegrids.py" line="56" />
      <source>Coded unit grids</source>
      <translation>已编码单元网格</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layers.py" line="40" />
      <source>Communities</source>
      <translation>社区</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdivisions.py" line="54" />
      <source>Communities (社区)</source>
      <translation>社区</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdivisions.py" line="64" />
      <source>Communities loaded</source>
      <translation>已导入社区数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_codegrids.py" line="55" />
      <source>Community code (12 digits)</source>
      <translation>社区编码（12 位）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdivisions.py" line="57" />
      <source>Community code field</source>
      <translation>社区编码字段</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_validategrids.py" line="53" />
      <source>Community code of a grid (12 digits)</source>
      <translation>网格所属社区编码（12 位）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdivisions.py" line="59" />
      <source>Community name field</source>
      <translation>社区名称字段</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdivisions.py" line="55" />
      <source>Community's street code field</source>
      <translation>社区所属街道编码字段</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_partitiongrids.py" line="156" />
      <source>Compactness (Polsby-Popper median)</source>
      <translation>紧凑度（Polsby-Popper 中位数）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/settings_dialog.py" line="112" />
      <source>Connected. This database holds no CityGrid store yet: click “Create or upgrade the store”.</source>
      <translation>已连接。该数据库中还没有 CityGrid 数据库结构：请点击“创建或升级数据库”。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/settings_dialog.py" line="116" />
      <source>Connected: store version {version} (plugin {latest}), EPSG:{srid}, {communities} communities, {departments} departments.</source>
      <translation>已连接：数据库版本 {version}（插件 {latest}），EPSG:{srid}，{communities} 个社区，{departments} 个部门。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/plugin.py" line="162" />
      <source>Could not open: {layers}</source>
      <translation>无法打开：{layers}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_createstore.py" line="25" />
      <source>Create or upgrade the CityGrid store</source>
      <translation>创建或升级 CityGrid 数据库</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/settings_dialog.py" line="52" />
      <source>Create or upgrade the store</source>
      <translation>创建或升级数据库</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/plugin.py" line="58" />
      <source>Create or upgrade the store…</source>
      <translation>创建或升级数据库…</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_createstore.py" line="31" />
      <source>Creates the CityGrid schema (citygrid) in the database of the chosen connection, or upgrades it to this plugin's version by applying the pending SQL migrations in one transaction. Running it on an up-to-date store changes nothing. A migration that was changed after it was applied is refused.

CRS: the projected CRS in metres for all geometries of a new store, normally the CGCS2000 3-degree Gauss-Krüger zone of the city (EPSG:4544 for 105°E). It cannot be changed later.

Also loads the standard component and event class tables (profiles 2013 and 2026); classes the city added itself are left alone.</source>
      <translation>在所选连接的数据库中创建 CityGrid 模式（citygrid），或在一个事务中执行尚未应用的 SQL 迁移，将其升级到本插件的版本。对已是最新版本的数据库运行不会做任何改动。已应用后又被修改过的迁移将被拒绝。

坐标系：新数据库中所有几何对象使用的投影坐标系（单位米），通常为城市所在的 CGCS2000 3 度带高斯-克吕格投影（105°E 为 EPSG:4544），创建后不能更改。

同时导入标准部件分类表和事件分类表（2013 与 2026 两套标准）；城市自行增加的分类保持不变。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdepartments.py" line="48" />
      <source>Departments CSV</source>
      <translation>部门 CSV 文件</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdivisions.py" line="47" />
      <source>District boundary</source>
      <translation>区县边界</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdivisions.py" line="45" />
      <source>District code (6 digits, GB/T 2260)</source>
      <translation>区县代码（6 位，GB/T 2260）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdivisions.py" line="46" />
      <source>District name</source>
      <translation>区县名称</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layers.py" line="40" />
      <source>Districts</source>
      <translation>区县</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_partitiongrids.py" line="40" />
      <source>Divides every community into unit grids (万米单元网格) of about the target area that exactly tile it. Barrier lines (roads, rivers, walls; any number of layers; polygon layers contribute their outlines) become grid edges: they are noded and polygonised inside each community. Blocks below the lower bound, and slivers, merge into the neighbour in the same community sharing the longest edge; blocks above the upper bound are cut into compact parts near the target by short straight cuts. A grid never crosses a community boundary. Lower and upper bounds of 0 mean 0.4× and 2× the target.

The community key is the 12-digit community code (district + street + community), e.g. the full_code field of the store's community layer. Layers in degrees are reprojected to the CGCS2000 Gauss-Krüger zone of their longitude. Overlapping or gapped communities are refused with a list of the places. The quality figures are printed in the log and returned as outputs. Run “Code unit grids” on the result to give the grids their codes in the store.</source>
      <translation>将每个社区划分为面积接近目标值、无缝无重叠覆盖该社区的万米单元网格。分隔线（道路、河流、围墙；可有多个图层；面图层取其边界）成为网格边：在每个社区内打断并构面。面积低于下限的地块和狭长碎片并入同一社区内公共边最长的相邻地块；面积高于上限的地块用短而直的切线切成接近目标面积的紧凑部分。网格不会跨越社区边界。下限和上限为 0 时分别取目标面积的 0.4 倍和 2 倍。

社区编码为 12 位（区县 + 街道 + 社区），例如数据库社区图层的 full_code 字段。以度为单位的图层会被重投影到其经度所在的 CGCS2000 高斯-克吕格投影带。社区重叠或有缝隙时拒绝执行并列出位置。质量指标输出到日志并作为结果返回。对结果运行“单元网格编码”即可在数据库中为网格编码。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/migrate.py" line="212" />
      <source>EPSG:{srid} is not a CRS PostGIS knows</source>
      <translation>PostGIS 中没有 EPSG:{srid} 这个坐标系</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/migrate.py" line="214" />
      <source>EPSG:{srid} is not a projected CRS in metres; use the CGCS2000 3-degree Gauss-Krüger zone of the district (e.g. EPSG:4544 for 105°E)</source>
      <translation>EPSG:{srid} 不是以米为单位的投影坐标系；请使用该区县所在的 CGCS2000 3 度带高斯-克吕格投影（例如 105°E 为 EPSG:4544）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdepartments.py" line="50" />
      <source>Encoding</source>
      <translation>编码</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/settings_dialog.py" line="108" />
      <source>Error: {error}</source>
      <translation>错误：{error}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_validategrids.py" line="63" />
      <source>Errors</source>
      <translation>错误数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/gridcheck.py" line="540" />
      <source>FAILED: {errors}, {warnings}</source>
      <translation>未通过：{errors}，{warnings}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_validategrids.py" line="60" />
      <source>Fail on errors</source>
      <translation>有错误时失败</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_validategrids.py" line="51" />
      <source>Grid code</source>
      <translation>网格编码</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_validategrids.py" line="61" />
      <source>Grid problems</source>
      <translation>网格问题</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/plugin.py" line="185" />
      <source>Grid split into {n} more parts; save the layer to give them codes</source>
      <translation>网格已拆分，新增 {n} 个部分；保存图层后将为其编码</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_codegrids.py" line="58" />
      <source>Grids given a new code</source>
      <translation>获得新编码的网格数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/plugin.py" line="202" />
      <source>Grids merged; save the layer to retire the old codes and issue a new one</source>
      <translation>网格已合并；保存图层后将注销旧编码并发放新编码</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_codegrids.py" line="59" />
      <source>Grids reshaped, code kept</source>
      <translation>形状调整但沿用编码的网格数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_codegrids.py" line="59" />
      <source>Grids retired</source>
      <translation>注销的网格数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_codegrids.py" line="58" />
      <source>Grids that kept their code</source>
      <translation>沿用原编码的网格数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdivisions.py" line="27" />
      <source>Import administrative divisions</source>
      <translation>导入行政区划</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdepartments.py" line="33" />
      <source>Import departments</source>
      <translation>导入部门</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/settings_dialog.py" line="62" />
      <source>Language</source>
      <translation>语言</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_createstore.py" line="49" />
      <source>Load the standard class tables</source>
      <translation>导入标准分类表</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdivisions.py" line="121" />
      <source>Loaded district {code}: {streets} streets, {communities} communities</source>
      <translation>已导入区县 {code}：{streets} 个街道，{communities} 个社区</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdepartments.py" line="39" />
      <source>Loads departments (专业部门, streets, communities, enterprises) from a CSV file with the columns code, name, kind, parent_code, phone, note (Chinese headers 编码, 名称, 类型, 上级编码, 电话, 备注 also work). UTF-8 and GBK files are both read (auto-detected). Existing departments with the same code are updated. Every row is checked first; one bad row rejects the whole file with the line number, so the store never holds half a file.</source>
      <translation>从 CSV 文件导入部门（专业部门、街道、社区、企业），列为 code、name、kind、parent_code、phone、note（也可使用中文表头：编码、名称、类型、上级编码、电话、备注）。UTF-8 与 GBK 编码均可读取（自动识别）。编码相同的已有部门将被更新。所有行先全部检查；只要有一行有误，整个文件都不导入并给出行号，数据库中不会留下半个文件。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdivisions.py" line="33" />
      <source>Loads one district (区县) with its streets (街道) and communities (社区) into the store. Street and community codes are 3 digits (community codes unique inside their street), the district code is the 6-digit GB/T 2260 code. Layers in another CRS are reprojected to the store CRS (reported in the log). Every code and boundary is checked first and all problems are listed with their feature ids; nothing is written unless everything is valid. Rows with codes already in the store are updated. The district boundary is the union of the streets unless a district layer is given.</source>
      <translation>将一个区县及其街道、社区导入数据库。街道和社区编码为 3 位数字（社区编码在所属街道内唯一），区县代码为 6 位 GB/T 2260 代码。其他坐标系的图层会被重投影到数据库坐标系（日志中会注明）。先检查全部编码和边界，并按要素编号列出所有问题；只有全部有效时才写入。数据库中已有相同编码的记录将被更新。未提供区县图层时，区县边界取各街道的并集。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_partitiongrids.py" line="64" />
      <source>Lower bound (m², 0 = 0.4 × target)</source>
      <translation>面积下限（m²，0 = 目标的 0.4 倍）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_partitiongrids.py" line="152" />
      <source>Median area (m²)</source>
      <translation>面积中位数（m²）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/plugin.py" line="63" />
      <source>Merge selected unit grids</source>
      <translation>合并所选单元网格</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/maptools/grid_edit.py" line="67" />
      <source>Merge unit grids</source>
      <translation>合并单元网格</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_createstore.py" line="51" />
      <source>Migrations applied</source>
      <translation>本次应用的迁移数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdepartments.py" line="51" />
      <source>New departments</source>
      <translation>新增部门数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_partitiongrids.py" line="151" />
      <source>Number of grids</source>
      <translation>网格数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/gridcheck.py" line="544" />
      <source>PASSED</source>
      <translation>通过</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/gridcheck.py" line="542" />
      <source>PASSED with {warnings}</source>
      <translation>通过，有 {warnings}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_partitiongrids.py" line="34" />
      <source>Partition communities into unit grids</source>
      <translation>划分万米单元网格</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_validategrids.py" line="65" />
      <source>Passed (1) or failed (0)</source>
      <translation>通过（1）或未通过（0）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/settings_dialog.py" line="69" />
      <source>Plugin language (applies after restarting QGIS)</source>
      <translation>插件语言（重启 QGIS 后生效）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/base.py" line="45" />
      <source>PostgreSQL connection of the store</source>
      <translation>数据库的 PostgreSQL 连接</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/settings_dialog.py" line="39" />
      <source>QGIS PostgreSQL connection</source>
      <translation>QGIS PostgreSQL 连接</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/connections.py" line="47" />
      <source>QGIS connection '{name}'</source>
      <translation>QGIS 连接“{name}”</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_partitiongrids.py" line="73" />
      <source>Quality figures</source>
      <translation>质量指标</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdepartments.py" line="61" />
      <source>Read {n} rows ({encoding})</source>
      <translation>已读取 {n} 行（{encoding}）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/plugin.py" line="56" />
      <source>Settings…</source>
      <translation>设置…</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_partitiongrids.py" line="155" />
      <source>Share of grids within the bounds</source>
      <translation>面积在界限内的网格比例</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/maptools/grid_edit.py" line="34" />
      <source>Split unit grid</source>
      <translation>拆分单元网格</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/settings_dialog.py" line="37" />
      <source>Store</source>
      <translation>数据库</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_createstore.py" line="52" />
      <source>Store CRS (EPSG code)</source>
      <translation>数据库坐标系（EPSG 代码）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/settings_dialog.py" line="135" />
      <source>Store at version {version} ({applied} migrations applied).</source>
      <translation>数据库已是版本 {version}（本次应用 {applied} 个迁移）。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_createstore.py" line="50" />
      <source>Store version</source>
      <translation>数据库版本</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/base.py" line="70" />
      <source>Store: {target}</source>
      <translation>数据库：{target}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_codegrids.py" line="41" />
      <source>Stores a set of unit grids in the store and gives them their 15-digit codes (district 6 + street 3 + community 3 + serial 3). For every community in the input, its grids in the store are replaced: an input grid that matches a stored grid (intersection over union ≥ 0.9) keeps that grid's code; stored grids matched by nothing are retired (kept as history with their successors); the other input grids get the next free serials, west→east and north→south: 100 m bands counted from the community's northern edge, west first within a band. A retired code is never reused. Everything happens in one transaction: either all communities are coded or none.</source>
      <translation>将一组单元网格存入数据库并赋予 15 位编码（区县 6 位 + 街道 3 位 + 社区 3 位 + 顺序码 3 位）。对输入中的每个社区，替换其在数据库中的网格：与库中网格匹配（交并比 ≥ 0.9）的输入网格沿用原编码；没有匹配的库中网格被注销（作为历史保留，并记录其后继网格）；其余输入网格按从西到东、从北到南的顺序获得下一个可用顺序码：从社区北边界起每 100 m 为一个条带，条带内自西向东。注销的编码永不复用。全部在一个事务中完成：要么所有社区都编码成功，要么都不改变。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdivisions.py" line="50" />
      <source>Street code field</source>
      <translation>街道编码字段</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdivisions.py" line="52" />
      <source>Street name field</source>
      <translation>街道名称字段</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layers.py" line="40" />
      <source>Streets</source>
      <translation>街道</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdivisions.py" line="49" />
      <source>Streets (街道)</source>
      <translation>街道</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdivisions.py" line="63" />
      <source>Streets loaded</source>
      <translation>已导入街道数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_createstore.py" line="53" />
      <source>Summary</source>
      <translation>摘要</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_partitiongrids.py" line="62" />
      <source>Target area (m²)</source>
      <translation>目标面积（m²）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/settings_dialog.py" line="51" />
      <source>Test connection</source>
      <translation>测试连接</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_createstore.py" line="63" />
      <source>The store already uses EPSG:{srid}; the CRS parameter is ignored.</source>
      <translation>数据库已使用 EPSG:{srid}；忽略坐标系参数。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/settings_dialog.py" line="121" />
      <source>The store is older than the plugin: upgrade it.</source>
      <translation>数据库版本低于插件：请升级数据库。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_createstore.py" line="69" />
      <source>The store is up to date (version {version}).</source>
      <translation>数据库已是最新（版本 {version}）。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layers.py" line="40" />
      <source>Unit grids</source>
      <translation>单元网格</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdepartments.py" line="52" />
      <source>Updated departments</source>
      <translation>更新部门数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_partitiongrids.py" line="67" />
      <source>Upper bound (m², 0 = 2 × target)</source>
      <translation>面积上限（m²，0 = 目标的 2 倍）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_validategrids.py" line="34" />
      <source>Validate unit grids</source>
      <translation>单元网格检查</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_validategrids.py" line="64" />
      <source>Warnings</source>
      <translation>警告数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/codes.py" line="352" />
      <source>a {kind} class table cannot check component codes</source>
      <translation>{kind} 分类表不能用于检查部件编码</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/classes.py" line="102" />
      <source>accuracy class '{value}' must be one of {allowed}</source>
      <translation>精度等级“{value}”必须是 {allowed} 之一</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/maptools/grid_edit.py" line="97" />
      <source>add the store layers first (CityGrid ▸ Add store layers)</source>
      <translation>请先添加数据库图层（CityGrid ▸ 添加数据库图层）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/codes.py" line="474" />
      <source>all {width}-digit serials are used (last issued {last}); codes are never reused, so start a new community, grid or class</source>
      <translation>{width} 位顺序码已用完（最后发放 {last}）；编码永不复用，请新建社区、网格或分类</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/classes.py" line="95" />
      <source>alternative names {value} must be non-empty, trimmed and without ';'</source>
      <translation>别名 {value} 不能为空、首尾不能有空格且不能含“;”</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/classes.py" line="105" />
      <source>an event class has no geometry type, accuracy class or extra fields</source>
      <translation>事件分类没有几何类型、精度等级或扩展字段</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/grids.py" line="121" />
      <source>area bounds must satisfy minimum &lt; target &lt; maximum, got {lo} &lt; {target} &lt; {hi}</source>
      <translation>面积界限必须满足 下限 &lt; 目标 &lt; 上限，实际为 {lo} &lt; {target} &lt; {hi}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/grids.py" line="177" />
      <source>boundary adherence: no barrier lies inside the communities</source>
      <translation>边界贴合度：社区内没有分隔线</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/grids.py" line="179" />
      <source>boundary adherence: {share:.1%} of the barrier length inside communities lies on grid edges</source>
      <translation>边界贴合度：社区内分隔线长度的 {share:.1%} 位于网格边上</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdivisions.py" line="94" />
      <source>canceled; nothing was written</source>
      <translation>已取消；未写入任何数据</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/db.py" line="34" />
      <source>cannot connect to the store ({target}): {error}</source>
      <translation>无法连接数据库（{target}）：{error}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/textio.py" line="58" />
      <source>cannot read {path}: {error}</source>
      <translation>无法读取 {path}：{error}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/codes.py" line="449" />
      <source>class code</source>
      <translation>分类代码</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/reference.py" line="84" />
      <source>class tables not loaded: {error}</source>
      <translation>分类表未导入：{error}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/classes.py" line="87" />
      <source>code '{code}' is not major code + minor code ('{major}' + '{minor}')</source>
      <translation>代码“{code}”不等于大类代码 + 小类代码（“{major}” + “{minor}”）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/gridcheck.py" line="435" />
      <source>code {code} is used by {count} grids; a code names exactly one grid</source>
      <translation>编码 {code} 被 {count} 个网格使用；一个编码只能对应一个网格</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/gridcheck.py" line="481" />
      <source>codes not matching their community</source>
      <translation>与所属社区不符的编码</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/divisions.py" line="131" />
      <source>communities {a} and {b} overlap by {area:.1f} m²</source>
      <translation>社区 {a} 与 {b} 重叠 {area:.1f} m²</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/codes.py" line="142" />
      <source>community code</source>
      <translation>社区编码</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/codes.py" line="144" />
      <source>community code '000' is not a community; communities are numbered from 001</source>
      <translation>社区编码“000”不代表任何社区；社区从 001 开始编号</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/grids.py" line="29" />
      <source>community code '{key}' must be 12 digits (district 6 + street 3 + community 3)</source>
      <translation>社区编码“{key}”必须是 12 位（区县 6 位 + 街道 3 位 + 社区 3 位）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_partitiongrids.py" line="87" />
      <source>community feature {fid}: community code '{key}' must be 12 digits (check the community code expression)</source>
      <translation>社区要素 {fid}：社区编码“{key}”必须是 12 位（请检查社区编码表达式）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/divisions.py" line="139" />
      <source>community {code} extends {area:.1f} m² outside its street</source>
      <translation>社区 {code} 超出所属街道 {area:.1f} m²</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_partitiongrids.py" line="91" />
      <source>community {key} (feature {fid}) has no geometry</source>
      <translation>社区 {key}（要素 {fid}）没有几何</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/grids.py" line="226" />
      <source>community {key} appears more than once</source>
      <translation>社区 {key} 出现多次</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/grids.py" line="230" />
      <source>community {key} has an empty geometry</source>
      <translation>社区 {key} 的几何为空</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/grids.py" line="234" />
      <source>community {key} has an invalid geometry: {reason}</source>
      <translation>社区 {key} 几何无效：{reason}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/grids.py" line="232" />
      <source>community {key} is a {kind}, not a polygon</source>
      <translation>社区 {key} 是 {kind}，不是面</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/grids.py" line="252" />
      <source>community {key} overlaps community {other} by {area:.1f} m² near ({x:.1f}, {y:.1f})</source>
      <translation>社区 {key} 与社区 {other} 在 ({x:.1f}, {y:.1f}) 附近重叠 {area:.1f} m²</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/grids.py" line="643" />
      <source>community {key}: a block of {area:.0f} m² at ({x:.1f}, {y:.1f}) is below the minimum area but shares no edge with another block</source>
      <translation>社区 {key}：({x:.1f}, {y:.1f}) 处面积 {area:.0f} m² 的地块低于下限，但与其他地块没有公共边</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/grids.py" line="638" />
      <source>community {key}: noding lost {area:.3f} m², added back as blocks (near ({x:.1f}, {y:.1f}))</source>
      <translation>社区 {key}：打断线时丢失 {area:.3f} m²，已作为地块补回（位于 ({x:.1f}, {y:.1f}) 附近）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/grids.py" line="174" />
      <source>compactness (Polsby-Popper) median: {value:.3f}</source>
      <translation>紧凑度（Polsby-Popper）中位数：{value:.3f}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/codes.py" line="393" />
      <source>component code</source>
      <translation>部件编码</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/codes.py" line="456" />
      <source>component serial</source>
      <translation>部件顺序码</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/classes.py" line="110" />
      <source>confidence is empty</source>
      <translation>可信度为空</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/codes.py" line="121" />
      <source>county code</source>
      <translation>区县代码</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/codes.py" line="111" />
      <source>county code '{value}' ends in 00, which denotes a prefecture or province, not a county-level division (区/县/县级市); use the county code</source>
      <translation>区县代码“{value}”以 00 结尾，表示地级市或省，而不是县级行政区（区/县/县级市）；请使用区县代码</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/codes.py" line="107" />
      <source>county code '{value}': {prefix} is not a GB/T 2260 province code</source>
      <translation>区县代码“{value}”：{prefix} 不是 GB/T 2260 省级代码</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/reference.py" line="113" />
      <source>departments</source>
      <translation>部门</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/reference.py" line="129" />
      <source>departments not loaded: {error}</source>
      <translation>部门未导入：{error}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdivisions.py" line="113" />
      <source>district {code}</source>
      <translation>区县 {code}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/divisions.py" line="79" />
      <source>divisions not loaded: {error}</source>
      <translation>行政区划未导入：{error}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/maptools/grid_edit.py" line="31" />
      <source>draw a line of at least two points across the grid</source>
      <translation>请画一条至少两个点、横穿网格的线</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/classes.py" line="143" />
      <source>duplicate code; already used by '{name}'</source>
      <translation>代码重复；已被“{name}”使用</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/gridcheck.py" line="480" />
      <source>duplicate codes</source>
      <translation>重复编码</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/gridcheck.py" line="472" />
      <source>empty geometries</source>
      <translation>空几何</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/gridcheck.py" line="528" />
      <source>error</source>
      <translation>错误</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/classes.py" line="107" />
      <source>extra fields {value} must be identifiers like 'site_name'</source>
      <translation>扩展字段 {value} 必须是类似“site_name”的标识符</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_validategrids.py" line="81" />
      <source>feature {fid}</source>
      <translation>要素 {fid}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_codegrids.py" line="79" />
      <source>feature {fid}: a grid must be one valid polygon ({kind})</source>
      <translation>要素 {fid}：网格必须是一个有效的面（{kind}）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/grids.py" line="262" />
      <source>gap of {area:.1f} m² between communities {keys} at ({x:.1f}, {y:.1f})</source>
      <translation>社区 {keys} 之间在 ({x:.1f}, {y:.1f}) 处有 {area:.1f} m² 的缝隙</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/gridcheck.py" line="375" />
      <source>gap of {area:.1f} m² enclosed by grids at ({x:.1f}, {y:.1f}): no grid covers it</source>
      <translation>网格之间在 ({x:.1f}, {y:.1f}) 处围成 {area:.1f} m² 的缝隙：没有网格覆盖</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/gridcheck.py" line="359" />
      <source>gap of {area:.1f} m² in community {community} at ({x:.1f}, {y:.1f}): no grid covers it</source>
      <translation>社区 {community} 在 ({x:.1f}, {y:.1f}) 处有 {area:.1f} m² 的缝隙：没有网格覆盖</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/gridcheck.py" line="476" />
      <source>gaps</source>
      <translation>缝隙</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/classes.py" line="99" />
      <source>geometry type '{value}' must be one of {allowed}</source>
      <translation>几何类型“{value}”必须是 {allowed} 之一</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/base.py" line="55" />
      <source>give either a PostgreSQL connection or a pg_service name, not both</source>
      <translation>请给出 PostgreSQL 连接或 pg_service 名称之一，不要同时给出</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/grids.py" line="170" />
      <source>grid area median {median:,.0f} m² (5th percentile {p5:,.0f}, 95th percentile {p95:,.0f})</source>
      <translation>网格面积中位数 {median:,.0f} m²（第 5 百分位 {p5:,.0f}，第 95 百分位 {p95:,.0f}）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/codes.py" line="249" />
      <source>grid code</source>
      <translation>网格编码</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/codes.py" line="279" />
      <source>grid serial</source>
      <translation>网格顺序码</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/gridcheck.py" line="465" />
      <source>grid {ref} covers {area:.1f} m², above the maximum {limit:.1f} m² (target {target:.1f} m²)</source>
      <translation>网格 {ref} 面积 {area:.1f} m²，高于上限 {limit:.1f} m²（目标 {target:.1f} m²）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/gridcheck.py" line="456" />
      <source>grid {ref} covers {area:.1f} m², below the minimum {limit:.1f} m² (target {target:.1f} m²)</source>
      <translation>网格 {ref} 面积 {area:.1f} m²，低于下限 {limit:.1f} m²（目标 {target:.1f} m²）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/gridcheck.py" line="393" />
      <source>grid {ref} extends {area:.1f} m² beyond its community {community}</source>
      <translation>网格 {ref} 超出所属社区 {community} {area:.1f} m²</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/gridcheck.py" line="390" />
      <source>grid {ref} extends {area:.1f} m² beyond its community {community} into {others}</source>
      <translation>网格 {ref} 超出所属社区 {community} {area:.1f} m²，伸入 {others}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/gridcheck.py" line="292" />
      <source>grid {ref} has invalid geometry: {reason}</source>
      <translation>网格 {ref} 几何无效：{reason}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/gridcheck.py" line="413" />
      <source>grid {ref} has no code yet</source>
      <translation>网格 {ref} 尚未编码</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/gridcheck.py" line="285" />
      <source>grid {ref} has no geometry</source>
      <translation>网格 {ref} 没有几何</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/gridcheck.py" line="304" />
      <source>grid {ref} has {parts} separate parts; a grid is one closed polygon</source>
      <translation>网格 {ref} 有 {parts} 个分离部分；一个网格应是一个闭合的面</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/gridcheck.py" line="308" />
      <source>grid {ref} is a {type}, not a polygon</source>
      <translation>网格 {ref} 是 {type}，不是面</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/gridcheck.py" line="402" />
      <source>grid {ref} lies in no community</source>
      <translation>网格 {ref} 不在任何社区内</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/gridcheck.py" line="325" />
      <source>grid {ref} overlaps grid {other} by {area:.1f} m² at ({x:.1f}, {y:.1f})</source>
      <translation>网格 {ref} 与网格 {other} 在 ({x:.1f}, {y:.1f}) 处重叠 {area:.1f} m²</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/gridcheck.py" line="447" />
      <source>grid {ref}: code {code} starts with community {prefix} but the grid belongs to community {community}</source>
      <translation>网格 {ref}：编码 {code} 以社区 {prefix} 开头，但该网格属于社区 {community}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/gridcheck.py" line="422" />
      <source>grid {ref}: {problems}</source>
      <translation>网格 {ref}：{problems}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/gridcheck.py" line="484" />
      <source>grids above the maximum area</source>
      <translation>面积高于上限的网格</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/gridcheck.py" line="483" />
      <source>grids below the minimum area</source>
      <translation>面积低于下限的网格</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/gridcheck.py" line="477" />
      <source>grids crossing their community boundary</source>
      <translation>跨越社区边界的网格</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/grids.py" line="38" />
      <source>grids not stored: {error}</source>
      <translation>网格未存入数据库：{error}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/gridcheck.py" line="478" />
      <source>grids outside every community</source>
      <translation>不在任何社区内的网格</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/gridcheck.py" line="482" />
      <source>grids without a code</source>
      <translation>未编码的网格</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/grids.py" line="169" />
      <source>grids: {count}</source>
      <translation>网格数：{count}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/grids.py" line="577" />
      <source>internal error: community {key} produced an invalid grid near ({x:.1f}, {y:.1f}): {reason}</source>
      <translation>内部错误：社区 {key} 在 ({x:.1f}, {y:.1f}) 附近生成了无效网格：{reason}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/grids.py" line="588" />
      <source>internal error: the grids of community {key} do not tile it (community {area:.3f} m², grids {total:.3f} m², union {union:.3f} m², difference {outside:.3f} m²)</source>
      <translation>内部错误：社区 {key} 的网格未能完整无重叠地覆盖该社区（社区 {area:.3f} m²，网格合计 {total:.3f} m²，并集 {union:.3f} m²，差值 {outside:.3f} m²）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/gridcheck.py" line="473" />
      <source>invalid geometries</source>
      <translation>无效几何</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/crs.py" line="19" />
      <source>longitude {lon:.3f}° is outside China's Gauss-Krüger zones (73.5°E–136.5°E)</source>
      <translation>经度 {lon:.3f}° 不在中国的高斯-克吕格投影带范围内（73.5°E–136.5°E）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/codes.py" line="336" />
      <source>major class</source>
      <translation>大类</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/codes.py" line="340" />
      <source>major class {value} is not a class</source>
      <translation>大类 {value} 不是有效分类</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/codes.py" line="417" />
      <source>major class {value} is not in profile {profile}</source>
      <translation>大类 {value} 不在 {profile} 标准中</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/classes.py" line="81" />
      <source>major code '{value}' must be {digits} digits, not all zero (profile {profile})</source>
      <translation>大类代码“{value}”必须是 {digits} 位且不全为 0（{profile} 标准）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/classes.py" line="92" />
      <source>major name '{value}' is empty or has surrounding whitespace</source>
      <translation>大类名称“{value}”为空或首尾有空格</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/classes.py" line="147" />
      <source>major {major} is named '{name}' here but '{known}' in an earlier row</source>
      <translation>大类 {major} 在此处名为“{name}”，但前面的行中为“{known}”</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/gridcheck.py" line="479" />
      <source>malformed codes</source>
      <translation>格式错误的编码</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/migrate.py" line="87" />
      <source>migration file name '{name}' must look like 001_short_name.sql</source>
      <translation>迁移文件名“{name}”必须形如 001_short_name.sql</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/migrate.py" line="97" />
      <source>migration {expected:03d} is missing (found {name})</source>
      <translation>缺少迁移 {expected:03d}（找到的是 {name}）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/migrate.py" line="193" />
      <source>migration {file} failed: {error}</source>
      <translation>迁移 {file} 执行失败：{error}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/migrate.py" line="120" />
      <source>migration {file} was changed after it was applied to this store (applied checksum {old:.12}, file checksum {new:.12}); restore the original file and put schema changes in a new migration</source>
      <translation>迁移 {file} 在应用到本数据库之后被修改过（应用时校验和 {old:.12}，文件校验和 {new:.12}）；请恢复原文件，并把结构变更写入新的迁移</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/codes.py" line="337" />
      <source>minor class</source>
      <translation>小类</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/codes.py" line="343" />
      <source>minor class {value} is not a class</source>
      <translation>小类 {value} 不是有效分类</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/codes.py" line="420" />
      <source>minor class {value} is not in profile {profile}</source>
      <translation>小类 {value} 不在 {profile} 标准中</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/classes.py" line="84" />
      <source>minor code '{value}' must be {digits} digits, not all zero (profile {profile})</source>
      <translation>小类代码“{value}”必须是 {digits} 位且不全为 0（{profile} 标准）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/gridcheck.py" line="474" />
      <source>multipart or non-polygon geometries</source>
      <translation>多部件或非面几何</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/classes.py" line="152" />
      <source>name '{name}' is already used by class {code} '{other}'</source>
      <translation>名称“{name}”已被分类 {code}“{other}”使用</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/classes.py" line="90" />
      <source>name '{value}' is empty or has surrounding whitespace</source>
      <translation>名称“{value}”为空或首尾有空格</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_partitiongrids.py" line="78" />
      <source>no communities layer</source>
      <translation>没有社区图层</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/connections.py" line="41" />
      <source>no store connection chosen: pick a QGIS PostgreSQL connection or enter a pg_service name in CityGrid ▸ Settings</source>
      <translation>未选择数据库连接：请在“CityGrid ▸ 设置”中选择 QGIS PostgreSQL 连接或填写 pg_service 名称</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/base.py" line="57" />
      <source>no store given: choose a PostgreSQL connection or a pg_service name</source>
      <translation>未指定数据库：请选择 PostgreSQL 连接或填写 pg_service 名称</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/gridcheck.py" line="475" />
      <source>overlaps</source>
      <translation>重叠</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/grids.py" line="661" />
      <source>partition cancelled</source>
      <translation>网格划分已取消</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/connections.py" line="49" />
      <source>pg_service '{name}'</source>
      <translation>pg_service“{name}”</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/settings_dialog.py" line="42" />
      <source>pg_service name</source>
      <translation>pg_service 名称</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/connections.py" line="50" />
      <source>private cluster database '{name}'</source>
      <translation>内置数据库集群中的数据库“{name}”</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/codes.py" line="354" />
      <source>profile {profile} does not match the class table (profile {table})</source>
      <translation>标准 {profile} 与分类表（{table} 标准）不一致</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/maptools/grid_edit.py" line="52" />
      <source>select at least two adjacent grids to merge</source>
      <translation>请选择至少两个相邻的网格进行合并</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/grids.py" line="124" />
      <source>sliver width must not be negative, got {value}</source>
      <translation>狭长碎片宽度不能为负数，实际为 {value}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/grids.py" line="126" />
      <source>snap tolerance must not be negative, got {value}</source>
      <translation>捕捉容差不能为负数，实际为 {value}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/codes.py" line="131" />
      <source>street code</source>
      <translation>街道编码</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/codes.py" line="133" />
      <source>street code '000' is not a street or town; streets are numbered from 001</source>
      <translation>街道编码“000”不代表任何街道或乡镇；街道从 001 开始编号</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/grids.py" line="119" />
      <source>target area must be positive, got {value}</source>
      <translation>目标面积必须为正数，实际为 {value}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/maptools/grid_edit.py" line="24" />
      <source>the grid layer cannot be edited (read-only connection?)</source>
      <translation>网格图层无法编辑（连接为只读？）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/maptools/grid_edit.py" line="43" />
      <source>the line does not cut any grid in two; draw it fully across the grid</source>
      <translation>这条线没有把任何网格分成两部分；请让它完整横穿网格</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/db.py" line="23" />
      <source>the pg_service name is empty</source>
      <translation>pg_service 名称为空</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/maptools/grid_edit.py" line="62" />
      <source>the selected grids are not adjacent: their union has {n} parts</source>
      <translation>所选网格不相邻：合并后有 {n} 个分离部分</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/maptools/grid_edit.py" line="58" />
      <source>the selected grids lie in {n} communities; a grid never crosses a community boundary</source>
      <translation>所选网格分属 {n} 个社区；网格不能跨越社区边界</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_createstore.py" line="89" />
      <source>the store CRS must be an EPSG CRS, got '{crs}'</source>
      <translation>数据库坐标系必须是 EPSG 坐标系，而不是“{crs}”</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_createstore.py" line="92" />
      <source>the store CRS {crs} is geographic (degrees); choose the CGCS2000 3-degree Gauss-Krüger zone of the district, e.g. EPSG:4544 for 105°E</source>
      <translation>数据库坐标系 {crs} 是地理坐标系（单位为度）；请选择该区县所在的 CGCS2000 3 度带高斯-克吕格投影，例如 105°E 为 EPSG:4544</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/migrate.py" line="115" />
      <source>the store is at migration {version:03d} ({name}), newer than this copy of CityGrid knows (latest {latest:03d}); upgrade the plugin before using this store</source>
      <translation>数据库已到迁移 {version:03d}（{name}），比本 CityGrid 版本所知的更新（最新为 {latest:03d}）；请先升级插件再使用该数据库</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/connections.py" line="91" />
      <source>there is no QGIS PostgreSQL connection named '{name}'; create it in the Browser panel (PostgreSQL ▸ New Connection) or pick another</source>
      <translation>没有名为“{name}”的 QGIS PostgreSQL 连接；请在浏览器面板中新建（PostgreSQL ▸ 新建连接）或选择其他连接</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/migrate.py" line="181" />
      <source>this store uses EPSG:{existing}; it cannot be changed to EPSG:{wanted}. Reproject the data into a new store instead</source>
      <translation>该数据库使用 EPSG:{existing}，不能改为 EPSG:{wanted}。请将数据重投影到一个新数据库</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/grids.py" line="181" />
      <source>total grid area {grids:,.1f} m², community area {communities:,.1f} m²</source>
      <translation>网格总面积 {grids:,.1f} m²，社区面积 {communities:,.1f} m²</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/migrate.py" line="90" />
      <source>two migrations share version {version}: {a} and {b}</source>
      <translation>两个迁移使用了同一版本号 {version}：{a} 和 {b}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/classes.py" line="278" />
      <source>unknown class table kind '{kind}'; use one of {allowed}</source>
      <translation>未知的分类表类型“{kind}”；请使用 {allowed} 之一</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/textio.py" line="27" />
      <source>unknown encoding '{encoding}'; use one of {allowed}</source>
      <translation>未知编码“{encoding}”；请使用 {allowed} 之一</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/gridcheck.py" line="561" />
      <source>unknown grid check {ids}; known checks: {known}</source>
      <translation>未知的网格检查项 {ids}；可用检查项：{known}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/classes.py" line="281" />
      <source>unknown profile '{profile}'; use one of {allowed}</source>
      <translation>未知标准“{profile}”；请使用 {allowed} 之一</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/codes.py" line="330" />
      <source>unknown profile '{value}'; use one of {allowed}</source>
      <translation>未知标准“{value}”；请使用 {allowed} 之一</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/connections.py" line="39" />
      <source>unknown store target kind '{kind}'</source>
      <translation>未知的数据库连接类型“{kind}”</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/gridcheck.py" line="528" />
      <source>warning</source>
      <translation>警告</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/grids.py" line="172" />
      <source>within bounds {lo:,.0f}–{hi:,.0f} m²: {share:.1%}</source>
      <translation>面积在 {lo:,.0f}–{hi:,.0f} m² 范围内的比例：{share:.1%}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/plugin.py" line="95" />
      <source>{action}: connect to a CityGrid store first (CityGrid ▸ Settings)</source>
      <translation>{action}：请先连接 CityGrid 数据库（CityGrid ▸ 设置）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_codegrids.py" line="91" />
      <source>{communities} communities: {new} new codes, {kept} kept, {reshaped} reshaped, {retired} retired</source>
      <translation>{communities} 个社区：新编码 {new}，沿用 {kept}，调整形状 {reshaped}，注销 {retired}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/grids.py" line="623" />
      <source>{count} barrier geometries are neither lines nor polygons (or have non-finite coordinates) and were ignored</source>
      <translation>{count} 个分隔要素既不是线也不是面（或坐标无效），已忽略</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/gridcheck.py" line="532" />
      <source>{count} error</source>
      <translation>{count} 个错误</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/gridcheck.py" line="532" />
      <source>{count} errors</source>
      <translation>{count} 个错误</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/gridcheck.py" line="534" />
      <source>{count} warning</source>
      <translation>{count} 个警告</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/gridcheck.py" line="534" />
      <source>{count} warnings</source>
      <translation>{count} 个警告</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/codes.py" line="94" />
      <source>{label} '{value}' contains full-width digits; use ASCII 0-9</source>
      <translation>{label}“{value}”含有全角数字；请使用半角数字 0-9</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/codes.py" line="240" />
      <source>{label} '{value}' contains non-digit characters {chars}</source>
      <translation>{label}“{value}”含有非数字字符 {chars}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/codes.py" line="89" />
      <source>{label} '{value}' has surrounding whitespace; remove it (codes are never trimmed silently)</source>
      <translation>{label}“{value}”首尾有空格；请删除（编码不会被自动去除空格）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/codes.py" line="159" />
      <source>{label} '{value}' is invalid; serials run {low}–{high}</source>
      <translation>{label}“{value}”无效；顺序码范围为 {low}–{high}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/codes.py" line="98" />
      <source>{label} '{value}' must be {width} digits</source>
      <translation>{label}“{value}”必须是 {width} 位数字</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/codes.py" line="223" />
      <source>{label} is empty</source>
      <translation>{label}为空</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/codes.py" line="250" />
      <source>{label} must be 15 digits, got {got} ('{value}')</source>
      <translation>{label}必须是 15 位，实际为 {got} 位（“{value}”）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/codes.py" line="398" />
      <source>{label} must be 16 digits (profile 2013) or 17 digits (profile 2026), got {got} ('{value}')</source>
      <translation>{label}必须是 16 位（2013 标准）或 17 位（2026 标准），实际为 {got} 位（“{value}”）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/codes.py" line="84" />
      <source>{label} must be text, got {type} {value!r}</source>
      <translation>{label}必须是文本，实际为 {type} {value!r}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/codes.py" line="392" />
      <source>{label} must be {want} digits for profile {profile}, got {got} ('{value}')</source>
      <translation>{profile} 标准的{label}必须是 {want} 位，实际为 {got} 位（“{value}”）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/codes.py" line="389" />
      <source>{label} must be {want} digits for profile {profile}, got {got} ('{value}'); {got} digits is the {other} profile; this store uses {profile}</source>
      <translation>{profile} 标准的{label}必须是 {want} 位，实际为 {got} 位（“{value}”）；{got} 位是 {other} 标准，本数据库使用 {profile} 标准</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/codes.py" line="155" />
      <source>{label} {value} is out of range {low}–{high}</source>
      <translation>{label} {value} 超出范围 {low}–{high}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdivisions.py" line="99" />
      <source>{layer} feature {fid}</source>
      <translation>{layer} 要素 {fid}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/geom.py" line="61" />
      <source>{layer} feature {fid}: {error}</source>
      <translation>{layer} 要素 {fid}：{error}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/geom.py" line="24" />
      <source>{layer} has no CRS; set the layer's CRS first</source>
      <translation>{layer} 没有坐标系；请先设置图层坐标系</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdivisions.py" line="81" />
      <source>{layer} has no field '{field}' (fields: {fields}); choose the right field in the algorithm's parameters</source>
      <translation>{layer} 没有字段“{field}”（现有字段：{fields}）；请在算法参数中选择正确的字段</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/geom.py" line="30" />
      <source>{layer} is in {crs} (degrees); working in EPSG:{epsg}, the CGCS2000 Gauss-Krüger zone of its longitude</source>
      <translation>{layer} 使用 {crs}（单位为度）；改用其经度所在的 CGCS2000 高斯-克吕格投影带 EPSG:{epsg} 处理</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/geom.py" line="35" />
      <source>{layer} is in {crs}, whose unit is not the metre; reproject it to the district's CGCS2000 Gauss-Krüger zone</source>
      <translation>{layer} 使用 {crs}，单位不是米；请重投影到该区县的 CGCS2000 高斯-克吕格投影带</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_partitiongrids.py" line="109" />
      <source>{layer}: features without geometry skipped: {ids}</source>
      <translation>{layer}：已跳过没有几何的要素：{ids}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_codegrids.py" line="69" />
      <source>{layer}: reprojecting from {src} to EPSG:{srid}</source>
      <translation>{layer}：从 {src} 重投影到 EPSG:{srid}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdepartments.py" line="69" />
      <source>{new} new, {updated} updated, {same} unchanged</source>
      <translation>新增 {new}，更新 {updated}，未变 {same}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_partitiongrids.py" line="111" />
      <source>{n} communities, {m} barrier features</source>
      <translation>{n} 个社区，{m} 个分隔要素</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/reference.py" line="113" />
      <source>{source} line {line}</source>
      <translation>{source} 第 {line} 行</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/textio.py" line="76" />
      <source>{source} line {line}: {got} values for {want} columns</source>
      <translation>{source} 第 {line} 行：有 {got} 个值，但有 {want} 列</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/textio.py" line="69" />
      <source>{source}: missing column(s) {missing}; found {found}</source>
      <translation>{source}：缺少列 {missing}；现有列为 {found}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/textio.py" line="42" />
      <source>{source}: neither UTF-8 nor GBK (undecodable byte at offset {offset}); save it as UTF-8 and try again</source>
      <translation>{source}：既不是 UTF-8 也不是 GBK（偏移 {offset} 处的字节无法解码）；请另存为 UTF-8 后重试</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/textio.py" line="35" />
      <source>{source}: not valid UTF-8 at byte {offset}; if the file comes from Excel on a Chinese Windows, choose GBK</source>
      <translation>{source}：第 {offset} 字节处不是有效的 UTF-8；如果文件来自中文 Windows 上的 Excel，请选择 GBK</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/textio.py" line="64" />
      <source>{source}: the file is empty</source>
      <translation>{source}：文件为空</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_createstore.py" line="73" />
      <source>{table}: {new} new, {updated} updated, {same} unchanged</source>
      <translation>{table}：新增 {new}，更新 {updated}，未变 {same}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/base.py" line="80" />
      <source>{target} holds no CityGrid store; run “Create or upgrade the CityGrid store” first</source>
      <translation>{target} 中没有 CityGrid 数据库；请先运行“创建或升级 CityGrid 数据库”</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/gridcheck.py" line="529" />
      <source>{title}: {count} ({severity})</source>
      <translation>{title}：{count}（{severity}）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/divisions.py" line="92" />
      <source>{where}: boundary is empty</source>
      <translation>{where}：边界为空</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/divisions.py" line="94" />
      <source>{where}: boundary is invalid ({reason}); repair it, e.g. with Processing ▸ Fix geometries</source>
      <translation>{where}：边界无效（{reason}）；请修复，例如使用“处理工具 ▸ 修复几何”</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/divisions.py" line="89" />
      <source>{where}: boundary must be a polygon, got {type}</source>
      <translation>{where}：边界必须是面，实际为 {type}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/divisions.py" line="74" />
      <source>{where}: community code {code} appears twice in street {street}</source>
      <translation>{where}：社区编码 {code} 在街道 {street} 中出现两次</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/divisions.py" line="71" />
      <source>{where}: community refers to street {street}, which is not in the streets layer</source>
      <translation>{where}：社区所属街道 {street} 不在街道图层中</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/reference.py" line="117" />
      <source>{where}: department code '{code}' appears twice</source>
      <translation>{where}：部门编码“{code}”出现两次</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/reference.py" line="115" />
      <source>{where}: department code is empty</source>
      <translation>{where}：部门编码为空</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/reference.py" line="121" />
      <source>{where}: department kind '{kind}' is not one of {allowed}</source>
      <translation>{where}：部门类型“{kind}”不是 {allowed} 之一</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/reference.py" line="119" />
      <source>{where}: department name is empty</source>
      <translation>{where}：部门名称为空</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/divisions.py" line="63" />
      <source>{where}: street belongs to district {other}, not {district}</source>
      <translation>{where}：街道属于区县 {other}，而不是 {district}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/divisions.py" line="66" />
      <source>{where}: street code {code} appears twice</source>
      <translation>{where}：街道编码 {code} 出现两次</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/divisions.py" line="58" />
      <source>{where}: the name is empty</source>
      <translation>{where}：名称为空</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/classes.py" line="140" />
      <source>{where}row {row} (code '{code}')</source>
      <translation>{where}第 {row} 行（代码“{code}”）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/classes.py" line="186" />
      <source>{where}row {row}: missing column(s) {missing}</source>
      <translation>{where}第 {row} 行：缺少列 {missing}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/base.py" line="47" />
      <source>…or pg_service name (instead of a QGIS connection)</source>
      <translation>…或 pg_service 名称（代替 QGIS 连接）</translation>
    </message>
  </context>
</TS>
