<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>CityGrid</name>
    <message>
      <location filename="citygrid_plugin/plugin.py" line="56" />
      <source>Add store layers</source>
      <translation>添加数据库图层</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_createstore.py" line="67" />
      <source>Applied migration {file}</source>
      <translation>已应用迁移 {file}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_createstore.py" line="45" />
      <source>CRS of a new store (projected, metres)</source>
      <translation>新数据库的坐标系（投影坐标，单位米）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/plugin.py" line="50" />
      <source>CityGrid</source>
      <translation>CityGrid</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/provider.py" line="26" />
      <source>CityGrid digital urban management</source>
      <translation>CityGrid 数字城管</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/settings_dialog.py" line="33" />
      <source>CityGrid settings</source>
      <translation>CityGrid 设置</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layers.py" line="64" />
      <source>CityGrid store</source>
      <translation>CityGrid 数据库</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layers.py" line="36" />
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
      <location filename="citygrid_plugin/processing/alg_importdivisions.py" line="57" />
      <source>Community code field</source>
      <translation>社区编码字段</translation>
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
      <location filename="citygrid_plugin/plugin.py" line="150" />
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
      <location filename="citygrid_plugin/plugin.py" line="57" />
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
      <location filename="citygrid_plugin/layers.py" line="36" />
      <source>Districts</source>
      <translation>区县</translation>
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
      <location filename="citygrid_plugin/processing/alg_importdivisions.py" line="130" />
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
      <location filename="citygrid_plugin/processing/alg_importdepartments.py" line="61" />
      <source>Read {n} rows ({encoding})</source>
      <translation>已读取 {n} 行（{encoding}）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/plugin.py" line="55" />
      <source>Settings…</source>
      <translation>设置…</translation>
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
      <location filename="citygrid_plugin/layers.py" line="36" />
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
      <location filename="citygrid_plugin/processing/alg_importdepartments.py" line="52" />
      <source>Updated departments</source>
      <translation>更新部门数</translation>
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
      <location filename="citygrid_plugin/processing/alg_importdivisions.py" line="103" />
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
      <location filename="citygrid_plugin/core/classes.py" line="87" />
      <source>code '{code}' is not major code + minor code ('{major}' + '{minor}')</source>
      <translation>代码“{code}”不等于大类代码 + 小类代码（“{major}” + “{minor}”）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/divisions.py" line="132" />
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
      <location filename="citygrid_plugin/store/divisions.py" line="140" />
      <source>community {code} extends {area:.1f} m² outside its street</source>
      <translation>社区 {code} 超出所属街道 {area:.1f} m²</translation>
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
      <location filename="citygrid_plugin/store/reference.py" line="118" />
      <source>departments</source>
      <translation>部门</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/reference.py" line="162" />
      <source>departments not loaded: {error}</source>
      <translation>部门未导入：{error}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdivisions.py" line="122" />
      <source>district {code}</source>
      <translation>区县 {code}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/divisions.py" line="148" />
      <source>divisions not loaded: {error}</source>
      <translation>行政区划未导入：{error}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/classes.py" line="143" />
      <source>duplicate code; already used by '{name}'</source>
      <translation>代码重复；已被“{name}”使用</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/classes.py" line="107" />
      <source>extra fields {value} must be identifiers like 'site_name'</source>
      <translation>扩展字段 {value} 必须是类似“site_name”的标识符</translation>
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
      <location filename="citygrid_plugin/store/db.py" line="23" />
      <source>the pg_service name is empty</source>
      <translation>pg_service 名称为空</translation>
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
      <location filename="citygrid_plugin/plugin.py" line="88" />
      <source>{action}: connect to a CityGrid store first (CityGrid ▸ Settings)</source>
      <translation>{action}：请先连接 CityGrid 数据库（CityGrid ▸ 设置）</translation>
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
      <location filename="citygrid_plugin/processing/alg_importdivisions.py" line="108" />
      <source>{layer} feature {fid}</source>
      <translation>{layer} 要素 {fid}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdivisions.py" line="90" />
      <source>{layer} has no field '{field}' (fields: {fields}); choose the right field in the algorithm's parameters</source>
      <translation>{layer} 没有字段“{field}”（现有字段：{fields}）；请在算法参数中选择正确的字段</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdivisions.py" line="96" />
      <source>{layer}: reprojecting from {src} to EPSG:{srid}</source>
      <translation>{layer}：从 {src} 重投影到 EPSG:{srid}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdepartments.py" line="69" />
      <source>{new} new, {updated} updated, {same} unchanged</source>
      <translation>新增 {new}，更新 {updated}，未变 {same}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/reference.py" line="118" />
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
      <location filename="citygrid_plugin/processing/alg_importdivisions.py" line="75" />
      <source>{target} holds no CityGrid store; run “Create or upgrade the CityGrid store” first ({error})</source>
      <translation>{target} 中没有 CityGrid 数据库；请先运行“创建或升级 CityGrid 数据库”（{error}）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/divisions.py" line="93" />
      <source>{where}: boundary is empty</source>
      <translation>{where}：边界为空</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/divisions.py" line="95" />
      <source>{where}: boundary is invalid ({reason}); repair it, e.g. with Processing ▸ Fix geometries</source>
      <translation>{where}：边界无效（{reason}）；请修复，例如使用“处理工具 ▸ 修复几何”</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/divisions.py" line="90" />
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
      <location filename="citygrid_plugin/store/reference.py" line="122" />
      <source>{where}: department code '{code}' appears twice</source>
      <translation>{where}：部门编码“{code}”出现两次</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/reference.py" line="120" />
      <source>{where}: department code is empty</source>
      <translation>{where}：部门编码为空</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/reference.py" line="126" />
      <source>{where}: department kind '{kind}' is not one of {allowed}</source>
      <translation>{where}：部门类型“{kind}”不是 {allowed} 之一</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/reference.py" line="124" />
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
