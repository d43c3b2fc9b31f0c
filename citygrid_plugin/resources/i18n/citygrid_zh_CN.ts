<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>CityGrid</name>
    <message>
      <location filename="citygrid_plugin/cli.py" line="237" />
      <source>  WARNING: replication slot {slot} is not the city's: whoever reads it reads every change of this store, personal data included; drop it unless you know it (SELECT pg_drop_replication_slot('…'))</source>
      <translation>  警告：复制槽 {slot} 不是市级平台的：读取它的人能读到此数据库的每一项变更，包括个人信息；除非清楚其用途，否则请删除（SELECT pg_drop_replication_slot('…')）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/cli.py" line="232" />
      <source>  last heard from the city: {at}</source>
      <translation>  最近一次收到市级平台消息：{at}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/cli.py" line="226" />
      <source>  not linked to a city (no replication slot)</source>
      <translation>  未连接市级平台（没有复制槽）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/cli.py" line="228" />
      <source>  the city is {state}; WAL kept for it: {mb:.1f} MB ({wal})</source>
      <translation>  市级平台{state}；为其保留的 WAL：{mb:.1f} MB（{wal}）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/cli.py" line="235" />
      <source>  {n} hand-overs taken now</source>
      <translation>  现已接收转办单 {n} 件</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="273" />
      <source> (Excel drops leading zeros: format the column as text and write {code})</source>
      <translation>（Excel 会去掉前导零：请把该列设为文本格式并写作 {code}）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/roster.py" line="102" />
      <source> (Excel shows a long number as 5.10104E+14: format the column as text)</source>
      <translation>（Excel 会把长数字显示为 5.10104E+14：请把该列设为文本格式）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/manualsheet.py" line="576" />
      <source> (and a note in 处置标准)</source>
      <translation>（处置标准一格可写说明）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="956" />
      <source> (inactive)</source>
      <translation>（已停用）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/themes.py" line="172" />
      <source> for {department}</source>
      <translation>（{department}）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/authorities.py" line="74" />
      <source> h</source>
      <translation> 小时</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="267" />
      <source> … ({n} in all)</source>
      <translation> …（共 {n} 个）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdxf.py" line="236" />
      <source> … and {n} more</source>
      <translation> ……另有 {n} 个</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/admin.py" line="479" />
      <source>'{action}' is not an action that needs an authorisation ({actions})</source>
      <translation>“{action}”不是需要审批的事项（{actions}）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/open311.py" line="106" />
      <source>'{login}' is a superuser; CityGrid does not manage superusers</source>
      <translation>“{login}”是超级用户；CityGrid 不管理超级用户</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/xlsx.py" line="111" />
      <source>'{name}' cannot be a sheet name: 1 to 31 characters, none of [ ] : * ? / \</source>
      <translation>“{name}”不能作工作表名：应为 1 到 31 个字符，且不含 [ ] : * ? / \</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_periodreport.py" line="415" />
      <source>'{text}' is not a quarter: the quarterly review takes a quarter, written YYYY-Qn (e.g. 2026-Q3)</source>
      <translation>“{text}”不是季度：季度点评需要一个季度，写作 YYYY-Qn（如 2026-Q3）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/manual.py" line="97" />
      <source>'{text}' is not a time limit: write a number and a unit, e.g. 4工作时, 90分钟, 24小时, 15工作日</source>
      <translation>“{text}”不是时限：请写数字和单位，例如 4工作时、90分钟、24小时、15工作日</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_periodreport.py" line="463" />
      <source>'{text}' is not a year: the annual report takes a year, written YYYY (e.g. 2026)</source>
      <translation>“{text}”不是年份：年度报告需要一个年份，写作 YYYY（如 2026）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/manual.py" line="103" />
      <source>'{text}': unknown time unit '{unit}'; use 小时, 分钟, 工作时 or 工作日</source>
      <translation>“{text}”：未知的时间单位“{unit}”；请用 小时、分钟、工作时 或 工作日</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/open311.py" line="250" />
      <source>'{value}' is not an ISO 8601 time (2024-05-01T08:30:00+08:00)</source>
      <translation>“{value}”不是 ISO 8601 时间（2024-05-01T08:30:00+08:00）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/evaluation.py" line="153" />
      <source>(1 − {rate})</source>
      <translation>（1 − {rate}）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcases.py" line="417" />
      <source>(none)</source>
      <translation>（无）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/action_dialog.py" line="224" />
      <source>(situation: {variant})</source>
      <translation>（情形：{variant}）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/photos.py" line="49" />
      <source>(unnamed)</source>
      <translation>（未命名）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="949" />
      <source>, </source>
      <translation>、</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="904" />
      <source>, e.g. {code}</source>
      <translation>，例如 {code}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/heatmap.py" line="113" />
      <source>0 (no case)</source>
      <translation>0（无案件）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/manual.py" line="124" />
      <source>0 (—): no limit of its own; the default applies</source>
      <translation>0（—）：不单独设时限，使用默认时限</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_periodreport.py" line="313" />
      <source>1–12: the months; </source>
      <translation>1–12 为月份；</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_partitiongrids.py" line="298" />
      <source>5th percentile area (m²)</source>
      <translation>面积第 5 百分位（m²）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_partitiongrids.py" line="299" />
      <source>95th percentile area (m²)</source>
      <translation>面积第 95 百分位（m²）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/settings_dialog.py" line="162" />
      <source>; department {department}</source>
      <translation>；所属部门 {department}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="425" />
      <source>; it is a {other} class ({name}): check the type column</source>
      <translation>；它是{other}类（{name}）：请检查类型列</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_periodreport.py" line="319" />
      <source>; {n} departments with nothing due in any month are not ranked</source>
      <translation>；另有 {n} 个专业部门各月均无应处置案件，未排名</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/desk.py" line="80" />
      <source>A case number has digits only (all of them, or its serial: the last 8 digits, leading zeros optional); got {number!r}</source>
      <translation>案卷编号只含数字（完整编号，或其流水号：末 8 位，前导零可省略）；收到的是 {number!r}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/routing.py" line="341" />
      <source>A case of this class here would go to {department} (by {reason})</source>
      <translation>此处此类案件将派遣至 {department}（依据：{reason}）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/manual.py" line="109" />
      <source>A class without its own limit for a stage takes the default limit of its kind.</source>
      <translation>类别在某一阶段没有自己的时限时，按其类型（事件、部件）的默认时限计。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_hotspots.py" line="47" />
      <source>A kernel density raster (热力图) of the cases reported in a window, with filters by kind, class, source, state and area. Computed exactly as QGIS's own “Heatmap (Kernel Density Estimation)” (qgis:heatmapkerneldensityestimation) computes it for the same points and parameters: same extent (the cases' extent grown by the radius), pixels, kernels and scaling — so the two can be compared or mixed. Note that QGIS 3.22's scaled quartic kernel sums to 7.25 times the case count (a constant in QGIS, kept here for consistency); raw values are counts weighted by the kernel.</source>
      <translation>时间窗口内上报案件的核密度栅格（热力图），可按类型、类别、来源、状态和区域筛选。计算方法与 QGIS 自带的“热力图（核密度估计）”（qgis:heatmapkerneldensityestimation）对相同点位和参数的计算完全一致：范围（案件范围向外扩展一个半径）、像元、核函数和缩放均相同，两者可以对比或混用。注意：QGIS 3.22 的缩放四次核总和为案件数的 7.25 倍（QGIS 中的常数，为保持一致在此保留）；原始值为按核函数加权的案件数。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/leader_figures.py" line="175" />
      <source>A month ago: {value}</source>
      <translation>上月同期：{value}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/staff.py" line="254" />
      <source>A new login needs a password.</source>
      <translation>新登录名需要设置密码。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_maps.py" line="29" />
      <source>A printed thematic map of a month (or any period) of the store, for the whole store or one district, street or community: case density per unit grid (graduated, Jenks natural breaks or quantiles, counts labelled at large scales), the on-time handling rate of the cases in each community or street (all departments, or one; communities with nothing due hatched grey), the component census coverage, or the hot spots of the period (Gi*, computed by “Hot spots per unit grid”). A4 or A3, landscape or portrait, PDF (vector, fonts embedded, Chinese text searchable) or PNG at the chosen resolution (default 300 dpi). Title, subtitle, legend, scale bar, north arrow, map date and data source on the page; street and community boundaries with their names; the store's 1:500 base map optional. The map is built from the store alone, not from the current project. Refused with the reason when there is nothing to map (no case reported in the period, nothing due for handling).</source>
      <translation>输出某月（或任意时段）的专题图，范围为整个数据库或某个区县、街道、社区：按单元网格的案件密度（分级设色，自然断点法或分位数分级，大比例尺下标注案件数）、各社区或街道内案件的按期处置率（全部部门或某一部门；无应处置案件的社区以灰色斜线表示）、部件普查覆盖情况，或统计期内的案件热点（Gi*，由“单元网格热点分析（Gi*）”计算）。A4 或 A3，横向或纵向，输出 PDF（矢量，嵌入字体，中文可检索）或指定分辨率的 PNG（默认 300 dpi）。图面包含标题、副标题、图例、比例尺、指北针、制图日期和数据来源，以及街道、社区界线及名称；可选叠加数据库中的 1:500 底图。专题图只依据数据库生成，与当前工程无关。没有可制图的内容时（统计期内无上报案件、无应处置案件）拒绝执行并说明原因。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/report_dialog.py" line="807" />
      <source>A report from {source} needs the reporter's name and phone number.</source>
      <translation>来自{source}的报告须填写举报人姓名和联系电话。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/manual.py" line="310" />
      <source>A situation is chosen by the shift leader when registering (e.g. 5吨以下 / 5吨以上); its limits replace the class's for the stages it gives.</source>
      <translation>情形由值班长在立案时选择（如 5吨以下 / 5吨以上）；情形给出的环节时限取代本分类的时限。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/report_dialog.py" line="254" />
      <source>A work order already in the store is not registered twice: the case that holds it is shown instead.</source>
      <translation>已在系统中的工单不会重复登记：将显示持有该工单的案卷。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/reports.py" line="177" />
      <source>A year before</source>
      <translation>去年同期</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/cli.py" line="150" />
      <source>API key (shown once, the store keeps only its SHA-256): {key}</source>
      <translation>API 密钥（只显示这一次，库中只保存其 SHA-256）：{key}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/workflow.py" line="48" />
      <source>Accept</source>
      <translation>受理</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/manual.py" line="34" />
      <source>Acceptance</source>
      <translation>受理</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/case_detail.py" line="124" />
      <source>Action</source>
      <translation>操作</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_censusprogress.py" line="49" />
      <source>Active grids</source>
      <translation>现行网格数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/responsibility.py" line="99" />
      <source>Add a layer of the unit grids coloured by the supervisor who answers for them today</source>
      <translation>添加按今日责任监督员着色的单元网格图层</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/sources.py" line="46" />
      <source>Add a source</source>
      <translation>新增来源</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/departments.py" line="117" />
      <source>Add area</source>
      <translation>加入属地</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/routing.py" line="117" />
      <source>Add as a new rule</source>
      <translation>新增规则</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_roles.py" line="78" />
      <source>Add or change a store user</source>
      <translation>添加或修改数据库用户</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/responsibility.py" line="157" />
      <source>Add period</source>
      <translation>添加期间</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/responsibility.py" line="213" />
      <source>Add person</source>
      <translation>添加人员</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/report_dialog.py" line="694" />
      <source>Add photos</source>
      <translation>添加照片</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/report_dialog.py" line="389" />
      <source>Add photos…</source>
      <translation>添加照片…</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/manual.py" line="322" />
      <source>Add situation</source>
      <translation>添加情形</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/plugin.py" line="105" />
      <source>Add store layers</source>
      <translation>添加数据库图层</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/staff.py" line="131" />
      <source>Add the grids selected on the map</source>
      <translation>加入地图上选中的网格</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/staff.py" line="225" />
      <source>Add the store layers first (CityGrid ▸ Add store layers), then select grids on the map.</source>
      <translation>请先加载数据库图层（CityGrid ▸ 添加数据库图层），再在地图上选择网格。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_coverage.py" line="77" />
      <source>Add the supervisors' evaluation over these days</source>
      <translation>同时输出这些天的监督员考核</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/workflow.py" line="54" />
      <source>Additional report</source>
      <translation>补充报告</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/case_detail.py" line="178" />
      <source>Additional reports ({n})</source>
      <translation>补充报告（{n}）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/report_dialog.py" line="299" />
      <source>Address</source>
      <translation>地址</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcases.py" line="203" />
      <source>Address column</source>
      <translation>地址列</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_manual.py" line="53" />
      <source>Administration</source>
      <translation>系统管理</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/plugin.py" line="152" />
      <source>Administration…</source>
      <translation>系统管理…</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/labels.py" line="40" />
      <source>Administrator</source>
      <translation>管理员</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/photos.py" line="42" />
      <source>After handling</source>
      <translation>处置</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="719" />
      <source>Against previous period</source>
      <translation>较上期变化</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="1013" />
      <source>Against the previous period's ranking, {name} fell most ({places} places).</source>
      <translation>与上期排名相比，{name}下降最多（{places} 位）。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="1010" />
      <source>Against the previous period's ranking, {name} rose most ({places} places).</source>
      <translation>与上期排名相比，{name}上升最多（{places} 位）。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/reports.py" line="321" />
      <source>All</source>
      <translation>全部</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/reports.py" line="222" />
      <source>All components</source>
      <translation>部件合计</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/reports.py" line="321" />
      <source>All departments</source>
      <translation>全部专业部门</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/city_queue.py" line="98" />
      <source>All districts</source>
      <translation>全部区县</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/reports.py" line="222" />
      <source>All events</source>
      <translation>事件合计</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/photos.py" line="278" />
      <source>All files (*)</source>
      <translation>所有文件 (*)</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcomponents.py" line="117" />
      <source>All or nothing</source>
      <translation>全部或全不</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/publication.py" line="290" />
      <source>All {n} streets with cases due handled {rate} of them on time.</source>
      <translation>有应处置案件的{n}个街道按期处置率均为{rate}。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcases.py" line="215" />
      <source>Already known (re-import)</source>
      <translation>已有案件（重复导入）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/patrol.py" line="229" />
      <source>Also visited: {grids}</source>
      <translation>另巡查：{grids}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/desk.py" line="90" />
      <source>An area is a street (3 or 9 digits), community (12) or grid (15) code; got {area!r}</source>
      <translation>区域应为街道（3 或 9 位）、社区（12 位）或网格（15 位）编码；收到的是 {area!r}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/labels.py" line="41" />
      <source>Analyst (read-only)</source>
      <translation>分析员（只读）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdxf.py" line="87" />
      <source>Annotation features</source>
      <translation>注记要素数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdxf.py" line="83" />
      <source>Annotations imported</source>
      <translation>导入的注记数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_periodreport.py" line="471" />
      <source>Annual comprehensive evaluation report</source>
      <translation>年度综合评价报告</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_periodreport.py" line="445" />
      <source>Annual comprehensive evaluation report (PDF)</source>
      <translation>年度综合评价报告（PDF）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/base.py" line="584" />
      <source>Applied (1) or not (0)</source>
      <translation>是否已写入（1 是，0 否）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_createstore.py" line="63" />
      <source>Applied migration {file}</source>
      <translation>已应用迁移 {file}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/manualfiles.py" line="161" />
      <source>Apply as a new version</source>
      <translation>应用为新版本</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/audit.py" line="32" />
      <source>Approvals</source>
      <translation>审批权限</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/authorities.py" line="118" />
      <source>Approvals saved ({n} granted).</source>
      <translation>审批权限已保存（共 {n} 项授权）。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/authorities.py" line="27" />
      <source>Approve an extension (延期)</source>
      <translation>批准延期</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/workflow.py" line="51" />
      <source>Approve extension</source>
      <translation>批准延期</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="645" />
      <source>Apr</source>
      <translation>4月</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/routing.py" line="46" />
      <source>Area</source>
      <translation>区域</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/leader.py" line="330" />
      <source>As of {time} · changes against the same point of last month</source>
      <translation>截至 {time} · 增减均与上月同期相比</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/action_dialog.py" line="123" />
      <source>Assisting departments</source>
      <translation>协办部门</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/workflow.py" line="54" />
      <source>Assisting note</source>
      <translation>协办反馈</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/photos.py" line="287" />
      <source>At most {n} photos per stage: {name} not added</source>
      <translation>每个环节最多 {n} 张照片：{name} 未添加</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/photos.py" line="42" />
      <source>At report</source>
      <translation>上报</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_platform.py" line="146" />
      <source>At the city platform: hands a case (a 12345 complaint, a leader's instruction…) to the district it lies in (市级转办). The district's store makes it a case with source 市级转办 in its queue as soon as the district is reached (also after the network or the district was down: exactly once), and its progress comes back to the city (“Hand-overs” view: sent, accepted with the case number and its state, or refused with the reason). The position must lie in one of the district's unit grids; leave the district empty to use the district the position lies in. A work-order number already handed to the same district adds nothing. Operators and shift leaders of the city.</source>
      <translation>在市级平台上把案件（12345 投诉、领导批示……）转交其所在区县办理（市级转办）。区平台一连通即在其案件队列中生成来源为“市级转办”的案件（网络或区平台中断后恢复也一样：恰好一次），办理进展回传市级平台（“转办”视图：已发送、已接收（含案件编号和状态）或被拒（含原因））。位置须在该区县的单元网格内；区县留空则按位置所在区县转办。同一工单号再次转交同一区县不会重复生成。限市级平台的受理员和值班长。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/reporttext.py" line="199" />
      <source>At the end of the month {overdue} cases were overdue, {change}; {handling} of them with the departments.</source>
      <translation>月末超期在办案件 {overdue} 件，{change}；其中专业部门处置中 {handling} 件。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_maps.py" line="75" />
      <source>Atlas file (PDF, or PNG pages)</source>
      <translation>图集文件（PDF，或逐页 PNG）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/atlas.py" line="58" />
      <source>Atlas mask</source>
      <translation>图集遮罩</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_maps.py" line="63" />
      <source>Atlas: one page per street</source>
      <translation>图集：每个街道一页</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/report_dialog.py" line="438" />
      <source>Attach to this case</source>
      <translation>并入此案卷</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="645" />
      <source>Aug</source>
      <translation>8月</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_admin.py" line="288" />
      <source>Authorities CSV</source>
      <translation>审批权限 CSV</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/reports.py" line="314" />
      <source>Average (working hours)</source>
      <translation>平均（工作小时）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/reports.py" line="313" />
      <source>Average handling time</source>
      <translation>处置平均时长</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/workflow.py" line="30" />
      <source>Awaiting acceptance</source>
      <translation>待受理</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/workflow.py" line="33" />
      <source>Awaiting check</source>
      <translation>待核查</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/workflow.py" line="33" />
      <source>Awaiting closing</source>
      <translation>待结案</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/workflow.py" line="31" />
      <source>Awaiting dispatch</source>
      <translation>待派遣</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/workflow.py" line="31" />
      <source>Awaiting registration</source>
      <translation>待立案</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/workflow.py" line="30" />
      <source>Awaiting verification</source>
      <translation>待核实</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcases.py" line="196" />
      <source>BD-09 longitude/latitude (Baidu)</source>
      <translation>BD-09 经纬度（百度）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/calendar.py" line="126" />
      <source>Back to the weekly rule</source>
      <translation>恢复按周规则</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_partitiongrids.py" line="90" />
      <source>Barrier lines (roads, rivers, walls)</source>
      <translation>分隔线（道路、河流、围墙）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/base.py" line="65" />
      <source>Base map</source>
      <translation>底图</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layers.py" line="91" />
      <source>Base map annotations</source>
      <translation>底图注记</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layers.py" line="92" />
      <source>Base map areas</source>
      <translation>底图面</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_fieldpackage.py" line="89" />
      <source>Base map layers to copy into the package</source>
      <translation>复制到数据包的底图图层</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layers.py" line="91" />
      <source>Base map lines</source>
      <translation>底图线</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/workflow.py" line="32" />
      <source>Being handled</source>
      <translation>处置中</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/staff.py" line="51" />
      <source>Belongs to department</source>
      <translation>所属部门</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="738" />
      <source>Best month</source>
      <translation>最好月份</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/plugin.py" line="137" />
      <source>Big screen</source>
      <translation>指挥大屏</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/labels.py" line="41" />
      <source>Big screen (read-only)</source>
      <translation>大屏（只读）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/manual.py" line="226" />
      <source>Bold: the manual has a page for the class.</source>
      <translation>粗体：指挥手册中已有该分类的条目。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_partitiongrids.py" line="302" />
      <source>Boundary adherence (share of barrier length on grid edges)</source>
      <translation>边界贴合度（分隔线位于网格边上的长度比例）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdxf.py" line="87" />
      <source>Boundary features</source>
      <translation>境界要素数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_fieldpackage.py" line="311" />
      <source>Brings a field-work package back into the store and the store's changes into the package, by comparing three states of every component: the package as exported (or last synced), the package now and the store now. New features are inserted (the store issues their codes), changed features updated and deleted ones retired, when the store still holds the version the package started from; components changed in the store and untouched in the field are refreshed in the package. A component changed on both sides (or deleted on one and changed on the other) is a conflict: nothing is applied for it; it is listed in the output and in the package's table _citygrid_conflicts, where writing 'local' or 'remote' in the resolution column decides it at the next sync. All store writes happen in one transaction: on any error nothing is written and the package is unchanged, and the message names the feature. Running the sync again changes nothing.</source>
      <translation>比较每个部件的三种状态（导出时或上次同步时的数据包、现在的数据包、现在的数据库），将外业数据包写回数据库，并把数据库的变化带回数据包。当数据库仍为数据包起始的版本时：新要素插入（由数据库发放编码），修改的要素更新，删除的要素注销；数据库中修改而外业未动的部件在数据包中刷新。两边都修改（或一边删除、另一边修改）的部件为冲突：不做任何处理，列在输出和数据包的 _citygrid_conflicts 表中，在 resolution 列填写 'local' 或 'remote' 后，下次同步按其裁决。所有数据库写入在一个事务中完成：出现任何错误时数据库不写入、数据包不改动，并在消息中指明要素。再次同步不会产生任何变化。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_patrolsync.py" line="55" />
      <source>Brings supervisors' patrol packages back from QField into the store. Give one package folder, or a folder holding several (one sub-folder each). New reports become cases (source 监督员上报) with their photos, observed time and position accuracy; verdicts on verify and check tasks become the supervisor's actions (核实, 作废, 核查通过, 返工) with the note and the photo; tracks are cleaned (a bad fix dropped, a track split where the time goes back or it jumps) and stored. The sync acts as the package's supervisor, so the audit shows him: connect with his login (the store owner may sync for him). Each item goes into the store on its own: a refused report, photo or verdict is listed and stays in the package for the next sync, the rest arrives. A verdict on a case someone else moved on is a conflict: listed with who did what when and kept in the package's table _citygrid_conflicts. Running it again adds nothing; a sync interrupted before the package was written is completed by the next. Afterwards the package's task layer holds his current tasks (a verdict not yet taken is left as he recorded it). A package of another store, of another supervisor or not registered is refused.</source>
      <translation>将监督员在 QField 中使用的巡查数据包同步回数据库。可选择一个数据包文件夹，或包含多个数据包的文件夹（每个数据包一个子文件夹）。新的上报立为案件（来源：监督员上报），连同照片、发现时间和定位精度；核实、核查任务上的现场结论成为该监督员的操作（核实、作废、核查通过、返工），连同说明和照片；轨迹经清理（舍弃定位错误点，在时间倒退或跳变处分段）后存入。同步以数据包所属监督员的身份进行，审计记录显示其本人：请用他的账号连接（数据库所有者可代其同步）。每一项单独存入数据库：被拒收的上报、照片或结论会列出并保留在数据包中待下次同步，其余照常存入。案件已被他人处理后的结论为冲突：列出谁在何时做了什么，并保留在数据包的 _citygrid_conflicts 表中。再次同步不会重复添加；数据包写入前中断的同步会由下一次同步补全。同步后数据包的任务图层为其当前任务（尚未执行的结论保持原样）。来自其他数据库、属于其他监督员或未登记的数据包将被拒绝。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/plugin.py" line="121" />
      <source>Build patrol packages (QField)…</source>
      <translation>生成巡查数据包（QField）…</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_patrolpackage.py" line="145" />
      <source>Build patrol packages for supervisors (QField)</source>
      <translation>生成监督员巡查数据包（QField）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdxf.py" line="85" />
      <source>Building features</source>
      <translation>建筑要素数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/audit.py" line="21" />
      <source>By</source>
      <translation>操作人</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdxf.py" line="79" />
      <source>CAD layer mapping, e.g. DLSS=road;JMD=building (optional)</source>
      <translation>CAD 图层对应关系，如 DLSS=road;JMD=building（可选）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdxf.py" line="129" />
      <source>CAD layers not in the layer mapping, imported as 'other': {layers}. If they hold roads, buildings, water … add them to the layer mapping (e.g. {example}=road) and import again</source>
      <translation>以下 CAD 图层不在对应关系中，已按“其他”导入：{layers}。如果其中是道路、建筑、水系等，请加入图层对应关系（例如 {example}=road）后重新导入</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdxf.py" line="93" />
      <source>CAD layers not in the mapping</source>
      <translation>未对应的 CAD 图层</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/gridcheck.py" line="577" />
      <source>CANCELLED: validation incomplete ({errors}, {warnings} so far)</source>
      <translation>已取消：检查未完成（目前 {errors}，{warnings}）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_createstore.py" line="41" />
      <source>CRS of a new store (projected, metres)</source>
      <translation>新数据库的坐标系（投影坐标，单位米）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcomponents.py" line="106" />
      <source>CRS of the CSV coordinates</source>
      <translation>CSV 坐标的坐标系</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdxf.py" line="77" />
      <source>CRS of the drawing's coordinates (default: the store CRS)</source>
      <translation>图中坐标所用的坐标系（默认：数据库坐标系）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcomponents.py" line="201" />
      <source>CSV coordinates: reprojecting from {src} to {dst}</source>
      <translation>CSV 坐标：从 {src} 重投影到 {dst}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcases.py" line="184" />
      <source>CSV encoding</source>
      <translation>CSV 编码</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_admin.py" line="111" />
      <source>Calendar CSV</source>
      <translation>工作日历 CSV</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/calendar.py" line="316" />
      <source>Calendar saved: {what}.</source>
      <translation>工作日历已保存：{what}。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/action_dialog.py" line="237" />
      <source>Call</source>
      <translation>回访电话</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/workflow.py" line="53" />
      <source>Cancel</source>
      <translation>作废</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/authorities.py" line="28" />
      <source>Cancel a case (作废)</source>
      <translation>作废案件</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/workflow.py" line="69" />
      <source>Cancel case {case}? A cancelled case cannot be reopened.</source>
      <translation>确定作废案件 {case}？作废后不能恢复。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/evaluation.py" line="593" />
      <source>Cancelled</source>
      <translation>作废数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/workflow.py" line="34" />
      <source>Case cancelled</source>
      <translation>已作废</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/workflow.py" line="33" />
      <source>Case closed</source>
      <translation>已结案</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_hotspots.py" line="68" />
      <source>Case density</source>
      <translation>案件密度</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_hotspots.py" line="44" />
      <source>Case density raster</source>
      <translation>案件密度栅格</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/heatmap.py" line="135" />
      <source>Case heatmap</source>
      <translation>案件热力图</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/base.py" line="64" />
      <source>Case intake and work forms</source>
      <translation>案卷受理与派遣单</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/workform.py" line="342" />
      <source>Case location</source>
      <translation>案件位置</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/report_dialog.py" line="100" />
      <source>Case no.</source>
      <translation>案件编号</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/workform.py" line="536" />
      <source>Case number</source>
      <translation>案卷编号</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/workform.py" line="696" />
      <source>Case number {number}</source>
      <translation>案卷编号 {number}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/report_dialog.py" line="838" />
      <source>Case number: {case}</source>
      <translation>案卷编号：{case}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_workform.py" line="68" />
      <source>Case numbers (separated by commas or spaces)</source>
      <translation>案卷编号（以逗号或空格分隔）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/case_queue.py" line="117" />
      <source>Case queue</source>
      <translation>案件队列</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/settings_dialog.py" line="69" />
      <source>Case queue tabs</source>
      <translation>案件队列显示的岗位</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/workflow.py" line="48" />
      <source>Case reported</source>
      <translation>上报</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/report_dialog.py" line="838" />
      <source>Case saved</source>
      <translation>登记成功</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/audit.py" line="30" />
      <source>Case sources</source>
      <translation>问题来源</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_admin.py" line="188" />
      <source>Case sources (问题来源) from a CSV file (GBK or UTF-8) with the columns 名称, 英文名称, 可信 (是/否: a trusted source's cases need no verification on site), 需登记举报人 (是/否: a report needs the reporter's name and phone), 上报角色 (the only role that may report under it, short or Chinese name; empty: any role), 启用 (是/否) and optionally 顺序 (the order in lists). A source already in the store is changed, a new one added; an empty cell keeps the store's value (a new source: not trusted, no reporter needed, active). Sources not in the file stay as they are: cases refer to them, so disable one with 启用 = 否. Every problem is reported at once and nothing is changed. Dry run lists the changes only.</source>
      <translation>从 CSV 文件（GBK 或 UTF-8）导入问题来源，列为 名称、英文名称、可信（是/否：可信来源的案件无需现场核实）、需登记举报人（是/否：上报须登记举报人姓名和电话）、上报角色（唯一可按此来源上报的角色，英文简称或中文名；留空：任何角色）、启用（是/否），以及可选的 顺序（列表中的次序）。库中已有的来源被修改，新的来源被添加；留空的单元格保留库中的值（新来源：不可信、无需登记举报人、启用）。文件中没有的来源保持不变：案件引用着它们，如需停用请写 启用 = 否。所有问题一次列出，且不做任何修改。试运行只列出将要做的修改。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/workform.py" line="439" />
      <source>Case state</source>
      <translation>案卷状态</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/workform.py" line="216" />
      <source>Case work forms</source>
      <translation>案卷派遣单</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_workform.py" line="51" />
      <source>Case work forms (PDF)</source>
      <translation>案卷派遣单（PDF）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/city_queue.py" line="341" />
      <source>Case {case} cannot be shown in the map's CRS</source>
      <translation>案件 {case} 无法在地图的坐标系中显示</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/plugin.py" line="459" />
      <source>Case {case} reported</source>
      <translation>案卷 {case} 已登记</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/desk.py" line="164" />
      <source>Case {id} does not exist or is not yours to see</source>
      <translation>案卷 {id} 不存在或您无权查看</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="819" />
      <source>Cases</source>
      <translation>案件数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="770" />
      <source>Cases a month</source>
      <translation>月均案件数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/reports.py" line="134" />
      <source>Cases by department</source>
      <translation>专业部门案卷分布</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_periodreport.py" line="429" />
      <source>Cases by month</source>
      <translation>各月案件数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/reports.py" line="122" />
      <source>Cases by state</source>
      <translation>案卷状态分布</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/leader_figures.py" line="51" />
      <source>Cases closed (结案) today</source>
      <translation>今日结案的案件</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/leader_figures.py" line="58" />
      <source>Cases closed on time (正常结案), of those registered this month</source>
      <translation>本月立案案件中按期结案（正常结案）的</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcases.py" line="215" />
      <source>Cases created</source>
      <translation>新建案件</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/leader_figures.py" line="50" />
      <source>Cases dispatched to a department today</source>
      <translation>今日派遣至专业部门的案件</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_evaluation.py" line="52" />
      <source>Cases evaluated</source>
      <translation>参与评价的案件数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/reports.py" line="314" />
      <source>Cases handled</source>
      <translation>处置案件数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/leader_figures.py" line="57" />
      <source>Cases handled by their deadline, of those due for handling this month</source>
      <translation>本月应处置案件中按期处置的</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcases.py" line="181" />
      <source>Cases layer (GeoPackage, shapefile, …)</source>
      <translation>案件图层（GeoPackage、shapefile 等）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/leader_figures.py" line="52" />
      <source>Cases not yet closed or cancelled, deferred ones (挂账) included</source>
      <translation>尚未结案或作废的案件（含挂账）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/report_dialog.py" line="771" />
      <source>Cases of the same class nearby are listed here once the point and the class are chosen.</source>
      <translation>选定位置和类别后，这里列出附近同类别的案卷。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/case_queue.py" line="609" />
      <source>Cases of the same class nearby in the last 30 days:
{cases}

Register anyway?</source>
      <translation>最近 30 天附近有同类案件：
{cases}

仍要立案吗？</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_monthlyreport.py" line="240" />
      <source>Cases per day</source>
      <translation>每日案件数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_monthlyreport.py" line="273" />
      <source>Cases per day, {month}</source>
      <translation>{month}每日案件数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/heatmap.py" line="195" />
      <source>Cases per grid</source>
      <translation>网格案件数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/themes.py" line="114" />
      <source>Cases per unit grid</source>
      <translation>单元网格案件数（件）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/leader_figures.py" line="49" />
      <source>Cases registered (立案) today</source>
      <translation>今日立案的案件</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="926" />
      <source>Cases reported by month: {items}.</source>
      <translation>各月上报案件：{items}。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_evaluation.py" line="102" />
      <source>Cases reported in the period</source>
      <translation>统计期内上报的案件数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/leader_figures.py" line="55" />
      <source>Cases reported this month</source>
      <translation>本月上报的案件</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/leader_figures.py" line="48" />
      <source>Cases reported today, from midnight until now</source>
      <translation>今日零时至今上报的案件</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_censusprogress.py" line="47" />
      <source>Census coverage</source>
      <translation>普查覆盖</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layers.py" line="90" />
      <source>Census progress</source>
      <translation>普查进度</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/reporttext.py" line="145" />
      <source>Change</source>
      <translation>环比</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/audit.py" line="22" />
      <source>Change (old → new)</source>
      <translation>变更（原值 → 新值）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/audit.py" line="77" />
      <source>Change log</source>
      <translation>变更记录</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/manualfiles.py" line="153" />
      <source>Change note (修改说明)</source>
      <translation>修改说明</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="804" />
      <source>Change per month</source>
      <translation>月均变化</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="804" />
      <source>Change per month (%)</source>
      <translation>月均变化率（%）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/routing.py" line="119" />
      <source>Change the selected rule</source>
      <translation>修改所选规则</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/manual.py" line="350" />
      <source>Changed items</source>
      <translation>修改项数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/base.py" line="582" />
      <source>Changes</source>
      <translation>变更数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/workflow.py" line="62" />
      <source>Check</source>
      <translation>核查</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_patrolpackage.py" line="526" />
      <source>Check a project for QField</source>
      <translation>检查工程能否在 QField 中使用</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/workflow.py" line="53" />
      <source>Check passed</source>
      <translation>核查通过</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/workform.py" line="258" />
      <source>Check photo</source>
      <translation>核查</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/workform.py" line="252" />
      <source>Check stage</source>
      <translation>核查</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/evaluation.py" line="600" />
      <source>Checked on time</source>
      <translation>按期核查数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/reporttext.py" line="106" />
      <source>Checked on time (%)</source>
      <translation>按期核查率（%）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_validategrids.py" line="36" />
      <source>Checks a set of unit grids before publishing: gaps and overlaps, invalid, empty or multipart geometry, grids crossing community boundaries or outside every community, missing, malformed or duplicate codes, codes whose first 12 digits are not the grid's community, and area outliers (below 0.4× or above 2× the target: warnings). Writes one feature per problem with its message, where it is, and prints a summary. Errors fail the gate; warnings don't. With “Fail on errors” the algorithm itself fails, so a script or a model stops before publishing bad grids.</source>
      <translation>发布前检查一组单元网格：缝隙与重叠，无效、空或多部件几何，跨越社区边界或不在任何社区内的网格，缺失、格式错误或重复的编码，前 12 位与所属社区不符的编码，以及面积异常（低于目标 0.4 倍或高于 2 倍：警告）。每个问题输出一个要素（含说明和位置），并输出汇总。有错误即不通过，警告不影响通过。勾选“有错误时失败”后算法本身会失败，使脚本或模型在发布错误网格之前停止。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/evaluation.py" line="599" />
      <source>Checks due</source>
      <translation>应核查数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_validatecomponents.py" line="40" />
      <source>Checks the components in the store: codes that do not parse against the store's class table, missing required fields (a construction site's name, a bus stop's name…), components whose location and recorded grid disagree (e.g. after grids were split), components outside every unit grid (errors), and suspected duplicates: the same class within the store's duplicate tolerance (warnings). Writes one point per problem and a summary; with “Fail on errors” the algorithm fails when there are errors.</source>
      <translation>检查数据库中的部件：按数据库分类表无法解析的编码、缺少必填字段（工地名称、公交站名等）、位置与记录的所在网格不符（如网格拆分之后）、不在任何单元网格内（以上为错误），以及疑似重复：同类部件在数据库重复容差范围内（警告）。每个问题输出一个点并输出汇总；勾选“有错误时失败”后，有错误时算法失败。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/manual.py" line="230" />
      <source>Choose a class on the left.</source>
      <translation>请在左侧选择一个分类。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/classes.py" line="200" />
      <source>Choose a major class or type a new major code.</source>
      <translation>请选择大类，或输入新的大类代码。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/departments.py" line="230" />
      <source>Choose a street or community from the list (type part of its name or code).</source>
      <translation>请从列表中选择街道或社区（输入名称或代码的一部分）。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/routing.py" line="267" />
      <source>Choose the class: type its Chinese name or code and pick it from the list.</source>
      <translation>请选择类别：输入中文名称或编码，并从列表中选择。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/routing.py" line="271" />
      <source>Choose the department the cases go to.</source>
      <translation>请选择案件派遣到的部门。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/report_dialog.py" line="798" />
      <source>Choose the source of the report.</source>
      <translation>请选择问题来源。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/responsibility.py" line="357" />
      <source>Choose the supervisor who answers for the grid.</source>
      <translation>请选择负责该网格的监督员。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/city_queue.py" line="84" />
      <source>City cases</source>
      <translation>全市案件</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/bigscreen.py" line="241" />
      <source>City management command centre</source>
      <translation>城市管理监督指挥中心</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/plugin.py" line="99" />
      <source>CityGrid</source>
      <translation>CityGrid</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/dialog.py" line="69" />
      <source>CityGrid administration</source>
      <translation>CityGrid 系统管理</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/bigscreen.py" line="183" />
      <source>CityGrid command centre</source>
      <translation>CityGrid 指挥大屏</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/provider.py" line="48" />
      <source>CityGrid digital urban management</source>
      <translation>CityGrid 数字城管</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/settings_dialog.py" line="39" />
      <source>CityGrid settings</source>
      <translation>CityGrid 设置</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layers.py" line="232" />
      <source>CityGrid store</source>
      <translation>CityGrid 数据库</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="802" />
      <source>Class</source>
      <translation>类别</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/reports.py" line="326" />
      <source>Class ({kind})</source>
      <translation>类别（{kind}）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/manualfiles.py" line="148" />
      <source>Class (分类)</source>
      <translation>分类</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/manual.py" line="110" />
      <source>Class code</source>
      <translation>类别代码</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_platform.py" line="160" />
      <source>Class code (e.g. 0102)</source>
      <translation>类别代码（如 0102）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/base.py" line="333" />
      <source>Class codes, comma-separated (2-digit major or 4/5-digit class; empty: all)</source>
      <translation>类别代码，逗号分隔（2 位大类或 4/5 位小类；留空：全部）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcases.py" line="201" />
      <source>Class column (code or Chinese name)</source>
      <translation>分类列（代码或中文名称）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/manual.py" line="110" />
      <source>Class name</source>
      <translation>类别名称</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/heatmap.py" line="182" />
      <source>Classes</source>
      <translation>类别</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_evaluation.py" line="98" />
      <source>Classes in the rankings</source>
      <translation>排名中的类别数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/base.py" line="460" />
      <source>Classes of the case counts</source>
      <translation>案件数分级方法</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="854" />
      <source>Classes that improved most</source>
      <translation>改善最明显的问题类别</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="855" />
      <source>Classes that worsened most</source>
      <translation>恶化最明显的问题类别</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_manual.py" line="100" />
      <source>Classes with a page in the manual</source>
      <translation>有手册条目的类别数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/case_search.py" line="112" />
      <source>Clear</source>
      <translation>清空</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/leader.py" line="206" />
      <source>Click a figure to list its cases</source>
      <translation>点击数字可列出相应案件</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/report_dialog.py" line="527" />
      <source>Click the map where the problem is, or type a grid code.</source>
      <translation>请在地图上点击问题位置，或输入网格编码。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/workflow.py" line="53" />
      <source>Close</source>
      <translation>结案</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/workflow.py" line="71" />
      <source>Close case {case}? A closed case cannot be reopened.</source>
      <translation>确定结案 {case}？结案后不能恢复。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/manualfiles.py" line="119" />
      <source>Close dialog</source>
      <translation>关闭</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/bigscreen.py" line="247" />
      <source>Close the big screen (Esc leaves full screen)</source>
      <translation>关闭大屏（Esc 退出全屏）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/report_dialog.py" line="198" />
      <source>Close the form</source>
      <translation>关闭</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/photos.py" line="109" />
      <source>Close the photo</source>
      <translation>关闭</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/dialog.py" line="103" />
      <source>Close the window</source>
      <translation>关闭窗口</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/evaluation.py" line="595" />
      <source>Closed</source>
      <translation>结案数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/evaluation.py" line="596" />
      <source>Closed on time</source>
      <translation>按期结案数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_open311.py" line="153" />
      <source>Closed requests skipped</source>
      <translation>跳过的已关闭请求</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/bigscreen.py" line="262" />
      <source>Closed today</source>
      <translation>今日结案</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/manual.py" line="36" />
      <source>Closing</source>
      <translation>结案</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/evaluation.py" line="603" />
      <source>Closing rate</source>
      <translation>结案率</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/reporttext.py" line="102" />
      <source>Closing rate (%)</source>
      <translation>结案率（%）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/workform.py" line="253" />
      <source>Closing stage</source>
      <translation>结案</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/manual_view.py" line="44" />
      <source>Closing standard</source>
      <translation>结案标准</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/manual.py" line="242" />
      <source>Closing standard (结案标准)</source>
      <translation>结案标准</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/indicators.py" line="28" />
      <source>Code</source>
      <translation>代码</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/manual.py" line="98" />
      <source>Code profile {profile}, version {version}</source>
      <translation>代码标准 {profile}，第 {version} 版</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_codegrids.py" line="35" />
      <source>Code unit grids</source>
      <translation>单元网格编码</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_codegrids.py" line="55" />
      <source>Coded unit grids</source>
      <translation>已编码单元网格</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_hotspots.py" line="121" />
      <source>Cold spot grids</source>
      <translation>冷点网格数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/hotspots.py" line="429" />
      <source>Cold spot – 90 % confidence</source>
      <translation>冷点 90% 置信</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/hotspots.py" line="430" />
      <source>Cold spot – 95 % confidence</source>
      <translation>冷点 95% 置信</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/hotspots.py" line="431" />
      <source>Cold spot – 99 % confidence</source>
      <translation>冷点 99% 置信</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/manualfiles.py" line="113" />
      <source>Column</source>
      <translation>列</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/manual.py" line="176" />
      <source>Command manual</source>
      <translation>指挥手册</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/manual.py" line="634" />
      <source>Command manual (*.xlsx *.csv);;Excel workbook (*.xlsx);;CSV (*.csv)</source>
      <translation>指挥手册 (*.xlsx *.csv);;Excel 工作簿 (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_manual.py" line="99" />
      <source>Command manual file</source>
      <translation>指挥手册文件</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_manual.py" line="143" />
      <source>Command manual file (.xlsx or .csv)</source>
      <translation>指挥手册文件（.xlsx 或 .csv）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layers.py" line="88" />
      <source>Communities</source>
      <translation>社区</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdivisions.py" line="61" />
      <source>Communities (社区)</source>
      <translation>社区</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdivisions.py" line="71" />
      <source>Communities loaded</source>
      <translation>已导入社区数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="802" />
      <source>Community</source>
      <translation>社区</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/maps.py" line="149" />
      <source>Community boundaries</source>
      <translation>社区界</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_codegrids.py" line="54" />
      <source>Community code (12 digits)</source>
      <translation>社区编码（12 位）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdivisions.py" line="64" />
      <source>Community code field</source>
      <translation>社区编码字段</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_validategrids.py" line="50" />
      <source>Community code of a grid (12 digits)</source>
      <translation>网格所属社区编码（12 位）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdivisions.py" line="66" />
      <source>Community name field</source>
      <translation>社区名称字段</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdivisions.py" line="62" />
      <source>Community's street code field</source>
      <translation>社区所属街道编码字段</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_partitiongrids.py" line="301" />
      <source>Compactness (Polsby-Popper median)</source>
      <translation>紧凑度（Polsby-Popper 中位数）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_monthlyreport.py" line="158" />
      <source>Compiled on {date}</source>
      <translation>编制日期：{date}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/common.py" line="34" />
      <source>Component</source>
      <translation>部件</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/base.py" line="63" />
      <source>Component census</source>
      <translation>部件普查</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_fieldpackage.py" line="167" />
      <source>Component census package {name}</source>
      <translation>部件普查外业数据包 {name}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/audit.py" line="31" />
      <source>Component classes</source>
      <translation>部件小类</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_fieldpackage.py" line="175" />
      <source>Component classes ({kind})</source>
      <translation>部件小类（{kind}）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/workform.py" line="451" />
      <source>Component code</source>
      <translation>部件编码</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_validatecomponents.py" line="50" />
      <source>Component problems</source>
      <translation>部件问题</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/report_dialog.py" line="561" />
      <source>Component {code}; owner (先属主): {owner}</source>
      <translation>部件 {code}；先属主（权属单位）：{owner}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_censusprogress.py" line="50" />
      <source>Components</source>
      <translation>部件数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layers.py" line="90" />
      <source>Components (lines)</source>
      <translation>部件（线）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layers.py" line="89" />
      <source>Components (points)</source>
      <translation>部件（点）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layers.py" line="90" />
      <source>Components (polygons)</source>
      <translation>部件（面）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_fieldpackage.py" line="329" />
      <source>Components already in the store (earlier interrupted sync)</source>
      <translation>已在数据库中的部件数（之前中断的同步）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_fieldpackage.py" line="93" />
      <source>Components exported</source>
      <translation>导出的部件数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_fieldpackage.py" line="327" />
      <source>Components inserted</source>
      <translation>插入的部件数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcomponents.py" line="101" />
      <source>Components layer</source>
      <translation>部件图层</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_fieldpackage.py" line="328" />
      <source>Components retired</source>
      <translation>注销的部件数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_fieldpackage.py" line="327" />
      <source>Components updated</source>
      <translation>更新的部件数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/evaluation.py" line="607" />
      <source>Composite score</source>
      <translation>综合得分</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_monthlyreport.py" line="190" />
      <source>Composite score by department</source>
      <translation>各专业部门综合得分</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/evaluation.py" line="286" />
      <source>Composite score of departments: each rate times its weight; the weights usually add up to 100</source>
      <translation>专业部门综合得分：各比率乘以其权重之和；权重合计通常为 100</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_monthlyreport.py" line="155" />
      <source>Comprehensive evaluation monthly report</source>
      <translation>综合评价月报</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/evaluation.py" line="208" />
      <source>Compute evaluation</source>
      <translation>计算评价</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/evaluation.py" line="209" />
      <source>Compute the indicators and reports of the period</source>
      <translation>计算该周期的指标和报表</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_fieldpackage.py" line="332" />
      <source>Conflicts</source>
      <translation>冲突</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_patrolsync.py" line="80" />
      <source>Conflicts (verdicts on cases that moved on)</source>
      <translation>冲突（案件已有变化的结论）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_fieldpackage.py" line="330" />
      <source>Conflicts left for a person to decide</source>
      <translation>待人工裁决的冲突数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/bigscreen.py" line="554" />
      <source>Connected</source>
      <translation>已连接</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/bigscreen.py" line="552" />
      <source>Connected · updated {time}</source>
      <translation>已连接 · 更新于 {time}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/settings_dialog.py" line="139" />
      <source>Connected. This database holds no CityGrid store yet: click “Create or upgrade the store”.</source>
      <translation>已连接。该数据库中还没有 CityGrid 数据库结构：请点击“创建或升级数据库”。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/settings_dialog.py" line="144" />
      <source>Connected: store version {version} (plugin {latest}), EPSG:{srid}, {communities} communities, {departments} departments.</source>
      <translation>已连接：数据库版本 {version}（插件 {latest}），EPSG:{srid}，{communities} 个社区，{departments} 个部门。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/bigscreen.py" line="319" />
      <source>Connecting…</source>
      <translation>正在连接…</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/bigscreen.py" line="556" />
      <source>Connection to the store lost; reconnecting…</source>
      <translation>与数据库的连接已断开，正在重连…</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/hotspots.py" line="605" />
      <source>Consecutive cold spot</source>
      <translation>连续冷点</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/hotspots.py" line="597" />
      <source>Consecutive hot spot</source>
      <translation>连续热点</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/departments.py" line="47" />
      <source>Contact person</source>
      <translation>联系人</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/publication.py" line="498" />
      <source>Contents</source>
      <translation>目录</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdxf.py" line="56" />
      <source>Converts a CAD drawing of the 1:500 topographic map (1:500 地形图, DXF from the survey office) into the store's base map layers: lines, polygons and annotations (注记), styled for reading at 1:500. CAD layers are mapped to kinds by name: JMD 居民地 → building, DLSS 道路 → road, SXSS 水系 → water, ZBTZ 植被 → vegetation, JJ 境界 → boundary, ZJ 注记 → annotation (prefixes, any case); GXYZ, DMTZ, KZD, DLDW, GCD, DGX → other; Chinese layer names containing 房屋/建筑, 道路, 水 or 注记 are recognised too. The layer mapping (e.g. “DLSS=road;FW=building”) is tried before the built-in names. Layers nobody knows are imported as 'other' and listed in a warning. Closed outlines on building, water and vegetation layers become polygons (invalid ones are repaired and reported by entity handle), other polylines stay lines, texts keep their string, height and angle. CAD drawings carry no CRS: give the CRS of the drawing's coordinates (default: the store CRS); the coordinates are reprojected to the store CRS, and a drawing that lands outside the store CRS's area of use is refused. Re-importing a drawing with the same file name replaces its earlier import; other drawings stay. Everything is written in one transaction: on any error nothing is written. DWG files must be saved as DXF in CAD first.</source>
      <translation>将测绘单位提供的 1:500 地形图 CAD 图（DXF）转换为数据库中的底图图层：线、面和注记，样式适合在 1:500 比例尺下阅读。CAD 图层按名称对应到类型：JMD 居民地 → 建筑，DLSS 道路 → 道路，SXSS 水系 → 水系，ZBTZ 植被 → 植被，JJ 境界 → 境界，ZJ 注记 → 注记（按前缀，不区分大小写）；GXYZ、DMTZ、KZD、DLDW、GCD、DGX → 其他；含“房屋/建筑”“道路”“水”“注记”的中文图层名也能识别。图层对应关系（如“DLSS=road;FW=building”）优先于内置名称。无法识别的图层按“其他”导入并在警告中列出。建筑、水系、植被图层上的闭合轮廓转为面（无效的会被修复并按实体句柄报告），其他多段线保持为线，注记保留文字、字高和角度。CAD 图不带坐标系：请给出图中坐标所用的坐标系（默认为数据库坐标系）；坐标会重投影到数据库坐标系，落在其适用范围之外的图会被拒绝。再次导入同名图纸会替换此前的导入，其他图纸不受影响。全部在一个事务中写入：出错时不写入任何数据。DWG 文件需先在 CAD 中另存为 DXF。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcases.py" line="193" />
      <source>Coordinates of the input</source>
      <translation>输入坐标的坐标系</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcases.py" line="491" />
      <source>Coordinates: {system} longitude/latitude, converted to WGS84 (published formulas, typically within 1–2 m of the true position), then to {dst}</source>
      <translation>坐标：{system} 经纬度，先转换为 WGS84（公开公式，与真实位置一般相差 1–2 米），再转换到 {dst}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_platform.py" line="73" />
      <source>Copy again (after a restore)</source>
      <translation>重新复制（恢复备份之后）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/base.py" line="378" />
      <source>Correct for multiple testing (false discovery rate)</source>
      <translation>多重检验校正（错误发现率）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/evaluation.py" line="606" />
      <source>Correct-dispatch rate</source>
      <translation>准确派遣率</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/reporttext.py" line="107" />
      <source>Correct-dispatch rate (%)</source>
      <translation>准确派遣率（%）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_partitiongrids.py" line="304" />
      <source>Corridor strips (grids narrower than the corridor width and elongated)</source>
      <translation>道路夹带狭长网格数（窄于通道宽度且细长的网格）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/plugin.py" line="372" />
      <source>Could not open: {layers}</source>
      <translation>无法打开：{layers}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/action_dialog.py" line="236" />
      <source>Could not reach the reporter</source>
      <translation>未联系上举报人</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_hotspots.py" line="105" />
      <source>Counts the cases of a window (with filters) in every active unit grid and computes Getis-Ord Gi*: a z-score and p-value per grid, and its class — hot or cold spot at 99, 95 or 90 % confidence, or not significant — with the false discovery rate correction by default (as ArcGIS's Optimized Hot Spot Analysis). Neighbours: grids whose centroids lie within a distance band (default: chosen automatically so that every grid has neighbours, after ArcGIS's rule) or grids sharing an edge or a corner. Results equal PySAL esda's G_Local(star=True) on the same counts and weights.

Refused, with the reason: no cases, fewer than 30 grids with cases, all counts equal. Grids without neighbours are flagged (island) and reported.</source>
      <translation>统计时间窗口内（按筛选条件）每个在用单元网格的案件数，计算 Getis-Ord Gi*：每个网格的 z 值、p 值及其分类——99%、95% 或 90% 置信度的热点或冷点，或不显著——默认采用错误发现率校正（与 ArcGIS 优化热点分析相同）。邻域：质心在距离阈值内的网格（默认按 ArcGIS 规则自动选择，使每个网格都有邻居），或共边、共角的网格。结果与 PySAL esda 的 G_Local(star=True) 在相同计数和权重下一致。

以下情况会被拒绝并说明原因：没有案件、有案件的网格少于 30 个、所有计数相同。没有邻居的网格会被标记（孤立）并报告。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/coverage.py" line="101" />
      <source>Coverage (%)</source>
      <translation>覆盖率（%）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_coverage.py" line="84" />
      <source>Coverage of the patrolled days (%)</source>
      <translation>巡查日覆盖率（%）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/coverage.py" line="135" />
      <source>Coverage on patrol days (%)</source>
      <translation>巡查日覆盖率（%）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_createstore.py" line="24" />
      <source>Create or upgrade the CityGrid store</source>
      <translation>创建或升级 CityGrid 数据库</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/settings_dialog.py" line="58" />
      <source>Create or upgrade the store</source>
      <translation>创建或升级数据库</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/plugin.py" line="106" />
      <source>Create or upgrade the store…</source>
      <translation>创建或升级数据库…</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_roles.py" line="81" />
      <source>Creates a login for a person (or changes it): their roles, display name and, for a department handler, the department whose cases they handle. Roles not chosen are taken away.

Password: create an authentication configuration (Basic: the user's login and password) in QGIS's authentication database and choose it here. The password is read from there and sent to the server only as a SCRAM-SHA-256 verifier; it never appears in the Processing history or log. Without one, the login exists but cannot sign in with a password until an administrator sets it.

Responsibility grids (责任网格) of a supervisor: unit grid codes separated by commas; they replace the supervisor's grids. Left empty, the grids stay as they are.</source>
      <translation>为人员创建（或修改）登录账号：角色、显示名称，以及专业部门处置人员所属的部门。未选中的角色将被收回。

密码：请先在 QGIS 认证数据库中创建一个认证配置（Basic：该用户的账号和密码），再在此处选择。密码从认证数据库读取，只以 SCRAM-SHA-256 校验值发送到服务器，不会出现在处理工具的历史或日志中。不选认证配置时，账号仍会创建，但在管理员设置密码之前无法用密码登录。

监督员的责任网格：单元网格编码，以逗号分隔；它们替换该监督员原有的责任网格。留空时责任网格保持不变。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_roles.py" line="48" />
      <source>Creates the CityGrid roles on the server (citygrid_admin, citygrid_gis_editor, citygrid_surveyor, citygrid_operator, citygrid_shift_leader, citygrid_dispatcher, citygrid_department, citygrid_supervisor, citygrid_analyst, citygrid_bigscreen) and grants each exactly what its job needs in this store, with row-level security so that a department handler sees only the cases dispatched to its department. Re-running it resets the permissions to this list. Run it as the store owner (a user allowed to create roles), after “Create or upgrade the CityGrid store”.</source>
      <translation>在服务器上创建 CityGrid 角色（citygrid_admin、citygrid_gis_editor、citygrid_surveyor、citygrid_operator、citygrid_shift_leader、citygrid_dispatcher、citygrid_department、citygrid_supervisor、citygrid_analyst、citygrid_bigscreen），并在本数据库中只授予各角色工作所需的权限；启用行级安全，使专业部门只能看到派遣给本部门的案件。重新运行会把权限恢复为此清单。请在“创建或升级 CityGrid 数据库”之后，以数据库所有者（可创建角色的用户）身份运行。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_createstore.py" line="27" />
      <source>Creates the CityGrid schema (citygrid) in the database of the chosen connection, or upgrades it to this plugin's version by applying the pending SQL migrations in one transaction. Running it on an up-to-date store changes nothing. A migration that was changed after it was applied is refused.

CRS: the projected CRS in metres for all geometries of a new store, normally the CGCS2000 3-degree Gauss-Krüger zone of the city (EPSG:4544 for 105°E). It cannot be changed later.

Also loads the standard component and event class tables (profiles 2013 and 2026); classes the city added itself are left alone.</source>
      <translation>在所选连接的数据库中创建 CityGrid 模式（citygrid），或在一个事务中执行尚未应用的 SQL 迁移，将其升级到本插件的版本。对已是最新版本的数据库运行不会做任何改动。已应用后又被修改过的迁移将被拒绝。

坐标系：新数据库中所有几何对象使用的投影坐标系（单位米），通常为城市所在的 CGCS2000 3 度带高斯-克吕格投影（105°E 为 EPSG:4544），创建后不能更改。

同时导入标准部件分类表和事件分类表（2013 与 2026 两套标准）；城市自行增加的分类保持不变。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/workform.py" line="441" />
      <source>Current stage</source>
      <translation>当前环节</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdxf.py" line="75" />
      <source>DXF drawing</source>
      <translation>DXF 图纸</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/publication.py" line="531" />
      <source>Data source: {source}</source>
      <translation>数据来源：{source}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/calendar.py" line="103" />
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/coverage.py" line="100" />
      <source>Day</source>
      <translation>日期</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_coverage.py" line="73" />
      <source>Day (empty: today)</source>
      <translation>日期（空：今天）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/coverage.py" line="134" />
      <source>Days patrolled</source>
      <translation>巡查天数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_partitiongrids.py" line="306" />
      <source>Dead-end length not on grid edges (m)</source>
      <translation>未落在网格边上的断头路长度（m）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/city_queue.py" line="72" />
      <source>Deadline</source>
      <translation>期限</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="646" />
      <source>Dec</source>
      <translation>12月</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_hotspots.py" line="64" />
      <source>Decay ratio (triangular kernel)</source>
      <translation>衰减比（三角核）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/manual.py" line="106" />
      <source>Default</source>
      <translation>默认</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/manual.py" line="108" />
      <source>Default time limits</source>
      <translation>默认时限</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/workflow.py" line="52" />
      <source>Defer (挂账)</source>
      <translation>挂账</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/authorities.py" line="26" />
      <source>Defer (缓办)</source>
      <translation>缓办（挂账）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/workflow.py" line="72" />
      <source>Defer case {case} (挂账)? No deadline runs until it is released.</source>
      <translation>确定将案件 {case} 挂账？解除挂账前不计处置时限。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/workflow.py" line="32" />
      <source>Deferred</source>
      <translation>挂账</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/case_queue.py" line="101" />
      <source>Deferred (挂账)</source>
      <translation>挂账</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/publication.py" line="465" />
      <source>Definitions of the figures</source>
      <translation>指标说明</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/routing.py" line="309" />
      <source>Delete</source>
      <translation>删除</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/routing.py" line="305" />
      <source>Delete the rule {class_name} ({code}) → {department}?</source>
      <translation>删除规则 {class_name}（{code}）→ {department}？</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/routing.py" line="121" />
      <source>Delete the selected rule</source>
      <translation>删除所选规则</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="717" />
      <source>Department</source>
      <translation>专业部门</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/action_dialog.py" line="108" />
      <source>Department (suggested first)</source>
      <translation>处置部门（建议部门在前）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_roles.py" line="97" />
      <source>Department code (department handlers)</source>
      <translation>部门代码（专业部门处置人员）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/departments.py" line="68" />
      <source>Department details</source>
      <translation>部门信息</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_roles.py" line="35" />
      <source>Department handler</source>
      <translation>专业部门处置人员</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/leader.py" line="189" />
      <source>Department or stage</source>
      <translation>责任部门/环节</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/reports.py" line="150" />
      <source>Department performance</source>
      <translation>专业部门处理情况</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="720" />
      <source>Department rankings</source>
      <translation>专业部门排名</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_periodreport.py" line="483" />
      <source>Department ranks by month</source>
      <translation>专业部门各月排名</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="736" />
      <source>Department scores</source>
      <translation>专业部门得分</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/departments.py" line="260" />
      <source>Department {name} ({code}) saved.</source>
      <translation>部门 {name}（{code}）已保存。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/audit.py" line="28" />
      <source>Departments</source>
      <translation>部门</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdepartments.py" line="35" />
      <source>Departments CSV</source>
      <translation>部门 CSV 文件</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/bigscreen.py" line="287" />
      <source>Departments with the most open cases</source>
      <translation>在办案件最多的部门</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/report_dialog.py" line="805" />
      <source>Describe the problem.</source>
      <translation>请填写问题描述。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/report_dialog.py" line="101" />
      <source>Description</source>
      <translation>问题描述</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcases.py" line="202" />
      <source>Description column</source>
      <translation>问题描述列</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_manual.py" line="150" />
      <source>Differences with the manual in force</source>
      <translation>与现行手册的差异数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/workflow.py" line="42" />
      <source>Digital urban management office</source>
      <translation>数字城管办</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/workform.py" line="422" />
      <source>Digital urban management · case work form</source>
      <translation>数字化城市管理 案卷派遣单</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/hotspots.py" line="608" />
      <source>Diminishing cold spot</source>
      <translation>减弱冷点</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/hotspots.py" line="600" />
      <source>Diminishing hot spot</source>
      <translation>减弱热点</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/calendar.py" line="223" />
      <source>Discard</source>
      <translation>放弃</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/manual.py" line="440" />
      <source>Discard the changes to {code}? They are not saved.</source>
      <translation>放弃对 {code} 的修改？修改尚未保存。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/calendar.py" line="221" />
      <source>Discard the unsaved changes of {year}?</source>
      <translation>放弃 {year} 年未保存的修改？</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/report_dialog.py" line="892" />
      <source>Discard this report? What was typed is lost.</source>
      <translation>放弃本次登记？已填写的内容将丢失。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/workflow.py" line="49" />
      <source>Dispatch</source>
      <translation>派遣</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/workform.py" line="252" />
      <source>Dispatch stage</source>
      <translation>派遣</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/evaluation.py" line="596" />
      <source>Dispatched</source>
      <translation>派遣数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/evaluation.py" line="597" />
      <source>Dispatched correctly</source>
      <translation>准确派遣数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/leader_figures.py" line="39" />
      <source>Dispatched today</source>
      <translation>今日派遣</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/workflow.py" line="41" />
      <source>Dispatcher</source>
      <translation>派遣员</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_monthlyreport.py" line="205" />
      <source>Dispatchers</source>
      <translation>派遣员</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/staff.py" line="50" />
      <source>Display name</source>
      <translation>显示名称</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/evaluation.py" line="610" />
      <source>Dissatisfied</source>
      <translation>不满意数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/report_dialog.py" line="100" />
      <source>Distance</source>
      <translation>距离</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_hotspots.py" line="122" />
      <source>Distance band (m)</source>
      <translation>距离阈值（米）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/base.py" line="396" />
      <source>Distance band chosen automatically: {band:.0f} m (rule: {rule}; every grid has a neighbour within {one:.0f} m, the average distance to the {k} nearest is {kd:.0f} m)</source>
      <translation>自动选择的距离阈值：{band:.0f} 米（规则：{rule}；每个网格在 {one:.0f} 米内都有邻居，到最近 {k} 个邻居的平均距离为 {kd:.0f} 米）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/base.py" line="375" />
      <source>Distance band in metres (0: chosen automatically)</source>
      <translation>距离阈值（米；0：自动选择）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/base.py" line="401" />
      <source>Distance band: {band:.0f} m</source>
      <translation>距离阈值：{band:.0f} 米</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/city_queue.py" line="71" />
      <source>District</source>
      <translation>区县</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdivisions.py" line="54" />
      <source>District boundary</source>
      <translation>区县边界</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_platform.py" line="85" />
      <source>District code</source>
      <translation>区县代码</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdivisions.py" line="52" />
      <source>District code (6 digits, GB/T 2260)</source>
      <translation>区县代码（6 位，GB/T 2260）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_platform.py" line="167" />
      <source>District code (empty: the district the position lies in)</source>
      <translation>区县代码（留空：位置所在区县）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdivisions.py" line="53" />
      <source>District name</source>
      <translation>区县名称</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_platform.py" line="123" />
      <source>District {code} {name} is linked and up to date; nothing changed</source>
      <translation>区县 {code} {name} 已连接且同步正常，未做改动</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_platform.py" line="120" />
      <source>District {code} {name} linked in {s:.1f} s: {n} cases at the city</source>
      <translation>区县 {code} {name} 已连接（{s:.1f} 秒）：市级平台现有其案件 {n} 件</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_platform.py" line="106" />
      <source>District's store: {target}</source>
      <translation>区县数据库：{target}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layers.py" line="88" />
      <source>Districts</source>
      <translation>区县</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_partitiongrids.py" line="53" />
      <source>Divides every community into unit grids (万米单元网格) of about the target area that exactly tile it. Barrier lines (roads, rivers, walls; any number of layers; polygon layers contribute their outlines) become grid edges: they are noded and polygonised inside each community. Blocks below the lower bound, and slivers, merge into a neighbour in the same community; blocks above the upper bound are cut into compact parts near the target. A grid never crosses a community boundary. Lower and upper bounds of 0 mean 0.4× and 2× the target.

Road class: an expression evaluated on every barrier feature, e.g. "highway" (OpenStreetMap), "fclass", a road-class column, or @layer_name (a CASS/DXF layer per class). Known values: OSM highway values (motorway, trunk, primary, secondary, tertiary, residential, service, footway …; *_link are ramps), the Chinese classes and base-map names (快速路, 主干路, 次干路, 支路, 匝道, 街巷, 小路, 围墙, 河道, 铁路 …), CASS layer names (DLSS, SXSS, TLSS …) and the ranks 0–4 (0 minor road, path or wall; 1 local road; 2 secondary road or ramp; 3 primary road or river; 4 expressway or railway). Features without a class, or with a value the plugin does not know, count as local roads (支路); the log lists the unknown values of each layer. Without a class expression every barrier is a local road. A small block, a sliver or a corridor strip (between the carriageways of a boulevard, inside an interchange) is merged into the neighbour across the lowest road class, then the longest shared edge: a merge crosses a primary road or expressway only when every neighbour is across one (the log names the place).

Obstacles: polygon layers of buildings (the 1:500 base map's houses) or other footprints. Cuts through a large block follow minor roads, paths, walls and the gaps between buildings, and cross a building only when there is no other way; the figures say how many were crossed.

Dead ends: a barrier ending within this distance of another barrier or of the community edge is extended to it and becomes a grid edge (0 = off).

Processes: communities are partitioned in parallel; 0 uses every core, 1 runs in this process. The result does not depend on the number of processes.

The community key is the 12-digit community code (district + street + community), e.g. the full_code field of the store's community layer. Layers in degrees are reprojected to the CGCS2000 Gauss-Krüger zone of their longitude. Overlapping or gapped communities are refused with a list of the places. A community that would get more than 999 grids (the most a 3-digit serial can number) is named in a warning: split it before coding. The quality figures (among them grids straddling a major road, corridor strips, buildings crossed by cuts, dead-end length not on grid edges, the share of grids bounded only by barriers) are printed in the log and returned as outputs. Run “Code unit grids” on the result to give the grids their codes in the store.</source>
      <translation>将每个社区划分为面积接近目标值、无缝无重叠覆盖该社区的万米单元网格。分隔线（道路、河流、围墙；可有多个图层；面图层取其边界）成为网格边：在每个社区内打断并构面。面积低于下限的地块和狭长碎片并入同一社区内的相邻地块；面积高于上限的地块被切成接近目标面积的紧凑部分。网格不会跨越社区边界。下限和上限为 0 时分别取目标面积的 0.4 倍和 2 倍。

道路等级：对每个分隔线要素计算的表达式，例如 "highway"（OpenStreetMap）、"fclass"、道路等级字段，或 @layer_name（CASS/DXF 按等级分图层时）。可识别的取值：OSM 的 highway 值（motorway、trunk、primary、secondary、tertiary、residential、service、footway …；*_link 为匝道）、中文等级和地形图名称（快速路、主干路、次干路、支路、匝道、街巷、小路、围墙、河道、铁路 …）、CASS 图层名（DLSS、SXSS、TLSS …）以及等级数字 0–4（0 街巷、小路或围墙；1 支路；2 次干路或匝道；3 主干路或河流；4 快速路或铁路）。没有等级或取值无法识别的要素按支路处理；日志按图层列出无法识别的取值。不填等级表达式时所有分隔线均按支路处理。小地块、狭长碎片和道路夹带的狭长地块（林荫大道两幅路之间、立交桥内）并入隔着最低等级道路的相邻地块，等级相同时并入公共边最长的相邻地块：只有当所有相邻地块都隔着主干路或快速路时，合并才会跨越主干路或快速路（日志会给出位置）。

障碍物：建筑物（1:500 地形图中的房屋）或其他占地轮廓的面图层。大地块的切线沿街巷、小路、围墙和建筑物之间的空隙走，只有别无他法时才穿过建筑物；质量指标给出被穿过的数量。

断头路：终点距另一条分隔线或社区边界在此距离以内的分隔线会延伸过去，成为网格边（0 = 不延伸）。

进程：各社区并行划分；0 使用全部核心，1 在本进程中运行。结果与进程数无关。

社区编码为 12 位（区县 + 街道 + 社区），例如数据库社区图层的 full_code 字段。以度为单位的图层会被重投影到其经度所在的 CGCS2000 高斯-克吕格投影带。社区重叠或有缝隙时拒绝执行并列出位置。网格数将超过 999 个（3 位顺序码的上限）的社区会在警告中列出：编码前请先拆分。质量指标（包括跨越主要道路的网格、道路夹带狭长网格、被切线穿过的建筑物、未落在网格边上的断头路长度、边界全部由分隔线构成的网格比例）输出到日志并作为结果返回。对结果运行“单元网格编码”即可在数据库中为网格编码。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/manualfiles.py" line="164" />
      <source>Do not apply</source>
      <translation>不应用</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/leader.py" line="193" />
      <source>Double-click a case to see it</source>
      <translation>双击案件查看详情</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/base.py" line="466" />
      <source>Draw the store's 1:500 base map underneath</source>
      <translation>叠加数据库中的 1:500 底图</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/case_queue.py" line="100" />
      <source>Drill-down</source>
      <translation>下钻</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/evaluation.py" line="555" />
      <source>Drill-down cases</source>
      <translation>钻取案件</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/case_queue.py" line="425" />
      <source>Drill-down: {title} — {n} cases</source>
      <translation>下钻：{title}——共 {n} 件</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_manual.py" line="147" />
      <source>Dry run: list the differences, change nothing</source>
      <translation>只列出差异，不作修改</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_manual.py" line="178" />
      <source>Dry run: nothing was changed (version {version} stays in force)</source>
      <translation>只列出差异：未作任何修改（第 {version} 版仍然有效）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/base.py" line="621" />
      <source>Dry run: nothing was changed; {n} change(s) would be made</source>
      <translation>试运行：未做任何修改；将做 {n} 项修改</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/base.py" line="581" />
      <source>Dry run: only list what would change</source>
      <translation>试运行：只列出将要做的修改</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/reporttext.py" line="102" />
      <source>Due</source>
      <translation>应处置数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/evaluation.py" line="597" />
      <source>Due for handling</source>
      <translation>应处置数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcomponents.py" line="114" />
      <source>Duplicate tolerance (m)</source>
      <translation>重复判定容差（米）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/responsibility.py" line="44" />
      <source>Duty</source>
      <translation>职责</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/migrate.py" line="315" />
      <source>EPSG:{srid} is not a CRS PostGIS knows</source>
      <translation>PostGIS 中没有 EPSG:{srid} 这个坐标系</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/migrate.py" line="317" />
      <source>EPSG:{srid} is not a projected CRS in metres; use the CGCS2000 3-degree Gauss-Krüger zone of the district (e.g. EPSG:4544 for 105°E)</source>
      <translation>EPSG:{srid} 不是以米为单位的投影坐标系；请使用该区县所在的 CGCS2000 3 度带高斯-克吕格投影（例如 105°E 为 EPSG:4544）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="818" />
      <source>Emerging hot spots</source>
      <translation>时空热点模式</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdepartments.py" line="37" />
      <source>Encoding</source>
      <translation>编码</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/responsibility.py" line="165" />
      <source>End it on</source>
      <translation>结束于</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/sources.py" line="21" />
      <source>English name</source>
      <translation>英文名称</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/common.py" line="40" />
      <source>Enterprise</source>
      <translation>企业</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdxf.py" line="92" />
      <source>Entities skipped</source>
      <translation>跳过的实体数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_hotspots.py" line="63" />
      <source>Epanechnikov</source>
      <translation>Epanechnikov 核</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/settings_dialog.py" line="135" />
      <source>Error: {error}</source>
      <translation>错误：{error}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/base.py" line="122" />
      <source>Errors</source>
      <translation>错误数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_evaluation.py" line="46" />
      <source>Evaluate</source>
      <translation>评价对象</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/evaluation.py" line="194" />
      <source>Evaluate a month, a quarter or a year</source>
      <translation>按月、季度或年评价</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_evaluation.py" line="30" />
      <source>Evaluate a period (indicators)</source>
      <translation>统计期综合评价（指标）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/evaluation.py" line="222" />
      <source>Evaluated objects</source>
      <translation>评价对象</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/evaluation.py" line="166" />
      <source>Evaluation</source>
      <translation>综合评价</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/base.py" line="67" />
      <source>Evaluation and reports</source>
      <translation>综合评价与报表</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/audit.py" line="32" />
      <source>Evaluation weights</source>
      <translation>考核权重</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/weights.py" line="89" />
      <source>Evaluation weights saved (sum {total:g}).</source>
      <translation>考核权重已保存（合计 {total:g}）。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/common.py" line="34" />
      <source>Event</source>
      <translation>事件</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/audit.py" line="31" />
      <source>Event classes</source>
      <translation>事件小类</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/reports.py" line="176" />
      <source>Events and components compared</source>
      <translation>事部件同期对比</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/publication.py" line="521" />
      <source>Every figure is a number of cases, counted from the records of the digital urban management system up to the end of the month ({as_of}); the figures of a past month do not change.</source>
      <translation>以下各项数据均为案件数，依据数字城管系统截至月末（{as_of}）的办理记录统计；已发布月份的数据不再变动。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/publication.py" line="361" />
      <source>Every figure is in the table of streets.</source>
      <translation>各项数据详见各街道情况表。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/calendar.py" line="142" />
      <source>Every week</source>
      <translation>每周</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/audit.py" line="33" />
      <source>Evidence rules of classes</source>
      <translation>分类取证要求</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/manual.py" line="689" />
      <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
      <translation>Excel 工作簿 (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_fieldpackage.py" line="59" />
      <source>Export a census field package</source>
      <translation>导出部件普查外业数据包</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/plugin.py" line="116" />
      <source>Export a census field package…</source>
      <translation>导出普查外业数据包…</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_open311.py" line="67" />
      <source>Export cases as Open311 GeoReport</source>
      <translation>导出案件为 Open311 GeoReport</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/manual.py" line="688" />
      <source>Export the command manual</source>
      <translation>导出指挥手册</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/manual.py" line="196" />
      <source>Export…</source>
      <translation>导出…</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_partitiongrids.py" line="111" />
      <source>Extend dead ends reaching within (m, 0 = off)</source>
      <translation>断头路延伸距离（m，0 = 不延伸）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/evaluation.py" line="599" />
      <source>Extended</source>
      <translation>延期数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/case_detail.py" line="170" />
      <source>Extension</source>
      <translation>延期</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/action_dialog.py" line="147" />
      <source>Extension (hours)</source>
      <translation>延期（小时）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/evaluation.py" line="605" />
      <source>Extension rate</source>
      <translation>延期率</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/reporttext.py" line="105" />
      <source>Extension rate (%)</source>
      <translation>延期率（%）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/case_queue.py" line="101" />
      <source>Extension requests</source>
      <translation>延期申请</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcases.py" line="198" />
      <source>External id column (the platform's number; required)</source>
      <translation>外部编号列（平台工单编号，必填）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_validatecomponents.py" line="63" />
      <source>FAILED: {errors} errors, {warnings} warnings</source>
      <translation>未通过：{errors} 个错误，{warnings} 个警告</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/gridcheck.py" line="580" />
      <source>FAILED: {errors}, {warnings}</source>
      <translation>未通过：{errors}，{warnings}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_patrolpackage.py" line="543" />
      <source>Fail on errors</source>
      <translation>有错误时失败</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="645" />
      <source>Feb</source>
      <translation>2月</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_fieldpackage.py" line="325" />
      <source>Field-work package (GeoPackage)</source>
      <translation>外业数据包（GeoPackage）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_monthlyreport.py" line="157" />
      <source>Figures as of {as_of}</source>
      <translation>数据截至 {as_of}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/publication.py" line="214" />
      <source>Figures by department</source>
      <translation>各专业部门情况</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/publication.py" line="207" />
      <source>Figures by street</source>
      <translation>各街道情况</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_coverage.py" line="85" />
      <source>Files written</source>
      <translation>已写出的文件</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/case_detail.py" line="173" />
      <source>Finished</source>
      <translation>办结时间</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="803" />
      <source>First half, per month</source>
      <translation>前半期月均</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="717" />
      <source>First to last month</source>
      <translation>首末月变化</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_publication.py" line="97" />
      <source>Folder of the month</source>
      <translation>当月文件夹</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_publication.py" line="96" />
      <source>Folder of the public pages (the month's folder is made inside)</source>
      <translation>公众信息发布文件夹（在其中建立当月子文件夹）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/action_dialog.py" line="247" />
      <source>Follow-up</source>
      <translation>后续处理</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/calendar.py" line="41" />
      <source>Fri</source>
      <translation>周五</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/responsibility.py" line="44" />
      <source>From</source>
      <translation>起始日期</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/heatmap.py" line="164" />
      <source>From / to</source>
      <translation>起 / 止</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_coverage.py" line="58" />
      <source>From the supervisors' patrol tracks (synced from their handhelds), per supervisor and day: his responsibility grids, the grids he visited (a grid counts after the store's patrol_visit_seconds or patrol_visit_metres inside it), the share of his grids covered and those he missed, the minutes inside and outside his grids, the gaps in his track (silences longer than patrol_gap_seconds, with their times) and the length of his tracks. Optionally also the supervisors' evaluation over the same days: reports he filed and how many were registered (valid-report rate), his verifications and checks and how many were on time (the store's verdict recorded with each action), and his coverage on the days he patrolled.

Writes an XLSX workbook (a sheet per table) or CSV files, and optionally a layer of the grids per day: visited by its supervisor, not visited by its supervisor, visited by someone else. A day is a Beijing-time day; without a day, today.</source>
      <translation>根据监督员的巡查轨迹（从城管通同步），按监督员和日期统计：责任网格、已巡查网格（在网格内停留达到库设置 patrol_visit_seconds 或行走达到 patrol_visit_metres 即算已巡查）、责任网格覆盖率及未巡查的网格、责任网格内外的时长（分钟）、轨迹断点（超过 patrol_gap_seconds 的无轨迹时段及其时间）和轨迹长度。可同时输出同期的监督员考核：本人上报数及立案数（有效上报率）、核实与核查数及按期数（以每次操作时库记录的判定为准），以及巡查日的覆盖率。

输出 XLSX 工作簿（每张表一个工作表）或 CSV 文件，并可输出每日网格图层：责任监督员已巡查、责任监督员未巡查、其他人巡查。日期按北京时间计；不填日期为今天。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="1003" />
      <source>From {first} to {last}, {name} fell most ({places} places).</source>
      <translation>从{first}到{last}，{name}排名下降最多（{places} 位）。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="1000" />
      <source>From {first} to {last}, {name} rose most ({places} places).</source>
      <translation>从{first}到{last}，{name}排名上升最多（{places} 位）。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/responsibility.py" line="45" />
      <source>Full name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcases.py" line="195" />
      <source>GCJ-02 longitude/latitude (Amap, Tencent, WeChat)</source>
      <translation>GCJ-02 经纬度（高德、腾讯、微信）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/labels.py" line="40" />
      <source>GIS editor</source>
      <translation>网格编辑员</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_roles.py" line="33" />
      <source>GIS editor (unit grids)</source>
      <translation>网格编辑员（单元网格）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/coverage.py" line="103" />
      <source>Gap minutes</source>
      <translation>断点时长（分钟）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/coverage.py" line="103" />
      <source>Gap times</source>
      <translation>断点时段</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/coverage.py" line="102" />
      <source>Gaps</source>
      <translation>断点</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/patrol.py" line="53" />
      <source>Gaps in the track longer than the store's patrol_gap_seconds</source>
      <translation>轨迹中超过库设置 patrol_gap_seconds（秒）的断点</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/patrol.py" line="227" />
      <source>Gaps: {times}</source>
      <translation>断点：{times}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/manual_view.py" line="74" />
      <source>General (no situation)</source>
      <translation>一般（不区分情形）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/manual_view.py" line="79" />
      <source>General case</source>
      <translation>一般</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_fieldpackage.py" line="91" />
      <source>GeoPackage</source>
      <translation>GeoPackage 数据包</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_open311.py" line="143" />
      <source>GeoReport requests file (.json or .xml)</source>
      <translation>GeoReport 请求文件（.json 或 .xml）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/classes.py" line="40" />
      <source>Geometry</source>
      <translation>几何类型</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/classes.py" line="94" />
      <source>Geometry (components)</source>
      <translation>几何类型（部件）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_periodreport.py" line="358" />
      <source>Gi*</source>
      <translation>Gi*</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/themes.py" line="293" />
      <source>Gi* (FDR) of {cases} cases: {hot} hot and {cold} cold spot grids; band {band} m</source>
      <translation>{cases} 件案件的 Gi*（FDR 校正）：热点网格 {hot} 个，冷点网格 {cold} 个；距离阈值 {band} 米</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/classes.py" line="204" />
      <source>Give the class a name.</source>
      <translation>请填写分类名称。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/departments.py" line="254" />
      <source>Give the department a code (letters and digits).</source>
      <translation>请填写部门代码（字母和数字）。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/departments.py" line="257" />
      <source>Give the department a name.</source>
      <translation>请填写部门名称。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/staff.py" line="242" />
      <source>Give the login a name: lower-case letters, digits and _.</source>
      <translation>请填写登录名：小写字母、数字和 _。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/classes.py" line="202" />
      <source>Give the major class a name.</source>
      <translation>请填写大类名称。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/classes.py" line="203" />
      <source>Give the minor code (digits).</source>
      <translation>请填写小类代码（数字）。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/staff.py" line="245" />
      <source>Give the person's display name.</source>
      <translation>请填写人员的显示名称。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/responsibility.py" line="432" />
      <source>Give the person's name.</source>
      <translation>请填写姓名。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/calendar.py" line="224" />
      <source>Go back</source>
      <translation>返回</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/report_dialog.py" line="273" />
      <source>Go to grid</source>
      <translation>定位到网格</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/common.py" line="39" />
      <source>Government agency</source>
      <translation>委办局</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="802" />
      <source>Grid</source>
      <translation>网格</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/responsibility.py" line="43" />
      <source>Grid code</source>
      <translation>网格编码</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_fieldpackage.py" line="84" />
      <source>Grid code field</source>
      <translation>网格编码字段</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_validategrids.py" line="58" />
      <source>Grid problems</source>
      <translation>网格问题</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/audit.py" line="33" />
      <source>Grid roster (一格六员)</source>
      <translation>一格六员</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_roster.py" line="40" />
      <source>Grid roster CSV</source>
      <translation>一格六员 CSV 文件</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/plugin.py" line="397" />
      <source>Grid split into {n} more parts; save the layer to give them codes</source>
      <translation>网格已拆分，新增 {n} 个部分；保存图层后将为其编码</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/workform.py" line="353" />
      <source>Grid {code}</source>
      <translation>网格 {code}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/responsibility.py" line="314" />
      <source>Grid {code} · {community} · supervisor today: {who}</source>
      <translation>网格 {code} · {community} · 今日责任监督员：{who}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/responsibility.py" line="383" />
      <source>Grid {grid}: the period of {login} ends on {day}.</source>
      <translation>网格 {grid}：{login} 的负责期间于 {day} 结束。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/responsibility.py" line="407" />
      <source>Grid {grid}: the period of {login} removed.</source>
      <translation>网格 {grid}：已删除 {login} 的负责期间。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/responsibility.py" line="362" />
      <source>Grid {grid}: {who} answers for it {period}.</source>
      <translation>网格 {grid}：由 {who} 负责，{period}。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="819" />
      <source>Grids</source>
      <translation>网格数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="819" />
      <source>Grids (first ten)</source>
      <translation>网格（前十个）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_coverage.py" line="81" />
      <source>Grids by patrol status</source>
      <translation>按巡查状态的网格</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_codegrids.py" line="57" />
      <source>Grids given a new code</source>
      <translation>获得新编码的网格数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/plugin.py" line="597" />
      <source>Grids merged; save the layer to retire the old codes and issue a new one</source>
      <translation>网格已合并；保存图层后将注销旧编码并发放新编码</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/coverage.py" line="101" />
      <source>Grids not visited</source>
      <translation>未巡查网格</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_codegrids.py" line="58" />
      <source>Grids reshaped, code kept</source>
      <translation>形状调整但沿用编码的网格数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_codegrids.py" line="58" />
      <source>Grids retired</source>
      <translation>注销的网格数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_partitiongrids.py" line="303" />
      <source>Grids straddling a major road</source>
      <translation>跨越主要道路的网格数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_censusprogress.py" line="49" />
      <source>Grids surveyed</source>
      <translation>已普查网格数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="852" />
      <source>Grids that improved most</source>
      <translation>改善最明显的网格</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_codegrids.py" line="57" />
      <source>Grids that kept their code</source>
      <translation>沿用原编码的网格数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="853" />
      <source>Grids that worsened most</source>
      <translation>恶化最明显的网格</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/coverage.py" line="100" />
      <source>Grids visited</source>
      <translation>已巡查网格</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_hotspots.py" line="189" />
      <source>Grids with a cold spot pattern</source>
      <translation>呈冷点模式的网格数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_hotspots.py" line="188" />
      <source>Grids with a hot spot pattern</source>
      <translation>呈热点模式的网格数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_hotspots.py" line="120" />
      <source>Grids with cases</source>
      <translation>有案件的网格数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_censusprogress.py" line="50" />
      <source>Grids with components</source>
      <translation>有部件的网格数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_hotspots.py" line="122" />
      <source>Grids without neighbours</source>
      <translation>无邻居的网格数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/reports.py" line="314" />
      <source>Grouping</source>
      <translation>统计口径</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_platform.py" line="143" />
      <source>Hand a case to a district (city)</source>
      <translation>市级转办：把案件转交区县</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/city_queue.py" line="119" />
      <source>Hand a case to a district (市级转办): the district's store makes it a case of its own</source>
      <translation>把案件转交区县办理（市级转办）：区平台据此生成本区案件</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/city_queue.py" line="114" />
      <source>Hand over to a district…</source>
      <translation>市级转办…</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_platform.py" line="168" />
      <source>Hand-over number</source>
      <translation>转办单号</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_platform.py" line="191" />
      <source>Hand-over {id} to district {code} written; the district takes it as soon as it is reached</source>
      <translation>转办单 {id} 已发往区县 {code}；区平台一连通即接收</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/city_queue.py" line="353" />
      <source>Handing cases over needs the Processing algorithm {alg}, which is not available: enable the CityGrid plugin's Processing provider (or update the plugin)</source>
      <translation>市级转办需要处理工具 {alg}，但它目前不可用：请启用 CityGrid 插件的处理工具提供者（或更新插件）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/evaluation.py" line="598" />
      <source>Handled</source>
      <translation>处置完成</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/workform.py" line="681" />
      <source>Handled by (signature)</source>
      <translation>处置人（签字）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/evaluation.py" line="598" />
      <source>Handled on time</source>
      <translation>按期处置数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/workflow.py" line="61" />
      <source>Handling</source>
      <translation>处置</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/workform.py" line="443" />
      <source>Handling deadline</source>
      <translation>处置截止时间</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/manual.py" line="111" />
      <source>Handling department</source>
      <translation>专业部门</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/manual.py" line="243" />
      <source>Handling department (专业部门)</source>
      <translation>专业部门</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/workform.py" line="258" />
      <source>Handling photo</source>
      <translation>处置</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/evaluation.py" line="602" />
      <source>Handling rate</source>
      <translation>处置率</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/reporttext.py" line="103" />
      <source>Handling rate (%)</source>
      <translation>处置率（%）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/workform.py" line="665" />
      <source>Handling result (filled in by the department)</source>
      <translation>处置结果（由处置部门填写）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/workform.py" line="252" />
      <source>Handling stage</source>
      <translation>处置</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/manual_view.py" line="43" />
      <source>Handling standard</source>
      <translation>处置标准</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/manual.py" line="242" />
      <source>Handling standard (处置标准)</source>
      <translation>处置标准</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/action_dialog.py" line="216" />
      <source>Handling time limit</source>
      <translation>处置时限</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/heatmap.py" line="195" />
      <source>Heatmap</source>
      <translation>热力图</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/heatmap.py" line="204" />
      <source>Heatmap radius</source>
      <translation>热力半径</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="770" />
      <source>Highest place</source>
      <translation>最高名次</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/publication.py" line="357" />
      <source>Highest: {best} ({best_rate}); lowest: {worst} ({worst_rate}).</source>
      <translation>最高为{best}（{best_rate}），最低为{worst}（{worst_rate}）。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/patrol.py" line="51" />
      <source>His responsibility grids visited, of all his grids, and the share covered</source>
      <translation>已巡查的责任网格数 / 责任网格数，及覆盖率</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/hotspots.py" line="611" />
      <source>Historical cold spot</source>
      <translation>历史冷点</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/hotspots.py" line="603" />
      <source>Historical hot spot</source>
      <translation>历史热点</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/calendar.py" line="46" />
      <source>Holiday (休)</source>
      <translation>休息（节假日）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/calendar.py" line="138" />
      <source>Holidays and working weekends of the year</source>
      <translation>本年节假日与调休上班日</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_platform.py" line="74" />
      <source>Host the city's server reaches the district's at</source>
      <translation>市级服务器访问区县服务器所用的主机</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_platform.py" line="75" />
      <source>Host the district's server reaches the city's at</source>
      <translation>区县服务器访问市级服务器所用的主机</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_periodreport.py" line="353" />
      <source>Hot grids</source>
      <translation>热点网格</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_hotspots.py" line="121" />
      <source>Hot spot grids</source>
      <translation>热点网格数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="969" />
      <source>Hot spot patterns over the year: {items}.</source>
      <translation>全年热点模式：{items}。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/hotspots.py" line="427" />
      <source>Hot spot – 90 % confidence</source>
      <translation>热点 90% 置信</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/hotspots.py" line="426" />
      <source>Hot spot – 95 % confidence</source>
      <translation>热点 95% 置信</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/hotspots.py" line="425" />
      <source>Hot spot – 99 % confidence</source>
      <translation>热点 99% 置信</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_hotspots.py" line="118" />
      <source>Hot spots</source>
      <translation>热点分析</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/themes.py" line="275" />
      <source>Hot spots (Gi*)</source>
      <translation>热点分析（Gi*）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_hotspots.py" line="102" />
      <source>Hot spots per unit grid (Gi*)</source>
      <translation>单元网格热点分析（Gi*）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/heatmap.py" line="203" />
      <source>How far each case spreads its heat (heatmap view only)</source>
      <translation>每件案件热力扩散的半径（仅热力图视图）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_open311.py" line="124" />
      <source>Import Open311 GeoReport requests</source>
      <translation>导入 Open311 GeoReport 请求</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdxf.py" line="53" />
      <source>Import a DXF base map</source>
      <translation>导入 DXF 地形图</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdivisions.py" line="37" />
      <source>Import administrative divisions</source>
      <translation>导入行政区划</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_admin.py" line="185" />
      <source>Import case sources</source>
      <translation>导入问题来源</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcases.py" line="155" />
      <source>Import cases</source>
      <translation>导入案件</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcomponents.py" line="84" />
      <source>Import components</source>
      <translation>导入部件</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/plugin.py" line="114" />
      <source>Import components…</source>
      <translation>导入部件…</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdepartments.py" line="23" />
      <source>Import departments</source>
      <translation>导入部门</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/manual.py" line="193" />
      <source>Import from a file…</source>
      <translation>从文件导入…</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_admin.py" line="215" />
      <source>Import local classes</source>
      <translation>导入扩展分类</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_admin.py" line="58" />
      <source>Import routing rules</source>
      <translation>导入派遣规则</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcomponents.py" line="115" />
      <source>Import suspected duplicates</source>
      <translation>导入疑似重复</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_admin.py" line="152" />
      <source>Import territories</source>
      <translation>导入属地范围</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/manual.py" line="633" />
      <source>Import the command manual</source>
      <translation>导入指挥手册</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_roster.py" line="24" />
      <source>Import the grid roster (一格六员)</source>
      <translation>导入一格六员</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_admin.py" line="95" />
      <source>Import the working calendar</source>
      <translation>导入工作日历</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcomponents.py" line="122" />
      <source>Imported</source>
      <translation>已导入</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/manualfiles.py" line="154" />
      <source>Imported from {file}</source>
      <translation>导入自 {file}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/manual.py" line="674" />
      <source>Imported {file}: the command manual is now version {version} ({n} changes).</source>
      <translation>已导入 {file}：指挥手册现为第 {version} 版（{n} 处修改）。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_open311.py" line="127" />
      <source>Imports a GeoReport v2 requests file (JSON or XML, UTF-8, by its extension) from another system: each open request becomes a case of source 公众举报 (public report) through the store's case_report, its external id open311:&lt;system&gt;:&lt;service_request_id&gt;, so importing the same file again adds nothing. Closed requests are skipped (finished where they came from).

service_code is a service of this store (E + event class code, C + component class code: see the services file of “Export cases as Open311 GeoReport”); lat/long are WGS84 and must lie inside a unit grid of the district. GeoReport requests carry no reporter, but 公众举报 needs the reporter's name and phone: give the contact (name and phone) of the system or person the file came from. The case's report time is the store's clock at the import.

All or nothing: every request is checked first and every problem listed with the request's id; when one is refused nothing is written. Correct the file and run it again.</source>
      <translation>导入来自其他系统的 GeoReport v2 请求文件（JSON 或 XML，UTF-8，按扩展名识别）：每条未关闭的请求经库的 case_report 成为来源为公众举报的案件，外部编号为 open311:&lt;系统&gt;:&lt;service_request_id&gt;，因此再次导入同一文件不会新增任何内容。已关闭的请求跳过（在原系统已办结）。

service_code 必须是本库的服务类型（事件为 E + 事件类别代码，部件为 C + 部件类别代码：见“导出案件为 Open311 GeoReport”的服务文件）；lat/long 为 WGS84，且必须位于本区某个单元网格内。GeoReport 请求不含举报人，但公众举报需要举报人姓名和电话：请填写文件来源系统或人员的联系人（姓名和电话）。案件的上报时间为导入时库服务器的时间。

全部或全不：先检查每条请求，列出每个问题及其请求编号；只要有一条被拒绝，就什么也不写入。改正文件后重新导入。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcases.py" line="158" />
      <source>Imports cases (批量导入案件) from a hotline or 12345 platform export: a CSV file (UTF-8 or GBK, detected; a file mixing both encodings is refused), a GeoPackage or a shapefile. Columns are found by name — 工单编号 (external id), 来源/渠道 (source), 案件类型 (kind), 小类/问题类别 (class: a code or a Chinese name), 问题描述, 地址, 反映人, 联系电话, 来电时间, 经度/纬度 or X/Y — or chosen explicitly. A fixed source (e.g. 12345热线) applies to rows without one. The kind (event or component) comes from its column, from the parameter, or from the class when only one kind has it.

Coordinates: the store CRS (or the layer's CRS), WGS84, or the GCJ-02 (Amap, Tencent, WeChat) and BD-09 (Baidu) coordinates that Chinese map apps emit. GCJ-02 and BD-09 are converted to WGS84 explicitly (the published formulas; the inverse iterated to below 1 mm), then to the store CRS. The published GCJ-02 formula approximates the official one: a converted position is typically within 1–2 m of the true WGS84 position.

Every row is checked first: external id, source, class, description, reporter name and phone for the public channels (12345热线, 12319热线, 公众举报 …), the time (at most the store's observed_max_days old), longitude and latitude exchanged, a position outside every unit grid. All or nothing: when one row is rejected nothing is written, and the rejected rows go to the rejects layer with their attributes and the reason (row, what, how to fix); correct the file and run it again. There is no partial import. Re-running the same file adds nothing: a case whose external id the source already has counts as already known.</source>
      <translation>从热线或 12345 平台导出文件批量导入案件：CSV 文件（UTF-8 或 GBK，自动识别；两种编码混杂的文件会被拒绝）、GeoPackage 或 shapefile。按列名识别各列——工单编号（外部编号）、来源/渠道（来源）、案件类型、小类/问题类别（类别：代码或中文名称）、问题描述、地址、反映人、联系电话、来电时间、经度/纬度或 X/Y——也可在参数中逐一指定。固定来源（如 12345热线）用于未填来源的行。案件类型（事件或部件）取自其列、参数，或在只有一种类型含该类别时由类别推断。

坐标：库坐标系（或图层自身坐标系）、WGS84，或国内地图应用输出的 GCJ-02（高德、腾讯、微信）和 BD-09（百度）坐标。GCJ-02 和 BD-09 先明确转换为 WGS84（公开公式；逆变换迭代至 1 毫米以内），再转换到库坐标系。公开的 GCJ-02 公式是官方算法的近似：转换后的位置与真实 WGS84 位置一般相差 1–2 米。

写入前逐行检查：外部编号、来源、类别、问题描述、公众渠道（12345热线、12319热线、公众举报等）的反映人姓名和联系电话、时间（不早于库设置 observed_max_days 天）、经纬度互换、位置不在任何单元网格内。全部或全不：只要有一行被拒绝，就不写入任何内容，被拒绝的行连同原有属性和原因（第几行、什么问题、如何改正）输出到拒绝图层；改正文件后重新运行。不做部分导入。重复运行同一文件不会新增案件：来源中已有该外部编号的案件计为已有案件。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcomponents.py" line="87" />
      <source>Imports components (管理部件) from a layer (any OGR source: GeoPackage, shapefile, …) or from a CSV file with X/Y columns (UTF-8 or GBK, detected). Columns are found by name — class_code or 部件名称/部件代码 (a class code or a Chinese class name), 主管部门/权属单位/养护单位 (department codes or names), 状态, 数据来源, 普查日期, 备注 … — or chosen explicitly. Geometries are reprojected to the store CRS. The store issues every code and assigns the unit grid by location.

Every row ends in exactly one place: imported (with its new code), rejected (with the reason, in the rejects layer) or a suspected duplicate (same class within the tolerance of a component already in the store or of an earlier row; held back unless “Import suspected duplicates” is on). With “All or nothing” one rejected row rejects the whole file. Nothing is written when the import fails.</source>
      <translation>从图层（任意 OGR 数据源：GeoPackage、Shapefile 等）或带 X/Y 列的 CSV 文件（UTF-8 或 GBK，自动识别）导入管理部件。按列名识别字段——class_code 或 部件名称/部件代码（分类代码或中文分类名称）、主管部门/权属单位/养护单位（部门编码或名称）、状态、数据来源、普查日期、备注……——也可手动指定。几何会重投影到数据库坐标系。部件编码由数据库发放，所在网格按位置确定。

每一行只会落入一种结果：已导入（附新编码）、被拒绝（附原因，写入拒绝图层）或疑似重复（与库中已有部件或前面的行同类且在容差范围内；除非勾选“导入疑似重复”，否则暂不导入）。勾选“全部或全不”时，只要有一行被拒绝，整个文件都不导入。导入失败时不写入任何数据。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/leader_figures.py" line="40" />
      <source>In progress now</source>
      <translation>当前在办</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/classes.py" line="40" />
      <source>In use</source>
      <translation>启用</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/departments.py" line="97" />
      <source>In use (offered for dispatch)</source>
      <translation>启用（可派遣）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/classes.py" line="95" />
      <source>In use (offered when reporting)</source>
      <translation>启用（上报时可选）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/publication.py" line="259" />
      <source>In {month}, {reported} problems of city management were reported in {place}; {registered} cases were registered and {closed} of them closed by the end of the month.</source>
      <translation>{month}，{place}共受理上报城市管理问题{reported}件，立案{registered}件，截至月末结案{closed}件。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="901" />
      <source>In {period}, {reported} cases were reported ({change}), {valid} of them valid (valid-report rate {rate}).</source>
      <translation>{period}共上报案件 {reported} 件，{change}；其中有效上报 {valid} 件，有效上报率 {rate}。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="906" />
      <source>In {period}, {reported} cases were reported, {valid} of them valid (valid-report rate {rate}).</source>
      <translation>{period}共上报案件 {reported} 件，其中有效上报 {valid} 件，有效上报率 {rate}。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/reporttext.py" line="145" />
      <source>Indicator</source>
      <translation>指标</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/evaluation.py" line="229" />
      <source>Indicators</source>
      <translation>评价指标</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_monthlyreport.py" line="193" />
      <source>Indicators by community</source>
      <translation>各社区评价指标</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_monthlyreport.py" line="193" />
      <source>Indicators by street</source>
      <translation>各街道评价指标</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/indicators.py" line="29" />
      <source>Indicators by {grouping}</source>
      <translation>{grouping}综合评价指标</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/hotspots.py" line="606" />
      <source>Intensifying cold spot</source>
      <translation>加强冷点</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/hotspots.py" line="598" />
      <source>Intensifying hot spot</source>
      <translation>加强热点</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdxf.py" line="91" />
      <source>Invalid outlines repaired</source>
      <translation>修复的无效轮廓数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/manualfiles.py" line="148" />
      <source>Item</source>
      <translation>项目</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="645" />
      <source>Jan</source>
      <translation>1月</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/base.py" line="461" />
      <source>Jenks natural breaks</source>
      <translation>自然断点法分级</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="645" />
      <source>Jul</source>
      <translation>7月</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="645" />
      <source>Jun</source>
      <translation>6月</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/responsibility.py" line="401" />
      <source>Keep it</source>
      <translation>保留</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/report_dialog.py" line="441" />
      <source>Keep this report as an additional report of the selected case instead of opening a new case</source>
      <translation>将本次报告作为所选案卷的补充报告保存，不新建案卷</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_hotspots.py" line="62" />
      <source>Kernel shape</source>
      <translation>核函数形状</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/audit.py" line="21" />
      <source>Key</source>
      <translation>主键</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_monthlyreport.py" line="176" />
      <source>Key figures</source>
      <translation>主要指标</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="694" />
      <source>Key figures by month</source>
      <translation>各月主要指标</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="772" />
      <source>Kind</source>
      <translation>类型</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcases.py" line="200" />
      <source>Kind column (event/component)</source>
      <translation>案件类型列（事件/部件）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcases.py" line="189" />
      <source>Kind of rows without one</source>
      <translation>未填案件类型的行的类型</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/base.py" line="330" />
      <source>Kinds (none: all)</source>
      <translation>类型（不选：全部）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/settings_dialog.py" line="88" />
      <source>Language</source>
      <translation>语言</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/responsibility.py" line="499" />
      <source>Layer “{name}” added to the map.</source>
      <translation>图层“{name}”已添加到地图。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/workform.py" line="659" />
      <source>Lead department</source>
      <translation>主办部门</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/labels.py" line="42" />
      <source>Leader (read-only)</source>
      <translation>领导（只读）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/leader.py" line="113" />
      <source>Leaders' view</source>
      <translation>领导视窗</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/thematic.py" line="120" />
      <source>Legend</source>
      <translation>图例</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/patrol.py" line="54" />
      <source>Length of his tracks of the day (km)</source>
      <translation>当日轨迹总长（公里）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdxf.py" line="82" />
      <source>Lines imported</source>
      <translation>导入的线数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_platform.py" line="52" />
      <source>Link a district platform to the city</source>
      <translation>连接区级平台到市级平台</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_platform.py" line="87" />
      <source>Linked now (1) or already linked (0)</source>
      <translation>本次新连接（1）或早已连接（0）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_patrolpackage.py" line="532" />
      <source>Lists what QField could not use in a QGIS project, the way QFieldSync checks projects: layers outside the project folder or saved with absolute paths, layers that are not GeoPackage or image files (servers, web maps, memory layers), Python form code or form files, layer actions, form widgets QField does not have, attachment widgets or values with absolute paths, expressions with functions QField lacks, a track layer without M, a missing CRS. Each problem names the layer, what is wrong and how to fix it. Every patrol package is checked this way before it is kept.</source>
      <translation>像 QFieldSync 检查工程那样，列出 QGIS 工程中 QField 无法使用的内容：不在工程文件夹中或以绝对路径保存的图层，不是 GeoPackage 或影像文件的图层（服务器、网络地图、内存图层），表单的 Python 代码或表单文件，图层动作，QField 没有的表单控件，使用绝对路径的附件控件或附件值，用到 QField 没有的函数的表达式，没有 M 值的轨迹图层，缺少坐标参照系。每个问题都指明图层、问题所在和改正方法。每个巡查数据包在保留之前都经过这项检查。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_createstore.py" line="45" />
      <source>Load the standard class tables</source>
      <translation>导入标准分类表</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdivisions.py" line="123" />
      <source>Loaded district {code}: {streets} streets, {communities} communities</source>
      <translation>已导入区县 {code}：{streets} 个街道，{communities} 个社区</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdepartments.py" line="26" />
      <source>Loads departments (专业部门, streets, communities, enterprises) from a CSV file with the columns code, name, kind, parent_code, phone, note (Chinese headers 编码, 名称, 类型, 上级编码, 电话, 备注 also work). UTF-8 and GBK files are both read (auto-detected). Existing departments with the same code are updated. Every row is checked first; one bad row rejects the whole file with the line number, so the store never holds half a file.</source>
      <translation>从 CSV 文件导入部门（专业部门、街道、社区、企业），列为 code、name、kind、parent_code、phone、note（也可使用中文表头：编码、名称、类型、上级编码、电话、备注）。UTF-8 与 GBK 编码均可读取（自动识别）。编码相同的已有部门将被更新。所有行先全部检查；只要有一行有误，整个文件都不导入并给出行号，数据库中不会留下半个文件。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdivisions.py" line="40" />
      <source>Loads one district (区县) with its streets (街道) and communities (社区) into the store. Street and community codes are 3 digits (community codes unique inside their street), the district code is the 6-digit GB/T 2260 code. Layers in another CRS are reprojected to the store CRS (reported in the log). Every code and boundary is checked first and all problems are listed with their feature ids; nothing is written unless everything is valid. Rows with codes already in the store are updated. The district boundary is the union of the streets unless a district layer is given.</source>
      <translation>将一个区县及其街道、社区导入数据库。街道和社区编码为 3 位数字（社区编码在所属街道内唯一），区县代码为 6 位 GB/T 2260 代码。其他坐标系的图层会被重投影到数据库坐标系（日志中会注明）。先检查全部编码和边界，并按要素编号列出所有问题；只有全部有效时才写入。数据库中已有相同编码的记录将被更新。未提供区县图层时，区县边界取各街道的并集。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/classes.py" line="51" />
      <source>Local classes</source>
      <translation>扩展分类</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_admin.py" line="227" />
      <source>Local classes CSV</source>
      <translation>扩展分类 CSV</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_admin.py" line="218" />
      <source>Local extension classes (扩展部件/事件) from a CSV file (GBK or UTF-8) with the columns 类型 (事件/部件), 大类代码, 大类名称 (may be empty for a major class the profile has), 小类代码, 名称, 几何类型 (部件: 点/线/面; empty for events) and optionally 启用 (是/否). The codes have the digits of the store's code profile (2013: 2 + 2, 2026: 2 + 3); a code of a standard class is refused with a free code to use instead, and class names are unique. A local class already in the store is changed, a new one added. Every problem is reported at once and nothing is changed. Dry run lists the changes only.</source>
      <translation>从 CSV 文件（GBK 或 UTF-8）导入本地扩展分类（扩展部件/事件），列为 类型（事件/部件）、大类代码、大类名称（编码方案中已有的大类可留空）、小类代码、名称、几何类型（部件：点/线/面；事件留空），以及可选的 启用（是/否）。编码位数按库的编码方案（2013：2 + 2 位，2026：2 + 3 位）；与标准分类相同的编码会被拒绝，并给出一个可用的空闲编码；分类名称不得重复。库中已有的扩展分类被修改，新的被添加。所有问题一次列出，且不做任何修改。试运行只列出将要做的修改。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/report_dialog.py" line="260" />
      <source>Location</source>
      <translation>位置</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/workform.py" line="553" />
      <source>Location map</source>
      <translation>位置示意图</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/coverage.py" line="100" />
      <source>Login</source>
      <translation>登录名</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_roles.py" line="93" />
      <source>Login (lower-case letters, digits, _)</source>
      <translation>登录名（小写字母、数字、_）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/dialog.py" line="83" />
      <source>Login {login} does not hold the administrator role: you can look, but the store refuses every change.</source>
      <translation>登录名 {login} 没有管理员角色：可以查看，但数据库会拒绝任何修改。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/staff.py" line="272" />
      <source>Login {login} saved with {n} responsibility grids.</source>
      <translation>人员 {login} 已保存，责任网格 {n} 个。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/staff.py" line="265" />
      <source>Login {login} saved, but its grids were not: {error}</source>
      <translation>人员 {login} 已保存，但责任网格未保存：{error}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/staff.py" line="261" />
      <source>Login {login} saved.</source>
      <translation>人员 {login} 已保存。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/settings_dialog.py" line="160" />
      <source>Login {login}: roles {roles}</source>
      <translation>登录名 {login}：角色 {roles}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/reports.py" line="315" />
      <source>Longest (working hours)</source>
      <translation>最长（工作小时）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layers.py" line="245" />
      <source>Lookup tables</source>
      <translation>代码表</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_partitiongrids.py" line="105" />
      <source>Lower bound (m², 0 = 0.4 × target)</source>
      <translation>面积下限（m²，0 = 目标的 0.4 倍）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="770" />
      <source>Lowest place</source>
      <translation>最低名次</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/leader.py" line="201" />
      <source>Lowest-scoring departments this month</source>
      <translation>本月综合得分最低的部门</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/reports.py" line="212" />
      <source>Major class</source>
      <translation>大类</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/classes.py" line="81" />
      <source>Major class name</source>
      <translation>大类名称</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layers.py" line="90" />
      <source>Major classes</source>
      <translation>部件大类</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_fieldpackage.py" line="173" />
      <source>Major classes ({kind})</source>
      <translation>部件大类（{kind}）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/classes.py" line="78" />
      <source>Major code</source>
      <translation>大类代码</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/manual_view.py" line="44" />
      <source>Management points</source>
      <translation>管理要点</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/manual.py" line="241" />
      <source>Management points (管理要点)</source>
      <translation>管理要点</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/publication.py" line="484" />
      <source>Map</source>
      <translation>地图</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/thematic.py" line="145" />
      <source>Map date: {date}</source>
      <translation>制图日期：{date}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_maps.py" line="42" />
      <source>Map file</source>
      <translation>专题图文件</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_periodreport.py" line="337" />
      <source>Map not drawn</source>
      <translation>地图未绘制</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/base.py" line="475" />
      <source>Map title</source>
      <translation>图名</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/patrol.py" line="143" />
      <source>Map: green — visited by its supervisor; red — not visited by its supervisor; pale green — visited by another supervisor. A grid counts as visited after the time or distance set in the store (patrol_visit_seconds, patrol_visit_metres).</source>
      <translation>地图：绿色——责任监督员已巡查；红色——责任监督员未巡查；浅绿——其他监督员巡查。在网格内停留或行走达到库中设置的时长或距离（patrol_visit_seconds、patrol_visit_metres）即算已巡查。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/publication.py" line="352" />
      <source>Map: {title}. {subtitle}.</source>
      <translation>地图：{title}。{subtitle}。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="645" />
      <source>Mar</source>
      <translation>3月</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_censusprogress.py" line="45" />
      <source>Mark these grids not surveyed</source>
      <translation>将这些网格标记为未普查</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_censusprogress.py" line="43" />
      <source>Mark these grids surveyed</source>
      <translation>将这些网格标记为已普查</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="645" />
      <source>May</source>
      <translation>5月</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_periodreport.py" line="301" />
      <source>Mean composite score by department</source>
      <translation>各专业部门平均综合得分</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="717" />
      <source>Mean score</source>
      <translation>平均得分</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/reports.py" line="315" />
      <source>Median (working hours)</source>
      <translation>中位数（工作小时）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_partitiongrids.py" line="297" />
      <source>Median area (m²)</source>
      <translation>面积中位数（m²）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/plugin.py" line="111" />
      <source>Merge selected unit grids</source>
      <translation>合并所选单元网格</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/maptools/grid_edit.py" line="67" />
      <source>Merge unit grids</source>
      <translation>合并单元网格</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="962" />
      <source>Method: {how}.</source>
      <translation>判定方法——{how}。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_createstore.py" line="47" />
      <source>Migrations applied</source>
      <translation>本次应用的迁移数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/base.py" line="380" />
      <source>Minimum number of grids with cases</source>
      <translation>有案件网格的最少数量</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/classes.py" line="39" />
      <source>Minor code</source>
      <translation>小类代码</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/coverage.py" line="101" />
      <source>Minutes inside his grids</source>
      <translation>责任网格内时长（分钟）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/coverage.py" line="102" />
      <source>Minutes outside his grids</source>
      <translation>责任网格外时长（分钟）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/base.py" line="576" />
      <source>Mode</source>
      <translation>方式</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/calendar.py" line="41" />
      <source>Mon</source>
      <translation>周一</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="695" />
      <source>Month</source>
      <translation>月份</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_publication.py" line="93" />
      <source>Month (YYYY-MM; empty: the last complete month)</source>
      <translation>月份（YYYY-MM；留空：上一个完整月）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/reporttext.py" line="145" />
      <source>Month before</source>
      <translation>上月</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/evaluation.py" line="111" />
      <source>Monthly</source>
      <translation>月度</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_evaluation.py" line="84" />
      <source>Monthly case reports (tables)</source>
      <translation>月度案件报表（表格）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_monthlyreport.py" line="53" />
      <source>Monthly evaluation report (PDF)</source>
      <translation>综合评价月报（PDF）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_periodreport.py" line="97" />
      <source>Months evaluated</source>
      <translation>评价月数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_periodreport.py" line="153" />
      <source>Months evaluated in {seconds:.1f} s</source>
      <translation>各月评价完成，用时 {seconds:.1f} 秒</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/reports.py" line="98" />
      <source>Most frequent problems</source>
      <translation>高发问题</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/authorities.py" line="66" />
      <source>Most hours an extension may add</source>
      <translation>可批准的最长延期（小时）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/heatmap.py" line="168" />
      <source>Move the window back in time</source>
      <translation>向前移动时间窗口</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/indicators.py" line="28" />
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_open311.py" line="146" />
      <source>Name of the system the file comes from (letters, digits, . _ -; part of the external id)</source>
      <translation>文件来源系统的名称（字母、数字、. _ -；作为外部编号的一部分）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/sources.py" line="22" />
      <source>Needs the reporter</source>
      <translation>需登记举报人</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_hotspots.py" line="182" />
      <source>Neighbourhood time step (slices)</source>
      <translation>邻域时间步长（时段数）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/base.py" line="371" />
      <source>Neighbours</source>
      <translation>邻域</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/base.py" line="390" />
      <source>Neighbours: grids sharing an edge or a corner (queen contiguity)</source>
      <translation>邻域：共边或共角的网格（后式邻接）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/classes.py" line="59" />
      <source>New class</source>
      <translation>新建分类</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/hotspots.py" line="604" />
      <source>New cold spot</source>
      <translation>新增冷点</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/departments.py" line="64" />
      <source>New department</source>
      <translation>新建部门</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdepartments.py" line="38" />
      <source>New departments</source>
      <translation>新增部门数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/hotspots.py" line="596" />
      <source>New hot spot</source>
      <translation>新增热点</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/staff.py" line="77" />
      <source>New login</source>
      <translation>新建登录名</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/manualfiles.py" line="148" />
      <source>New value</source>
      <translation>新值</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/report_dialog.py" line="520" />
      <source>No active unit grid has the code {code}: check the code (15 digits) or click the map</source>
      <translation>没有编码为 {code} 的在用单元网格：请检查编码（15 位）或在地图上点击</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/responsibility.py" line="287" />
      <source>No active unit grid {code}: type its 15-digit code or pick it in the list.</source>
      <translation>没有使用中的单元网格 {code}：请输入 15 位网格编码或在列表中选择。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/publication.py" line="268" />
      <source>No case fell due for handling this month, so there is no on-time handling rate.</source>
      <translation>本月没有到期应处置的案件，因此不计算按期处置率。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/report_dialog.py" line="775" />
      <source>No case of this class nearby.</source>
      <translation>附近没有同类别的案卷。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_monthlyreport.py" line="163" />
      <source>No case was reported, due for handling, checked or open in {place} in {month}: there is nothing to evaluate. The tables, charts and maps of the report are left out; they would all be empty.</source>
      <translation>{place}在{month}没有上报、应处置、应核查或在办的案件，没有可评价的内容。月报的各项表格、图表和专题图从略（均为空）。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_periodreport.py" line="244" />
      <source>No case was reported, due for handling, checked or open in {place} in {period}: there is nothing to review. The tables, charts and maps are left out; they would all be empty.</source>
      <translation>{place}在{period}没有上报、应处置、应核查或在办的案件，没有可点评的内容。报告中的表格、图表和地图均已省略，它们都将是空的。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_periodreport.py" line="501" />
      <source>No change between the first and the second half of the months.</source>
      <translation>前后两个半期之间没有变化。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="954" />
      <source>No class was among the {top} most reported in every month.</source>
      <translation>没有问题类别在每个月都位列上报最多的前 {top} 位。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/report.py" line="224" />
      <source>No data</source>
      <translation>无数据</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/leader.py" line="209" />
      <source>No department had cases due for handling this month.</source>
      <translation>本月尚无部门有应处置案件。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/routing.py" line="345" />
      <source>No department would be found for a case of this class here: dispatch would need one chosen by hand.</source>
      <translation>此处此类案件找不到处置部门：派遣时需要人工选择。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/staff.py" line="230" />
      <source>No grid is selected on the map: select unit grids in the grid layer.</source>
      <translation>地图上没有选中网格：请在网格图层中选择单元网格。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/reporttext.py" line="226" />
      <source>No hot spot analysis for this month: {reason}</source>
      <translation>本月未进行热点分析：{reason}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/manual.py" line="373" />
      <source>No manual in force yet</source>
      <translation>尚无现行指挥手册</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/bigscreen.py" line="298" />
      <source>No open case is with a department.</source>
      <translation>目前没有在部门处置中的案件。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/hotspots.py" line="612" />
      <source>No pattern detected</source>
      <translation>无显著模式</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/workform.py" line="622" />
      <source>No photo</source>
      <translation>无照片</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/photos.py" line="156" />
      <source>No photos</source>
      <translation>无照片</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/publication.py" line="257" />
      <source>No problem of city management was reported, handled or closed in {place} in {month}: there are no figures to publish for this month.</source>
      <translation>{month}，{place}没有上报、处置或结案的城市管理问题，本月没有需要发布的数据。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/publication.py" line="276" />
      <source>No return visit reached a person who had reported a problem this month, so there is no satisfaction rate.</source>
      <translation>本月没有回访到问题反映人，因此不计算满意率。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/patrol.py" line="231" />
      <source>No track this day.</source>
      <translation>当日无轨迹。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="973" />
      <source>No unit grid shows a hot spot pattern over the year.</source>
      <translation>全年没有单元网格呈现热点模式。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="961" />
      <source>No unit grid was hot in every month.</source>
      <translation>没有单元网格在每个月都是热点。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/manual.py" line="106" />
      <source>Normal</source>
      <translation>一般</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/manual.py" line="106" />
      <source>Normal limit</source>
      <translation>一般时限</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/manual.py" line="668" />
      <source>Not applied: version {version} stays in force.</source>
      <translation>未应用：第 {version} 版仍然有效。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="992" />
      <source>Not ranked, with nothing due for handling in any month: {names}.</source>
      <translation>各月均无应处置案件、未参加排名的专业部门：{names}。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/dialog.py" line="189" />
      <source>Not saved</source>
      <translation>未保存</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/manual_view.py" line="38" />
      <source>Not set in the command manual</source>
      <translation>指挥手册未规定</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/hotspots.py" line="428" />
      <source>Not significant</source>
      <translation>不显著</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/patrol.py" line="225" />
      <source>Not visited: {grids}</source>
      <translation>未巡查：{grids}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/calendar.py" line="120" />
      <source>Note</source>
      <translation>备注</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_manual.py" line="149" />
      <source>Note on the new version (empty: the file's name)</source>
      <translation>新版本的说明（留空：文件名）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/calendar.py" line="314" />
      <source>Nothing changed.</source>
      <translation>没有修改。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/manual.py" line="586" />
      <source>Nothing changed: version {version} stays in force.</source>
      <translation>没有修改：第 {version} 版仍然有效。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/base.py" line="619" />
      <source>Nothing to change: the store already holds this</source>
      <translation>无需修改：库中已是这些内容</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_monthlyreport.py" line="255" />
      <source>Nothing to report for this month.</source>
      <translation>本月无此项数据。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_periodreport.py" line="256" />
      <source>Nothing to report for this period.</source>
      <translation>本期无此项数据。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="646" />
      <source>Nov</source>
      <translation>11月</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/base.py" line="462" />
      <source>Number of classes</source>
      <translation>分级数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_partitiongrids.py" line="296" />
      <source>Number of grids</source>
      <translation>网格数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/workform.py" line="440" />
      <source>Observed at</source>
      <translation>发现时间</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_partitiongrids.py" line="305" />
      <source>Obstacles crossed by a cut (-1 = no obstacles given)</source>
      <translation>被切线穿过的障碍物数（-1 = 未提供障碍物）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_partitiongrids.py" line="96" />
      <source>Obstacles that cuts avoid (buildings, footprints)</source>
      <translation>切线避让的障碍物（建筑物、占地轮廓）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="646" />
      <source>Oct</source>
      <translation>10月</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/leader_figures.py" line="56" />
      <source>Of the cases registered this month, those closed</source>
      <translation>本月立案的案件中已结案的</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/publication.py" line="295" />
      <source>Of the {n} departments with a composite score, {best} ranked first ({score} points).</source>
      <translation>在有综合得分的{n}个专业部门中，{best}排名第一（{score}分）。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="981" />
      <source>Of the {n} departments with a score, {best} ranked first with a mean score of {best_score} and {worst} last with {worst_score}.</source>
      <translation>在 {n} 个有得分的专业部门中，{best}排名第一，平均得分 {best_score}；{worst}排名最后，平均得分 {worst_score}。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/reporttext.py" line="205" />
      <source>Of the {n} departments with cases due, {best} scored highest ({best_score} points) and {worst} lowest ({worst_score} points).</source>
      <translation>在有应处置案件的 {n} 个专业部门中，{best}综合得分最高（{best_score} 分），{worst}最低（{worst_score} 分）。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/publication.py" line="285" />
      <source>Of the {n} streets with cases due, {best} had the highest on-time handling rate ({best_rate}) and {worst} the lowest ({worst_rate}).</source>
      <translation>在有应处置案件的{n}个街道中，{best}按期处置率最高（{best_rate}），{worst}最低（{worst_rate}）。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/manualfiles.py" line="148" />
      <source>Old value</source>
      <translation>原值</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/evaluation.py" line="607" />
      <source>On-time check rate</source>
      <translation>按期核查率</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/evaluation.py" line="604" />
      <source>On-time closing rate</source>
      <translation>按期结案率</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/evaluation.py" line="603" />
      <source>On-time handling rate</source>
      <translation>按期处置率</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/themes.py" line="176" />
      <source>On-time handling rate by community</source>
      <translation>各社区按期处置率</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/themes.py" line="177" />
      <source>On-time handling rate by street</source>
      <translation>各街道按期处置率</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/reporttext.py" line="103" />
      <source>On-time rate (%)</source>
      <translation>按期处置率（%）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/base.py" line="458" />
      <source>On-time rate of one department only (department code; empty: all)</source>
      <translation>仅统计某一部门的按期处置率（部门代码；留空：全部部门）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/evaluation.py" line="611" />
      <source>On-time return-visit rate</source>
      <translation>按期回访率</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/evaluation.py" line="606" />
      <source>On-time verify rate</source>
      <translation>按期核实率</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/dialog.py" line="182" />
      <source>Only an administrator may change this: sign in with an administrator's login.</source>
      <translation>只有管理员可以修改：请使用管理员登录名登录。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/city_queue.py" line="120" />
      <source>Only an operator or a shift leader hands cases to districts</source>
      <translation>只有受理员或值班长可以向区县转办案件</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/report_dialog.py" line="229" />
      <source>Only the role {role} reports under this source</source>
      <translation>只有角色 {role} 可以使用此来源上报</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/sources.py" line="79" />
      <source>Only the store itself reports under this source (the city's hand-overs); its role does not change.</source>
      <translation>只有数据库自身以此来源上报（市级转办单）；其上报角色不能更改。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/bigscreen.py" line="307" />
      <source>Open and overdue cases by district</source>
      <translation>各区在办及超期案件</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/maplegend.py" line="156" />
      <source>Open case, coloured by state</source>
      <translation>在办案件（按状态着色）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/bigscreen.py" line="263" />
      <source>Open cases</source>
      <translation>在办案件</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/bigscreen.py" line="87" />
      <source>Open cases (live)</source>
      <translation>在办案件（实时）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/bigscreen.py" line="279" />
      <source>Open cases by state</source>
      <translation>在办案件（按状态）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/leader_figures.py" line="53" />
      <source>Open cases past the deadline of their current stage (挂账 not counted)</source>
      <translation>在办案件中已超过当前环节时限的案件（挂账不计）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/leader_figures.py" line="54" />
      <source>Open cases that were urged (督办) at least once</source>
      <translation>在办案件中至少督办过一次的案件</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/cli.py" line="125" />
      <source>Open311 GeoReport v2 service on http://{host}:{port}/ (services.json, requests.json); Ctrl+C stops it</source>
      <translation>Open311 GeoReport v2 服务运行于 http://{host}:{port}/（services.json、requests.json）；按 Ctrl+C 停止</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/open311.py" line="75" />
      <source>Open311 client app '{name}' not saved: {error}</source>
      <translation>Open311 客户端应用“{name}”未保存：{error}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="205" />
      <source>Open311 client name {name} must be 1 to 60 letters, digits, '.', '_' or '-'</source>
      <translation>Open311 客户端名称 {name} 必须为 1 到 60 个字母、数字、“.”、“_”或“-”</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/audit.py" line="21" />
      <source>Operation</source>
      <translation>操作</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/workflow.py" line="40" />
      <source>Operator</source>
      <translation>受理员</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/sources.py" line="21" />
      <source>Order</source>
      <translation>排序</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/base.py" line="468" />
      <source>Orientation</source>
      <translation>方向</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/hotspots.py" line="610" />
      <source>Oscillating cold spot</source>
      <translation>振荡冷点</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/hotspots.py" line="602" />
      <source>Oscillating hot spot</source>
      <translation>振荡热点</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/charts.py" line="488" />
      <source>Other</source>
      <translation>其他</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdxf.py" line="88" />
      <source>Other features</source>
      <translation>其他要素数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/coverage.py" line="103" />
      <source>Other grids visited</source>
      <translation>巡查的其他网格</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_patrolpackage.py" line="168" />
      <source>Output folder (one sub-folder per supervisor)</source>
      <translation>输出文件夹（每位监督员一个子文件夹）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_hotspots.py" line="66" />
      <source>Output values</source>
      <translation>输出值</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/patrol.py" line="45" />
      <source>Outside (min)</source>
      <translation>网格外（分）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/case_queue.py" line="100" />
      <source>Overdue</source>
      <translation>已超时</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/maplegend.py" line="158" />
      <source>Overdue (red ring)</source>
      <translation>超期（红圈）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/leader.py" line="185" />
      <source>Overdue and urged cases</source>
      <translation>超期与督办案件</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/leader.py" line="189" />
      <source>Overdue by</source>
      <translation>超期时长</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/evaluation.py" line="601" />
      <source>Overdue in handling now</source>
      <translation>处置超期在办数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/evaluation.py" line="600" />
      <source>Overdue now</source>
      <translation>当前超期</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/city_queue.py" line="99" />
      <source>Overdue only</source>
      <translation>只看超期</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/evaluation.py" line="599" />
      <source>Overdue, not handled</source>
      <translation>超期未处置数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/reporttext.py" line="104" />
      <source>Overdue-pending (%)</source>
      <translation>超期待处置率（%）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/evaluation.py" line="605" />
      <source>Overdue-pending rate</source>
      <translation>超期待处置率</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/gridcheck.py" line="584" />
      <source>PASSED</source>
      <translation>通过</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/gridcheck.py" line="582" />
      <source>PASSED with {warnings}</source>
      <translation>通过，有 {warnings}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/manual.py" line="713" />
      <source>PDF (*.pdf)</source>
      <translation>PDF (*.pdf)</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_fieldpackage.py" line="85" />
      <source>Package folder</source>
      <translation>数据包文件夹</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_patrolpackage.py" line="171" />
      <source>Package folders (one per line)</source>
      <translation>数据包文件夹（每行一个）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_fieldpackage.py" line="87" />
      <source>Package name (default: census_&lt;first grid&gt;_&lt;date&gt;)</source>
      <translation>数据包名称（默认：census_&lt;第一个网格&gt;_&lt;日期&gt;）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_fieldpackage.py" line="328" />
      <source>Package rows refreshed</source>
      <translation>数据包中刷新的行数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_patrolsync.py" line="85" />
      <source>Packages refused</source>
      <translation>被拒绝的数据包</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_patrolsync.py" line="84" />
      <source>Packages synced</source>
      <translation>已同步的数据包</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/report.py" line="168" />
      <source>Page {n} of {total}</source>
      <translation>第 {n} 页 / 共 {total} 页</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_manual.py" line="230" />
      <source>Pages</source>
      <translation>页数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/base.py" line="467" />
      <source>Paper</source>
      <translation>纸张</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/departments.py" line="46" />
      <source>Parent department</source>
      <translation>上级部门</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_partitiongrids.py" line="50" />
      <source>Partition communities into unit grids</source>
      <translation>划分万米单元网格</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/base.py" line="124" />
      <source>Passed (1) or failed (0)</source>
      <translation>通过（1）或未通过（0）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/staff.py" line="114" />
      <source>Password</source>
      <translation>密码</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/staff.py" line="116" />
      <source>Password again</source>
      <translation>确认密码</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_roles.py" line="99" />
      <source>Password from an authentication configuration</source>
      <translation>密码（取自认证配置）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/coverage.py" line="108" />
      <source>Patrol coverage</source>
      <translation>巡查覆盖</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_coverage.py" line="55" />
      <source>Patrol coverage of the supervisors</source>
      <translation>监督员巡查覆盖</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_coverage.py" line="79" />
      <source>Patrol coverage table</source>
      <translation>巡查覆盖表</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/patrolmaps.py" line="99" />
      <source>Patrol coverage {day}</source>
      <translation>巡查覆盖 {day}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_patrolsync.py" line="73" />
      <source>Patrol package folder (or a folder of packages)</source>
      <translation>巡查数据包文件夹（或包含多个数据包的文件夹）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_patrolpackage.py" line="494" />
      <source>Patrol package of {login}</source>
      <translation>{login} 的巡查数据包</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_patrolpackage.py" line="170" />
      <source>Patrol packages written</source>
      <translation>已生成的巡查数据包</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="819" />
      <source>Pattern</source>
      <translation>模式</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/evaluation.py" line="202" />
      <source>Period</source>
      <translation>统计周期</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/base.py" line="199" />
      <source>Period (YYYY-MM, YYYY-Qn or YYYY; empty: the last complete month)</source>
      <translation>统计周期（YYYY-MM、YYYY-Qn 或 YYYY；留空：上一个完整月份）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/reports.py" line="178" />
      <source>Period before</source>
      <translation>上期</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/base.py" line="208" />
      <source>Period end</source>
      <translation>统计期结束时间</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/reports.py" line="178" />
      <source>Period on period (%)</source>
      <translation>环比（%）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/base.py" line="264" />
      <source>Period {start} – {end} (cut-off {as_of}): {n} cases with actions in or open during it</source>
      <translation>统计期 {start} 至 {end}（截止 {as_of}）：期内有操作或在办的案件 {n} 件</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/hotspots.py" line="607" />
      <source>Persistent cold spot</source>
      <translation>持续冷点</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/hotspots.py" line="599" />
      <source>Persistent hot spot</source>
      <translation>持续热点</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="785" />
      <source>Persistent hot spots</source>
      <translation>持续热点网格</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="771" />
      <source>Persistent problems</source>
      <translation>持续高发问题</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/case_detail.py" line="124" />
      <source>Person</source>
      <translation>处理人</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/departments.py" line="47" />
      <source>Phone</source>
      <translation>联系电话</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/report_dialog.py" line="100" />
      <source>Photo</source>
      <translation>照片</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/photos.py" line="144" />
      <source>Photo {id} does not exist or is not yours to see</source>
      <translation>照片 {id} 不存在或您无权查看</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/report_dialog.py" line="374" />
      <source>Photos</source>
      <translation>现场照片</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/report_dialog.py" line="695" />
      <source>Photos (*.jpg *.jpeg *.png *.JPG *.JPEG *.PNG)</source>
      <translation>照片 (*.jpg *.jpeg *.png *.JPG *.JPEG *.PNG)</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/workform.py" line="556" />
      <source>Photos ({shown} of {total})</source>
      <translation>现场照片（共 {total} 张，打印 {shown} 张）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/action_dialog.py" line="161" />
      <source>Photos ({stage}, at least one)</source>
      <translation>照片（{stage}，至少一张）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/action_dialog.py" line="162" />
      <source>Photos ({stage}, optional)</source>
      <translation>照片（{stage}，可选）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/report_dialog.py" line="666" />
      <source>Pick a class to see its registration standard.</source>
      <translation>选择类别后显示其立案标准。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/report_dialog.py" line="664" />
      <source>Pick a class to see its time limits.</source>
      <translation>选择类别后显示其办理时限。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/responsibility.py" line="125" />
      <source>Pick a grid in the list.</source>
      <translation>请在列表中选择网格。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/responsibility.py" line="481" />
      <source>Pick a supervisor in the list (or the first entry: nobody).</source>
      <translation>请在列表中选择监督员（或第一项：不指定）。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_hotspots.py" line="59" />
      <source>Pixel size (metres)</source>
      <translation>像元大小（米）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/settings_dialog.py" line="95" />
      <source>Plugin language (applies after restarting QGIS)</source>
      <translation>插件语言（重启 QGIS 后生效）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/report_dialog.py" line="266" />
      <source>Point</source>
      <translation>坐标</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/heatmap.py" line="195" />
      <source>Points</source>
      <translation>点位</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdxf.py" line="82" />
      <source>Polygons imported</source>
      <translation>导入的面数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_platform.py" line="80" />
      <source>Port of the city's server (as the district reaches it)</source>
      <translation>市级服务器端口（区县服务器访问时）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_platform.py" line="79" />
      <source>Port of the district's server (as the city reaches it)</source>
      <translation>区县服务器端口（市级服务器访问时）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_platform.py" line="157" />
      <source>Position</source>
      <translation>位置</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/report_dialog.py" line="407" />
      <source>Possible duplicates</source>
      <translation>可能重复</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/report_dialog.py" line="768" />
      <source>Possible duplicates ({n})</source>
      <translation>可能重复（{n}）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_platform.py" line="69" />
      <source>PostgreSQL connection of the district's store</source>
      <translation>区县数据库的 PostgreSQL 连接</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/base.py" line="111" />
      <source>PostgreSQL connection of the store</source>
      <translation>数据库的 PostgreSQL 连接</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/routing.py" line="155" />
      <source>Preview</source>
      <translation>预览</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_periodreport.py" line="281" />
      <source>Previous period</source>
      <translation>上期</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="719" />
      <source>Previous period's rank</source>
      <translation>上期排名</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/manual.py" line="712" />
      <source>Print the command manual (PDF)</source>
      <translation>打印指挥手册（PDF）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/manual.py" line="199" />
      <source>Print the manual…</source>
      <translation>打印手册…</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/case_detail.py" line="71" />
      <source>Print work form</source>
      <translation>打印派遣单</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_manual.py" line="229" />
      <source>Printed manual</source>
      <translation>打印的指挥手册</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/manual.py" line="100" />
      <source>Printed {time}</source>
      <translation>打印时间 {time}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/report_dialog.py" line="303" />
      <source>Problem</source>
      <translation>问题</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/workform.py" line="438" />
      <source>Problem class</source>
      <translation>案件类别</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/workform.py" line="439" />
      <source>Problem source</source>
      <translation>问题来源</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/workform.py" line="438" />
      <source>Problem type</source>
      <translation>问题类型</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_patrolsync.py" line="83" />
      <source>Problems (what did not arrive whole, each said in the log)</source>
      <translation>问题（未完整存入的内容，日志中逐条说明）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/reports.py" line="211" />
      <source>Problems by class</source>
      <translation>问题分类</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/reports.py" line="111" />
      <source>Problems by source</source>
      <translation>问题来源</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_patrolpackage.py" line="544" />
      <source>Problems found</source>
      <translation>发现的问题</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_open311.py" line="154" />
      <source>Problems found (nothing written when any)</source>
      <translation>发现的问题（有问题时什么也不写入）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_partitiongrids.py" line="114" />
      <source>Processes (0 = every core, 1 = this process only)</source>
      <translation>进程数（0 = 使用全部核心，1 = 仅本进程）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_fieldpackage.py" line="140" />
      <source>Project: {path}</source>
      <translation>工程：{path}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_publication.py" line="76" />
      <source>Public information of a month (web page)</source>
      <translation>月度公众信息发布（网页）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/publication.py" line="532" />
      <source>Published on {date}</source>
      <translation>发布日期：{date}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/publication.py" line="495" />
      <source>Published on {date}; figures as of {as_of}</source>
      <translation>发布日期：{date}；数据截至 {as_of}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_patrolpackage.py" line="554" />
      <source>QField can use everything in this project</source>
      <translation>该工程的全部内容 QField 都能使用</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/settings_dialog.py" line="45" />
      <source>QGIS PostgreSQL connection</source>
      <translation>QGIS PostgreSQL 连接</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/qfieldcheck.py" line="106" />
      <source>QGIS cannot open the project ({error})</source>
      <translation>QGIS 无法打开该工程（{error}）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/connections.py" line="47" />
      <source>QGIS connection '{name}'</source>
      <translation>QGIS 连接“{name}”</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/export.py" line="43" />
      <source>QGIS could not render {path}: a layer may have failed to draw; open the layout in QGIS to see which</source>
      <translation>QGIS 无法渲染 {path}：可能有图层绘制失败，请在 QGIS 中打开该版式查看是哪个图层</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_fieldpackage.py" line="202" />
      <source>QGIS could not write the project</source>
      <translation>QGIS 无法写入工程文件</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_fieldpackage.py" line="92" />
      <source>QGIS project</source>
      <translation>QGIS 工程</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_patrolpackage.py" line="541" />
      <source>QGIS project (.qgz or .qgs)</source>
      <translation>QGIS 工程（.qgz 或 .qgs）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_patrolpackage.py" line="542" />
      <source>QGIS projects (*.qgz *.qgs)</source>
      <translation>QGIS 工程 (*.qgz *.qgs)</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_partitiongrids.py" line="123" />
      <source>Quality figures</source>
      <translation>质量指标</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_periodreport.py" line="412" />
      <source>Quarter (YYYY-Qn, e.g. 2026-Q3; empty: the last complete quarter)</source>
      <translation>季度（YYYY-Qn，如 2026-Q3；留空：上一个完整季度）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/evaluation.py" line="111" />
      <source>Quarterly</source>
      <translation>季度</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_periodreport.py" line="397" />
      <source>Quarterly review (PDF)</source>
      <translation>季度点评（PDF）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_periodreport.py" line="422" />
      <source>Quarterly review of digital urban management</source>
      <translation>数字城管季度点评</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="737" />
      <source>Q{quarter}</source>
      <translation>第{quarter}季度</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periods.py" line="85" />
      <source>Q{quarter} {year}</source>
      <translation>{year}年第{quarter}季度</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_hotspots.py" line="57" />
      <source>Radius (metres)</source>
      <translation>半径（米）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="717" />
      <source>Rank</source>
      <translation>排名</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_periodreport.py" line="430" />
      <source>Rates by month</source>
      <translation>各月办理情况</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/action_dialog.py" line="235" />
      <source>Reached the reporter</source>
      <translation>已联系上举报人</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/manual.py" line="193" />
      <source>Read a workbook (.xlsx) or CSV in the layout of the export, check all of it and show the differences with the manual in force before anything is applied</source>
      <translation>读取与导出格式相同的工作簿（.xlsx）或 CSV，全部检查后先列出与现行手册的差异，确认后才应用</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/audit.py" line="92" />
      <source>Read again</source>
      <translation>刷新</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/patrol.py" line="114" />
      <source>Read the day's tracks and show each supervisor's coverage</source>
      <translation>读取当日轨迹，显示每位监督员的巡查覆盖</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/leader.py" line="164" />
      <source>Read the figures again now (they also follow every change as it happens)</source>
      <translation>立即重新读取数据（数据也会随每次变化实时更新）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_open311.py" line="177" />
      <source>Read {n} requests from {file}</source>
      <translation>从 {file} 读入 {n} 条请求</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcases.py" line="293" />
      <source>Read {n} rows ({encoding})</source>
      <translation>已读取 {n} 行（{encoding}）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcases.py" line="325" />
      <source>Read {n} rows ({layer})</source>
      <translation>已读取 {n} 行（{layer}）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_manual.py" line="129" />
      <source>Reads a command manual (指挥手册) from an Excel workbook (.xlsx) or a CSV file (UTF-8 or GBK) in the layout “Export the command manual” writes, and makes it the manual in force. Everything is checked first — departments (a code, a name or 属地), classes of the store's code profile, time limits (a positive number with its unit), situations with at least one limit, one row per class, situations and 紧急 below their class — and every problem is listed with its sheet, row, column and value; then nothing is changed. With “Dry run” the differences with the manual in force are listed and nothing is changed. Otherwise the whole manual is replaced at once, all or nothing (a class without a row loses its page): a new version when anything changed. Cases already reported keep the version they were reported under. Administrators only.</source>
      <translation>从 Excel 工作簿（.xlsx）或 CSV 文件（UTF-8 或 GBK）读取指挥手册（格式同“导出指挥手册”），并使其生效。先检查全部内容——部门（编码、名称或“属地”）、库中代码标准的类别、时限（正数加单位）、情形至少有一个时限、每个类别一行、情形和“紧急”行在其类别之下——列出每个问题所在的表、行、列和内容，此时不作任何修改。勾选“只列出差异”时只列出与现行手册的差异，不作修改。否则一次替换整本手册，要么全部成功，要么一处不改（没有行的类别将失去其条目）；有改动时生成新版本。已上报的案件仍按上报时的版本计时。仅限系统管理员。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/action_dialog.py" line="62" />
      <source>Reason for cancelling</source>
      <translation>作废原因</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/workflow.py" line="54" />
      <source>Reassign</source>
      <translation>改派</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/city_queue.py" line="112" />
      <source>Refresh</source>
      <translation>刷新</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/authorities.py" line="27" />
      <source>Refuse an extension</source>
      <translation>驳回延期</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/workflow.py" line="51" />
      <source>Refuse extension</source>
      <translation>驳回延期</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/workflow.py" line="49" />
      <source>Register</source>
      <translation>立案</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/workflow.py" line="68" />
      <source>Register case {case}? It is then dispatched to a department and its time limits run.</source>
      <translation>确定立案 {case}？立案后将派遣到专业部门，处置时限开始计算。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/reporttext.py" line="102" />
      <source>Registered</source>
      <translation>立案数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/evaluation.py" line="595" />
      <source>Registered (due for closing)</source>
      <translation>立案数（应结案）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/bigscreen.py" line="261" />
      <source>Registered today</source>
      <translation>今日立案</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/manual.py" line="241" />
      <source>Registering standard (立案标准)</source>
      <translation>立案标准</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/manual.py" line="34" />
      <source>Registration</source>
      <translation>立案</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/workform.py" line="251" />
      <source>Registration stage</source>
      <translation>立案</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/manual_view.py" line="43" />
      <source>Registration standard</source>
      <translation>立案标准</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcomponents.py" line="122" />
      <source>Rejected</source>
      <translation>被拒绝</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcases.py" line="213" />
      <source>Rejected rows</source>
      <translation>被拒绝的行</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/workflow.py" line="52" />
      <source>Release</source>
      <translation>解除挂账</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/authorities.py" line="26" />
      <source>Release a deferral</source>
      <translation>解除挂账</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/responsibility.py" line="173" />
      <source>Remove</source>
      <translation>移除</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/responsibility.py" line="175" />
      <source>Remove a period entered by mistake; a period that happened is ended instead</source>
      <translation>删除误录的期间；已发生的期间请结束，不要删除</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/departments.py" line="121" />
      <source>Remove area</source>
      <translation>移出属地</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/manual.py" line="329" />
      <source>Remove situation</source>
      <translation>删除情形</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/responsibility.py" line="395" />
      <source>Remove the period of {login} from {start} as entered by mistake? A period that happened is ended instead: the tasks of its days were his.</source>
      <translation>将 {login} 自 {start} 起的期间作为误录删除？已发生的期间应当结束而不是删除：那些天的任务属于他。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/responsibility.py" line="219" />
      <source>Remove the person selected in the roster</source>
      <translation>移除所选人员</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/authorities.py" line="29" />
      <source>Reopen after a dissatisfied return visit (回访不满意重办)</source>
      <translation>回访不满意重办</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdxf.py" line="81" />
      <source>Replace an earlier import of the same drawing</source>
      <translation>替换同一图纸此前的导入</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_monthlyreport.py" line="72" />
      <source>Report</source>
      <translation>月报</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/workflow.py" line="61" />
      <source>Report (stage)</source>
      <translation>上报</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/report_dialog.py" line="155" />
      <source>Report a case</source>
      <translation>受理登记</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/report_dialog.py" line="778" />
      <source>Report as a new case</source>
      <translation>登记为新案卷</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/report_dialog.py" line="860" />
      <source>Report attached</source>
      <translation>已并入案卷</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/workflow.py" line="70" />
      <source>Report case {case} as handled? The supervisor then checks it on site.</source>
      <translation>确定上报案件 {case} 处置完成？随后由监督员现场核查。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/workform.py" line="257" />
      <source>Report photo</source>
      <translation>上报</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_patrolsync.py" line="77" />
      <source>Report photos added</source>
      <translation>存入的上报照片</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/evaluation.py" line="593" />
      <source>Reported</source>
      <translation>上报数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/workform.py" line="440" />
      <source>Reported at</source>
      <translation>上报时间</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/sources.py" line="23" />
      <source>Reported by role</source>
      <translation>上报角色</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/report_dialog.py" line="101" />
      <source>Reported on</source>
      <translation>上报日期</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/bigscreen.py" line="261" />
      <source>Reported today</source>
      <translation>今日上报</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/case_detail.py" line="157" />
      <source>Reporter</source>
      <translation>上报人</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcases.py" line="204" />
      <source>Reporter column</source>
      <translation>反映人列</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcases.py" line="205" />
      <source>Reporter phone column</source>
      <translation>联系电话列</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_open311.py" line="149" />
      <source>Reporter recorded for the requests (the contact of that system)</source>
      <translation>为这些请求记录的举报人（该系统的联系人）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/report_dialog.py" line="241" />
      <source>Reporter's name</source>
      <translation>举报人</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_open311.py" line="151" />
      <source>Reporter's phone</source>
      <translation>举报人电话</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/evaluation.py" line="608" />
      <source>Reporters reached</source>
      <translation>回访数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/leader_figures.py" line="59" />
      <source>Reporters satisfied (满意 or 基本满意), of those reached by a return visit this month</source>
      <translation>本月回访联系上的举报人中表示满意或基本满意的</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/evaluation.py" line="261" />
      <source>Reports</source>
      <translation>报表</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_patrolsync.py" line="76" />
      <source>Reports already in the store</source>
      <translation>数据库中已有的上报</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_patrolsync.py" line="75" />
      <source>Reports filed as cases</source>
      <translation>立为案件的上报</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/workflow.py" line="50" />
      <source>Request extension</source>
      <translation>申请延期</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_open311.py" line="85" />
      <source>Requests file (.json or .xml)</source>
      <translation>请求文件（.json 或 .xml）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_open311.py" line="89" />
      <source>Requests written</source>
      <translation>已写出的请求</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/base.py" line="470" />
      <source>Resolution (dpi)</source>
      <translation>分辨率（dpi）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/coverage.py" line="100" />
      <source>Responsibility grids</source>
      <translation>责任网格</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/staff.py" line="119" />
      <source>Responsibility grids (supervisors)</source>
      <translation>责任网格（监督员）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_roles.py" line="102" />
      <source>Responsibility grids of a supervisor (unit grid codes, comma separated; empty: unchanged)</source>
      <translation>监督员的责任网格（单元网格编码，逗号分隔；留空：不变）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/patrolmaps.py" line="62" />
      <source>Responsibility grids {day}</source>
      <translation>责任网格分布 {day}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcomponents.py" line="108" />
      <source>Responsible department column (主管部门)</source>
      <translation>主管部门列</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcomponents.py" line="112" />
      <source>Responsible department when the row has none (code or name)</source>
      <translation>行中缺主管部门时使用的部门（编码或名称）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/action_dialog.py" line="61" />
      <source>Result of the check</source>
      <translation>核查结果</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/action_dialog.py" line="60" />
      <source>Result of the handling</source>
      <translation>处置结果</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/workflow.py" line="74" />
      <source>Return case {case} to the dispatcher? Say why in the note.</source>
      <translation>确定将案件 {case} 退回派遣员？请在备注中说明原因。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/workflow.py" line="49" />
      <source>Return to dispatcher</source>
      <translation>退回派遣</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/manual.py" line="36" />
      <source>Return visit</source>
      <translation>回访</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/workflow.py" line="55" />
      <source>Return visit (回访)</source>
      <translation>回访</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/evaluation.py" line="608" />
      <source>Return visits due</source>
      <translation>应回访数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/publication.py" line="271" />
      <source>Return visits reached {revisited} people who had reported a problem; {satisfied} of them were satisfied or fairly satisfied with the handling, a satisfaction rate of {rate}.</source>
      <translation>本月回访到问题反映人{revisited}人次，其中对处置结果表示满意或基本满意的{satisfied}人次，满意率{rate}。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="921" />
      <source>Return visits reached {revisited} reporters; {satisfied} of them were satisfied (satisfaction rate {rate}).</source>
      <translation>回访联系上举报人 {revisited} 件，其中满意（含基本满意）{satisfied} 件，满意率 {rate}。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/workflow.py" line="32" />
      <source>Returned for dispatch</source>
      <translation>退回待派遣</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_periodreport.py" line="93" />
      <source>Review (PDF)</source>
      <translation>点评报告（PDF）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/evaluation.py" line="609" />
      <source>Revisited on time</source>
      <translation>按期回访数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/workflow.py" line="53" />
      <source>Rework</source>
      <translation>返工</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/evaluation.py" line="604" />
      <source>Rework rate</source>
      <translation>返工率</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/reporttext.py" line="104" />
      <source>Rework rate (%)</source>
      <translation>返工率（%）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/evaluation.py" line="596" />
      <source>Reworked</source>
      <translation>返工数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_partitiongrids.py" line="93" />
      <source>Road class of a barrier (expression, e.g. "highway" or @layer_name; empty = every barrier a local road)</source>
      <translation>分隔线的道路等级（表达式，例如 "highway" 或 @layer_name；留空 = 全部按支路处理）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdxf.py" line="85" />
      <source>Road features</source>
      <translation>道路要素数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/case_detail.py" line="124" />
      <source>Role</source>
      <translation>角色</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/staff.py" line="50" />
      <source>Roles</source>
      <translation>角色</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_roles.py" line="105" />
      <source>Roles granted</source>
      <translation>已授予的角色</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/responsibility.py" line="44" />
      <source>Roster</source>
      <translation>一格六员</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/routing.py" line="293" />
      <source>Routing rule added.</source>
      <translation>派遣规则已新增。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/routing.py" line="315" />
      <source>Routing rule deleted.</source>
      <translation>派遣规则已删除。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/routing.py" line="293" />
      <source>Routing rule saved.</source>
      <translation>派遣规则已保存。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/audit.py" line="29" />
      <source>Routing rules</source>
      <translation>派遣规则</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_admin.py" line="61" />
      <source>Routing rules (派遣规则, 先属地) from a CSV file (GBK or UTF-8) with the columns 类型 (事件/部件), 类别代码 (the class code or name in the store's code profile), 街道 (3-digit street code or name; empty: the whole district), 社区 (optional: a community of that street) and 部门 (department code or name); English headers kind, class_code, street, community, department also work. A case of the class in the area goes to the department; a community's rule comes before its street's, a street's before the district's, and a component's owner (先属主) before any rule.

Merge adds the file's rules and changes the department of those already there; replace makes the file the whole rule table. Every row is checked first: an unknown class, street, community or department, a community without its street, and two rows routing the same class and area to different departments are reported all at once with the row and column, and nothing is changed. Dry run lists the changes only.</source>
      <translation>从 CSV 文件（GBK 或 UTF-8）导入派遣规则（派遣规则，先属地），列为 类型（事件/部件）、类别代码（库编码方案中的类别代码或名称）、街道（3 位街道代码或名称；留空：全区）、社区（可选：该街道下的社区）和 部门（部门编码或名称）；也可用英文表头 kind、class_code、street、community、department。该类别在该区域的案件派遣给该部门；社区的规则优先于街道的，街道的优先于全区的，部件的权属单位（先属主）优先于任何规则。

合并：添加文件中的规则，并修改已有规则的部门；替换：文件成为完整的规则表。先检查每一行：未知的类别、街道、社区或部门，缺少街道的社区，以及把同一类别同一区域派给不同部门的两行，都会连同行号和列名一次列出，且不做任何修改。试运行只列出将要做的修改。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_admin.py" line="74" />
      <source>Routing rules CSV</source>
      <translation>派遣规则 CSV</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/manualfiles.py" line="113" />
      <source>Row</source>
      <translation>行</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/sources.py" line="131" />
      <source>Row {row}: give the new source a name.</source>
      <translation>第 {row} 行：请填写新来源的名称。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/sources.py" line="137" />
      <source>Row {row}: the order is a whole number, got {value}.</source>
      <translation>第 {row} 行：排序须为整数，填写的是 {value}。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdxf.py" line="90" />
      <source>Rows of earlier imports replaced</source>
      <translation>被替换的此前导入行数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/routing.py" line="91" />
      <source>Rule</source>
      <translation>规则</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/report_dialog.py" line="773" />
      <source>Same class nearby: attach the report to one of them, or report a new case.</source>
      <translation>附近有同类别案卷：可将本次报告并入其中之一，或登记为新案卷。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/calendar.py" line="41" />
      <source>Sat</source>
      <translation>周六</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/action_dialog.py" line="243" />
      <source>Satisfaction</source>
      <translation>满意度</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/reporttext.py" line="108" />
      <source>Satisfaction (%)</source>
      <translation>满意率（%）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/evaluation.py" line="610" />
      <source>Satisfaction rate</source>
      <translation>满意率</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/evaluation.py" line="609" />
      <source>Satisfied</source>
      <translation>满意数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/responsibility.py" line="112" />
      <source>Save</source>
      <translation>保存</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/manual.py" line="248" />
      <source>Save as a new version</source>
      <translation>保存为新版本</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/responsibility.py" line="215" />
      <source>Save changes</source>
      <translation>保存修改</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/classes.py" line="104" />
      <source>Save class</source>
      <translation>保存分类</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/departments.py" line="133" />
      <source>Save department</source>
      <translation>保存部门</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/staff.py" line="142" />
      <source>Save login</source>
      <translation>保存人员</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/authorities.py" line="86" />
      <source>Save the approvals</source>
      <translation>保存审批权限</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/calendar.py" line="162" />
      <source>Save the calendar</source>
      <translation>保存工作日历</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/responsibility.py" line="217" />
      <source>Save the changes to the person selected in the roster</source>
      <translation>保存对所选人员的修改</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/report_dialog.py" line="196" />
      <source>Save the report</source>
      <translation>登记</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/sources.py" line="52" />
      <source>Save the sources</source>
      <translation>保存问题来源</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/weights.py" line="57" />
      <source>Save the weights</source>
      <translation>保存考核权重</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/manual.py" line="582" />
      <source>Saved: the command manual is now version {version} ({n} changes to {code}).</source>
      <translation>已保存：指挥手册现为第 {version} 版（{code} 共 {n} 项修改）。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/workform.py" line="618" />
      <source>Scale 1:{scale}</source>
      <translation>比例尺 1:{scale}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/reporttext.py" line="107" />
      <source>Score</source>
      <translation>综合得分</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/base.py" line="245" />
      <source>Score weights (term=points, …; empty: the store's weights, set by the administrators)</source>
      <translation>评分权重（评分项=分值，…；留空：使用管理员在数据库中设置的权重）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/evaluation.py" line="305" />
      <source>Score weights (total {total})</source>
      <translation>得分权重（合计 {total}）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/case_queue.py" line="101" />
      <source>Search</source>
      <translation>查询</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="803" />
      <source>Second half, per month</source>
      <translation>后半期月均</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/case_detail.py" line="90" />
      <source>Select a case to see its history and what you may do with it.</source>
      <translation>选择一个案件，查看其处理过程和可执行的操作。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/responsibility.py" line="378" />
      <source>Select the period to end in the table.</source>
      <translation>请在表中选择要结束的期间。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/responsibility.py" line="392" />
      <source>Select the period to remove in the table.</source>
      <translation>请在表中选择要删除的期间。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/responsibility.py" line="450" />
      <source>Select the person to change in the roster.</source>
      <translation>请在一格六员表中选择要修改的人员。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/responsibility.py" line="466" />
      <source>Select the person to remove in the roster.</source>
      <translation>请在一格六员表中选择要移除的人员。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/routing.py" line="284" />
      <source>Select the rule to change in the table.</source>
      <translation>请在表中选择要修改的规则。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/routing.py" line="302" />
      <source>Select the rule to delete in the table.</source>
      <translation>请在表中选择要删除的规则。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/responsibility.py" line="164" />
      <source>Selected period:</source>
      <translation>所选期间：</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/workflow.py" line="73" />
      <source>Send case {case} back to the department for rework?</source>
      <translation>确定将案件 {case} 返回专业部门返工？</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/action_dialog.py" line="245" />
      <source>Send the case back to the department (重办)</source>
      <translation>退回专业部门重办</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="646" />
      <source>Sep</source>
      <translation>9月</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_open311.py" line="87" />
      <source>Services file (.json or .xml; optional)</source>
      <translation>服务文件（.json 或 .xml；可选）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_admin.py" line="275" />
      <source>Set the approval authorities</source>
      <translation>设置审批权限</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_admin.py" line="243" />
      <source>Set the evaluation weights</source>
      <translation>设置考核权重</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/calendar.py" line="122" />
      <source>Set this day</source>
      <translation>设置此日</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_roles.py" line="45" />
      <source>Set up store roles and permissions</source>
      <translation>设置数据库角色与权限</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/audit.py" line="30" />
      <source>Settings</source>
      <translation>系统设置</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/plugin.py" line="104" />
      <source>Settings…</source>
      <translation>设置…</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/reports.py" line="99" />
      <source>Share (%)</source>
      <translation>占比（%）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_partitiongrids.py" line="307" />
      <source>Share of grids bounded only by barriers and community edges</source>
      <translation>边界全部由分隔线和社区边界构成的网格比例</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_partitiongrids.py" line="300" />
      <source>Share of grids within the bounds</source>
      <translation>面积在界限内的网格比例</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/reports.py" line="213" />
      <source>Share of the level above (%)</source>
      <translation>占上级比例（%）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/manualfiles.py" line="113" />
      <source>Sheet</source>
      <translation>工作表</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/workflow.py" line="40" />
      <source>Shift leader</source>
      <translation>值班长</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/heatmap.py" line="197" />
      <source>Show</source>
      <translation>显示方式</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/case_queue.py" line="152" />
      <source>Show all cases</source>
      <translation>显示全部案件</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/audit.py" line="85" />
      <source>Show changes of</source>
      <translation>显示</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/patrol.py" line="112" />
      <source>Show coverage</source>
      <translation>查看巡查覆盖</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/responsibility.py" line="97" />
      <source>Show on the map</source>
      <translation>在地图上显示</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/settings_dialog.py" line="82" />
      <source>Show this role's tabs in the case queue (if the login holds the role)</source>
      <translation>在案件队列中显示该岗位的标签页（登录拥有该角色时）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_censusprogress.py" line="35" />
      <source>Shows how far the component census has come: for every active unit grid, the number of components by class and whether the grid has been declared surveyed. Optionally marks grids as surveyed (or not surveyed) first — grid codes separated by commas; the mark records who and when. Writes a coverage layer (styled: surveyed grids green) and returns the counts.</source>
      <translation>显示部件普查的进度：每个现行单元网格内各类部件的数量，以及该网格是否已宣布普查完成。可先将网格标记为已普查（或未普查）——网格编码用逗号分隔；标记会记录操作人和时间。输出覆盖图层（已普查网格显示为绿色）并返回统计数。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/action_dialog.py" line="208" />
      <source>Situation</source>
      <translation>情形</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/manual.py" line="74" />
      <source>Situation: {name}</source>
      <translation>情形：{name}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/manual.py" line="239" />
      <source>Situations (情形)</source>
      <translation>情形</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/report_dialog.py" line="675" />
      <source>Situations: {variants}</source>
      <translation>情形：{variants}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/reports.py" line="111" />
      <source>Source</source>
      <translation>来源</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/report_dialog.py" line="215" />
      <source>Source and reporter</source>
      <translation>来源与举报人</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcases.py" line="199" />
      <source>Source column</source>
      <translation>来源列</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcases.py" line="187" />
      <source>Source of rows without one (e.g. 12345热线)</source>
      <translation>未填来源的行的来源（如 12345热线）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/sources.py" line="145" />
      <source>Source {name} not saved: {error}</source>
      <translation>问题来源 {name} 未保存：{error}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/base.py" line="336" />
      <source>Sources (none: all)</source>
      <translation>问题来源（不选：全部）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_admin.py" line="199" />
      <source>Sources CSV</source>
      <translation>问题来源 CSV</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/maptools/grid_edit.py" line="34" />
      <source>Split unit grid</source>
      <translation>拆分单元网格</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/maptools/grid_edit.py" line="99" />
      <source>Split unit grid: click the points of a line across the grid (snapping applies), right-click to cut, Esc to start again</source>
      <translation>分割单元网格：单击添加穿过网格的切割线各点（可捕捉），右键完成切割，按 Esc 重新开始</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/hotspots.py" line="609" />
      <source>Sporadic cold spot</source>
      <translation>零星冷点</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/hotspots.py" line="601" />
      <source>Sporadic hot spot</source>
      <translation>零星热点</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/audit.py" line="28" />
      <source>Staff</source>
      <translation>人员</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/manual.py" line="106" />
      <source>Stage</source>
      <translation>环节</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/workform.py" line="441" />
      <source>Stage deadline</source>
      <translation>环节截止时间</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/manual.py" line="237" />
      <source>Standards and departments</source>
      <translation>标准与部门</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/reports.py" line="122" />
      <source>State</source>
      <translation>状态</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/base.py" line="339" />
      <source>States (none: all)</source>
      <translation>案件状态（不选：全部）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/action_dialog.py" line="297" />
      <source>Still needed: {what}</source>
      <translation>还需填写：{what}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/settings_dialog.py" line="43" />
      <source>Store</source>
      <translation>数据库</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_createstore.py" line="48" />
      <source>Store CRS (EPSG code)</source>
      <translation>数据库坐标系（EPSG 代码）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/settings_dialog.py" line="177" />
      <source>Store at version {version} ({applied} migrations applied).</source>
      <translation>数据库已是版本 {version}（本次应用 {applied} 个迁移）。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_createstore.py" line="46" />
      <source>Store version</source>
      <translation>数据库版本</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/base.py" line="155" />
      <source>Store: {target}</source>
      <translation>数据库：{target}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_codegrids.py" line="38" />
      <source>Stores a set of unit grids in the store and gives them their 15-digit codes (district 6 + street 3 + community 3 + serial 3). For every community in the input, its grids in the store are replaced: an input grid that matches a stored grid (intersection over union ≥ 0.9) keeps that grid's code; stored grids matched by nothing are retired (kept as history with their successors); the other input grids get the next free serials, west→east and north→south: 100 m bands counted from the community's northern edge, west first within a band. A retired code is never reused, so a community has at most 999 serials in its life: a community whose grids would need more is refused with its count (split it first). Everything happens in one transaction: either all communities are coded or none.</source>
      <translation>将一组单元网格存入数据库并赋予 15 位编码（区县 6 位 + 街道 3 位 + 社区 3 位 + 顺序码 3 位）。对输入中的每个社区，替换其在数据库中的网格：与库中网格匹配（交并比 ≥ 0.9）的输入网格沿用原编码；没有匹配的库中网格被注销（作为历史保留，并记录其后继网格）；其余输入网格按从西到东、从北到南的顺序获得下一个可用顺序码：从社区北边界起每 100 m 为一个条带，条带内自西向东。注销的编码永不复用，因此一个社区在其整个存续期内最多有 999 个顺序码：网格所需顺序码超过此数的社区将被拒绝并给出数量（请先拆分该社区）。全部在一个事务中完成：要么所有社区都编码成功，要么都不改变。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="786" />
      <source>Street</source>
      <translation>街道</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/maps.py" line="145" />
      <source>Street boundaries</source>
      <translation>街道界</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdivisions.py" line="57" />
      <source>Street code field</source>
      <translation>街道编码字段</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdivisions.py" line="59" />
      <source>Street name field</source>
      <translation>街道名称字段</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/common.py" line="39" />
      <source>Street office</source>
      <translation>街道</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/base.py" line="203" />
      <source>Street or community code (9 or 12 digits; empty: the whole store)</source>
      <translation>街道或社区代码（9 位或 12 位；留空：整个数据库）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/base.py" line="342" />
      <source>Street, community or grid code (empty: the whole store)</source>
      <translation>街道、社区或单元网格代码（留空：整个数据库）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layers.py" line="88" />
      <source>Streets</source>
      <translation>街道</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdivisions.py" line="56" />
      <source>Streets (街道)</source>
      <translation>街道</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdivisions.py" line="70" />
      <source>Streets loaded</source>
      <translation>已导入街道数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/publication.py" line="360" />
      <source>Streets with no case due are hatched grey.</source>
      <translation>灰色斜线表示没有应处置案件的街道。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/weights.py" line="45" />
      <source>Sum</source>
      <translation>合计</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_createstore.py" line="49" />
      <source>Summary</source>
      <translation>摘要</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/calendar.py" line="42" />
      <source>Sun</source>
      <translation>周日</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/manual.py" line="110" />
      <source>Supervising unit</source>
      <translation>监管单位</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/manual.py" line="243" />
      <source>Supervising unit (监管单位)</source>
      <translation>监管单位</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/coverage.py" line="100" />
      <source>Supervisor</source>
      <translation>监督员</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/responsibility.py" line="134" />
      <source>Supervisor and the period he answers for the grid</source>
      <translation>责任监督员及负责期间</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_patrolpackage.py" line="166" />
      <source>Supervisor logins (comma-separated; empty: every supervisor with grids today)</source>
      <translation>监督员登录名（以逗号分隔；留空：当天有责任网格的全部监督员）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/responsibility.py" line="43" />
      <source>Supervisor today</source>
      <translation>今日责任监督员</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/action_dialog.py" line="139" />
      <source>Supervisor who takes the task</source>
      <translation>接手任务的监督员</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_coverage.py" line="83" />
      <source>Supervisors</source>
      <translation>监督员</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/coverage.py" line="154" />
      <source>Supervisors' evaluation</source>
      <translation>监督员考核</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/labels.py" line="40" />
      <source>Surveyor</source>
      <translation>普查员</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_roles.py" line="34" />
      <source>Surveyor (components)</source>
      <translation>普查员（部件）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcomponents.py" line="121" />
      <source>Suspected duplicates</source>
      <translation>疑似重复</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_fieldpackage.py" line="305" />
      <source>Sync a census field package</source>
      <translation>同步部件普查外业数据包</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/plugin.py" line="118" />
      <source>Sync a census field package…</source>
      <translation>同步普查外业数据包…</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/plugin.py" line="124" />
      <source>Sync a patrol package…</source>
      <translation>同步巡查数据包…</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_patrolsync.py" line="87" />
      <source>Sync log</source>
      <translation>同步日志</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_patrolsync.py" line="49" />
      <source>Sync patrol packages (城管通)</source>
      <translation>同步巡查数据包（城管通）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/workflow.py" line="41" />
      <source>System</source>
      <translation>系统</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_partitiongrids.py" line="103" />
      <source>Target area (m²)</source>
      <translation>目标面积（m²）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/responsibility.py" line="106" />
      <source>Tasks of grids nobody answers for</source>
      <translation>无人负责网格的任务</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/responsibility.py" line="484" />
      <source>Tasks of grids nobody answers for go to every supervisor.</source>
      <translation>无人负责网格的任务交给所有监督员。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/responsibility.py" line="483" />
      <source>Tasks of grids nobody answers for go to {who}.</source>
      <translation>无人负责网格的任务交给 {who}。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/common.py" line="199" />
      <source>Territorial: the department of the case's area</source>
      <translation>属地（案件所在街道/社区的属地部门）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/audit.py" line="28" />
      <source>Territories</source>
      <translation>属地范围</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_admin.py" line="155" />
      <source>Territories (属地范围) from a CSV file (GBK or UTF-8) with the columns 部门 (department code or name), 街道 (3-digit street code or name) and 社区 (optional: a community of that street); English headers department, street, community also work. A case routed 属地 goes to the department whose territory holds its community, else its street. One department per area: two rows giving one area to two departments are refused (both rows named); an area the store already gives to another department is refused in merge mode — run it in replace mode, where the file becomes the whole territory table. Every problem is reported at once and nothing is changed. Dry run lists the changes only.</source>
      <translation>从 CSV 文件（GBK 或 UTF-8）导入属地范围，列为 部门（部门编码或名称）、街道（3 位街道代码或名称）和 社区（可选：该街道下的社区）；也可用英文表头 department、street、community。按属地派遣的案件交给其社区所属的部门，没有时交给其街道所属的部门。一个区域只属于一个部门：把同一区域给两个部门的两行会被拒绝（两行都会列出）；合并方式下，库中已属于其他部门的区域会被拒绝——请用替换方式运行，此时文件成为完整的属地表。所有问题一次列出，且不做任何修改。试运行只列出将要做的修改。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_admin.py" line="165" />
      <source>Territories CSV</source>
      <translation>属地范围 CSV</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/departments.py" line="103" />
      <source>Territory (属地范围)</source>
      <translation>属地范围</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/base.py" line="455" />
      <source>Territory of the on-time rate</source>
      <translation>按期处置率的统计单元</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/settings_dialog.py" line="57" />
      <source>Test connection</source>
      <translation>测试连接</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/settings_dialog.py" line="71" />
      <source>Test the connection to see the login and the roles it holds.</source>
      <translation>测试连接后显示登录名及其拥有的角色。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_periodreport.py" line="448" />
      <source>The annual comprehensive evaluation report (年度综合评价报告) as one PDF: the year at a glance; the cases and the rates month by month with charts; the departments' rank and composite score in every month with the mean, best and worst month; the unit grids and the problem classes that improved or worsened most (cases reported per month, the first half of the year against the second); the problems among the ten most reported in every month; the emerging hot spots of the year (the space-time Gi* analysis of the cases per unit grid and month, or the months' hot grids when it cannot run) with a map; and the cases per unit grid over the year. Each month's figures are those its monthly report published; the year's cases are read from the store in one pass. A year in which nothing happened gives a short report that says so.</source>
      <translation>将年度综合评价报告输出为一个 PDF：年度概况；各月案件数与各项比率及图表；各专业部门每月的排名和综合得分，以及平均得分、最好和最差月份；改善或恶化最明显的单元网格和问题类别（月均上报案件数，上半年与下半年相比）；每个月都位列上报最多前十位的问题；全年的时空热点（按单元网格和月份统计案件的时空 Gi* 分析，无法进行时取各月热点网格），附地图；以及全年各单元网格的案件数。各月数据与当月月报发布的一致；全年案件一次性从数据库读取。全年没有任何案件时，生成一份说明情况的简短报告。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_platform.py" line="55" />
      <source>The city platform's store (the store above) subscribes to a district platform's store through PostgreSQL logical replication: the district's divisions, unit grids, departments, cases, case actions and return visits reach the city live and read-only (never a reporter's name or phone, a photo or a note), and the district receives the city's hand-overs (市级转办). Both stores must be platforms first (`./citygrid platform init city|district CODE NAME`), of the same store version and CRS, on servers with wal_level = logical; run it as the owner of both stores. A district already linked and healthy is left as it is; “Copy again” starts the link from a whole copy (after the district was restored from a backup: nothing is counted twice). The addresses say how each server reaches the other when that is not how this computer reaches them.</source>
      <translation>市级平台的数据库（上面的数据库）通过 PostgreSQL 逻辑复制订阅区级平台的数据库：区县的行政区划、单元网格、专业部门、案件、办理记录和回访实时、只读地汇集到市级平台（举报人姓名和电话、照片、批注从不外传），区县则接收市级平台的转办单（市级转办）。两个数据库须先设为平台（`./citygrid platform init city|district 代码 名称`），版本和坐标系相同，服务器设置 wal_level = logical；请以两个数据库所有者的身份运行。已连接且同步正常的区县保持不变；“重新复制”从完整复制重新开始连接（区县从备份恢复之后：不会重复计数）。当服务器之间互相访问的地址与本机访问它们的地址不同时，请填写下面的地址。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/classes.py" line="60" />
      <source>The city's own classes (扩展事件 and 扩展部件) beside the standard ones; a standard class is not changed here.</source>
      <translation>本市在标准分类之外扩展的事件和部件分类；标准分类不能在此修改。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/manual.py" line="697" />
      <source>The command manual (version {version}) is written to {path}</source>
      <translation>指挥手册（第 {version} 版）已写入 {path}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_manual.py" line="216" />
      <source>The command manual (指挥手册) as a PDF for the command centre's desk, landscape A4: a title page, the default time limits, then one section per class group (大类), each starting on a new page, with a table of its classes — 管理要点, 监管单位 and 专业部门 (by name), 处置标准, 立案标准, 结案标准 and the class's time limits, its situations (情形) and urgent limits (紧急) on rows under it. The text is selectable and searchable. Only classes with a page in the manual are printed.</source>
      <translation>把指挥手册打印为 PDF，供指挥中心桌面使用，A4 横向：封面、默认时限，然后每个大类一节，每节从新页开始，列出其各类别——管理要点、监管单位和专业部门（显示名称）、处置标准、立案标准、结案标准及该类别的时限，情形和紧急时限列在类别下方各行。文字可选中、可搜索。只打印在指挥手册中有条目的类别。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/action_dialog.py" line="205" />
      <source>The command manual lists no situation for this class.</source>
      <translation>指挥手册未为该类别列出情形。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/manualfiles.py" line="103" />
      <source>The command manual was not imported</source>
      <translation>指挥手册未导入</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/weights.py" line="27" />
      <source>The composite score is the sum of each rate times its weight; a rate where less is better counts as (1 − rate).</source>
      <translation>综合得分为各项比率乘以权重之和；越低越好的比率按（1 − 比率）计。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/calendar.py" line="98" />
      <source>The day selected</source>
      <translation>所选日期</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_platform.py" line="86" />
      <source>The district's cases at the city</source>
      <translation>市级平台上该区县的案件数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_evaluation.py" line="33" />
      <source>The evaluation indicators of a month, a quarter or a year (or any period) per department, street, community, unit grid or person (supervisors, operators, shift leaders, dispatchers): reports, valid-report rate, handling and on-time handling rates, closing and on-time closing rates, rework, overdue-pending, extension, correct-dispatch, on-time verify and check rates, overdue counts, the external evaluation (return visits 回访: satisfaction and on-time return-visit rates), and for departments the composite score (the administrators' weights; default 30/20/20/20/10, satisfaction 0). Computed from the audit of actions up to the period's end, so a month's figures never change afterwards. Every figure is a number of cases, defined in the README (Evaluation). Writes an XLSX workbook or a CSV file (UTF-8 with BOM).</source>
      <translation>一个月、一个季度或一年（或任意时段）按专业部门、街道、社区、单元网格或人员（监督员、受理员、值班长、派遣员）统计的评价指标：上报数、有效上报率、处置率与按期处置率、结案率与按期结案率、返工率、超期待处置率、延期率、准确派遣率、按期核实率与按期核查率、超期数，外评价（回访：满意率与按期回访率），以及专业部门的综合得分（管理员设定的权重；默认 30/20/20/20/10，满意率 0）。按时段截止前的操作记录计算，月度数据事后不再变化。每个数字都是案件数，定义见 README（综合评价）。输出 XLSX 工作簿或 CSV 文件（UTF-8 带 BOM）。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/manual.py" line="662" />
      <source>The file holds the manual in force (version {version}): nothing to change</source>
      <translation>文件内容与现行手册（第 {version} 版）相同：无需修改</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/photos.py" line="58" />
      <source>The file {name} is not a JPEG or PNG photo: choose a photo (.jpg or .png)</source>
      <translation>文件 {name} 不是 JPEG 或 PNG 照片：请选择照片（.jpg 或 .png）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/leader.py" line="349" />
      <source>The first {n} shown; click the figure above to list them all</source>
      <translation>仅列出前 {n} 件；点击上方数字可列出全部</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/staff.py" line="120" />
      <source>The grids he answers for from today on; periods with dates, handovers and the grids' rosters are in the tab Responsibility grids</source>
      <translation>从今天起负责的网格；带日期的负责期间、交接和各网格的一格六员在“责任网格”页</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/reporttext.py" line="228" />
      <source>The hot spot analysis (Gi*) finds {hot} hot spot and {cold} cold spot grids.</source>
      <translation>热点分析（Gi*）识别出热点网格 {hot} 个、冷点网格 {cold} 个。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/audit.py" line="98" />
      <source>The latest {n} changes, newest first.</source>
      <translation>最近 {n} 条变更，最新的在前。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/manual.py" line="298" />
      <source>The limit of each stage for this class; — uses the default of its kind (shown beside). Urgent limits apply to cases marked 紧急 and are never longer than the normal ones. 90 分钟 = 1.5 小时.</source>
      <translation>本分类各环节的时限；“—”表示使用该类型的默认时限（见右侧）。紧急时限用于标为紧急的案件，不得长于一般时限。90 分钟 = 1.5 小时。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/reporttext.py" line="221" />
      <source>The lowest on-time handling rate was in {community} ({rate} of {due} cases due).</source>
      <translation>按期处置率最低的是{community}（应处置 {due} 件，按期处置率 {rate}）。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/manual.py" line="199" />
      <source>The manual in force as a PDF for the command centre's desk: one section per class group</source>
      <translation>把现行手册打印为 PDF，供指挥中心值班台使用：每个大类一节</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/manual.py" line="196" />
      <source>The manual in force as a workbook (.xlsx) or CSV: every class of the code profile on a row, to edit and import again</source>
      <translation>把现行手册导出为工作簿（.xlsx）或 CSV：代码标准中的每个类别占一行，修改后可再导入</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/publication.py" line="511" />
      <source>The map is not drawn: {reason}</source>
      <translation>未绘制地图：{reason}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_monthlyreport.py" line="56" />
      <source>The monthly comprehensive evaluation report (综合评价月报) as one PDF: a cover; the month's key figures written as short sentences with the changes on the month before; the key figures table; department performance with composite scores and ranks; indicators by street and community and of the supervisors and dispatchers; the monthly reports (most frequent problems, sources, states, cases by department, problems by class, handling times, events and components against the year and the month before), each with a chart; the cases reported per day; and four maps: cases per unit grid, on-time handling rate by community, the month's hot spots and the census coverage. Every figure is a number of cases as the evaluation defines it, from the audit up to the month's end, so the report of a past month never changes. A month in which nothing happened gives a short report that says so.</source>
      <translation>以一个 PDF 输出综合评价月报：封面；以简短语句写出本月主要指标及与上月相比的变化；主要指标表；专业部门处理情况（综合得分与排名）；各街道、各社区以及监督员、派遣员的评价指标；月度报表（高发问题、问题来源、案卷状态分布、专业部门案卷分布、问题分类、处置平均时长、事部件同比环比），各附一图；每日上报案件；以及四幅专题图：按单元网格的案件密度、各社区按期处置率、本月热点和部件普查覆盖情况。每个数字都是按综合评价定义统计的案件数，依据截至月末的操作记录，因此往月的月报永远不变。某月没有任何案件时，只生成一份说明这一情况的简短月报。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="936" />
      <source>The most cases were reported in {busiest} ({most}), the fewest in {quietest} ({fewest}).</source>
      <translation>{busiest}上报案件最多（{most}），{quietest}最少（{fewest}）。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/reporttext.py" line="215" />
      <source>The most frequent problems were {items}.</source>
      <translation>高发问题依次为{items}。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/sources.py" line="95" />
      <source>The name identifies the source in every case; it is not changed.</source>
      <translation>来源名称记录在每个案件中，不能修改。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="944" />
      <source>The on-time handling rate was highest in {best} ({best_rate}) and lowest in {worst} ({worst_rate}).</source>
      <translation>按期处置率{best}最高（{best_rate}），{worst}最低（{worst_rate}）。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="918" />
      <source>The on-time handling rate was {change}.</source>
      <translation>按期处置率{change}。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_periodreport.py" line="238" />
      <source>The period is not over: its months are reviewed up to now</source>
      <translation>本期尚未结束：各月数据截至当前</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="989" />
      <source>The period's ranking orders the departments by the mean of their monthly composite scores.</source>
      <translation>本期排名按各专业部门各月综合得分的平均值排序。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/evaluation.py" line="196" />
      <source>The period: the running one (to now), then the complete ones</source>
      <translation>统计周期：先列当前进行中的周期（至今），再列已结束的周期</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/workform.py" line="637" />
      <source>The photo cannot be read</source>
      <translation>照片无法读取</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/photos.py" line="91" />
      <source>The photo {name} cannot be read: {error}</source>
      <translation>无法读取照片 {name}：{error}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/photos.py" line="53" />
      <source>The photo {name} has {mb:.1f} MB; at most {limit} MB: send a smaller photo (the camera's medium size)</source>
      <translation>照片 {name} 有 {mb:.1f} MB；最大 {limit} MB：请发送较小的照片（相机的中等尺寸）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/photos.py" line="51" />
      <source>The photo {name} is empty: choose the photo file again</source>
      <translation>照片 {name} 是空文件：请重新选择照片文件</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/intake.py" line="281" />
      <source>The point ({x:.1f}, {y:.1f}) lies outside every unit grid: click inside the district's grids (or check the coordinates' CRS)</source>
      <translation>位置 ({x:.1f}, {y:.1f}) 不在任何单元网格内：请在辖区网格内点击（或检查坐标的坐标系）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/maptools/report_point.py" line="59" />
      <source>The point clicked cannot be placed in the store's CRS: {error}</source>
      <translation>无法将点击位置转换到数据库坐标系：{error}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_admin.py" line="246" />
      <source>The points of each term of the composite score (考核权重), saved in the store: handling_rate=30, on_time_handling_rate=20, rework_rate=20, overdue_rate=20, extension_rate=10, or with the Chinese names 处置率, 按期处置率, 返工率, 超期待处置率, 延期率 (= or ：, separated by commas). A term not written keeps its default. The evaluation algorithms and the monthly report use the store's weights when their own weights parameter is left empty. Weights that do not add up to 100 are saved with a warning (the score is then not out of 100).</source>
      <translation>综合评分各项的分值（考核权重），保存在库中：handling_rate=30, on_time_handling_rate=20, rework_rate=20, overdue_rate=20, extension_rate=10，也可用中文名称 处置率、按期处置率、返工率、超期待处置率、延期率（用 = 或 ：，逗号分隔）。未写的项保持默认值。考核算法和月报在其自身的权重参数留空时使用库中的权重。合计不为 100 的权重会保存并给出警告（此时得分不是百分制）。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/manual.py" line="724" />
      <source>The printed manual (version {version}, {pages} pages) is written to {path}</source>
      <translation>打印版指挥手册（第 {version} 版，共 {pages} 页）已写入 {path}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="1025" />
      <source>The problem that fell most was {name}: {change}.</source>
      <translation>减少最明显的问题是{name}：{change}。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="1026" />
      <source>The problem that rose most was {name}: {change}.</source>
      <translation>增加最明显的问题是{name}：{change}。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_periodreport.py" line="425" />
      <source>The quarter at a glance</source>
      <translation>本季度概况</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_periodreport.py" line="400" />
      <source>The quarterly review (季度点评) as one PDF: the quarter at a glance against the previous quarter; the key figures month by month with a chart; the departments' rank in each month, their mean composite score, how many places each moved from the first month to the last and against the previous quarter; the persistent problems (classes among the ten most reported in every month); the persistent hot spots (unit grids hot in every month: Gi* hot spots, or the busiest tenth of the grids when Gi* cannot be computed) with a map of how many months each grid was hot; and the cases per unit grid over the quarter. Each month's figures are those its monthly report published (the cases are read in one pass, each month evaluated with its own cut-off). A quarter in which nothing happened gives a short report that says so.</source>
      <translation>将季度点评输出为一个 PDF：本季度概况（与上季度对比）；各月主要指标及图表；各专业部门每月的排名、平均综合得分、从首月到末月以及与上季度相比的名次变化；持续高发问题（每个月都位列上报最多前十位的问题类别）；持续热点网格（每个月都是热点的单元网格：Gi* 热点，无法计算 Gi* 时取案件数前 10% 的网格），附各网格成为热点月数的地图；以及本季度各单元网格的案件数。各月数据与当月月报发布的一致（案件一次读取，每月按各自的截止时间评价）。本季度没有任何案件时，生成一份说明情况的简短报告。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/report_dialog.py" line="860" />
      <source>The report was added to case {case} as an additional report.</source>
      <translation>本次报告已作为补充报告并入案卷 {case}。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_evaluation.py" line="87" />
      <source>The reports the centres publish each month, quarter or year, as tables: most frequent problems, problems by source, cases by state, cases by department, department performance (indicators and composite score), problems by class (问题分类: events and components, major and minor classes), the average and median handling time in working hours per department and class (处置平均时长), and events and components compared with the same period a year before and the period before. One XLSX workbook (a sheet per report) or CSV files (UTF-8 with BOM, one per report).</source>
      <translation>指挥中心和监督中心每月、每季度或每年发布的报表：高发问题、问题来源、案卷状态分布、专业部门案卷分布、专业部门处理情况（指标与综合得分）、问题分类（事件与部件，大类与小类）、各专业部门和类别的处置平均时长与中位时长（工作时），以及与上年同期和上一时段对比的事部件同期对比。输出一个 XLSX 工作簿（每张报表一个工作表）或多个 CSV 文件（UTF-8 带 BOM，每张报表一个）。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/action_dialog.py" line="203" />
      <source>The situation the case is in, as the command manual lists them for its class: its time limits apply from now on.</source>
      <translation>按指挥手册为该类别列出的情形选择案件所属情形：此后按该情形的时限办理。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/manual.py" line="524" />
      <source>The situation {name} is there already.</source>
      <translation>情形 {name} 已存在。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/weights.py" line="53" />
      <source>The standard weights</source>
      <translation>恢复标准权重</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_createstore.py" line="59" />
      <source>The store already uses EPSG:{srid}; the CRS parameter is ignored.</source>
      <translation>数据库已使用 EPSG:{srid}；忽略坐标系参数。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/report_dialog.py" line="160" />
      <source>The store has no coordinate reference system: create or upgrade the store first</source>
      <translation>数据库没有坐标参照系：请先创建或升级数据库</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/settings_dialog.py" line="149" />
      <source>The store is older than the plugin: upgrade it.</source>
      <translation>数据库版本低于插件：请升级数据库。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_createstore.py" line="65" />
      <source>The store is up to date (version {version}).</source>
      <translation>数据库已是最新（版本 {version}）。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/departments.py" line="106" />
      <source>The streets and communities whose cases this department handles
when no owner and no routing rule decides. One department per area.</source>
      <translation>没有权属单位、也没有派遣规则时，
这些街道和社区的案件由本部门处置。每个区域只属于一个部门。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_maps.py" line="66" />
      <source>The thematic map of a period (case density per unit grid, on-time handling rate by community or street, census coverage or hot spots — as in “Thematic map”) with one page per street (街道) of the store (or of the district or street given as area), in street code order: the map zooms to the street, dims everything around it and titles the page with the street's name. One multi-page PDF, or with a .png file name one PNG per street in a folder of that name (atlas.png → atlas/01_&lt;street&gt;.png …). Classes and colours are the same on every page, computed over the whole area.</source>
      <translation>某时段的专题图（按单元网格的案件密度、按社区或街道的按期处置率、部件普查覆盖或热点，与“专题图”相同），数据库（或所给区县、街道）的每个街道一页，按街道代码排序：地图缩放到该街道，淡化周边，并以街道名称作为页面标题。输出一个多页 PDF；若文件名以 .png 结尾，则在同名文件夹中每个街道输出一个 PNG（atlas.png → atlas/01_&lt;街道&gt;.png …）。各页的分级和颜色相同，按整个范围计算。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/staff.py" line="251" />
      <source>The two passwords differ: type the same password twice.</source>
      <translation>两次输入的密码不一致：请输入相同的密码。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="1023" />
      <source>The unit grid that improved most was {name}: {change}.</source>
      <translation>改善最明显的单元网格是 {name}：{change}。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="1024" />
      <source>The unit grid that worsened most was {name}: {change}.</source>
      <translation>恶化最明显的单元网格是 {name}：{change}。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_hotspots.py" line="201" />
      <source>The window is cut into whole slices from its end: the {days} days before {first} are left out</source>
      <translation>时间窗口从结束时间向前切分为完整时段：{first} 之前的 {days} 天未计入</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_workform.py" line="54" />
      <source>The work form (派遣单) of each case as one printable PDF, one A4 page per case, for the departments that handle them: the case number in large type (to read out over the phone), class, source, urgency, state, reported time, the time limit and deadline of the current stage and of handling (the command manual's limit for the case's situation), the situation (情形) and the manual's handling standard (处置标准), a location map with the unit grid and its code, the address and description, up to four photos (the report's first), the lead and assisting departments, and a block for the department's result, signature and date. Name the cases by their numbers (separated by commas or spaces; the trailing digits are enough when they name one case), or give a layer of cases with an id or case_no field and tick “Selected features only”. The reporter's name and phone are never printed.</source>
      <translation>把每个案卷的派遣单输出为一个可打印的 PDF，每个案卷一页 A4，交给处置部门：大字号的案卷编号（便于电话中读出）、案件类别、问题来源、紧急程度、案卷状态、上报时间、当前环节及处置的时限和截止时间（处置时限按指挥手册中该案件所属情形的规定）、情形和指挥手册的处置标准、标出单元网格及其编码的位置示意图、地址和问题描述、最多四张照片（上报照片优先）、主办和协办部门，以及供部门填写处置结果、签字和日期的栏目。用案卷编号指定案卷（以逗号或空格分隔；末尾几位数字能唯一确定案卷时即可），或给出带 id 或 case_no 字段的案卷图层并勾选“仅选中要素”。不打印上报人姓名和电话。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/case_detail.py" line="73" />
      <source>The work form (派遣单) of this case as an A4 PDF</source>
      <translation>本案件的派遣单（A4 PDF）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/case_detail.py" line="252" />
      <source>The work form could not be written: {error}</source>
      <translation>派遣单未能生成：{error}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/case_detail.py" line="243" />
      <source>The work form is not available in this version of the plugin</source>
      <translation>此版本插件不含派遣单</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_admin.py" line="98" />
      <source>The working calendar of a year (工作日历) from a CSV file (GBK or UTF-8) with the columns 日期 (2026-10-01, 2026/10/1, 2026年10月1日 or an Excel day number), 类型 (休 / 假日 / holiday: not a working day; 班 / 调休 / 上班 / workday: a working day, e.g. the weekends China's holiday schedule moves) and 说明 (a note). It replaces that year's entries; days not listed follow the working week. The State Council publishes the holidays and 调休 working weekends every November for the next year.

Refused, all rows at once: a date outside the year, a date that cannot be read, a date listed twice, an unknown type. A warning only (the row is kept): a 班 day that is a working day of the week anyway, a 休 day that is a day off anyway — the notice lists whole holiday periods, weekends included. Optionally the working hours of a working day too (08:30-12:00,13:30-17:30: times in order, not overlapping). Deadlines in working hours and working days follow the calendar from then on.</source>
      <translation>从 CSV 文件（GBK 或 UTF-8）导入某一年的工作日历，列为 日期（2026-10-01、2026/10/1、2026年10月1日 或 Excel 日期序号）、类型（休 / 假日 / holiday：非工作日；班 / 调休 / 上班 / workday：工作日，例如国家节假日安排中调整的周末）和 说明。它替换该年的全部条目；未列出的日子按工作周计算。国务院每年 11 月公布下一年的节假日和调休上班日。

一次列出并拒绝：不在该年的日期、无法识别的日期、重复列出的日期、未知的类型。只警告（该行保留）：本来就是工作日的“班”，本来就休息的“休”——通知列出的是整个假期，包括周末。还可同时设置工作日的作息时间（08:30-12:00,13:30-17:30：时间按顺序、互不重叠）。此后按工作时和工作日计算的时限都遵循该日历。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_periodreport.py" line="474" />
      <source>The year at a glance</source>
      <translation>年度概况</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layers.py" line="199" />
      <source>The {n} store layers are already in the project; none added.</source>
      <translation>{n} 个数据库图层已在工程中，未重复添加。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_maps.py" line="26" />
      <source>Thematic map (PDF/PNG)</source>
      <translation>专题图（PDF/PNG）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/base.py" line="452" />
      <source>Theme</source>
      <translation>专题</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/action_dialog.py" line="121" />
      <source>They see the case and add notes; the lead department's feedback closes their part.</source>
      <translation>协办部门可查看本案件并填写协办反馈；主办部门处置完成后协办随之结束。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_monthlyreport.py" line="245" />
      <source>This map is not drawn: {reason}</source>
      <translation>本图未绘制：{reason}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/reporttext.py" line="145" />
      <source>This month</source>
      <translation>本月</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/leader.py" line="333" />
      <source>This month ({month}, to day {day})</source>
      <translation>本月（{month}，截至{day}日）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/publication.py" line="482" />
      <source>This month at a glance</source>
      <translation>本月概况</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/reports.py" line="177" />
      <source>This period</source>
      <translation>本期</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/city_queue.py" line="194" />
      <source>This store is not the city platform: the city's cases are listed only at the city's store (`./citygrid platform init city …`).</source>
      <translation>此数据库不是市级平台：全市案件只在市级平台的数据库中列出（`./citygrid platform init city …`）。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/calendar.py" line="41" />
      <source>Thu</source>
      <translation>周四</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/staff.py" line="248" />
      <source>Tick at least one role.</source>
      <translation>请至少勾选一个角色。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/calendar.py" line="291" />
      <source>Tick the weekdays that work.</source>
      <translation>请勾选上班的星期。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/audit.py" line="21" />
      <source>Time</source>
      <translation>时间</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/case_table.py" line="26" />
      <source>Time left</source>
      <translation>剩余时间</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/case_detail.py" line="166" />
      <source>Time limit</source>
      <translation>本阶段时限</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/manual.py" line="238" />
      <source>Time limits</source>
      <translation>时限</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcases.py" line="206" />
      <source>Time observed column</source>
      <translation>发现时间列</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_hotspots.py" line="180" />
      <source>Time slice (days)</source>
      <translation>时段长度（天）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_hotspots.py" line="187" />
      <source>Time slices</source>
      <translation>时段数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/leader.py" line="191" />
      <source>Times urged</source>
      <translation>督办次数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_manual.py" line="227" />
      <source>Title (empty: 指挥手册)</source>
      <translation>标题（留空：指挥手册）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/responsibility.py" line="44" />
      <source>To</source>
      <translation>结束日期</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/case_queue.py" line="98" />
      <source>To accept</source>
      <translation>待受理</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/case_queue.py" line="102" />
      <source>To call back (回访)</source>
      <translation>待回访</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/case_queue.py" line="99" />
      <source>To check</source>
      <translation>待核查</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/case_queue.py" line="100" />
      <source>To close</source>
      <translation>待结案</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/case_queue.py" line="99" />
      <source>To dispatch</source>
      <translation>待派遣</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/case_queue.py" line="99" />
      <source>To handle</source>
      <translation>待处置</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/case_queue.py" line="98" />
      <source>To register</source>
      <translation>待立案</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/case_queue.py" line="98" />
      <source>To verify</source>
      <translation>待核实</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/leader.py" line="175" />
      <source>Today</source>
      <translation>今日</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/leader.py" line="332" />
      <source>Today ({date})</source>
      <translation>今日（{date}）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/manual.py" line="244" />
      <source>Topology</source>
      <translation>拓扑类型</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="772" />
      <source>Total</source>
      <translation>合计</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/patrol.py" line="46" />
      <source>Track (km)</source>
      <translation>里程（公里）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/coverage.py" line="102" />
      <source>Track length (m)</source>
      <translation>轨迹长度（米）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_patrolsync.py" line="81" />
      <source>Track parts stored</source>
      <translation>存入的轨迹段</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_patrolsync.py" line="82" />
      <source>Track points dropped</source>
      <translation>舍弃的轨迹点</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/coverage.py" line="102" />
      <source>Tracks</source>
      <translation>轨迹数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/sources.py" line="21" />
      <source>Trusted</source>
      <translation>可信</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/sources.py" line="36" />
      <source>Trusted: a case from the source is accepted without verification on site. Needs the reporter: the operator must take the caller's name and phone. Reported by role: only that role reports under the source (监督员上报: supervisors). Tick or type in the table, then save.</source>
      <translation>可信：该来源的案件受理后无需现场核实。需登记举报人：受理员须记录来电人姓名和电话。上报角色：只有该角色能以此来源上报（监督员上报：监督员）。在表中勾选或填写后保存。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/calendar.py" line="41" />
      <source>Tue</source>
      <translation>周二</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/manual.py" line="521" />
      <source>Type the situation's name, e.g. 5吨以上.</source>
      <translation>请输入情形名称，如 5吨以上。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/routing.py" line="331" />
      <source>Type the unit grid code (15 digits) of the place.</source>
      <translation>请输入该处的单元网格代码（15 位）。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/workform.py" line="451" />
      <source>Unit grid</source>
      <translation>单元网格</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/workform.py" line="352" />
      <source>Unit grid code</source>
      <translation>单元网格编码</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/staff.py" line="124" />
      <source>Unit grid codes (15 digits), one per line; or select grids on the map and add them.</source>
      <translation>单元网格代码（15 位），每行一个；
或在地图上选中网格后加入。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_fieldpackage.py" line="78" />
      <source>Unit grid codes (comma-separated; community, street or district codes take all their grids)</source>
      <translation>单元网格编码（逗号分隔；社区、街道或区县编码表示其全部网格）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/workform.py" line="370" />
      <source>Unit grid of the case</source>
      <translation>案件所在网格</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layers.py" line="88" />
      <source>Unit grids</source>
      <translation>单元网格</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_fieldpackage.py" line="94" />
      <source>Unit grids exported</source>
      <translation>导出的单元网格数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdepartments.py" line="39" />
      <source>Updated departments</source>
      <translation>更新部门数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_partitiongrids.py" line="108" />
      <source>Upper bound (m², 0 = 2 × target)</source>
      <translation>面积上限（m²，0 = 目标的 2 倍）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/workflow.py" line="52" />
      <source>Urge (督办)</source>
      <translation>督办</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/leader_figures.py" line="40" />
      <source>Urged now</source>
      <translation>当前督办</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/manual.py" line="108" />
      <source>Urgency</source>
      <translation>紧急程度</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/report_dialog.py" line="317" />
      <source>Urgent</source>
      <translation>紧急</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/report_dialog.py" line="319" />
      <source>Urgent cases run on their own, shorter time limits</source>
      <translation>紧急案卷按单独的、更短的时限办理</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/manual.py" line="108" />
      <source>Urgent limit</source>
      <translation>紧急时限</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/report_dialog.py" line="284" />
      <source>Use this component</source>
      <translation>选用此部件</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/reports.py" line="112" />
      <source>Valid</source>
      <translation>有效</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/evaluation.py" line="593" />
      <source>Valid reports</source>
      <translation>有效上报数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/evaluation.py" line="602" />
      <source>Valid-report rate</source>
      <translation>有效上报率</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/reports.py" line="112" />
      <source>Valid-report rate (%)</source>
      <translation>有效上报率（%）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_validatecomponents.py" line="37" />
      <source>Validate components</source>
      <translation>部件检查</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_validategrids.py" line="33" />
      <source>Validate unit grids</source>
      <translation>单元网格检查</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/manualfiles.py" line="113" />
      <source>Value</source>
      <translation>值</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdxf.py" line="86" />
      <source>Vegetation features</source>
      <translation>植被要素数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_patrolsync.py" line="78" />
      <source>Verdicts taken</source>
      <translation>执行的现场结论</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_patrolsync.py" line="79" />
      <source>Verdicts taken before</source>
      <translation>此前已执行的现场结论</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/workflow.py" line="61" />
      <source>Verification</source>
      <translation>核实</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/workform.py" line="257" />
      <source>Verification photo</source>
      <translation>核实</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/workform.py" line="251" />
      <source>Verification stage</source>
      <translation>核实</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/evaluation.py" line="594" />
      <source>Verifications due</source>
      <translation>应核实数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/workflow.py" line="48" />
      <source>Verified on site</source>
      <translation>核实属实</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/evaluation.py" line="594" />
      <source>Verified on time</source>
      <translation>按期核实数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/reporttext.py" line="106" />
      <source>Verified on time (%)</source>
      <translation>按期核实率（%）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/responsibility.py" line="118" />
      <source>Verify (核实) and check (核查) tasks of a grid without a supervisor go to this supervisor; with nobody chosen every supervisor may take them.</source>
      <translation>没有责任监督员的网格，其核实、核查任务交给此监督员；未选择时所有监督员均可处理。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_patrolpackage.py" line="172" />
      <source>Verify and check tasks packed</source>
      <translation>打包的核实、核查任务</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/manual.py" line="350" />
      <source>Version</source>
      <translation>版本</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_manual.py" line="101" />
      <source>Version exported</source>
      <translation>导出的版本</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_manual.py" line="151" />
      <source>Version in force afterwards</source>
      <translation>导入后的现行版本</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/manual.py" line="375" />
      <source>Version in force: {version}</source>
      <translation>现行版本：第 {version} 版</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_manual.py" line="57" />
      <source>Version of the manual (empty: the version in force)</source>
      <translation>指挥手册版本（留空：现行版本）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_manual.py" line="184" />
      <source>Version {version} of the command manual is in force: {n} changes ({seconds:.1f} s)</source>
      <translation>指挥手册第 {version} 版已生效：{n} 处改动（{seconds:.1f} 秒）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/manual.py" line="240" />
      <source>Versions</source>
      <translation>版本记录</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcases.py" line="194" />
      <source>WGS84 longitude/latitude (GPS)</source>
      <translation>WGS84 经纬度（GPS）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/base.py" line="123" />
      <source>Warnings</source>
      <translation>警告数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdxf.py" line="86" />
      <source>Water features</source>
      <translation>水系要素数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/calendar.py" line="41" />
      <source>Wed</source>
      <translation>周三</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/calendar.py" line="139" />
      <source>Weekday</source>
      <translation>星期</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_admin.py" line="257" />
      <source>Weights (term=points, …)</source>
      <translation>权重（项=分值，…）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/weights.py" line="29" />
      <source>Weights of the composite score</source>
      <translation>综合得分权重</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/audit.py" line="21" />
      <source>What</source>
      <translation>内容</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_publication.py" line="79" />
      <source>What the city publishes on its government website each month (公众信息发布), in a folder named after the month (YYYY-MM) inside the output folder: index.html, a static page with the month's summary, the figures of every street and every department (reported or dispatched, registered, closed, due for handling, handled on time, on-time handling and closing rates, satisfaction rate; streets ranked by on-time handling rate, departments by composite score), a map and the definitions of the figures; map.png (on-time handling rate by street); publication.xlsx (the two tables); streets.csv and departments.csv (UTF-8 with BOM, so that Excel opens them in Chinese). Only aggregate figures and the names of streets and departments are published: no reporter, phone, staff name or case text. The folder is written completely or not at all; a previous publication of the month is replaced.</source>
      <translation>每月在政府网站上公开发布的数字城管信息（公众信息发布），写入输出文件夹中以月份（YYYY-MM）命名的子文件夹：index.html 为静态网页，包括本月概况、各街道和各专业部门的数据（上报数或派遣数、立案数、结案数、应处置数、按期处置数、按期处置率、按期结案率、满意率；街道按按期处置率排名，专业部门按综合得分排名）、地图和指标说明；map.png（各街道按期处置率地图）；publication.xlsx（两张表）；streets.csv 和 departments.csv（带 BOM 的 UTF-8，Excel 可直接正确显示中文）。只发布汇总数据和街道、部门名称，不含反映人、电话、工作人员姓名或案件描述。文件夹要么完整写出，要么不写；同一月份已发布的内容将被替换。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/action_dialog.py" line="65" />
      <source>What the reporter said</source>
      <translation>举报人的意见</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/manualfiles.py" line="113" />
      <source>What to do</source>
      <translation>怎么改</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/action_dialog.py" line="60" />
      <source>What was found on site</source>
      <translation>核实情况</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/action_dialog.py" line="64" />
      <source>What your department did</source>
      <translation>协办情况</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_hotspots.py" line="167" />
      <source>Where hot spots are appearing, growing, lasting or fading. The window is cut into time slices (default: 4 weeks, the last slice ending at the window's end — a unit grid sees a few cases a month, so weekly slices are mostly 0 or 1 and Gi* cannot tell them from noise; a year makes 13 slices); Gi* is computed for every grid and slice over the whole space-time cube (neighbours: the grid's spatial neighbours and itself in the same slice and the slices before it, as many as the neighbourhood time step), then a Mann-Kendall test gives the trend of each grid's z-scores, and each grid gets a pattern as ArcGIS's Emerging Hot Spot Analysis defines them: new, consecutive, intensifying, persistent, diminishing, sporadic, oscillating or historical hot (or cold) spot, or no pattern. Needs at least 10 slices.</source>
      <translation>热点在哪里出现、增强、持续或减弱。时间窗口被切分为若干时段（默认 4 周，最后一个时段截止于窗口结束——一个单元网格每月只有几件案件，按周切分时大多为 0 或 1，Gi* 无法与随机波动区分；一年为 13 个时段）；在整个时空立方体上为每个网格和时段计算 Gi*（邻域：该网格的空间邻居及其自身，在同一时段以及之前若干时段，数量等于邻域时间步长），再用 Mann-Kendall 检验得到每个网格 z 值的趋势，并按 ArcGIS 时空热点分析的定义给出模式：新增、连续、加强、持续、减弱、零星、振荡或历史热点（或冷点），或无显著模式。至少需要 10 个时段。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/routing.py" line="132" />
      <source>Where would a case go?</source>
      <translation>派遣预览</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_roster.py" line="27" />
      <source>Who answers for each unit grid besides its supervisor (一格六员: 领导员, 城管员, 环卫员, 社区员, 巡查员, 志愿员), from a CSV file (GBK or UTF-8) with the columns 网格 (the 15-digit grid code; format the column as text in Excel), 职责 (one of the six duties; 领导 for 领导员 works too), 姓名, 电话 (digits, spaces, + - ( ), optional) and 说明 (optional); English headers grid, duty, name, phone, note also work. A person is known by grid, duty and name: a row for someone already there changes the phone and note.

Merge adds the file's people and changes those already there; replace makes the file the whole roster. Every row is checked first — a code that is no active grid, an unknown duty, an empty name, a phone the store would refuse, a person given twice — and all problems are reported at once with the row and column; then nothing is changed. Dry run lists the changes only. The supervisors' responsibility grids are set in 系统管理 ▸ 责任网格 or with citygrid:saveuser.</source>
      <translation>从 CSV 文件（GBK 或 UTF-8）导入各单元网格除监督员外的责任人员（一格六员：领导员、城管员、环卫员、社区员、巡查员、志愿员）。列：网格（15 位网格编码；在 Excel 中请把该列设为文本格式）、职责（六种职责之一；“领导”即领导员）、姓名、电话（数字、空格和 + - ( )，可空）、说明（可空）；也可用英文列名 grid、duty、name、phone、note。人员以网格、职责和姓名识别：已有人员的行会修改其电话和说明。

合并：添加文件中的人员并修改已有人员；替换：文件成为完整的一格六员表。每一行先检查——编码不是使用中的网格、职责不明、姓名为空、库不接受的电话、同一人出现两次——所有问题连同行号和列名一次列出，此时不作任何修改。试运行只列出将要进行的修改。监督员的责任网格在“系统管理 ▸ 责任网格”或用 citygrid:saveuser 设置。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_admin.py" line="278" />
      <source>Who may approve what (审批权限) from a CSV file (GBK or UTF-8) with the columns 事项 (缓办 defer, 解除挂账 release, 批准延期 approve_extension, 驳回延期 refuse_extension, 作废 cancel), 角色 (a case role, short or Chinese name, e.g. office / 数字城管办, shift_leader / 值班长), 最长延期小时 (批准延期 only: the longest extension this role may grant; empty: any) and 说明. The file replaces all authorities; the workflow checks them at every approval. Refused, all rows at once: an unknown action or role, a longest extension that is not a positive number of hours or given for another action, the same action and role twice. An action the file leaves to nobody is a warning. Dry run lists the changes only.</source>
      <translation>从 CSV 文件（GBK 或 UTF-8）设置审批权限，列为 事项（缓办 defer、解除挂账 release、批准延期 approve_extension、驳回延期 refuse_extension、作废 cancel）、角色（案件角色，英文简称或中文名，例如 office / 数字城管办、shift_leader / 值班长）、最长延期小时（仅用于批准延期：该角色可批准的最长延期；留空：不限）和 说明。文件替换全部审批权限；工作流在每次审批时检查。一次列出并拒绝：未知的事项或角色，不是正数小时或用于其他事项的最长延期，重复的事项和角色。文件中无人可办的事项会给出警告。试运行只列出将要做的修改。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/authorities.py" line="43" />
      <source>Who may approve: tick the roles for each action. An extension can be limited to a number of hours per role (0: any length).</source>
      <translation>谁可以审批：为每项操作勾选角色。批准延期可按角色限定最长小时数（0：不限）。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/bigscreen.py" line="464" />
      <source>Whole city</source>
      <translation>全市</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/routing.py" line="185" />
      <source>Whole district</source>
      <translation>全区</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="698" />
      <source>Whole period</source>
      <translation>全期</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/manual.py" line="243" />
      <source>Why (recorded with the version)</source>
      <translation>修改说明（随版本记录）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/action_dialog.py" line="63" />
      <source>Why it is deferred</source>
      <translation>挂账理由</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/action_dialog.py" line="63" />
      <source>Why it is returned</source>
      <translation>退回理由</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/action_dialog.py" line="61" />
      <source>Why it must be redone</source>
      <translation>返工原因</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/action_dialog.py" line="64" />
      <source>Why more time is needed</source>
      <translation>延期理由</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/action_dialog.py" line="62" />
      <source>Why the extension is refused</source>
      <translation>驳回延期的理由</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/heatmap.py" line="153" />
      <source>Window</source>
      <translation>时间窗口</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/base.py" line="328" />
      <source>Window end (default: now)</source>
      <translation>窗口结束时间（默认：现在）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/heatmap.py" line="174" />
      <source>Window ends</source>
      <translation>窗口截止</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/base.py" line="325" />
      <source>Window: the last N days (when no start is given)</source>
      <translation>时间窗口：最近 N 天（未指定开始时间时）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/case_detail.py" line="254" />
      <source>Work form written: {path}</source>
      <translation>派遣单已生成：{path}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_workform.py" line="72" />
      <source>Work forms</source>
      <translation>派遣单</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/report_dialog.py" line="256" />
      <source>Work order</source>
      <translation>工单编号</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/report_dialog.py" line="840" />
      <source>Work order already registered</source>
      <translation>工单已登记</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/report_dialog.py" line="841" />
      <source>Work order {order} is already case {case}: nothing was added.</source>
      <translation>工单 {order} 已登记为案卷 {case}：未重复登记。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_platform.py" line="163" />
      <source>Work-order number (e.g. 12345)</source>
      <translation>工单号（如 12345 工单）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/audit.py" line="30" />
      <source>Working calendar</source>
      <translation>工作日历</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/calendar.py" line="46" />
      <source>Working day (调休上班)</source>
      <translation>调休上班</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/calendar.py" line="147" />
      <source>Working hours</source>
      <translation>上班时段</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/calendar.py" line="158" />
      <source>Working hours and working days count the limits given in 工作时 and 工作日.</source>
      <translation>按“工作时”和“工作日”计的时限依据上班时段和工作日计算。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_admin.py" line="116" />
      <source>Working hours of a working day (e.g. 08:30-12:00,13:30-17:30; empty: unchanged)</source>
      <translation>工作日作息时间（例如 08:30-12:00,13:30-17:30；留空：不变）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/calendar.py" line="157" />
      <source>Working weekdays</source>
      <translation>工作日</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="738" />
      <source>Worst month</source>
      <translation>最差月份</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_fieldpackage.py" line="65" />
      <source>Writes a field-work package for the component census of some unit grids: a GeoPackage with the components (points, lines, polygons), the grids for reference and a snapshot for the sync, and a QGIS project beside it (relative paths, forms and styles ready) that opens offline in QGIS or QField. Choose the grids by code (15-digit grid codes, or 12-digit communities, 9-digit streets, 6-digit districts, separated by commas) or by picking them on a grid layer (selected features only). New features get a uid in the form and no code: the store issues the code at the sync. Base map layers are copied, clipped to the grids, so the package needs no network. The project holds no reference to the store and no password. An existing package is never overwritten.</source>
      <translation>为若干单元网格生成部件普查外业数据包：一个 GeoPackage（部件点、线、面，参考用的单元网格，以及同步用的快照），以及旁边的 QGIS 工程（相对路径，表单和样式已配置），可在 QGIS 或 QField 中离线打开。按编码选择网格（15 位网格编码，或 12 位社区、9 位街道、6 位区县编码，用逗号分隔），或在网格图层上选择（仅选中要素）。新要素在表单中获得 uid，没有编码：同步时由数据库发放编码。底图图层按网格范围裁剪后复制，数据包无需网络。工程中不含数据库连接和密码。已存在的数据包从不覆盖。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_patrolpackage.py" line="151" />
      <source>Writes one patrol package per supervisor (监督员) into the output folder, in a sub-folder named by his login: a GeoPackage and a QGIS project that QField (and QGIS) opens offline as they are. The package holds his responsibility grids today (outlined in red) and the grids around them, the components and the 1:500 base map nearby, a report layer whose form fills the time, the author and the position accuracy itself and stores photos under DCIM/, his open verify (核实) and check (核查) tasks with their report photos, and a track layer for QField's position tracking (time as M). Supervisors: logins separated by commas; empty: every supervisor with grids today (a supervisor builds only his own). The store decides who may build a package for whom and records every package. Each package is checked for anything QField could not use; a package with a problem is not kept. An existing package is never overwritten (it may hold field work not yet synced).</source>
      <translation>为每位监督员在输出文件夹中生成一个巡查数据包，放在以其登录名命名的子文件夹中：一个 GeoPackage 和一个 QGIS 工程，QField（以及 QGIS）可直接离线打开。数据包包含他当天的责任网格（红框）及周边网格、附近的部件和 1:500 地形图；一个问题上报图层，表单自动填写时间、上报人和定位精度，照片存放在 DCIM/ 下；他待办的核实、核查任务及上报照片；以及供 QField 位置跟踪使用的轨迹图层（M 值为时间）。监督员：登录名，以逗号分隔；留空则为当天有责任网格的全部监督员（监督员只能生成自己的数据包）。谁可以为谁生成数据包由数据库决定，每个数据包都在数据库中登记。每个数据包都会检查是否有 QField 无法使用的内容；有问题的数据包不予保留。已有的数据包绝不覆盖（其中可能有尚未同步的外业成果）。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_open311.py" line="70" />
      <source>Writes the cases of a window (the last N days, or a start and end; by default the last 90 days) and the chosen kinds, classes, sources, states and area as an Open311 GeoReport v2 requests file, and optionally the store's classes as its services file. The format follows the file's extension: .json or .xml (UTF-8).

Each case is one request: its case number is service_request_id, its class the service_code (E + class code for an event, C + class code for a component), status open or closed (closed and cancelled cases), the state in Chinese as status_notes, the department handling it as agency_responsible, the handling deadline as expected_datetime, times ISO 8601 at +08:00, lat/long in WGS84 transformed from the store CRS. Only public fields are written: never the reporter's name or phone. media_url stays empty: the store does not mark photos public.</source>
      <translation>把一个时间窗（最近 N 天，或起止时间；默认最近 90 天）内、所选类型、类别、来源、状态和区域的案件写成 Open311 GeoReport v2 请求（requests）文件，并可把库中的类别写成服务（services）文件。格式由文件扩展名决定：.json 或 .xml（UTF-8）。

每个案件是一条请求：案件编号为 service_request_id，类别为 service_code（事件为 E + 类别代码，部件为 C + 类别代码），status 为 open 或 closed（已结案和已作废的案件），中文状态写入 status_notes，处置部门写入 agency_responsible，处置时限写入 expected_datetime，时间为 ISO 8601、+08:00，lat/long 为由库坐标系转换的 WGS84。只写公开字段：绝不写举报人姓名或电话。media_url 留空：库中没有标记照片可公开。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_manual.py" line="83" />
      <source>Writes the command manual (指挥手册) of the store as an Excel workbook (.xlsx) or a CSV file (.csv), by the output's extension. The workbook has a sheet per kind (事件, 部件) with Chinese headers — 类别代码, 大类名称, 类别名称, 情形, 管理要点, 监管单位, 专业部门, 处置标准, 立案标准, 结案标准, 拓扑类型 (部件) and one time limit per stage (受理时限 … 结案时限: 4工作时, 90分钟, 24小时, 15工作日) — every class of the code profile on its own row, its situations (情形) and urgent limits (紧急) on rows below it; the sheet 默认时限 with the default limits; and a sheet 说明 on how to fill it in. It is printed landscape A4 with the header on every page. The CSV (UTF-8 with BOM, opens in Excel) holds the same columns with a 类型 column in front; its default limits are the rows whose 类别代码 is 默认. Edit the file and bring it back with “Import the command manual”.</source>
      <translation>把库中的指挥手册导出为 Excel 工作簿（.xlsx）或 CSV 文件（.csv），按输出文件的扩展名决定。工作簿每类一个工作表（事件、部件），中文表头——类别代码、大类名称、类别名称、情形、管理要点、监管单位、专业部门、处置标准、立案标准、结案标准、拓扑类型（部件），以及每个阶段一列时限（受理时限……结案时限：4工作时、90分钟、24小时、15工作日）；代码标准中的每个类别占一行，其情形和紧急时限放在下面各行；“默认时限”表为默认时限；“说明”表说明如何填写。打印为 A4 横向，每页重复表头。CSV（UTF-8 带 BOM，可直接用 Excel 打开）列相同，最前面加“类型”列；类别代码为“默认”的行是默认时限。修改后用“导入指挥手册”导回。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_coverage.py" line="144" />
      <source>Written: {path}</source>
      <translation>已写出：{path}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_manual.py" line="114" />
      <source>Written: {path} (version {version}, {n} classes with a page)</source>
      <translation>已写入：{path}（第 {version} 版，{n} 个类别有条目）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_manual.py" line="247" />
      <source>Written: {path} ({pages} pages, {seconds:.1f} s)</source>
      <translation>已写出：{path}（{pages} 页，{seconds:.1f} 秒）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcases.py" line="207" />
      <source>X / longitude column (CSV or a layer without geometry)</source>
      <translation>X / 经度列（CSV 或无几何的图层）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/cli.py" line="258" />
      <source>X and Y must be numbers in the store's CRS, got {x} {y}</source>
      <translation>X 和 Y 须为数据库坐标系中的数值，收到的是 {x} {y}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcomponents.py" line="109" />
      <source>X column (CSV)</source>
      <translation>X 列（CSV）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcases.py" line="208" />
      <source>Y / latitude column (CSV or a layer without geometry)</source>
      <translation>Y / 纬度列（CSV 或无几何的图层）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcomponents.py" line="109" />
      <source>Y column (CSV)</source>
      <translation>Y 列（CSV）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/calendar.py" line="74" />
      <source>Year</source>
      <translation>年份</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_periodreport.py" line="460" />
      <source>Year (YYYY, e.g. 2026; empty: the last complete year)</source>
      <translation>年份（YYYY，如 2026；留空：上一个完整年度）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/reports.py" line="178" />
      <source>Year on year (%)</source>
      <translation>同比（%）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/evaluation.py" line="111" />
      <source>Yearly</source>
      <translation>年度</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="300" />
      <source>`./citygrid platform init city CODE NAME` on the city's store</source>
      <translation>在市级数据库上运行 `./citygrid platform init city 代码 名称`</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="298" />
      <source>`./citygrid platform link` links a district</source>
      <translation>用 `./citygrid platform link` 连接区县</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/open311.py" line="381" />
      <source>a GeoReport requests file has the root element &lt;service_requests&gt;, not &lt;{tag}&gt;</source>
      <translation>GeoReport 请求文件的根元素应为 &lt;service_requests&gt;，而不是 &lt;{tag}&gt;</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/open311.py" line="366" />
      <source>a GeoReport requests file holds a JSON array of requests</source>
      <translation>GeoReport 请求文件应为请求的 JSON 数组</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/open311.py" line="148" />
      <source>a GeoReport time needs a time zone, got {value}</source>
      <translation>GeoReport 时间必须带时区，得到的是 {value}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="103" />
      <source>a case is located by one point, got {got}</source>
      <translation>案件位置应为一个点，收到的是 {got}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="101" />
      <source>a case is of kind event or component, got {got}</source>
      <translation>案件类型应为事件或部件，收到的是 {got}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="89" />
      <source>a case needs a description (what is wrong, where)</source>
      <translation>案件需要问题描述（什么问题、在哪里）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/admin.py" line="371" />
      <source>a case source needs a name</source>
      <translation>问题来源需要名称</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/admin.py" line="421" />
      <source>a class is of kind event or component</source>
      <translation>分类的类型为事件或部件</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="376" />
      <source>a community needs its street: fill in the street column of this row</source>
      <translation>社区需要所属街道：请填写本行的街道列</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="880" />
      <source>a component class is drawn as 点, 线 or 面 (point, line, polygon)</source>
      <translation>部件分类的几何类型为 点、线 或 面（point、line、polygon）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/components.py" line="240" />
      <source>a component with this uid is already in the store</source>
      <translation>数据库中已有该 uid 的部件</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/roles.py" line="108" />
      <source>a department handler needs a department (its code)</source>
      <translation>专业部门处置人员必须指定所属部门（部门代码）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/admin.py" line="84" />
      <source>a department needs a code</source>
      <translation>部门需要编码</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="134" />
      <source>a dissatisfied reporter's words go into the note (why he is not satisfied)</source>
      <translation>举报人不满意时，请在备注中记下他的意见（为何不满意）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/hotspots.py" line="205" />
      <source>a distance band needs at least 2 grids, got {n}</source>
      <translation>距离阈值至少需要 2 个网格，实际只有 {n} 个</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="143" />
      <source>a field id is a text of 1 to 100 characters (the handheld's id of the verdict)</source>
      <translation>外业编号是 1 到 100 个字符的文本（手持终端记录的编号）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/coverage.py" line="115" />
      <source>a grid counts as visited after the store's patrol_visit_seconds or patrol_visit_metres inside it; a gap is a silence longer than patrol_gap_seconds; outside = tracked time − time inside his grids</source>
      <translation>在网格内停留达到库设置 patrol_visit_seconds（秒）或行走达到 patrol_visit_metres（米）即算已巡查；断点指无轨迹点超过 patrol_gap_seconds（秒）的时段；网格外时长 = 轨迹时长 − 责任网格内时长</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="281" />
      <source>a hand-over needs a description</source>
      <translation>转办单需要问题描述</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="1045" />
      <source>a longest extension belongs to 批准延期 (approve_extension) only; leave the cell empty</source>
      <translation>最长延期只用于 批准延期（approve_extension）：请清空该单元格</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/roster.py" line="117" />
      <source>a name has at most {n} characters</source>
      <translation>姓名最多 {n} 个字符</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="785" />
      <source>a new source needs its English name (shown in the English interface)</source>
      <translation>新的来源需要英文名称（英文界面中显示）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/roster.py" line="124" />
      <source>a note has at most {n} characters</source>
      <translation>说明最多 {n} 个字符</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/admin.py" line="621" />
      <source>a period cannot end ({end}) before it starts ({start}); remove it instead</source>
      <translation>期间不能在开始（{start}）之前结束（{end}）；请改为删除该期间</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/roster.py" line="50" />
      <source>a phone number has digits, spaces and + - ( ) only, 3 to 40 characters</source>
      <translation>电话号码只能包含数字、空格和 + - ( )，3 到 40 个字符</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="255" />
      <source>a photo belongs to stage report, verify, handle or check; got {got}</source>
      <translation>照片应属于上报、核实、处置或核查环节；收到的是 {got}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/rasters.py" line="22" />
      <source>a raster must be a 2-D array, got {ndim} dimensions</source>
      <translation>栅格必须是二维数组，实际为 {ndim} 维</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="226" />
      <source>a report through {source} needs the reporter's name and phone (a public channel): ask the caller for them</source>
      <translation>经“{source}”（公众渠道）上报需要举报人姓名和联系电话：请向来电人询问</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="129" />
      <source>a return visit says whether the reporter was reached (reached: true or false)</source>
      <translation>回访须注明是否联系上举报人</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="136" />
      <source>a return visit that did not reach the reporter records no satisfaction</source>
      <translation>未联系上举报人的回访不记录满意度</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="131" />
      <source>a return visit that reached the reporter records his satisfaction: 满意, 基本满意 or 不满意; got {got}</source>
      <translation>联系上举报人的回访须记录满意度：满意、基本满意或不满意；收到的是 {got}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="604" />
      <source>a review needs at least one month</source>
      <translation>点评至少需要一个月的数据</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/routing.py" line="51" />
      <source>a routing rule</source>
      <translation>派遣规则</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/admin.py" line="180" />
      <source>a routing rule's street and community are 3-digit codes</source>
      <translation>派遣规则的街道和社区是 3 位编码</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/hotspots.py" line="475" />
      <source>a series for the trend test has empty values: fill them or drop the series</source>
      <translation>趋势检验的序列中有空值：请补齐或剔除该序列</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="773" />
      <source>a source name is 1 to 20 characters without spaces</source>
      <translation>来源名称为 1 到 20 个字符，不含空格</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/qfieldcheck.py" line="208" />
      <source>a temporary (memory) layer: its features live only in this QGIS session, QField shows it empty</source>
      <translation>临时（内存）图层：要素只存在于本次 QGIS 会话中，在 QField 中是空的</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/admin.py" line="61" />
      <source>a text holds a NUL character; remove it</source>
      <translation>文本含有 NUL 字符；请删除</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/open311.py" line="246" />
      <source>a time is needed</source>
      <translation>需要一个时间</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/manual.py" line="95" />
      <source>a time limit must be a positive number, got {amount}</source>
      <translation>时限必须是正数，收到 {amount}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/manualsheet.py" line="461" />
      <source>a time limit needs its unit: write e.g. {value}工作时, {value}小时 or {value}工作日</source>
      <translation>时限需要单位：请写成如 {value}工作时、{value}小时 或 {value}工作日</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/manual.py" line="73" />
      <source>a time limit of {limit} is more than a year; check the number and its unit</source>
      <translation>时限 {limit} 超过一年；请检查数字和单位</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/hotspots.py" line="473" />
      <source>a trend needs at least 3 time slices, got {n}</source>
      <translation>趋势检验至少需要 3 个时间切片，实际只有 {n} 个</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/roster.py" line="104" />
      <source>a unit grid code has 15 digits</source>
      <translation>单元网格编码为 15 位数字</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/qfieldcheck.py" line="217" />
      <source>a web map ({provider}) that needs the network</source>
      <translation>网络地图（{provider}），需要联网</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/qfieldcheck.py" line="216" />
      <source>a web map ({provider}) that needs the network and a password</source>
      <translation>网络地图（{provider}），需要联网和密码</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/xlsx.py" line="232" />
      <source>a workbook needs at least one sheet</source>
      <translation>工作簿至少要有一个工作表</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/codes.py" line="360" />
      <source>a {kind} class table cannot check component codes</source>
      <translation>{kind} 分类表不能用于检查部件编码</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/manual_view.py" line="48" />
      <source>acceptance</source>
      <translation>受理</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/classes.py" line="103" />
      <source>accuracy class '{value}' must be one of {allowed}</source>
      <translation>精度等级“{value}”必须是 {allowed} 之一</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/components.py" line="167" />
      <source>accuracy class must be A, B or C</source>
      <translation>精度等级必须是 A、B 或 C</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/qfieldcheck.py" line="383" />
      <source>add that table to the project (it may stay out of the legend)</source>
      <translation>把该表加入工程（可以不显示在图层列表中）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/maptools/grid_edit.py" line="110" />
      <source>add the store layers first (CityGrid ▸ Add store layers)</source>
      <translation>请先添加数据库图层（CityGrid ▸ 添加数据库图层）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="513" />
      <source>add {subject}: {new}</source>
      <translation>添加 {subject}：{new}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/manual.py" line="296" />
      <source>added</source>
      <translation>新增</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/case_search.py" line="57" />
      <source>address or description</source>
      <translation>地址或问题描述</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/case_search.py" line="68" />
      <source>all classes</source>
      <translation>全部类别</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/case_queue.py" line="218" />
      <source>all departments</source>
      <translation>全部部门</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/hotspots.py" line="221" />
      <source>all grid centroids are at the same place: a distance band cannot be chosen</source>
      <translation>所有网格质心位于同一位置，无法确定距离阈值</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/case_queue.py" line="214" />
      <source>all sources</source>
      <translation>全部来源</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/case_search.py" line="34" />
      <source>all states</source>
      <translation>全部状态</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="1068" />
      <source>allowed</source>
      <translation>允许</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/classes.py" line="96" />
      <source>alternative names {value} must be non-empty, trimmed and without ';'</source>
      <translation>别名 {value} 不能为空、首尾不能有空格且不能含“;”</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="209" />
      <source>an API key is required (api_key): ask the city for one</source>
      <translation>需要 API 密钥（api_key）：请向市平台申请</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/classes.py" line="106" />
      <source>an event class has no geometry type, accuracy class or extra fields</source>
      <translation>事件分类没有几何类型、精度等级或扩展字段</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="884" />
      <source>an event class has no geometry type; leave the cell empty</source>
      <translation>事件分类没有几何类型：请清空该单元格</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/classes.py" line="76" />
      <source>an existing major class, or a new code</source>
      <translation>选择已有大类，或输入新的大类代码</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="82" />
      <source>an extension is asked for in hours: a number more than 0 and at most 2160 (90 days); got {got}</source>
      <translation>延期按小时申请：大于 0 且不超过 2160（90 天）的数字；收到的是 {got}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="160" />
      <source>an extension of {hours} hours is more than {role} may approve (at most {max} hours); authorised for more: {who}</source>
      <translation>延期 {hours} 小时超出{role}的审批权限（最多 {max} 小时）；可审批更长延期的：{who}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/responsibility.py" line="328" />
      <source>answers for the grid today</source>
      <translation>今日负责该网格</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="833" />
      <source>any</source>
      <translation>任意</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/sources.py" line="72" />
      <source>any case role</source>
      <translation>任意案件角色</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="213" />
      <source>app {app} has reached its limit of {rate} new reports per minute: try again in a minute</source>
      <translation>应用 {app} 已达到每分钟 {rate} 条新上报的上限：请一分钟后再试</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/indicators.py" line="18" />
      <source>area '{area}' is not a district (6 digits), street (9) or community (12) code</source>
      <translation>区域“{area}”不是区县（6 位）、街道（9 位）或社区（12 位）代码</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/casefilter.py" line="94" />
      <source>area '{value}' is not a street (3 or 9 digits), community (12) or grid (15) code</source>
      <translation>区域“{value}”不是街道（3 位或 9 位）、社区（12 位）或单元网格（15 位）代码</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/grids.py" line="260" />
      <source>area bounds must satisfy minimum &lt; target &lt; maximum, got {lo} &lt; {target} &lt; {hi}</source>
      <translation>面积界限必须满足 下限 &lt; 目标 &lt; 上限，实际为 {lo} &lt; {target} &lt; {hi}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/maps.py" line="137" />
      <source>area {area} is not a district, street or community of this store; leave it empty for the whole store or give one of the codes in the store's streets and communities</source>
      <translation>范围 {area} 不是本数据库中的区县、街道或社区：留空表示整个数据库，或填写数据库中某个街道、社区的代码</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/themes.py" line="239" />
      <source>as of {date}: {surveyed} of {grids} grids surveyed, {components} more with components</source>
      <translation>截至 {date}：{grids} 个网格中已普查 {surveyed} 个，另有 {components} 个已有部件</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/case_queue.py" line="523" />
      <source>as {role}</source>
      <translation>以{role}身份</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/open311/server.py" line="221" />
      <source>ask for requests/{id}.json or requests/{id}.xml</source>
      <translation>请访问 requests/{id}.json 或 requests/{id}.xml</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="237" />
      <source>assisting departments are given as a list of department codes</source>
      <translation>协办部门应以部门编码列表给出</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/action_dialog.py" line="289" />
      <source>at least one photo</source>
      <translation>至少一张照片</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="239" />
      <source>at most 10 assisting departments; got {n}</source>
      <translation>协办部门最多 10 个；当前为 {n} 个</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_coverage.py" line="104" />
      <source>at most {n} days at a time; split the period</source>
      <translation>一次最多 {n} 天；请分段统计</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/report_dialog.py" line="704" />
      <source>at most {n} photos per report: {name} not added</source>
      <translation>每次报告最多 {n} 张照片：{name} 未添加</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/open311.py" line="191" />
      <source>at most {n} service_request_id values at once</source>
      <translation>一次最多 {n} 个 service_request_id</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_roles.py" line="127" />
      <source>authentication configuration '{id}' holds no password (use the Basic method)</source>
      <translation>认证配置“{id}”中没有密码（请使用 Basic 方式）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_roles.py" line="123" />
      <source>authentication configuration '{id}' not found, or the authentication database is locked</source>
      <translation>找不到认证配置“{id}”，或认证数据库已锁定</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/admin.py" line="484" />
      <source>authorisations not saved: {error}</source>
      <translation>审批权限未保存：{error}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/backup.py" line="63" />
      <source>backup of {target} failed, nothing was written: {error}</source>
      <translation>备份 {target} 失败，未写入任何文件：{error}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/cli.py" line="56" />
      <source>backup written: {path} ({size} KB)</source>
      <translation>备份已写入：{path}（{size} KB）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_partitiongrids.py" line="256" />
      <source>barriers by class: {express} expressways, {primary} primary, {secondary} secondary (of which {ramps} ramps), {local} local, {minor} minor roads, paths and walls</source>
      <translation>分隔线按等级：快速路 {express} 条，主干路 {primary} 条，次干路 {secondary} 条（其中匝道 {ramps} 条），支路 {local} 条，街巷、小路和围墙 {minor} 条</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/basemap.py" line="84" />
      <source>base map not imported (nothing was written): {error}</source>
      <translation>底图未导入（未写入任何数据）：{error}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_fieldpackage.py" line="288" />
      <source>base map {layer} is not a local file and was not copied; the package must work offline</source>
      <translation>底图 {layer} 不是本地文件，未复制；数据包必须能离线使用</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_fieldpackage.py" line="270" />
      <source>base map {layer} not copied: {error}</source>
      <translation>底图 {layer} 未复制：{error}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/charts.py" line="287" />
      <source>baseline must be a number or 'auto', got '{value}'</source>
      <translation>坐标轴起点须为数字或 'auto'，而不是“{value}”</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/charts.py" line="290" />
      <source>baseline {value} must be below the smallest value {low}</source>
      <translation>坐标轴起点 {value} 须小于最小值 {low}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/grids.py" line="339" />
      <source>boundary adherence: no barrier lies inside the communities</source>
      <translation>边界贴合度：社区内没有分隔线</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/grids.py" line="341" />
      <source>boundary adherence: {share:.1%} of the barrier length inside communities lies on grid edges</source>
      <translation>边界贴合度：社区内分隔线长度的 {share:.1%} 位于网格边上</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/grids.py" line="350" />
      <source>buildings crossed by cuts: no obstacle layer given</source>
      <translation>切割线穿过的建筑物：未提供障碍物图层</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/grids.py" line="352" />
      <source>buildings crossed by cuts: {count}</source>
      <translation>切割线穿过的建筑物：{count} 栋</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_periodreport.py" line="358" />
      <source>busiest tenth</source>
      <translation>案件数前 10%</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdxf.py" line="140" />
      <source>by kind: {counts}</source>
      <translation>按类型：{counts}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/admin.py" line="288" />
      <source>calendar entry {n}: '{day}' is not a date</source>
      <translation>日历第 {n} 条：“{day}”不是日期</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/admin.py" line="295" />
      <source>calendar entry {n}: the note has more than 200 characters</source>
      <translation>日历第 {n} 条：说明超过 200 个字符</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/admin.py" line="293" />
      <source>calendar entry {n}: {day} is given twice</source>
      <translation>日历第 {n} 条：{day} 重复</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/admin.py" line="290" />
      <source>calendar entry {n}: {day} is outside the year {year}; put it in that year's calendar</source>
      <translation>日历第 {n} 条：{day} 不在 {year} 年内；请放入该年的日历</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/admin.py" line="304" />
      <source>calendar {year} not saved: {{error}}</source>
      <translation>{year} 年工作日历未保存：{{error}}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/features.py" line="61" />
      <source>canceled; nothing was written</source>
      <translation>已取消；未写入任何数据</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/case_search.py" line="35" />
      <source>cancelled</source>
      <translation>已作废</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/patrol.py" line="532" />
      <source>cannot act as supervisor {login}: {error}</source>
      <translation>无法以监督员 {login} 的身份操作：{error}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcomponents.py" line="61" />
      <source>cannot be reprojected from {src} to {dst} ({error}); are the coordinates really in {src}?</source>
      <translation>无法从 {src} 投影转换到 {dst}（{error}）；这些坐标确实是 {src} 吗？</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/db.py" line="36" />
      <source>cannot connect to the store ({target}): {error}</source>
      <translation>无法连接数据库（{target}）：{error}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/rasters.py" line="33" />
      <source>cannot create the GeoTIFF '{path}': check that the folder exists and is writable</source>
      <translation>无法创建 GeoTIFF 文件“{path}”：请检查文件夹是否存在且可写</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/atlas.py" line="149" />
      <source>cannot export the atlas to {path}: give a .pdf file or a folder for PNG pages</source>
      <translation>无法将图集导出到 {path}：请给出 .pdf 文件，或用于存放 PNG 页面的文件夹</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/export.py" line="120" />
      <source>cannot export {path}: use a .pdf or .png file name</source>
      <translation>无法导出 {path}：文件名须以 .pdf 或 .png 结尾</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_fieldpackage.py" line="154" />
      <source>cannot open {layer} in {path}</source>
      <translation>无法打开 {path} 中的 {layer}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/templates.py" line="337" />
      <source>cannot read the layout template {path}: {reason}; reinstall the plugin or run layouts.write_templates()</source>
      <translation>无法读取版式模板 {path}：{reason}；请重新安装插件或运行 layouts.write_templates()</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/report.py" line="446" />
      <source>cannot read the picture {path}: is it a PNG or SVG file?</source>
      <translation>无法读取图片 {path}：它是 PNG 或 SVG 文件吗？</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/manualsheet.py" line="713" />
      <source>cannot read {path}: {error}</source>
      <translation>无法读取 {path}：{error}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/charts.py" line="168" />
      <source>cannot write chart {path}: use a .png, .svg or .pdf file name</source>
      <translation>无法写入图表 {path}：文件名须以 .png、.svg 或 .pdf 结尾</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/charts.py" line="174" />
      <source>cannot write chart {path}: {reason}; choose a folder you can write to</source>
      <translation>无法写入图表 {path}：{reason}；请选择有写权限的文件夹</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/rasters.py" line="44" />
      <source>cannot write the GeoTIFF '{path}' (disk full?)</source>
      <translation>无法写入 GeoTIFF 文件“{path}”（磁盘是否已满？）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/templates.py" line="326" />
      <source>cannot write the layout template {path}: check that the folder is writable</source>
      <translation>无法写入版式模板 {path}：请检查文件夹是否可写</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/patrol.py" line="491" />
      <source>cannot write the new features' ids into {path} ({error}); nothing was sent to the store</source>
      <translation>无法将新要素的编号写入 {path}（{error}）；未向数据库发送任何内容</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/fieldwork.py" line="263" />
      <source>cannot write the package {path} ({error}; {free}): is the disk full or write-protected? Nothing was kept, no half-written package is left behind</source>
      <translation>无法写入外业数据包 {path}（{error}；{free}）：磁盘是否已满或写保护？未保留任何文件，不会留下写了一半的数据包</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_publication.py" line="156" />
      <source>cannot write the public information of {month} to {folder}: {error}</source>
      <translation>无法将{month}的公众信息写入 {folder}：{error}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/export.py" line="52" />
      <source>cannot write {path}: a folder of that name exists; choose a file name</source>
      <translation>无法写入 {path}：已存在同名文件夹，请换一个文件名</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/export.py" line="34" />
      <source>cannot write {path}: check that the folder is writable, the disk is not full and the file is not open in another program</source>
      <translation>无法写入 {path}：请检查文件夹可写、磁盘未满，且该文件未被其他程序打开</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/manualsheet.py" line="303" />
      <source>cannot write {path}: {error}</source>
      <translation>无法写入 {path}：{error}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/atlas.py" line="175" />
      <source>cannot write {path}: {reason}; choose a folder you can write to</source>
      <translation>无法写入 {path}：{reason}；请选择有写权限的文件夹</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="110" />
      <source>case at ({x}, {y}) lies outside every unit grid</source>
      <translation>案件位置（{x}, {y}）不在任何单元网格内</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/labels.py" line="24" />
      <source>case density per unit grid</source>
      <translation>按单元网格的案件密度</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/city_queue.py" line="101" />
      <source>case no., class, address, description…</source>
      <translation>案件编号、类别、地址、描述…</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/case_search.py" line="54" />
      <source>case number or its last digits</source>
      <translation>案卷编号或其末几位</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/admin.py" line="384" />
      <source>case source {name} not saved: {{error}}</source>
      <translation>问题来源 {name} 未保存：{{error}}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/admin.py" line="390" />
      <source>case sources not saved: {error}</source>
      <translation>问题来源未保存：{error}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/patrol.py" line="185" />
      <source>case {case} ({verdict}): not applied, the case moved on: {detail}</source>
      <translation>案件 {case}（{verdict}）：未执行，案件已有变化：{detail}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="141" />
      <source>case {case} awaits no return visit: its reporter was reached already</source>
      <translation>案件 {case} 无需回访：已联系上举报人</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="62" />
      <source>case {case} does not exist</source>
      <translation>案件 {case} 不存在</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="61" />
      <source>case {case} does not exist or is not dispatched to your department ({dept})</source>
      <translation>案件 {case} 不存在或未派遣给本部门（{dept}）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="77" />
      <source>case {case} has no extension request to approve</source>
      <translation>案件 {case} 没有待审批的延期申请</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="219" />
      <source>case {case} has no extension request to refuse</source>
      <translation>案卷 {case} 没有待审批的延期申请，无需驳回</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="253" />
      <source>case {case} has {n} {stage} photos already; at most {limit}</source>
      <translation>案卷 {case} 已有 {n} 张{stage}照片；最多 {limit} 张</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="259" />
      <source>case {case} is finished ({state}); report the problem as a new case</source>
      <translation>案卷 {case} 已办结（{state}）：请将该问题登记为新案卷</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="79" />
      <source>case {case} is not overdue (deadline {deadline}); urging is for overdue cases</source>
      <translation>案件 {case} 未超时（时限 {deadline}）；只有超时案件才能督办</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="125" />
      <source>case {case} is the task of supervisor {who}; the shift leader reassigns it</source>
      <translation>案卷 {case} 是监督员 {who} 的任务；由值班长改派</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="52" />
      <source>case {case} is {state}: {role} cannot {action} it now; possible: {allowed}</source>
      <translation>案件 {case} 当前为“{state}”：{role}现在不能执行“{action}”；可执行：{allowed}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="56" />
      <source>case {case} was changed by {who} at {at} ({action}); refresh and try again</source>
      <translation>案件 {case} 已被 {who} 于 {at} 修改（{action}）；请刷新后重试</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/patrol.py" line="742" />
      <source>case {case} was filed, its photo {path} was not: {error}</source>
      <translation>案件 {case} 已立案，但其照片 {path} 未存入：{error}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="64" />
      <source>case {case} was last changed at {last}; an action cannot be recorded before that ({at})</source>
      <translation>案件 {case} 最后一次修改于 {last}；不能记录早于该时间的操作（{at}）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/patrol.py" line="841" />
      <source>case {case}: not taken ({error}); the verdict stays in the package</source>
      <translation>案件 {case}：未执行（{error}）；结论保留在数据包中</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/patrol.py" line="830" />
      <source>case {case}: the photo was refused ({error}); taken without it</source>
      <translation>案件 {case}：照片被拒收（{error}）；已在没有照片的情况下执行</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/patrol.py" line="800" />
      <source>case {case}: verdict '{verdict}' is not one of {choices}: correct it and sync again</source>
      <translation>案件 {case}：结论“{verdict}”不是 {choices} 之一：请改正后再同步</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/patrol.py" line="824" />
      <source>case {case}: {error}; taken without it</source>
      <translation>案件 {case}：{error}；已在没有照片的情况下执行</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/patrol.py" line="820" />
      <source>case {case}: {error}; the verdict needs its photo and stays in the package: take the photo again and sync</source>
      <translation>案件 {case}：{error}；该结论需要照片，已保留在数据包中：请重新拍照后再同步</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="122" />
      <source>cases change only through the workflow (case_report and case_act)</source>
      <translation>案件只能通过业务流程修改（case_report 和 case_act）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/publication.py" line="328" />
      <source>cases handled on time divided by the cases due for handling.</source>
      <translation>按期处置数除以应处置数。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="811" />
      <source>cases reported per month, the first half of the months against the second; the drill-down lists the cases of both halves</source>
      <translation>月均上报案件数，前半期与后半期相比；下钻列出前后两个半期的案件</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/publication.py" line="316" />
      <source>cases sent to the department to be dealt with in the month; a case sent on to another department counts for the first one.</source>
      <translation>本月派遣给该部门处置的案件数；同一案件改派其他部门的，计入首次派遣的部门。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/publication.py" line="322" />
      <source>cases whose deadline for handling fell in the month, and cases handled in the month before their deadline. The deadline follows the city's standard for each kind of problem; an approved extension moves it.</source>
      <translation>本月处置时限到期的案件，以及本月在时限内处置完毕的案件。处置时限按本市各类问题的处置标准确定，经批准延期的按延期后的时限计算。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/components.py" line="134" />
      <source>census date '{value}' is not a date written YYYY-MM-DD</source>
      <translation>普查日期“{value}”不是 YYYY-MM-DD 格式的日期</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/census.py" line="33" />
      <source>census progress not updated: {error}</source>
      <translation>普查进度未更新：{error}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/reports.py" line="185" />
      <source>change = (this period − the other) / the other; empty where the other is 0</source>
      <translation>变化 =（本期 − 对比期）/ 对比期；对比期为 0 时为空</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="516" />
      <source>change {subject}: {old} → {new}</source>
      <translation>修改 {subject}：{old} → {new}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/audit.py" line="40" />
      <source>changed</source>
      <translation>修改</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/charts.py" line="157" />
      <source>chart size {width} × {height} mm must be positive</source>
      <translation>图表尺寸 {width} × {height} 毫米必须为正数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/manual_view.py" line="49" />
      <source>check</source>
      <translation>核查</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="296" />
      <source>check the position (EPSG:{srid}) or hand it to the district it lies in</source>
      <translation>请检查位置（EPSG:{srid}），或转办给它所在的区县</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/admin.py" line="598" />
      <source>choose the supervisor who answers for the grid</source>
      <translation>请选择负责该网格的监督员</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/cli.py" line="188" />
      <source>city</source>
      <translation>市级</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/cli.py" line="242" />
      <source>city platform {code} {name}: {n} districts</source>
      <translation>市级平台 {code} {name}：{n} 个区县</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/components.py" line="228" />
      <source>class %s %s is recorded as a %s, got %s</source>
      <translation>分类 %s %s 应记录为 %s，实际为 %s</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/components.py" line="221" />
      <source>class %s is not a component class of profile %s</source>
      <translation>分类 %s 不是 %s 标准的部件分类</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcases.py" line="455" />
      <source>class '{value}' is ambiguous ({choices}); give the kind (event or component) or the class code</source>
      <translation>类别“{value}”有歧义（{choices}）；请给出案件类型（事件或部件）或类别代码</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcomponents.py" line="245" />
      <source>class '{value}' is neither a class code nor a class name of profile {profile}</source>
      <translation>“{value}”既不是 {profile} 标准的分类代码，也不是分类名称</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcases.py" line="449" />
      <source>class '{value}' is neither a class code nor a class name of profile {profile}{kind}; use a class of the store's class table</source>
      <translation>类别“{value}”既不是 {profile} 版{kind}的类别代码也不是类别名称；请使用库中类别表的类别</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/casefilter.py" line="87" />
      <source>class '{value}' is not a class code (2-digit major class, 4 or 5-digit class)</source>
      <translation>“{value}”不是类别代码（2 位大类，4 位或 5 位小类）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/codes.py" line="457" />
      <source>class code</source>
      <translation>分类代码</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/manual.py" line="217" />
      <source>class code or name</source>
      <translation>类别编码或名称</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/heatmap.py" line="181" />
      <source>class codes, e.g. 0102, 01 (empty: all)</source>
      <translation>类别代码，如 0102、01（留空：全部）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/manual.py" line="262" />
      <source>class entry (分类条目)</source>
      <translation>分类条目</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/reference.py" line="84" />
      <source>class tables not loaded: {error}</source>
      <translation>分类表未导入：{error}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="154" />
      <source>class {cls} has no situation {name}; its situations: {known}</source>
      <translation>分类 {cls} 没有情形 {name}；其情形有：{known}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="190" />
      <source>class {cls} is not a component class of profile {profile}</source>
      <translation>{cls} 不是 {profile} 版编码表中的部件类别</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/manualsheet.py" line="536" />
      <source>class {code} has a row already (row {first}): keep one row per class, with its situations and 紧急 below it</source>
      <translation>类别 {code} 已有一行（第 {first} 行）：每个类别只占一行，其情形和“紧急”行放在它下面</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/manualsheet.py" line="587" />
      <source>class {code} has a 紧急 row already (row {first}): keep one</source>
      <translation>类别 {code} 已有“紧急”行（第 {first} 行）：请只保留一行</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/manualsheet.py" line="595" />
      <source>class {code} has the situation “{name}” already (row {first}): give each situation once</source>
      <translation>类别 {code} 已有情形“{name}”（第 {first} 行）：每个情形只填一次</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/admin.py" line="430" />
      <source>class {code} is a standard class of profile {profile}; a local class needs a code of its own</source>
      <translation>分类 {code} 是 {profile} 版标准中的分类；扩展分类需要自己的编码</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/manualsheet.py" line="504" />
      <source>class {code} is {known}, not {name}: check the code (the name is only read to catch a wrong code)</source>
      <translation>类别 {code} 是“{known}”，不是“{name}”：请检查代码（读取名称只为发现填错的代码）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/admin.py" line="452" />
      <source>class {code} not saved: {{error}}</source>
      <translation>分类 {code} 未保存：{{error}}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="777" />
      <source>classes among the {top} most reported in every month</source>
      <translation>每个月都位列上报最多的前 {top} 位的问题类别</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/qfieldcheck.py" line="172" />
      <source>clear it (Project ▸ Properties ▸ General ▸ Project home)</source>
      <translation>清除该设置（工程 ▸ 属性 ▸ 常规 ▸ 工程主目录）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/cli.py" line="147" />
      <source>client app {name}: {rate} new reports per minute, {state}</source>
      <translation>客户端应用 {name}：每分钟最多 {rate} 条新举报，{state}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/manual.py" line="86" />
      <source>clock hours</source>
      <translation>小时</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/case_search.py" line="34" />
      <source>closed</source>
      <translation>已结案</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/manual_view.py" line="50" />
      <source>closing</source>
      <translation>结案</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/classes.py" line="88" />
      <source>code '{code}' is not major code + minor code ('{major}' + '{minor}')</source>
      <translation>代码“{code}”不等于大类代码 + 小类代码（“{major}” + “{minor}”）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/gridcheck.py" line="436" />
      <source>code {code} is used by {count} grids; a code names exactly one grid</source>
      <translation>编码 {code} 被 {count} 个网格使用；一个编码只能对应一个网格</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/gridcheck.py" line="518" />
      <source>codes not matching their community</source>
      <translation>与所属社区不符的编码</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_validatecomponents.py" line="21" />
      <source>codes that do not parse</source>
      <translation>无法解析的编码</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/manualsheet.py" line="147" />
      <source>column {column}</source>
      <translation>{column} 列</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcases.py" line="385" />
      <source>column {column} contains a NUL character (\0); remove it</source>
      <translation>{column} 列含有 NUL 字符（\0）；请删除</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="253" />
      <source>column “{column}” is not used (a misspelt header?); the columns read are {known}</source>
      <translation>列“{column}”未被使用（表头写错了？）；读取的列为 {known}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/report.py" line="265" />
      <source>column_widths needs {n} positive numbers, one per column (relative widths); got {widths}</source>
      <translation>column_widths 需要 {n} 个正数，每列一个（相对宽度）；实际为 {widths}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="225" />
      <source>columns “{first}” and “{second}” both give {key}; keep one of them</source>
      <translation>列“{first}”和“{second}”都表示 {key}；请只保留其中一列</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/labels.py" line="18" />
      <source>communities</source>
      <translation>社区</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/gridcheck.py" line="524" />
      <source>communities with more than 999 grids</source>
      <translation>网格超过 999 个的社区</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/divisions.py" line="142" />
      <source>communities {a} and {b} overlap by {area:.1f} m²</source>
      <translation>社区 {a} 与 {b} 重叠 {area:.1f} m²</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/codes.py" line="150" />
      <source>community code</source>
      <translation>社区编码</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/codes.py" line="152" />
      <source>community code '000' is not a community; communities are numbered from 001</source>
      <translation>社区编码“000”不代表任何社区；社区从 001 开始编号</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/grids.py" line="29" />
      <source>community code '{key}' must be 12 digits (district 6 + street 3 + community 3)</source>
      <translation>社区编码“{key}”必须是 12 位（区县 6 位 + 街道 3 位 + 社区 3 位）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_partitiongrids.py" line="137" />
      <source>community feature {fid}: community code '{key}' must be 12 digits (check the community code expression)</source>
      <translation>社区要素 {fid}：社区编码“{key}”必须是 12 位（请检查社区编码表达式）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/divisions.py" line="150" />
      <source>community {code} extends {area:.1f} m² outside its street</source>
      <translation>社区 {code} 超出所属街道 {area:.1f} m²</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/gridcheck.py" line="502" />
      <source>community {community} has {count} grids; at most 999 per community: split it</source>
      <translation>社区 {community} 有 {count} 个网格；每个社区最多 999 个：请拆分该社区</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="199" />
      <source>community {community} has {n} grids; at most 999 per community: split it</source>
      <translation>社区 {community} 有 {n} 个单元网格；每个社区最多 999 个：请拆分该社区</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="196" />
      <source>community {community} has {n} grids; at most 999 per community: split it ({issued} serials already issued, codes are never reused)</source>
      <translation>社区 {community} 有 {n} 个单元网格；每个社区最多 999 个：请拆分该社区（已发放 {issued} 个顺序码，编码永不复用）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_partitiongrids.py" line="141" />
      <source>community {key} (feature {fid}) has no geometry</source>
      <translation>社区 {key}（要素 {fid}）没有几何</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/grids.py" line="398" />
      <source>community {key} appears more than once</source>
      <translation>社区 {key} 出现多次</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/grids.py" line="402" />
      <source>community {key} has an empty geometry</source>
      <translation>社区 {key} 的几何为空</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/grids.py" line="406" />
      <source>community {key} has an invalid geometry: {reason}</source>
      <translation>社区 {key} 几何无效：{reason}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/grids.py" line="404" />
      <source>community {key} is a {kind}, not a polygon</source>
      <translation>社区 {key} 是 {kind}，不是面</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/grids.py" line="424" />
      <source>community {key} overlaps community {other} by {area:.1f} m² near ({x:.1f}, {y:.1f})</source>
      <translation>社区 {key} 与社区 {other} 在 ({x:.1f}, {y:.1f}) 附近重叠 {area:.1f} m²</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/grids.py" line="1390" />
      <source>community {key} would get {count} grids, but at most 999 grids per community can be coded (the serial has 3 digits): split the community, or raise the target area, before coding</source>
      <translation>社区 {key} 将得到 {count} 个网格，但每个社区最多只能编码 999 个网格（顺序码为 3 位）：请在编码前拆分该社区，或调大目标面积</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/grids.py" line="1386" />
      <source>community {key}: a block of {area:.0f} m² at ({x:.1f}, {y:.1f}) has a major road on every side and was merged across one (road class {rank}) into its neighbour; check it on the map, or lower the minimum area to keep it as a grid of its own</source>
      <translation>社区 {key}：位于 ({x:.1f}, {y:.1f}) 的 {area:.0f} m² 地块四周都是主要道路，已跨越其中一条（道路等级 {rank}）并入相邻地块；请在地图上核对，或调低最小面积使其单独成为网格</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/grids.py" line="1381" />
      <source>community {key}: a block of {area:.0f} m² at ({x:.1f}, {y:.1f}) is below the minimum area but shares no edge with another block of the community (a separate part of a multi-part community, or an island): it is kept as a grid of its own; fix: give that part to the community around it, or join it to the main part in the community layer</source>
      <translation>社区 {key}：位于 ({x:.1f}, {y:.1f}) 的 {area:.0f} m² 地块小于最小面积，但与本社区其他地块没有公共边（多部分社区中单独的一块，或飞地）：已单独作为一个网格保留；修正方法：把这一块划给包围它的社区，或在社区图层中把它并入主体部分</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/grids.py" line="1378" />
      <source>community {key}: noding lost {area:.3f} m², added back as blocks (near ({x:.1f}, {y:.1f}))</source>
      <translation>社区 {key}：打断线时丢失 {area:.3f} m²，已作为地块补回（位于 ({x:.1f}, {y:.1f}) 附近）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/grids.py" line="336" />
      <source>compactness (Polsby-Popper) median: {value:.3f}</source>
      <translation>紧凑度（Polsby-Popper）中位数：{value:.3f}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="774" />
      <source>component</source>
      <translation>部件</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="112" />
      <source>component at ({x}, {y}) lies outside every unit grid</source>
      <translation>部件位置（{x}, {y}）不在任何单元网格内</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/labels.py" line="25" />
      <source>component census coverage</source>
      <translation>部件普查覆盖情况</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/codes.py" line="401" />
      <source>component code</source>
      <translation>部件编码</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/routing.py" line="153" />
      <source>component code (optional: its owner goes first)</source>
      <translation>部件编码（可选：先属主）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/codes.py" line="464" />
      <source>component serial</source>
      <translation>部件顺序码</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/fieldwork.py" line="571" />
      <source>component {code} (uid {uid}), deleted in the package</source>
      <translation>部件 {code}（uid {uid}），已在数据包中删除</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/fieldwork.py" line="212" />
      <source>component {code} has an unexpected geometry type</source>
      <translation>部件 {code} 的几何类型不符合要求</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="105" />
      <source>component {code} is not an active component of class {cls} (a component case names its component and its class)</source>
      <translation>部件 {code} 不是类别 {cls} 的在用部件（部件案件须指明部件及其类别）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="186" />
      <source>component {code} is retired; its history cannot be changed</source>
      <translation>部件 {code} 已注销；其历史记录不能修改</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/components.py" line="405" />
      <source>component {code} lies outside every active unit grid</source>
      <translation>部件 {code} 不在任何现行单元网格内</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/components.py" line="402" />
      <source>component {code} records grid {recorded} but lies in grid {actual}</source>
      <translation>部件 {code} 记录的网格为 {recorded}，但实际位于网格 {actual}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/components.py" line="396" />
      <source>component {code}: class {cls} needs the field {field}</source>
      <translation>部件 {code}：分类 {cls} 需要填写字段 {field}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/components.py" line="407" />
      <source>component {code}: {problems}</source>
      <translation>部件 {code}：{problems}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/heatmap.py" line="178" />
      <source>components</source>
      <translation>部件</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/components.py" line="68" />
      <source>components not imported: {error}</source>
      <translation>部件未导入：{error}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/components.py" line="399" />
      <source>components {code} and {other} are of the same class {metres} m apart: a duplicate?</source>
      <translation>部件 {code} 与 {other} 同类且相距 {metres} 米：是否重复？</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/themes.py" line="231" />
      <source>components, unconfirmed ({n})</source>
      <translation>有部件、未确认普查（{n} 个网格）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="754" />
      <source>composite score = {formula}</source>
      <translation>综合得分 = {formula}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/classes.py" line="111" />
      <source>confidence is empty</source>
      <translation>可信度为空</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/patrol.py" line="859" />
      <source>conflict: {detail}</source>
      <translation>冲突：{detail}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_fieldpackage.py" line="352" />
      <source>conflict: {line}</source>
      <translation>冲突：{line}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_patrolsync.py" line="121" />
      <source>conflict: {text}</source>
      <translation>冲突：{text}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/qfieldcheck.py" line="335" />
      <source>constraint</source>
      <translation>约束</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/base.py" line="372" />
      <source>contiguity (grids sharing an edge or a corner)</source>
      <translation>邻接（共边或共角的网格）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcases.py" line="537" />
      <source>coordinates ({x}, {y}) are not longitude/latitude (metres?); choose the coordinates “store CRS”</source>
      <translation>坐标（{x}, {y}）不是经纬度（是米？）；请将坐标选为“库坐标系”</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcases.py" line="549" />
      <source>coordinates ({x}, {y}) cannot be reprojected to {crs}; are they really in the chosen coordinates?</source>
      <translation>坐标（{x}, {y}）无法投影到 {crs}；坐标系是否选对了？</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcases.py" line="542" />
      <source>coordinates ({x}, {y}) look like longitude/latitude, not {crs} metres; choose WGS84, GCJ-02 or BD-09 as the coordinates of the input</source>
      <translation>坐标（{x}, {y}）看起来是经纬度而不是 {crs} 的米制坐标；请将输入坐标选为 WGS84、GCJ-02 或 BD-09</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcases.py" line="552" />
      <source>coordinates ({x}, {y}) look swapped: X and Y are exchanged; exchange the X and Y columns</source>
      <translation>坐标（{x}, {y}）疑似互换：X 与 Y 颠倒了；请交换 X 列和 Y 列</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcases.py" line="533" />
      <source>coordinates ({x}, {y}) look swapped: the latitude and longitude columns are exchanged (in China the longitude is 73–135, the latitude 18–54); exchange the X and Y columns</source>
      <translation>坐标（{x}, {y}）疑似互换：经度列和纬度列颠倒了（中国境内经度为 73–135，纬度为 18–54）；请交换 X 列和 Y 列</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/qfieldcheck.py" line="239" />
      <source>copy it into the package folder ({folder})</source>
      <translation>把它复制到数据包文件夹（{folder}）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/qfieldcheck.py" line="223" />
      <source>copy it into the package's GeoPackage</source>
      <translation>把它复制到数据包的 GeoPackage 中</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/qfieldcheck.py" line="218" />
      <source>copy the base map into the package (GeoTIFF), or remove the layer</source>
      <translation>把底图复制到数据包中（GeoTIFF），或删除该图层</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/qfieldcheck.py" line="193" />
      <source>copy the data into the package's GeoPackage and leave the server out</source>
      <translation>把数据复制到数据包的 GeoPackage 中，不要引用服务器</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/qfieldcheck.py" line="213" />
      <source>copy the layer into the package's GeoPackage</source>
      <translation>把该图层复制到数据包的 GeoPackage 中</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/qfieldcheck.py" line="226" />
      <source>copy the layer into the package's GeoPackage (or a GeoTIFF for an image)</source>
      <translation>把该图层复制到数据包的 GeoPackage 中（影像则存为 GeoTIFF）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/qfieldcheck.py" line="327" />
      <source>copy them into the package folder or clear the field</source>
      <translation>把这些文件复制到数据包文件夹，或清空该字段</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/cli.py" line="247" />
      <source>copying {ready}/{total}</source>
      <translation>复制中 {ready}/{total}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/qfieldcheck.py" line="349" />
      <source>correct the expression with QGIS's own functions</source>
      <translation>用 QGIS 自带的函数改正该表达式</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/grids.py" line="269" />
      <source>corridor width must not be negative and corridor aspect must be at least 1, got {width} and {aspect}</source>
      <translation>带状宽度不能为负且带状长宽比至少为 1，实际为 {width} 和 {aspect}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_periodreport.py" line="285" />
      <source>counts are cases; a period's count lists each case once (the cases overdue: at the last month's end); rates in %, empty where nothing was due</source>
      <translation>数量均为案件数；一个周期内每件案件只计一次（超期在办：按最后一个月月末计）；率以 % 表示，无应办案件时为空</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="700" />
      <source>counts are cases; a period's count lists each case once; rates in %, empty where nothing was due; the drill-down lists the cases reported</source>
      <translation>数量均为案件数；一个周期内每件案件只计一次；率以 % 表示，无应办案件时为空；下钻列出上报的案件</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/codes.py" line="129" />
      <source>county code</source>
      <translation>区县代码</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/codes.py" line="119" />
      <source>county code '{value}' ends in 00, which denotes a prefecture or province, not a county-level division (区/县/县级市); use the county code</source>
      <translation>区县代码“{value}”以 00 结尾，表示地级市或省，而不是县级行政区（区/县/县级市）；请使用区县代码</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/codes.py" line="115" />
      <source>county code '{value}': {prefix} is not a GB/T 2260 province code</source>
      <translation>区县代码“{value}”：{prefix} 不是 GB/T 2260 省级代码</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/heatmap.py" line="151" />
      <source>custom range</source>
      <translation>自定义时段</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/components.py" line="165" />
      <source>data source must be one of 实测, 地形图, 调绘, 其它</source>
      <translation>数据来源必须是 实测、地形图、调绘、其它 之一</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/backup.py" line="109" />
      <source>database name '{name}' must be letters, digits and _ (at most 63)</source>
      <translation>数据库名“{name}”只能由字母、数字和 _ 组成（最多 63 个字符）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/backup.py" line="117" />
      <source>database {name} already exists; restore into a new database</source>
      <translation>数据库 {name} 已存在；请恢复到一个新数据库</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_monthlyreport.py" line="273" />
      <source>day</source>
      <translation>日</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="639" />
      <source>day off</source>
      <translation>休息日</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/grids.py" line="347" />
      <source>dead-end barrier length {length:,.0f} m, of which {off:,.0f} m not on grid edges</source>
      <translation>断头分界线长度 {length:,.0f} m，其中 {off:,.0f} m 不在网格边界上</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/grids.py" line="267" />
      <source>dead-end reach must not be negative, got {value}</source>
      <translation>断头延伸距离不能为负，实际为 {value}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/manualsheet.py" line="614" />
      <source>default limits have no situations: leave 情形 empty (normal limits) or write 紧急</source>
      <translation>默认时限没有情形：情形留空（普通时限）或填“紧急”</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/qfieldcheck.py" line="334" />
      <source>default value</source>
      <translation>默认值</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/fieldwork.py" line="642" />
      <source>deleted in the package</source>
      <translation>已在数据包中删除</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/themes.py" line="153" />
      <source>department '{code}' is not in the store; the departments are: {codes}</source>
      <translation>数据库中没有部门“{code}”；现有部门：{codes}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcomponents.py" line="135" />
      <source>department '{value}' is not in the store</source>
      <translation>部门“{value}”不在数据库中</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcomponents.py" line="255" />
      <source>department '{value}' is not in the store (by code or name)</source>
      <translation>部门“{value}”不在数据库中（按编码或名称均未找到）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/admin.py" line="87" />
      <source>department kind '{kind}' is not one of {kinds}</source>
      <translation>部门类型“{kind}”不在 {kinds} 之中</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/admin.py" line="89" />
      <source>department {code} not saved: {{error}}</source>
      <translation>部门 {code} 未保存：{{error}}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="243" />
      <source>department {dept} leads the case; it cannot also assist it</source>
      <translation>部门 {dept} 是本案卷的主办部门，不能同时作为协办部门</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/labels.py" line="18" />
      <source>departments</source>
      <translation>部门</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/reference.py" line="132" />
      <source>departments not loaded: {error}</source>
      <translation>部门未导入：{error}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/open311.py" line="484" />
      <source>description is required: say what is wrong and where</source>
      <translation>必须提供 description：说明问题是什么、在哪里</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/classes.py" line="85" />
      <source>digits, e.g. 90</source>
      <translation>数字，如 90</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/cli.py" line="148" />
      <source>disabled</source>
      <translation>已停用</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/manual_view.py" line="49" />
      <source>dispatch</source>
      <translation>派遣</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="74" />
      <source>dispatch needs a department (none given and no routing rule for class {cls} in street {street})</source>
      <translation>派遣需要指定专业部门（未指定，且街道 {street} 没有类别 {cls} 的派遣规则）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/labels.py" line="20" />
      <source>dispatchers</source>
      <translation>派遣员</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/base.py" line="371" />
      <source>distance band (grid centroids)</source>
      <translation>距离阈值（网格质心）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/cli.py" line="188" />
      <source>district</source>
      <translation>区县</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/cli.py" line="224" />
      <source>district platform {code} {name}</source>
      <translation>区级平台 {code} {name}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdivisions.py" line="119" />
      <source>district {code}</source>
      <translation>区县 {code}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="272" />
      <source>district {code} is not linked to the city (linked: {linked})</source>
      <translation>区县 {code} 未连接到市级平台（已连接：{linked}）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/platform.py" line="207" />
      <source>district {code} keeps its geometries in EPSG:{ds}, the city in EPSG:{cs}: a city and its districts share one CRS</source>
      <translation>区县 {code} 的几何坐标系为 EPSG:{ds}，市级为 EPSG:{cs}：市级平台与各区县须使用同一坐标系</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/cli.py" line="215" />
      <source>district {code} unlinked; the city keeps its cases</source>
      <translation>区县 {code} 已断开连接；市级平台保留其案件</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/cli.py" line="216" />
      <source>district {code} was not linked</source>
      <translation>区县 {code} 未连接</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/cli.py" line="202" />
      <source>district {code} {name} is linked and up to date; nothing changed (--resync copies it again)</source>
      <translation>区县 {code} {name} 已连接且同步正常，未做改动（--resync 可重新完整复制）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/cli.py" line="199" />
      <source>district {code} {name} linked in {s:.1f} s: {n} cases at the city</source>
      <translation>区县 {code} {name} 已连接（{s:.1f} 秒）：市级平台现有其案件 {n} 件</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/platform.py" line="440" />
      <source>district {code}'s copy of the city's hand-overs</source>
      <translation>区县 {code} 对市级转办单的复制</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/platform.py" line="97" />
      <source>division code {code!r} is not a 6-digit code (GB/T 2260)</source>
      <translation>行政区划代码 {code!r} 不是 6 位代码（GB/T 2260）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/platform.py" line="360" />
      <source>division code {code} is already linked to the city by another store ({name}, linked {at:%Y-%m-%d %H:%M} by {by}); two districts cannot claim one code: check the code given to `platform init district`, or unlink the other store first</source>
      <translation>行政区划代码 {code} 已由另一个数据库连接到市级平台（{name}，{at:%Y-%m-%d %H:%M} 由 {by} 连接）；两个区县不能使用同一代码：请检查 `platform init district` 所给的代码，或先断开另一个数据库</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="291" />
      <source>division code {code} is not a 6-digit code (GB/T 2260)</source>
      <translation>行政区划代码 {code} 不是 6 位代码（GB/T 2260）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/divisions.py" line="90" />
      <source>divisions not loaded: {error}</source>
      <translation>行政区划未导入：{error}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/reporttext.py" line="69" />
      <source>down {pct} on the month before ({before})</source>
      <translation>比上月（{before}）减少 {pct}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="875" />
      <source>down {pct} on the previous period ({before})</source>
      <translation>比上期（{before}）减少 {pct}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/reporttext.py" line="81" />
      <source>down {points} percentage points on the month before ({before})</source>
      <translation>比上月（{before}）降低 {points} 个百分点</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="888" />
      <source>down {points} percentage points on the previous period ({before})</source>
      <translation>比上期（{before}）降低 {points} 个百分点</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/maptools/grid_edit.py" line="31" />
      <source>draw a line of at least two points across the grid</source>
      <translation>请画一条至少两个点、横穿网格的线</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/classes.py" line="144" />
      <source>duplicate code; already used by '{name}'</source>
      <translation>代码重复；已被“{name}”使用</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/gridcheck.py" line="517" />
      <source>duplicate codes</source>
      <translation>重复编码</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/departments.py" line="78" />
      <source>e.g. 区环卫所</source>
      <translation>如：区环卫所</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/calendar.py" line="119" />
      <source>e.g. 国庆节, 国庆调休</source>
      <translation>如：国庆节、国庆调休</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/manual.py" line="246" />
      <source>e.g. 按2026年区城管委通知调整处置时限</source>
      <translation>如：按2026年区城管委通知调整处置时限</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="837" />
      <source>emerging hot spot analysis of the cases per unit grid and month (space-time Gi*, Mann–Kendall trend)</source>
      <translation>按单元网格和月份统计案件的时空热点分析（时空 Gi*、Mann–Kendall 趋势检验）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/gridcheck.py" line="509" />
      <source>empty geometries</source>
      <translation>空几何</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/components.py" line="202" />
      <source>empty geometry</source>
      <translation>几何为空</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/cli.py" line="148" />
      <source>enabled</source>
      <translation>已启用</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/open311.py" line="209" />
      <source>end_date is before start_date</source>
      <translation>end_date 早于 start_date</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdxf.py" line="252" />
      <source>entity {handle} on layer {layer}</source>
      <translation>图层 {layer} 上的实体 {handle}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/components.py" line="137" />
      <source>equipment count '{value}' must be a whole number</source>
      <translation>器材数量“{value}”必须是整数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/gridcheck.py" line="568" />
      <source>error</source>
      <translation>错误</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/admin.py" line="514" />
      <source>evaluation weights not saved: {error}</source>
      <translation>考核权重未保存：{error}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="774" />
      <source>event</source>
      <translation>事件</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/heatmap.py" line="177" />
      <source>events</source>
      <translation>事件</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/manual.py" line="211" />
      <source>events and components</source>
      <translation>事件和部件</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/manualsheet.py" line="450" />
      <source>events have no topology; leave the cell empty</source>
      <translation>事件没有拓扑类型：此格请留空</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/manualsheet.py" line="407" />
      <source>events have no topology; remove the column</source>
      <translation>事件没有拓扑类型：请删除此列</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/audit.py" line="88" />
      <source>every change</source>
      <translation>全部变更</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/hotspots.py" line="342" />
      <source>every grid has a count of 0: there are no cases in the chosen time window and area, so there is nothing to analyse</source>
      <translation>所有网格的计数都为 0：所选时间范围和区域内没有案件，无可分析</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/hotspots.py" line="345" />
      <source>every grid has the same value ({value}): Gi* needs values that differ between grids</source>
      <translation>所有网格的值都相同（{value}）：Gi* 需要网格之间的值有差异</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/hotspots.py" line="373" />
      <source>every grid is a neighbour of all the others, so there is nothing local to compare: use a smaller distance band</source>
      <translation>每个网格都与其他所有网格相邻，没有局部差异可比较：请使用更小的距离阈值</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/manual.py" line="295" />
      <source>existing</source>
      <translation>现有</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcases.py" line="404" />
      <source>external id '{value}' of {source} is also in {first}: one row per case</source>
      <translation>{source} 的外部编号“{value}”在{first}也出现过：每个案件只能一行</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcases.py" line="393" />
      <source>external id '{value}…' is longer than {n} characters</source>
      <translation>外部编号“{value}…”超过 {n} 个字符</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/classes.py" line="108" />
      <source>extra fields {value} must be identifiers like 'site_name'</source>
      <translation>扩展字段 {value} 必须是类似“site_name”的标识符</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcomponents.py" line="226" />
      <source>feature {fid}</source>
      <translation>要素 {fid}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_codegrids.py" line="76" />
      <source>feature {fid}: a grid must be one valid polygon ({kind})</source>
      <translation>要素 {fid}：网格必须是一个有效的面（{kind}）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/patrol.py" line="422" />
      <source>features {first} and {second} of the report layer share this uid (a copied feature?): the second was not filed; clear its uid and sync again</source>
      <translation>上报图层的要素 {first} 和 {second} 使用同一 uid（复制的要素？）：后者未立案；请清空其 uid 后再同步</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/qfieldcheck.py" line="283" />
      <source>field {field}: QField has no {widget} widget</source>
      <translation>字段 {field}：QField 没有 {widget} 控件</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/qfieldcheck.py" line="380" />
      <source>field {field}: its value list comes from layer {source}, which is not in the project</source>
      <translation>字段 {field}：取值列表来自图层 {source}，但该图层不在工程中</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/qfieldcheck.py" line="298" />
      <source>field {field}: the attachment widget stores absolute paths</source>
      <translation>字段 {field}：附件控件保存的是绝对路径</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/qfieldcheck.py" line="302" />
      <source>field {field}: the attachment widget stores files on {storage}</source>
      <translation>字段 {field}：附件控件把文件存放在 {storage}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/qfieldcheck.py" line="347" />
      <source>field {field}: the {what} expression does not parse ({error})</source>
      <translation>字段 {field}：{what}表达式无法解析（{error}）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/qfieldcheck.py" line="363" />
      <source>field {field}: the {what} expression uses @{name}, which only the desktop sets</source>
      <translation>字段 {field}：{what}表达式用到 @{name}，该变量只有桌面版 QGIS 才有</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/qfieldcheck.py" line="359" />
      <source>field {field}: the {what} expression uses {name}(), which QField does not have</source>
      <translation>字段 {field}：{what}表达式用到 {name}()，QField 没有该函数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/qfieldcheck.py" line="321" />
      <source>field {field}: {n} features hold an absolute path (such as {value})</source>
      <translation>字段 {field}：{n} 个要素保存的是绝对路径（例如 {value}）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/qfieldcheck.py" line="325" />
      <source>field {field}: {n} files are missing from the package (such as {value})</source>
      <translation>字段 {field}：数据包中缺少 {n} 个文件（例如 {value}）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/atlas.py" line="100" />
      <source>filter</source>
      <translation>筛选</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/open311.py" line="495" />
      <source>first_name or last_name and phone are required for a public report</source>
      <translation>公众举报需要 first_name 或 last_name 以及 phone</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/responsibility.py" line="143" />
      <source>from</source>
      <translation>自</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcases.py" line="190" />
      <source>from the class (when only one kind has it)</source>
      <translation>由类别推断（仅当只有一种类型含此类别时）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/admin.py" line="587" />
      <source>from {day} on</source>
      <translation>自 {day} 起</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/responsibility.py" line="372" />
      <source>from {start} on</source>
      <translation>自 {start} 起</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/responsibility.py" line="373" />
      <source>from {start} to {end}</source>
      <translation>自 {start} 至 {end}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/migrate.py" line="153" />
      <source>function file {file} failed: {error}</source>
      <translation>函数文件 {file} 执行失败：{error}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/migrate.py" line="134" />
      <source>function file {file} must define exactly the function citygrid.{name} (it defines: {found})</source>
      <translation>函数文件 {file} 必须且只能定义函数 citygrid.{name}（实际定义：{found}）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/grids.py" line="434" />
      <source>gap of {area:.1f} m² between communities {keys} at ({x:.1f}, {y:.1f})</source>
      <translation>社区 {keys} 之间在 ({x:.1f}, {y:.1f}) 处有 {area:.1f} m² 的缝隙</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/gridcheck.py" line="376" />
      <source>gap of {area:.1f} m² enclosed by grids at ({x:.1f}, {y:.1f}): no grid covers it</source>
      <translation>网格之间在 ({x:.1f}, {y:.1f}) 处围成 {area:.1f} m² 的缝隙：没有网格覆盖</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/gridcheck.py" line="360" />
      <source>gap of {area:.1f} m² in community {community} at ({x:.1f}, {y:.1f}): no grid covers it</source>
      <translation>社区 {community} 在 ({x:.1f}, {y:.1f}) 处有 {area:.1f} m² 的缝隙：没有网格覆盖</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/gridcheck.py" line="513" />
      <source>gaps</source>
      <translation>缝隙</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/fieldwork.py" line="651" />
      <source>geometry differs</source>
      <translation>几何不同</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/classes.py" line="100" />
      <source>geometry type '{value}' must be one of {allowed}</source>
      <translation>几何类型“{value}”必须是 {allowed} 之一</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/qfieldcheck.py" line="103" />
      <source>give a .qgz or .qgs project file</source>
      <translation>请给出 .qgz 或 .qgs 工程文件</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/base.py" line="135" />
      <source>give either a PostgreSQL connection or a pg_service name, not both</source>
      <translation>请给出 PostgreSQL 连接或 pg_service 名称之一，不要同时给出</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcases.py" line="281" />
      <source>give either a cases layer or a CSV file</source>
      <translation>请给出案件图层或 CSV 文件（二者选一）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcomponents.py" line="185" />
      <source>give either a components layer or a CSV file</source>
      <translation>请给出部件图层或 CSV 文件之一</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/hotspots.py" line="456" />
      <source>give one series (a 1-D array) in time order</source>
      <translation>请按时间顺序给出一个序列（一维数组）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/hotspots.py" line="470" />
      <source>give one series per row (a 2-D array)</source>
      <translation>请每行给出一个序列（二维数组）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/hotspots.py" line="567" />
      <source>give one trend per grid: {grids} grids, {trends} trends</source>
      <translation>每个网格需要一个趋势值：共有 {grids} 个网格，却有 {trends} 个趋势值</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/hotspots.py" line="327" />
      <source>give one value per grid (a 1-D array), got an array of shape {shape}</source>
      <translation>每个网格需要一个值（一维数组），实际数组形状为 {shape}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="415" />
      <source>give the class code</source>
      <translation>请填写类别代码</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="875" />
      <source>give the class's name</source>
      <translation>请填写分类名称</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/hotspots.py" line="564" />
      <source>give the confidence bins as grids × time slices</source>
      <translation>置信分级须按“网格 × 时间切片”给出</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/hotspots.py" line="646" />
      <source>give the counts as grids × time slices (a 2-D array)</source>
      <translation>计数须按“网格 × 时间切片”给出（二维数组）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="603" />
      <source>give the date</source>
      <translation>请填写日期</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="353" />
      <source>give the department (its code or name)</source>
      <translation>请填写部门（编码或名称）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_platform.py" line="93" />
      <source>give the district's store: a PostgreSQL connection or a pg_service name (one of them)</source>
      <translation>请给出区县数据库：PostgreSQL 连接或 pg_service 名称（二选一）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/roster.py" line="114" />
      <source>give the person's name</source>
      <translation>请填写姓名</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="1029" />
      <source>give the role</source>
      <translation>请填写角色</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="774" />
      <source>give the source's name</source>
      <translation>请填写来源名称</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="706" />
      <source>give the street (and the community for a community's territory)</source>
      <translation>请填写街道（社区属地还要填写社区）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/roles.py" line="110" />
      <source>give the user a display name</source>
      <translation>请填写用户的显示名称</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/roles.py" line="106" />
      <source>give the user at least one role</source>
      <translation>请至少为用户选择一个角色</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="975" />
      <source>give the weights, e.g. handling_rate=30, on_time_handling_rate=20</source>
      <translation>请填写权重，例如 handling_rate=30, on_time_handling_rate=20</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="655" />
      <source>give the working hours, e.g. 08:30-12:00,13:30-17:30</source>
      <translation>请填写作息时间，例如 08:30-12:00,13:30-17:30</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/case_detail.py" line="146" />
      <source>grid</source>
      <translation>网格</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/grids.py" line="332" />
      <source>grid area median {median:,.0f} m² (5th percentile {p5:,.0f}, 95th percentile {p95:,.0f})</source>
      <translation>网格面积中位数 {median:,.0f} m²（第 5 百分位 {p5:,.0f}，第 95 百分位 {p95:,.0f}）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/hotspots.py" line="282" />
      <source>grid centroids must be an n × 2 array of x, y coordinates</source>
      <translation>网格质心必须是 n × 2 的 x、y 坐标数组</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/codes.py" line="257" />
      <source>grid code</source>
      <translation>网格编码</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/responsibility.py" line="88" />
      <source>grid code, community or supervisor</source>
      <translation>网格编码、社区或监督员</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/hotspots.py" line="161" />
      <source>grid indices must be whole numbers (-1 for none)</source>
      <translation>网格编号必须是整数（-1 表示不在任何网格内）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/codes.py" line="287" />
      <source>grid serial</source>
      <translation>网格顺序码</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/intake.py" line="288" />
      <source>grid {code}</source>
      <translation>网格 {code}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="148" />
      <source>grid {code} already has supervisor {who} from {start} to {end}; one supervisor answers for a grid at a time: end that period first</source>
      <translation>网格 {code} 已由监督员 {who} 负责（{start} 至 {end}）；同一时间一个网格只由一名监督员负责：请先结束该时段</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="192" />
      <source>grid {code} crosses the boundary of community {community}: {m2} m² lie outside it</source>
      <translation>网格 {code} 跨越社区 {community} 的边界：有 {m2} 平方米在社区外</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="173" />
      <source>grid {code} is not an active unit grid; give the 15-digit code of a grid in use</source>
      <translation>网格 {code} 不是在用的单元网格；请填写在用网格的 15 位编码</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="188" />
      <source>grid {code} is retired; its history cannot be changed</source>
      <translation>网格 {code} 已注销；其历史记录不能修改</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/report_dialog.py" line="533" />
      <source>grid {grid}</source>
      <translation>网格 {grid}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/admin.py" line="623" />
      <source>grid {grid}: the period of {login} not changed: {{error}}</source>
      <translation>网格 {grid}：{login} 的负责期间未修改：{{error}}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/admin.py" line="634" />
      <source>grid {grid}: the period of {login} not removed: {{error}}</source>
      <translation>网格 {grid}：{login} 的负责期间未删除：{{error}}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/admin.py" line="602" />
      <source>grid {grid}: the period of {login} not saved: {{error}}</source>
      <translation>网格 {grid}：{login} 的负责期间未保存：{{error}}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/gridcheck.py" line="487" />
      <source>grid {ref} ({area:.0f} m² at ({x:.1f}, {y:.1f})) shares no edge with another grid of community {community}: it is a separate part of the community; fix: give that part to the community around it, or join it to the main part in the community layer</source>
      <translation>网格 {ref}（{area:.0f} m²，位于 ({x:.1f}, {y:.1f})）与社区 {community} 的其他网格没有公共边：它是该社区单独的一块；修正方法：把这一块划给包围它的社区，或在社区图层中把它并入主体部分</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/gridcheck.py" line="466" />
      <source>grid {ref} covers {area:.1f} m², above the maximum {limit:.1f} m² (target {target:.1f} m²)</source>
      <translation>网格 {ref} 面积 {area:.1f} m²，高于上限 {limit:.1f} m²（目标 {target:.1f} m²）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/gridcheck.py" line="457" />
      <source>grid {ref} covers {area:.1f} m², below the minimum {limit:.1f} m² (target {target:.1f} m²)</source>
      <translation>网格 {ref} 面积 {area:.1f} m²，低于下限 {limit:.1f} m²（目标 {target:.1f} m²）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/gridcheck.py" line="394" />
      <source>grid {ref} extends {area:.1f} m² beyond its community {community}</source>
      <translation>网格 {ref} 超出所属社区 {community} {area:.1f} m²</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/gridcheck.py" line="391" />
      <source>grid {ref} extends {area:.1f} m² beyond its community {community} into {others}</source>
      <translation>网格 {ref} 超出所属社区 {community} {area:.1f} m²，伸入 {others}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/gridcheck.py" line="293" />
      <source>grid {ref} has invalid geometry: {reason}</source>
      <translation>网格 {ref} 几何无效：{reason}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/gridcheck.py" line="414" />
      <source>grid {ref} has no code yet</source>
      <translation>网格 {ref} 尚未编码</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/gridcheck.py" line="286" />
      <source>grid {ref} has no geometry</source>
      <translation>网格 {ref} 没有几何</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/gridcheck.py" line="305" />
      <source>grid {ref} has {parts} separate parts; a grid is one closed polygon</source>
      <translation>网格 {ref} 有 {parts} 个分离部分；一个网格应是一个闭合的面</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/gridcheck.py" line="309" />
      <source>grid {ref} is a {type}, not a polygon</source>
      <translation>网格 {ref} 是 {type}，不是面</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/gridcheck.py" line="403" />
      <source>grid {ref} lies in no community</source>
      <translation>网格 {ref} 不在任何社区内</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/gridcheck.py" line="326" />
      <source>grid {ref} overlaps grid {other} by {area:.1f} m² at ({x:.1f}, {y:.1f})</source>
      <translation>网格 {ref} 与网格 {other} 在 ({x:.1f}, {y:.1f}) 处重叠 {area:.1f} m²</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/gridcheck.py" line="448" />
      <source>grid {ref}: code {code} starts with community {prefix} but the grid belongs to community {community}</source>
      <translation>网格 {ref}：编码 {code} 以社区 {prefix} 开头，但该网格属于社区 {community}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/gridcheck.py" line="423" />
      <source>grid {ref}: {problems}</source>
      <translation>网格 {ref}：{problems}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/gridcheck.py" line="521" />
      <source>grids above the maximum area</source>
      <translation>面积高于上限的网格</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/gridcheck.py" line="520" />
      <source>grids below the minimum area</source>
      <translation>面积低于下限的网格</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/grids.py" line="343" />
      <source>grids bounded only by barriers and community boundaries: {share:.1%}</source>
      <translation>边界全部位于分界线或社区边界上的网格：{share:.1%}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/gridcheck.py" line="514" />
      <source>grids crossing their community boundary</source>
      <translation>跨越社区边界的网格</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_codegrids.py" line="116" />
      <source>grids not coded, nothing was changed: {error}</source>
      <translation>网格未编码，数据库未作任何修改：{error}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/grids.py" line="38" />
      <source>grids not stored: {error}</source>
      <translation>网格未存入数据库：{error}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/gridcheck.py" line="515" />
      <source>grids outside every community</source>
      <translation>不在任何社区内的网格</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/grids.py" line="345" />
      <source>grids straddling a major road: {count}; corridor strips: {strips}</source>
      <translation>跨越主要道路的网格：{count} 个；带状网格：{strips} 个</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/gridcheck.py" line="519" />
      <source>grids without a code</source>
      <translation>未编码的网格</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/grids.py" line="331" />
      <source>grids: {count}</source>
      <translation>网格数：{count}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/cli.py" line="262" />
      <source>hand-over {id} to district {code} written; the district takes it when it is reached (`./citygrid platform status`)</source>
      <translation>转办单 {id} 已发往区县 {code}；区平台连通后即接收（`./citygrid platform status`）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/platform.py" line="574" />
      <source>handing the case to district {code} failed: {error}</source>
      <translation>向区县 {code} 转办案件失败：{error}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/manual_view.py" line="49" />
      <source>handling</source>
      <translation>处置</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/calendar.py" line="83" />
      <source>holiday</source>
      <translation>节假日</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_periodreport.py" line="379" />
      <source>hot in every month ({n} grids)</source>
      <translation>每月都是热点（{n} 个网格）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_periodreport.py" line="381" />
      <source>hot in {k} of {months} months ({n} grids)</source>
      <translation>{months} 个月中有 {k} 个月是热点（{n} 个网格）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/labels.py" line="25" />
      <source>hot spots (Gi*)</source>
      <translation>热点分析（Gi*）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="421" />
      <source>hot: a Gi* hot spot (90 % confidence or more, with the false discovery rate correction) of the month's cases per unit grid</source>
      <translation>热点：按单元网格统计当月案件的 Gi* 热点（置信度 90% 及以上，经错误发现率校正）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="423" />
      <source>hot: among the busiest tenth of the unit grids in the month (Gi* could not be used: {reason})</source>
      <translation>热点：当月案件数位居前 10% 的单元网格（无法使用 Gi*：{reason}）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/action_dialog.py" line="146" />
      <source>hours</source>
      <translation>小时</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcomponents.py" line="167" />
      <source>imported {imported}, rejected {rejected}, suspected duplicates {dups}</source>
      <translation>已导入 {imported}，被拒绝 {rejected}，疑似重复 {dups}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/templates.py" line="359" />
      <source>in the layout template {path} the items {ids} are of the wrong kind (map, legend, scale bar, picture, labels expected)</source>
      <translation>版式模板 {path} 中的元素 {ids} 类型不对（应为地图、图例、比例尺、图片、文本标签）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/common.py" line="205" />
      <source>inactive</source>
      <translation>已停用</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/grids.py" line="1487" />
      <source>internal error in a worker process: {error}</source>
      <translation>工作进程内部错误：{error}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/grids.py" line="1394" />
      <source>internal error: community {key} produced an invalid grid near ({x:.1f}, {y:.1f}): {reason}</source>
      <translation>内部错误：社区 {key} 在 ({x:.1f}, {y:.1f}) 附近生成了无效网格：{reason}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/grids.py" line="1396" />
      <source>internal error: the grids of community {key} do not tile it (community {area:.3f} m², grids {total:.3f} m², union {union:.3f} m², difference {outside:.3f} m²)</source>
      <translation>内部错误：社区 {key} 的网格未能完整无重叠地覆盖该社区（社区 {area:.3f} m²，网格合计 {total:.3f} m²，并集 {union:.3f} m²，差值 {outside:.3f} m²）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/grids.py" line="1481" />
      <source>internal error: the partition's worker processes stopped (out of memory, or killed); nothing was written: run it again with 1 worker process (WORKERS=1), which needs less memory</source>
      <translation>内部错误：划分网格的工作进程已停止（内存不足或被终止）；没有写入任何结果：请用 1 个工作进程（WORKERS=1）重新运行，所需内存更少</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/gridcheck.py" line="510" />
      <source>invalid geometries</source>
      <translation>无效几何</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/components.py" line="202" />
      <source>invalid geometry: </source>
      <translation>几何无效：</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/patrol.py" line="883" />
      <source>it has no points</source>
      <translation>没有任何点</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/patrol.py" line="710" />
      <source>it has no position: place it on the map and sync again</source>
      <translation>没有位置：请在地图上标出位置后再同步</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/patrol.py" line="886" />
      <source>it has no time (M values): track with the package's track layer, which records them</source>
      <translation>没有时间（M 值）：请用数据包的轨迹图层记录轨迹，它会记录时间</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/qfieldcheck.py" line="238" />
      <source>its file {file} is outside the package folder</source>
      <translation>它的文件 {file} 不在数据包文件夹中</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/qfieldcheck.py" line="263" />
      <source>its form is a Qt Designer file ({file})</source>
      <translation>它的表单是 Qt Designer 文件（{file}）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/qfieldcheck.py" line="259" />
      <source>its form runs Python init code ({function}); QField runs no Python</source>
      <translation>它的表单运行 Python 初始化代码（{function}）；QField 不运行 Python</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/qfieldcheck.py" line="323" />
      <source>keep the files in the package folder (DCIM/) and store paths relative to the project</source>
      <translation>把文件放在数据包文件夹（DCIM/）中，并保存相对于工程的路径</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcases.py" line="438" />
      <source>kind '{value}' is neither event (事件) nor component (部件)</source>
      <translation>案件类型“{value}”既不是事件也不是部件</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/thematic.py" line="133" />
      <source>km</source>
      <translation>千米</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/base.py" line="469" />
      <source>landscape</source>
      <translation>横向</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/heatmap.py" line="150" />
      <source>last {days} days</source>
      <translation>最近 {days} 天</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/open311.py" line="473" />
      <source>lat and long are required: every report is placed on the map</source>
      <translation>必须提供 lat 和 long：每条举报都要定位到地图上</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/open311.py" line="331" />
      <source>lat and long look exchanged: lat is the latitude (-90 to 90), long the longitude</source>
      <translation>lat 与 long 似乎颠倒了：lat 是纬度（-90 至 90），long 是经度</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/qfieldcheck.py" line="264" />
      <source>lay the form out with the drag and drop designer</source>
      <translation>改用拖放设计器布置表单</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/thematic.py" line="48" />
      <source>layer '{name}' is not valid (its source cannot be read): check the file or the database connection</source>
      <translation>图层“{name}”无效（无法读取其数据源）：请检查文件或数据库连接</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/cadlayers.py" line="60" />
      <source>layer mapping entry '{entry}' must look like CADLAYER=kind, e.g. DLSS=road</source>
      <translation>图层对应项“{entry}”必须形如 CAD图层=类型，例如 DLSS=road</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/cadlayers.py" line="63" />
      <source>layer mapping entry '{entry}': unknown kind '{kind}' (use one of {kinds})</source>
      <translation>图层对应项“{entry}”：未知类型“{kind}”（请使用 {kinds} 之一）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/staff.py" line="206" />
      <source>leave empty to keep the password</source>
      <translation>留空则不修改密码</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/departments.py" line="74" />
      <source>letters and digits, e.g. HW</source>
      <translation>字母和数字，如 HW</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/leader_figures.py" line="90" />
      <source>level with a month ago</source>
      <translation>持平</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/components.py" line="216" />
      <source>lies outside every unit grid, at (%s, %s); check the coordinates and their CRS</source>
      <translation>位于 (%s, %s)，不在任何单元网格内；请检查坐标及其坐标系</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/classes.py" line="44" />
      <source>line</source>
      <translation>线</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcases.py" line="297" />
      <source>line {line}</source>
      <translation>第 {line} 行</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/platform.py" line="433" />
      <source>linking district {code} failed: {error}</source>
      <translation>连接区县 {code} 失败：{error}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/leader.py" line="326" />
      <source>live</source>
      <translation>实时</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/admin.py" line="458" />
      <source>local classes not saved: {error}</source>
      <translation>扩展分类未保存：{error}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="962" />
      <source>local {kind} class {code}</source>
      <translation>扩展{kind}分类 {code}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_validatecomponents.py" line="24" />
      <source>location and grid disagree</source>
      <translation>位置与所在网格不符</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/open311.py" line="99" />
      <source>login '{login}' must be lower-case letters, digits and _ (at most 63, not starting with pg_ or citygrid_)</source>
      <translation>登录名“{login}”只能由小写字母、数字和 _ 组成（最多 63 个字符，不能以 pg_ 或 citygrid_ 开头）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/open311.py" line="289" />
      <source>login {login} can do more than the Open311 service needs ({what}); give it a login that is a member of citygrid_open311 only (./citygrid open311 add-login)</source>
      <translation>登录名 {login} 的权限超出 Open311 服务所需（{what}）；请为服务使用只属于 citygrid_open311 的登录名（./citygrid open311 add-login）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/open311.py" line="293" />
      <source>login {login} is not a member of citygrid_open311: it cannot read requests or take reports (./citygrid open311 add-login)</source>
      <translation>登录名 {login} 不属于 citygrid_open311：不能读取请求，也不能接收举报（./citygrid open311 add-login）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/cli.py" line="158" />
      <source>login {login} is the Open311 service's (citygrid_open311 only)</source>
      <translation>登录名 {login} 归 Open311 服务使用（只属于 citygrid_open311）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/crs.py" line="19" />
      <source>longitude {lon:.3f}° is outside China's Gauss-Krüger zones (73.5°E–136.5°E)</source>
      <translation>经度 {lon:.3f}° 不在中国的高斯-克吕格投影带范围内（73.5°E–136.5°E）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/staff.py" line="87" />
      <source>lower-case letters, digits and _, e.g. wang_li</source>
      <translation>小写字母、数字和 _，如 wang_li</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/thematic.py" line="136" />
      <source>m</source>
      <translation>米</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/components.py" line="230" />
      <source>maintainer (养护单位)</source>
      <translation>养护单位</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/codes.py" line="344" />
      <source>major class</source>
      <translation>大类</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="867" />
      <source>major class code</source>
      <translation>大类代码</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="932" />
      <source>major class {major} is “{name}” in the standard; write that name or leave the cell empty</source>
      <translation>大类 {major} 在标准中名为“{name}”：请写该名称或留空</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="936" />
      <source>major class {major} is “{name}” in the store; the other local classes of it keep that name</source>
      <translation>大类 {major} 在库中名为“{name}”；该大类下的其他扩展分类仍保留该名称</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/codes.py" line="348" />
      <source>major class {value} is not a class</source>
      <translation>大类 {value} 不是有效分类</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/codes.py" line="425" />
      <source>major class {value} is not in profile {profile}</source>
      <translation>大类 {value} 不在 {profile} 标准中</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/classes.py" line="82" />
      <source>major code '{value}' must be {digits} digits, not all zero (profile {profile})</source>
      <translation>大类代码“{value}”必须是 {digits} 位且不全为 0（{profile} 标准）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/classes.py" line="93" />
      <source>major name '{value}' is empty or has surrounding whitespace</source>
      <translation>大类名称“{value}”为空或首尾有空格</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/grids.py" line="272" />
      <source>major road rank must be between 0 and {top}, got {value}</source>
      <translation>主要道路等级必须在 0 到 {top} 之间，实际为 {value}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/classes.py" line="148" />
      <source>major {major} is named '{name}' here but '{known}' in an earlier row</source>
      <translation>大类 {major} 在此处名为“{name}”，但前面的行中为“{known}”</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="302" />
      <source>make a new store for another platform</source>
      <translation>另一个平台请新建数据库</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/qfieldcheck.py" line="398" />
      <source>make it a LineStringM layer</source>
      <translation>改为 LineStringM 图层</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/qfieldcheck.py" line="394" />
      <source>make it a LineStringM layer: QField's tracking draws one line per session</source>
      <translation>改为 LineStringM 图层：QField 的轨迹记录每次生成一条线</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/gridcheck.py" line="516" />
      <source>malformed codes</source>
      <translation>格式错误的编码</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="171" />
      <source>manual class {cls}: situation {name} has no time limit; give it at least one, or remove it</source>
      <translation>指挥手册分类 {cls}：情形 {name} 没有时限；请至少给出一个，或删除该情形</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="168" />
      <source>manual class {cls}: there is no {kind} class {code} in profile {profile}; add it as a local class first, or correct the code</source>
      <translation>指挥手册分类 {cls}：{profile} 版中没有{kind}分类 {code}；请先添加为扩展分类，或更正编码</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="166" />
      <source>manual class {cls}: {field} '{value}' is not a department (give a department code, or 属地)</source>
      <translation>指挥手册分类 {cls}：{field}“{value}”不是部门（请填写部门编码或“属地”）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/open311.py" line="300" />
      <source>media_url '{value}' is not an http or https link</source>
      <translation>media_url“{value}”不是 http 或 https 链接</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/base.py" line="576" />
      <source>merge: add and change the file's rows, keep the others</source>
      <translation>合并：添加和修改文件中的行，保留其他行</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/migrate.py" line="109" />
      <source>migration file name '{name}' must look like 001_short_name.sql</source>
      <translation>迁移文件名“{name}”必须形如 001_short_name.sql</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/migrate.py" line="119" />
      <source>migration {expected:03d} is missing (found {name})</source>
      <translation>缺少迁移 {expected:03d}（找到的是 {name}）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/migrate.py" line="278" />
      <source>migration {file} failed: {error}</source>
      <translation>迁移 {file} 执行失败：{error}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/migrate.py" line="203" />
      <source>migration {file} was changed after it was applied to this store (applied checksum {old:.12}, file checksum {new:.12}); restore the original file and put schema changes in a new migration</source>
      <translation>迁移 {file} 在应用到本数据库之后被修改过（应用时校验和 {old:.12}，文件校验和 {new:.12}）；请恢复原文件，并把结构变更写入新的迁移</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/codes.py" line="345" />
      <source>minor class</source>
      <translation>小类</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="868" />
      <source>minor class code</source>
      <translation>小类代码</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/codes.py" line="351" />
      <source>minor class {value} is not a class</source>
      <translation>小类 {value} 不是有效分类</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/codes.py" line="428" />
      <source>minor class {value} is not in profile {profile}</source>
      <translation>小类 {value} 不在 {profile} 标准中</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/classes.py" line="85" />
      <source>minor code '{value}' must be {digits} digits, not all zero (profile {profile})</source>
      <translation>小类代码“{value}”必须是 {digits} 位且不全为 0（{profile} 标准）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/manual.py" line="86" />
      <source>minutes</source>
      <translation>分钟</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_validatecomponents.py" line="22" />
      <source>missing required fields</source>
      <translation>缺少必填字段</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/cli.py" line="245" />
      <source>missing subscription</source>
      <translation>缺少订阅</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_periodreport.py" line="293" />
      <source>month</source>
      <translation>月份</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periods.py" line="165" />
      <source>month {month} does not exist (a month is 1 to 12)</source>
      <translation>不存在第 {month} 月（月份为 1 到 12）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/gridcheck.py" line="511" />
      <source>multipart or non-polygon geometries</source>
      <translation>多部件或非面几何</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/classes.py" line="153" />
      <source>name '{name}' is already used by class {code} '{other}'</source>
      <translation>名称“{name}”已被分类 {code}“{other}”使用</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/classes.py" line="91" />
      <source>name '{value}' is empty or has surrounding whitespace</source>
      <translation>名称“{value}”为空或首尾有空格</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/report_dialog.py" line="237" />
      <source>name of the person reporting</source>
      <translation>举报人姓名</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/manual.py" line="320" />
      <source>name, e.g. 5吨以上</source>
      <translation>名称，如 5吨以上</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/thematic.py" line="60" />
      <source>neither the project nor the layers have a coordinate reference system: set the project CRS (e.g. EPSG:4544) first</source>
      <translation>项目和图层都没有坐标参考系：请先设置项目坐标系（如 EPSG:4544）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/cli.py" line="233" />
      <source>never</source>
      <translation>从未</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_periodreport.py" line="380" />
      <source>never hot ({n} grids)</source>
      <translation>从未成为热点（{n} 个网格）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/patrol.py" line="311" />
      <source>new case {case} from report {uid}</source>
      <translation>上报 {uid} 已立为新案件 {case}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_fieldpackage.py" line="354" />
      <source>new component {code} (uid {uid})</source>
      <translation>新部件 {code}（uid {uid}）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="830" />
      <source>no</source>
      <translation>否</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/charts.py" line="142" />
      <source>no Chinese font found for charts (looked for Noto Sans CJK SC and WenQuanYi Micro Hei): install the Debian package fonts-noto-cjk (scripts/bootstrap.sh does) and run again</source>
      <translation>找不到用于图表的中文字体（已查找 Noto Sans CJK SC 和文泉驿微米黑）：请安装 Debian 软件包 fonts-noto-cjk（scripts/bootstrap.sh 会安装）后重试</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/templates.py" line="101" />
      <source>no Chinese font found for print layouts (looked for {fonts}): install the Debian package fonts-noto-cjk (scripts/bootstrap.sh does) and run again</source>
      <translation>找不到用于打印版式的中文字体（已查找 {fonts}）：请安装 Debian 软件包 fonts-noto-cjk（scripts/bootstrap.sh 会安装）后重试</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/fieldwork.py" line="163" />
      <source>no active unit grid matches {values} in the store</source>
      <translation>数据库中没有与 {values} 匹配的在用单元网格</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="447" />
      <source>no active unit grids</source>
      <translation>没有在用的单元网格</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/themes.py" line="205" />
      <source>no case due for handling</source>
      <translation>无应处置案件</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/themes.py" line="173" />
      <source>no case fell due for handling in {place} in {period}{who}: there is no on-time rate to map; choose another period, area or department</source>
      <translation>{place}在{period}{who}没有应处置案件，无法绘制按期处置率；请选择其他时段、范围或部门</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/workform.py" line="138" />
      <source>no case given for the work form: give case numbers or select cases</source>
      <translation>未指定案卷：请填写案卷编号或选择案卷</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_workform.py" line="138" />
      <source>no case numbered {number} (or it is not visible to this login): check the number</source>
      <translation>没有编号为 {number} 的案卷（或当前登录无权查看）：请核对编号</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_workform.py" line="84" />
      <source>no case to print: type case numbers, or give a layer of cases (with “Selected features only” for its selection)</source>
      <translation>没有要打印的案卷：请填写案卷编号，或给出案卷图层（只打印选中的案卷时勾选“仅选中要素”）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_evaluation.py" line="115" />
      <source>no case was reported in the period: the reports are empty</source>
      <translation>统计期内没有上报案件：报表为空</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/themes.py" line="112" />
      <source>no case was reported in {place} in {period}: there is nothing to map; choose another period or area</source>
      <translation>{place}在{period}没有上报案件，没有可制图的内容；请选择其他时段或范围</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_publication.py" line="132" />
      <source>no case was reported or handled in the month</source>
      <translation>本月没有上报或处置的案件</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/base.py" line="415" />
      <source>no cases match the window and filters ({window}): nothing to analyse; widen the window or the filters</source>
      <translation>没有符合时间窗口和筛选条件的案件（{window}）：无可分析的内容；请扩大时间窗口或放宽筛选条件</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_hotspots.py" line="76" />
      <source>no cases match the window and filters ({window}): nothing to map; widen the window or the filters</source>
      <translation>没有符合时间窗口和筛选条件的案件（{window}）：无可制图的内容；请扩大时间窗口或放宽筛选条件</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/evaluation.py" line="474" />
      <source>no chart for an empty report</source>
      <translation>报表为空，无图表</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcomponents.py" line="242" />
      <source>no class (give a class code or a Chinese class name)</source>
      <translation>没有分类（请给出分类代码或中文分类名称）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcases.py" line="443" />
      <source>no class: give a class code or a Chinese class name</source>
      <translation>缺少类别：请填写类别代码或中文类别名称</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/manualsheet.py" line="420" />
      <source>no column {columns}: the header row needs it (export the manual to see the layout)</source>
      <translation>缺少 {columns} 列：表头行必须有此列（可先导出指挥手册查看格式）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_partitiongrids.py" line="128" />
      <source>no communities layer</source>
      <translation>没有社区图层</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/components.py" line="160" />
      <source>no component class</source>
      <translation>没有部件分类</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/report_dialog.py" line="543" />
      <source>no component near the point clicked</source>
      <translation>点击位置附近没有部件</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/themes.py" line="232" />
      <source>no components ({n} grids)</source>
      <translation>未普查，无部件（{n} 个网格）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcases.py" line="410" />
      <source>no description (column {column}): say what the problem is</source>
      <translation>缺少问题描述（{column} 列）：请写明是什么问题</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_open311.py" line="239" />
      <source>no description: the store needs one (what is wrong, where)</source>
      <translation>没有描述：库要求必须有（问题是什么、在哪里）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/responsibility.py" line="151" />
      <source>no end</source>
      <translation>无结束日期</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcases.py" line="390" />
      <source>no external id (column {column}): every row needs the platform's number, so that a re-import adds nothing</source>
      <translation>缺少外部编号（{column} 列）：每行都需要平台工单编号，重复导入时才不会重复建案</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/leader_figures.py" line="88" />
      <source>no figure a month ago</source>
      <translation>上月同期无数据</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/reporttext.py" line="76" />
      <source>no figure for the month before</source>
      <translation>上月无可比数据</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="883" />
      <source>no figure for the previous period</source>
      <translation>上期无此数据</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/publication.py" line="344" />
      <source>no figure: nothing was due (for example no case fell due for handling), so there is no rate to give; it is neither 0% nor 100%.</source>
      <translation>无数据：没有应计的案件（例如本月没有到期应处置的案件），因此无法计算比率；既不是0%，也不是100%。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/components.py" line="159" />
      <source>no geometry</source>
      <translation>没有几何</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcomponents.py" line="264" />
      <source>no geometry (or coordinates that are not numbers)</source>
      <translation>没有几何（或坐标不是数字）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/hotspots.py" line="364" />
      <source>no grid has a neighbour, so Gi* could only compare each grid with itself: use a larger distance band, or contiguity weights</source>
      <translation>没有任何网格有相邻网格，Gi* 只能把每个网格与自身比较：请使用更大的距离阈值或邻接权重</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/manualsheet.py" line="687" />
      <source>no header row with 类别代码 in the first 10 rows; put the headers in the first row (export the manual for the layout)</source>
      <translation>前 10 行中没有含“类别代码”的表头行：请把表头放在第一行（可先导出指挥手册查看格式）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/thematic.py" line="156" />
      <source>no layers given for the map '{title}': pass the layers to show</source>
      <translation>地图“{title}”没有指定图层：请传入要显示的图层</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/authorities.py" line="73" />
      <source>no limit</source>
      <translation>不限</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_manual.py" line="157" />
      <source>no manual file: choose the .xlsx or .csv file to import</source>
      <translation>没有指挥手册文件：请选择要导入的 .xlsx 或 .csv 文件</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/patrol.py" line="893" />
      <source>no part of it has two usable points</source>
      <translation>没有一段具有两个可用的点</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_patrolsync.py" line="93" />
      <source>no patrol package folder given</source>
      <translation>未指定巡查数据包文件夹</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcases.py" line="505" />
      <source>no position: the columns {x_column} and {y_column} hold '{x}' and '{y}', not two numbers</source>
      <translation>缺少位置：{x_column} 列和 {y_column} 列的值为“{x}”和“{y}”，不是两个数字</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcases.py" line="511" />
      <source>no position: the feature has no geometry</source>
      <translation>缺少位置：该要素没有几何</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/components.py" line="161" />
      <source>no responsible department (主管部门)</source>
      <translation>没有主管部门</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="1060" />
      <source>no role may {action} ({key}) after this import: nobody could do it</source>
      <translation>导入后没有角色可以{action}（{key}）：将无人能办理</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/manualsheet.py" line="680" />
      <source>no sheet {name}: the import replaces the whole manual, so a missing sheet would remove every {name} entry; add the sheet (export the manual for the layout)</source>
      <translation>没有“{name}”表：导入会替换整本指挥手册，缺少此表会删除所有{name}条目；请添加此表（可先导出指挥手册查看格式）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcases.py" line="396" />
      <source>no source: fill the column {column} or give the source of rows without one</source>
      <translation>缺少来源：请填写 {column} 列，或给出未填来源的行的来源</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="445" />
      <source>no spatial weights for the grids</source>
      <translation>网格没有可用的空间权重</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/connections.py" line="41" />
      <source>no store connection chosen: pick a QGIS PostgreSQL connection or enter a pg_service name in CityGrid ▸ Settings</source>
      <translation>未选择数据库连接：请在“CityGrid ▸ 设置”中选择 QGIS PostgreSQL 连接或填写 pg_service 名称</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/base.py" line="137" />
      <source>no store given: choose a PostgreSQL connection or a pg_service name</source>
      <translation>未指定数据库：请选择 PostgreSQL 连接或填写 pg_service 名称</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_maps.py" line="81" />
      <source>no street of {place} has a boundary: import the divisions with their boundaries first</source>
      <translation>{place}的街道都没有边界：请先导入带边界的行政区划</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="402" />
      <source>no such community in street {street}; its communities are {choices}{hint}</source>
      <translation>街道 {street} 下没有该社区；其社区为 {choices}{hint}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="357" />
      <source>no such department (code or name); use one of the store's departments ({choices}) or add it first (Import departments)</source>
      <translation>没有该部门（编码或名称）；请使用库中的部门（{choices}），或先添加该部门（导入部门）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/open311/server.py" line="239" />
      <source>no such resource: {path} (see services.json, requests.json)</source>
      <translation>没有这个资源：{path}（见 services.json、requests.json）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="385" />
      <source>no such street; use a 3-digit street code or a street name of the store ({choices}){hint}</source>
      <translation>没有该街道；请使用库中的 3 位街道代码或街道名称（{choices}）{hint}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_patrolpackage.py" line="183" />
      <source>no supervisor answers for a unit grid today: give the supervisors their responsibility grids first</source>
      <translation>今天没有监督员负责任何单元网格：请先为监督员分配责任网格</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/patrolmaps.py" line="74" />
      <source>no supervisor: {n} grids</source>
      <translation>无责任监督员：{n} 个网格</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/hotspots.py" line="244" />
      <source>no two grid centroids are within {band} m of each other (the closest two are {closest} m apart): use a larger distance band, e.g. {suggested} m</source>
      <translation>没有任何两个网格质心的距离在 {band} 米以内（最近的两个相距 {closest} 米）：请使用更大的距离阈值，例如 {suggested} 米</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/fieldwork.py" line="152" />
      <source>no unit grids chosen: give grid codes or pick grids on the grid layer</source>
      <translation>未选择单元网格：请输入网格编码或在网格图层上选择网格</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/workcalendar.py" line="161" />
      <source>no working day within ten years of {start}</source>
      <translation>{start} 之后十年内没有工作日</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/workcalendar.py" line="181" />
      <source>no working time within ten years of {start}</source>
      <translation>{start} 之后十年内没有工作时间</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="429" />
      <source>no {kind} class with this code in profile {profile} (codes are {digits} digits){hint}; use a class of the store's class table or add it first as a local class (Import local classes)</source>
      <translation>编码方案 {profile} 中没有该代码的{kind}分类（代码为 {digits} 位）{hint}；请使用库分类表中的分类，或先将其添加为扩展分类（导入扩展分类）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/manualsheet.py" line="552" />
      <source>no {kind} class {code} in the code profile {profile}: check the code, or add the class first as a local class (扩展类别)</source>
      <translation>代码标准 {profile} 中没有{kind}类别 {code}：请检查代码，或先把它添加为扩展类别</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="404" />
      <source>none</source>
      <translation>无</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="26" />
      <source>none (the case is finished)</source>
      <translation>无（案件已办结）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="870" />
      <source>none in the previous period</source>
      <translation>上期为 0</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="870" />
      <source>none in the previous period either</source>
      <translation>上期也为 0</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/platform.py" line="294" />
      <source>none left now</source>
      <translation>现已没有</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/patrolpackage.py" line="84" />
      <source>none of the grids of {login} ({grids}) is an active unit grid in the store</source>
      <translation>{login} 的网格（{grids}）在数据库中都不是有效的单元网格</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/fieldwork.py" line="559" />
      <source>none of the package's components is in this store: the package was exported from {store}</source>
      <translation>数据包中的部件在本数据库中一个也没有：该数据包导出自 {store}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/reporttext.py" line="64" />
      <source>none the month before</source>
      <translation>上月为 0</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/reporttext.py" line="64" />
      <source>none the month before either</source>
      <translation>上月也为 0</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/manualsheet.py" line="622" />
      <source>normal</source>
      <translation>普通</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/weights.py" line="79" />
      <source>not 100: the scores are on another scale</source>
      <translation>不等于 100：得分将不是百分制</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdxf.py" line="168" />
      <source>not a DXF file</source>
      <translation>不是 DXF 文件</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="601" />
      <source>not a date; write it as {year}-10-01, {year}/10/1 or {year}年10月1日</source>
      <translation>不是日期；请写作 {year}-10-01、{year}/10/1 或 {year}年10月1日</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/fieldwork.py" line="143" />
      <source>not a grid code or prefix: {values} (give 15-digit grid codes, or 12-digit communities, 9-digit streets, 6-digit districts)</source>
      <translation>不是网格编码或编码前缀：{values}（请输入 15 位网格编码，或 12 位社区、9 位街道、6 位区县编码）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="815" />
      <source>not a role that reports cases; use one of {choices} (short or Chinese name), or leave it empty for any role</source>
      <translation>不是可以上报案件的角色；请使用 {choices}（英文简称或中文名），留空表示任何角色</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="1028" />
      <source>not a role; use one of {choices} (short or Chinese name)</source>
      <translation>不是角色；请使用 {choices}（英文简称或中文名）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/census.py" line="41" />
      <source>not active unit grids: {codes}</source>
      <translation>不是现行单元网格：{codes}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/cli.py" line="229" />
      <source>not connected</source>
      <translation>未连接</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/reports.py" line="137" />
      <source>not dispatched</source>
      <translation>未派遣</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/export.py" line="37" />
      <source>not enough memory to export {path} at {dpi} dpi: use a lower dpi</source>
      <translation>内存不足，无法以 {dpi} dpi 导出 {path}：请降低分辨率</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/patrol.py" line="722" />
      <source>not filed ({x:.1f}, {y:.1f}): {error}</source>
      <translation>未立案（{x:.1f}, {y:.1f}）：{error}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/leader.py" line="365" />
      <source>not overdue</source>
      <translation>未超期</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/patrolmaps.py" line="47" />
      <source>not visited by its supervisor</source>
      <translation>责任监督员未巡查</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/workform.py" line="657" />
      <source>not yet dispatched</source>
      <translation>尚未派遣</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="237" />
      <source>nothing</source>
      <translation>无</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_publication.py" line="165" />
      <source>nothing happened in {month}: the page says so and has no tables or map</source>
      <translation>{month}没有案件办理：网页对此作了说明，不含表格和地图</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/tables.py" line="37" />
      <source>nothing to write to {path}</source>
      <translation>没有可写入 {path} 的内容</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/departments.py" line="177" />
      <source>now {department}</source>
      <translation>现属 {department}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/patrol.py" line="780" />
      <source>now {state}</source>
      <translation>现为{state}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/patrol.py" line="779" />
      <source>now {state}, task of {login}</source>
      <translation>现为{state}，是 {login} 的任务</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="98" />
      <source>observed time {observed} is not plausible: it must lie between {days} days before the report and its time ({at}); check the handheld's clock</source>
      <translation>发现时间 {observed} 不合理：应在上报前 {days} 天以内、且不晚于上报时间（{at}）；请检查手持终端的时钟</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/publication.py" line="326" />
      <source>of the cases due for handling, those handled by their deadline.</source>
      <translation>应处置案件中，在处置时限内处置完毕的案件数。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/publication.py" line="330" />
      <source>of the cases registered in the month, the share closed on time.</source>
      <translation>本月立案的案件中，按期结案的比例。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/publication.py" line="320" />
      <source>of the cases registered in the month, those closed by the end of the month.</source>
      <translation>本月立案的案件中，截至月末已结案的案件数。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/publication.py" line="332" />
      <source>of the people who had reported a problem and were reached by a return visit after it was closed, the share satisfied or fairly satisfied with the handling.</source>
      <translation>案件结案后回访到的问题反映人中，对处置结果表示满意或基本满意的比例。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/labels.py" line="24" />
      <source>on-time handling rate by territory</source>
      <translation>按属地的按期处置率</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="304" />
      <source>one store per district, or make this store the city</source>
      <translation>每个区县一个数据库，或把此数据库设为市级平台</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="139" />
      <source>only a return visit with 不满意 reopens a case</source>
      <translation>只有“不满意”的回访才能重办案件</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="203" />
      <source>only an administrator may add or change Open311 client apps</source>
      <translation>只有管理员可以添加或修改 Open311 客户端应用</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="163" />
      <source>only an administrator may change the command manual</source>
      <translation>只有管理员可以修改指挥手册</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="808" />
      <source>only the store itself reports under {name} (the city's hand-overs); leave its role as it is</source>
      <translation>只有数据库自身以 {name} 来源上报（市级转办单）；请保留其上报角色不变</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="283" />
      <source>only the store's owner makes it a district or city platform</source>
      <translation>只有数据库所有者可以把它设为区级或市级平台</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/base.py" line="419" />
      <source>only {n} grids have cases in the window and filters ({window}); a hot spot analysis needs at least {minimum} — widen the window or the filters</source>
      <translation>在该时间窗口和筛选条件下（{window}）只有 {n} 个网格有案件；热点分析至少需要 {minimum} 个——请扩大时间窗口或放宽筛选条件</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="454" />
      <source>only {n} grids have cases in {month}; Gi* needs at least {minimum}</source>
      <translation>{month}只有 {n} 个网格有案件；Gi* 至少需要 {minimum} 个</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/hotspots.py" line="330" />
      <source>only {n} grids have data; Gi* needs at least {minimum}</source>
      <translation>只有 {n} 个网格有数据；Gi* 至少需要 {minimum} 个</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/hotspots.py" line="653" />
      <source>only {n} time slices; emerging hot spot analysis needs at least {minimum}: choose a longer window or shorter slices</source>
      <translation>只有 {n} 个时间切片；时空热点分析至少需要 {minimum} 个：请选择更长的时间范围或更短的切片</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/case_search.py" line="34" />
      <source>open cases</source>
      <translation>在办案件</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/qfieldcheck.py" line="107" />
      <source>open it in QGIS and save it again</source>
      <translation>在 QGIS 中打开并重新保存</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/labels.py" line="19" />
      <source>operators</source>
      <translation>受理员</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/report_dialog.py" line="270" />
      <source>or type a grid code (15 digits)</source>
      <translation>或输入网格编码（15 位）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/report_dialog.py" line="536" />
      <source>outside every grid</source>
      <translation>不在任何单元网格内</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_validatecomponents.py" line="25" />
      <source>outside every unit grid</source>
      <translation>不在任何单元网格内</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/case_queue.py" line="232" />
      <source>overdue only</source>
      <translation>仅显示超时</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/workflow.py" line="91" />
      <source>overdue {amount}</source>
      <translation>超时 {amount}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/gridcheck.py" line="512" />
      <source>overlaps</source>
      <translation>重叠</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/components.py" line="230" />
      <source>owner (权属单位)</source>
      <translation>权属单位</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_patrolsync.py" line="113" />
      <source>package {folder} refused: {error}</source>
      <translation>数据包 {folder} 被拒绝：{error}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/atlas.py" line="99" />
      <source>page name</source>
      <translation>页名</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/patrol.py" line="910" />
      <source>part from {start} not stored: {error}</source>
      <translation>自 {start} 起的轨迹段未存入：{error}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/grids.py" line="1551" />
      <source>partition cancelled</source>
      <translation>网格划分已取消</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/cli.py" line="156" />
      <source>password: </source>
      <translation>密码：</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/patrol.py" line="310" />
      <source>patrol package {folder} of {login}:</source>
      <translation>{login} 的巡查数据包 {folder}：</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/patrol.py" line="540" />
      <source>patrol package {id} of {login} is not registered in this store: build the package with citygrid:patrolpackage</source>
      <translation>{login} 的巡查数据包 {id} 未在本数据库登记：请用 citygrid:patrolpackage 生成数据包</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/patrol.py" line="167" />
      <source>patrol report</source>
      <translation>巡查上报</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/patrol.py" line="168" />
      <source>patrol track</source>
      <translation>巡查轨迹</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/indicators.py" line="46" />
      <source>period {start} – {end}, cut-off {as_of}</source>
      <translation>统计期 {start} 至 {end}，截止 {as_of}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/connections.py" line="49" />
      <source>pg_service '{name}'</source>
      <translation>pg_service“{name}”</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/settings_dialog.py" line="48" />
      <source>pg_service name</source>
      <translation>pg_service 名称</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcases.py" line="420" />
      <source>phone '{value}' is not a phone number (digits, + - ( ) and spaces, 3 to 40 characters)</source>
      <translation>电话“{value}”不是电话号码（数字、+ - ( ) 和空格，3 到 40 个字符）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/open311.py" line="491" />
      <source>phone '{value}' is not a phone number: digits, spaces, + - ( ) only</source>
      <translation>phone“{value}”不是电话号码：只能含数字、空格和 + - ( )</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/report_dialog.py" line="240" />
      <source>phone number to call back</source>
      <translation>回访电话</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/admin.py" line="708" />
      <source>phone {phone}: {problem}</source>
      <translation>电话 {phone}：{problem}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/classes.py" line="44" />
      <source>point</source>
      <translation>点</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/patrol.py" line="73" />
      <source>point {n} ({at})</source>
      <translation>第 {n} 点（{at}）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/patrol.py" line="75" />
      <source>point {n} has no time (M value): dropped</source>
      <translation>第 {n} 点没有时间（M 值）：已舍弃</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/kde.py" line="175" />
      <source>points must be an n × 2 array of x, y coordinates</source>
      <translation>点必须是 n × 2 的 x、y 坐标数组</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/classes.py" line="44" />
      <source>polygon</source>
      <translation>面</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/base.py" line="469" />
      <source>portrait</source>
      <translation>纵向</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="145" />
      <source>position accuracy {value} m is not plausible: 0 to 10000 metres</source>
      <translation>定位精度 {value} 米不合理：应为 0 到 10000 米</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/patrol.py" line="715" />
      <source>position accuracy {value} m is not plausible: filed without it</source>
      <translation>定位精度 {value} 米不合理：立案时未记录精度</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/connections.py" line="50" />
      <source>private cluster database '{name}'</source>
      <translation>内置数据库集群中的数据库“{name}”</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_patrolsync.py" line="122" />
      <source>problem: {text}</source>
      <translation>问题：{text}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/publication.py" line="314" />
      <source>problems of city management reported in the month, through every channel: supervisors on patrol, the hotlines and reports by the public.</source>
      <translation>本月通过各种渠道上报的城市管理问题数，包括监督员巡查发现、热线电话受理和市民举报。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/codes.py" line="362" />
      <source>profile {profile} does not match the class table (profile {table})</source>
      <translation>标准 {profile} 与分类表（{table} 标准）不一致</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/report_dialog.py" line="298" />
      <source>proposed from the map; edit as needed</source>
      <translation>根据地图自动建议，可修改</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/qfieldcheck.py" line="201" />
      <source>put its file into the package folder, or remove the layer</source>
      <translation>把它的文件放进数据包文件夹，或删除该图层</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/base.py" line="461" />
      <source>quantiles</source>
      <translation>分位数分级</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periods.py" line="175" />
      <source>quarter {quarter} does not exist (a quarter is 1 to 4)</source>
      <translation>不存在第 {quarter} 季度（季度为 1 到 4）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_hotspots.py" line="62" />
      <source>quartic</source>
      <translation>四次核</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/reporttext.py" line="129" />
      <source>rates in %, empty where nothing was due; composite score = {formula}</source>
      <translation>比率单位为 %，无应处置案件时为空；综合得分 = {formula}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/reports.py" line="158" />
      <source>rates in %; a rate with nothing due is empty; the drill-down lists the cases due for handling</source>
      <translation>比率单位为 %；没有应处置案件时比率为空；钻取列出应处置案件</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_monthlyreport.py" line="178" />
      <source>rates in %; changes of rates in percentage points (pp)</source>
      <translation>比率单位为 %；比率的环比变化以百分点计</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_hotspots.py" line="67" />
      <source>raw</source>
      <translation>原始值</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/cli.py" line="229" />
      <source>reading now</source>
      <translation>正在读取</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="127" />
      <source>reassign names the supervisor who takes the task (a supervisor's login); {who} is not one</source>
      <translation>改派须指定接手的监督员（监督员的登录名）；{who} 不是监督员</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/patrol.py" line="773" />
      <source>reassigned it to {login}</source>
      <translation>改派给 {login}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/manual_view.py" line="48" />
      <source>registration</source>
      <translation>立案</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/qfieldcheck.py" line="261" />
      <source>remove the Python init code (Layer Properties ▸ Attributes Form ▸ Python Init Code)</source>
      <translation>删除 Python 初始化代码（图层属性 ▸ 属性表单 ▸ Python 初始化代码）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/qfieldcheck.py" line="273" />
      <source>remove them (Layer Properties ▸ Actions)</source>
      <translation>删除这些动作（图层属性 ▸ 动作）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/qfieldcheck.py" line="185" />
      <source>remove them (Project ▸ Properties ▸ Macros)</source>
      <translation>删除宏（工程 ▸ 属性 ▸ 宏）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="515" />
      <source>remove {subject} ({old})</source>
      <translation>删除 {subject}（{old}）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/manual.py" line="296" />
      <source>removed</source>
      <translation>删除</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="137" />
      <source>reopen is true or false</source>
      <translation>重办只能为是或否</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/base.py" line="577" />
      <source>replace: the file becomes the whole table</source>
      <translation>替换：文件成为完整的表</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/platform.py" line="268" />
      <source>replication slot {slot} on this server belongs to database {db}: another link of the same district code; one server holds one link per district code (unlink the other first)</source>
      <translation>此服务器上的复制槽 {slot} 属于数据库 {db}：同一区县代码的另一个连接；一台服务器上每个区县代码只能有一个连接（请先断开另一个）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/case_search.py" line="90" />
      <source>reported from</source>
      <translation>上报日期</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/publication.py" line="318" />
      <source>reported problems confirmed and registered as cases in the month; these are due to be closed.</source>
      <translation>本月经核实确认并立案的问题数，即应结案的案件数。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcases.py" line="423" />
      <source>reporter name longer than {n} characters</source>
      <translation>反映人姓名超过 {n} 个字符</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/coverage.py" line="162" />
      <source>reports he filed and how many were registered; verifications and checks he made, on time as the store recorded them; coverage = his grids visited / his grids, over the days he patrolled</source>
      <translation>本人上报数及其中立案数；本人核实、核查数及按期数（以库记录的判定为准）；覆盖率 = 巡查日已巡查责任网格数 / 责任网格数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_open311.py" line="245" />
      <source>request {id}: {what}</source>
      <translation>请求 {id}：{what}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/open311.py" line="415" />
      <source>request {number}</source>
      <translation>第 {number} 条请求</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/open311.py" line="414" />
      <source>request {number} (id {id})</source>
      <translation>第 {number} 条请求（编号 {id}）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/open311.py" line="411" />
      <source>request {number}: not a request</source>
      <translation>第 {number} 条：不是请求</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/open311.py" line="338" />
      <source>requested_datetime is missing</source>
      <translation>缺少 requested_datetime</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/sync.py" line="216" />
      <source>resolved: the package's version kept</source>
      <translation>已裁决：保留数据包中的版本</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/sync.py" line="212" />
      <source>resolved: the store's version kept</source>
      <translation>已裁决：保留数据库中的版本</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_roles.py" line="116" />
      <source>responsibility grids are a supervisor's: choose the role Supervisor or leave GRIDS empty</source>
      <translation>责任网格属于监督员：请选择角色“监督员”，或将 GRIDS 留空</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/admin.py" line="538" />
      <source>responsibility grids of {login} not saved: {{error}}</source>
      <translation>{login} 的责任网格未保存：{{error}}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/components.py" line="229" />
      <source>responsible department (主管部门)</source>
      <translation>主管部门</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/backup.py" line="129" />
      <source>restore failed, nothing was restored: role {role} does not exist on this server; create the roles first (pg_dumpall --roles-only on the old server, then psql on this one)</source>
      <translation>恢复失败，未恢复任何内容：本服务器上没有角色 {role}；请先创建角色（在原服务器上运行 pg_dumpall --roles-only，再在本服务器上用 psql 导入）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/backup.py" line="132" />
      <source>restore failed, nothing was restored: {error}</source>
      <translation>恢复失败，未恢复任何内容：{error}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/cli.py" line="66" />
      <source>restored into {target}: store version {version}, EPSG:{srid}</source>
      <translation>已恢复到 {target}：数据库版本 {version}，EPSG:{srid}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/fieldwork.py" line="644" />
      <source>retired in the store</source>
      <translation>已在数据库中注销</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/sync.py" line="219" />
      <source>retired in the store; a retired component cannot be revived: record it again as a new feature</source>
      <translation>该部件已在数据库中注销；注销的部件不能恢复：请作为新要素重新采集</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/manual_view.py" line="50" />
      <source>return visit</source>
      <translation>回访</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/qfieldcheck.py" line="361" />
      <source>rewrite it with QGIS's own functions (no Python or Processing functions)</source>
      <translation>用 QGIS 自带的函数改写（不用 Python 或 Processing 函数）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/qfieldcheck.py" line="365" />
      <source>rewrite it without that variable</source>
      <translation>改写表达式，不用该变量</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/roles.py" line="72" />
      <source>roles not set up: {error} (run as the store owner with the CREATEROLE privilege)</source>
      <translation>角色未设置：{error}（请以具有 CREATEROLE 权限的数据库所有者身份运行）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/admin.py" line="741" />
      <source>roster entry #{id} does not exist (deleted meanwhile?)</source>
      <translation>一格六员人员 #{id} 不存在（可能已被删除）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/admin.py" line="746" />
      <source>roster entry not deleted: {error}</source>
      <translation>一格六员人员未删除：{error}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/admin.py" line="755" />
      <source>roster not saved: {error}</source>
      <translation>一格六员未保存：{error}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/admin.py" line="726" />
      <source>roster of grid {grid} not saved: {{error}}</source>
      <translation>网格 {grid} 的一格六员未保存：{{error}}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/admin.py" line="205" />
      <source>routing rule #{id} does not exist (deleted meanwhile?)</source>
      <translation>派遣规则 #{id} 不存在（已被他人删除？）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/admin.py" line="234" />
      <source>routing rule not deleted: {error}</source>
      <translation>派遣规则未删除：{error}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/admin.py" line="213" />
      <source>routing rule not saved: {error}</source>
      <translation>派遣规则未保存：{error}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/admin.py" line="222" />
      <source>routing rules not saved: {error}</source>
      <translation>派遣规则未保存：{error}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="1051" />
      <source>row {other} already gives {action} to this role; keep one of the two rows</source>
      <translation>第 {other} 行已把{action}授予该角色；请只保留其中一行</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/roster.py" line="130" />
      <source>row {other} gives the same person for this grid and duty; keep one of the two rows</source>
      <translation>第 {other} 行已给出此网格、此职责的同一人；两行只保留一行</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="714" />
      <source>row {other} gives {area} to {first}, this row to {second}: one department per area; delete one of the two rows</source>
      <translation>第 {other} 行把 {area} 给了 {first}，本行给了 {second}：一个区域只属于一个部门；请删除其中一行</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="926" />
      <source>row {other} names major class {major} “{first}”; one name per major class</source>
      <translation>第 {other} 行把大类 {major} 命名为“{first}”；一个大类只有一个名称</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="490" />
      <source>row {other} routes the same class ({kind} {code}) in the same area ({area}) to {first}, this row to {second}: one department per class and area; delete one of the two rows</source>
      <translation>第 {other} 行把同一类别（{kind} {code}）在同一区域（{area}）派给 {first}，本行派给 {second}：同一类别同一区域只派给一个部门；请删除其中一行</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/manualsheet.py" line="145" />
      <source>row {row}</source>
      <translation>第 {row} 行</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/report.py" line="294" />
      <source>rows {rows} of the table '{title}' do not have {n} values, one per header</source>
      <translation>表格“{title}”的第 {rows} 行不是 {n} 个值（每个表头一个）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/admin.py" line="193" />
      <source>rule #{id} already sends this class in this area to {dept}; change that rule instead of adding another</source>
      <translation>规则 #{id} 已将此区域的此类案件派往 {dept}；请修改该规则，而不是再加一条</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="546" />
      <source>rule {kind} {code} {name} in {area}</source>
      <translation>派遣规则 {kind} {code} {name}（{area}）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/qfieldcheck.py" line="209" />
      <source>save it into the package's GeoPackage</source>
      <translation>把它保存到数据包的 GeoPackage 中</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/qfieldcheck.py" line="166" />
      <source>save it with relative paths (Project ▸ Properties ▸ General ▸ Save paths: relative)</source>
      <translation>改为保存相对路径（工程 ▸ 属性 ▸ 常规 ▸ 保存路径：相对）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_fieldpackage.py" line="340" />
      <source>save or discard the edits of {layers} before the sync</source>
      <translation>同步前请保存或放弃 {layers} 的编辑</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/qfieldcheck.py" line="243" />
      <source>save the project with relative paths</source>
      <translation>以相对路径保存工程</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_hotspots.py" line="67" />
      <source>scaled</source>
      <translation>缩放值</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/evaluation.py" line="548" />
      <source>score weights must be zero or more and not all zero</source>
      <translation>得分权重不能为负数，也不能全部为零</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/case_detail.py" line="154" />
      <source>seen {at}</source>
      <translation>发现于 {at}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/maptools/grid_edit.py" line="52" />
      <source>select at least two adjacent grids to merge</source>
      <translation>请选择至少两个相邻的网格进行合并</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/open311/server.py" line="181" />
      <source>send the request as a form (application/x-www-form-urlencoded)</source>
      <translation>请以表单方式提交（application/x-www-form-urlencoded）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/open311.py" line="468" />
      <source>service_code '{value}' is not a service of this city (see services.json)</source>
      <translation>service_code“{value}”不是本市的服务（见 services.json）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/open311.py" line="321" />
      <source>service_code is missing</source>
      <translation>缺少 service_code</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/open311.py" line="466" />
      <source>service_code is required</source>
      <translation>必须提供 service_code</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/open311.py" line="313" />
      <source>service_request_id '{value}' must be 1 to 64 letters, digits, '.', '_', ':' or '-'</source>
      <translation>service_request_id“{value}”须为 1 至 64 个字母、数字、“.”、“_”、“:”或“-”</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/open311.py" line="311" />
      <source>service_request_id is missing</source>
      <translation>缺少 service_request_id</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/open311/server.py" line="209" />
      <source>services are read-only</source>
      <translation>服务列表只读</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_roles.py" line="143" />
      <source>set</source>
      <translation>已设置</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/qfieldcheck.py" line="251" />
      <source>set the layer's CRS (the store's)</source>
      <translation>设置图层的坐标参照系（与数据库一致）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/qfieldcheck.py" line="178" />
      <source>set the store's CRS (Project ▸ Properties ▸ CRS)</source>
      <translation>设置为数据库的坐标参照系（工程 ▸ 属性 ▸ 坐标参照系）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/qfieldcheck.py" line="403" />
      <source>set the tracking measurement to Timestamp (Layer Properties ▸ QField ▸ Tracking)</source>
      <translation>把轨迹的测量值设为时间戳（图层属性 ▸ QField ▸ 轨迹）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/workform.py" line="434" />
      <source>set when dispatched</source>
      <translation>派遣后计算</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/admin.py" line="326" />
      <source>setting {key} not saved: {{error}}</source>
      <translation>设置 {key} 未保存：{{error}}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/labels.py" line="20" />
      <source>shift leaders</source>
      <translation>值班长</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/manual.py" line="277" />
      <source>situation {name}</source>
      <translation>情形 {name}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/manual.py" line="276" />
      <source>situation {name} · note</source>
      <translation>情形 {name} · 说明</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/manual.py" line="274" />
      <source>situation {name} · {stage} time limit</source>
      <translation>情形 {name} · {stage}时限</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/grids.py" line="263" />
      <source>sliver width must not be negative, got {value}</source>
      <translation>狭长碎片宽度不能为负数，实际为 {value}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/gridcheck.py" line="522" />
      <source>small grids sharing no edge with their community's other grids</source>
      <translation>与本社区其他网格没有公共边的小网格</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/grids.py" line="265" />
      <source>snap tolerance must not be negative, got {value}</source>
      <translation>捕捉容差不能为负数，实际为 {value}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/atlas.py" line="100" />
      <source>sort</source>
      <translation>排序</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcases.py" line="369" />
      <source>source '{value}' is not a channel of the store; use one of: {names}</source>
      <translation>来源“{value}”不是库中的案件来源；请使用以下之一：{names}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="837" />
      <source>source {name}</source>
      <translation>来源 {name}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="115" />
      <source>source {source} is for a {role}'s own report; you are not a {role}: choose the channel the report came through</source>
      <translation>来源“{source}”只用于{role}本人上报；您不是{role}：请选择实际的问题来源渠道</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/hotspots.py" line="359" />
      <source>spatial weights must be finite and not negative</source>
      <translation>空间权重必须是有限值且不能为负</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/reports.py" line="127" />
      <source>state at the cut-off of the cases reported in the period</source>
      <translation>统计期内上报案件在截止时刻的状态</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/components.py" line="163" />
      <source>state must be one of 完好, 破损, 丢失, 占用</source>
      <translation>状态必须是 完好、破损、丢失、占用 之一</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/open311.py" line="318" />
      <source>status '{value}' is neither open nor closed</source>
      <translation>状态“{value}”既不是 open 也不是 closed</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcases.py" line="194" />
      <source>store CRS (a layer: its own CRS)</source>
      <translation>库坐标系（图层：图层自身坐标系）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/qfieldcheck.py" line="299" />
      <source>store paths relative to the project (attachment widget ▸ Relative path: project path)</source>
      <translation>保存相对于工程的路径（附件控件 ▸ 相对路径：工程路径）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/qfieldcheck.py" line="303" />
      <source>store the files in the package folder</source>
      <translation>把文件保存在数据包文件夹中</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/qfieldcheck.py" line="222" />
      <source>stored as {storage}, not in a GeoPackage</source>
      <translation>存储格式为 {storage}，不在 GeoPackage 中</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/cli.py" line="246" />
      <source>streaming</source>
      <translation>同步中</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/case_queue.py" line="206" />
      <source>street / community / grid code</source>
      <translation>街道 / 社区 / 网格编码</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/codes.py" line="139" />
      <source>street code</source>
      <translation>街道编码</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/codes.py" line="141" />
      <source>street code '000' is not a street or town; streets are numbered from 001</source>
      <translation>街道编码“000”不代表任何街道或乡镇；街道从 001 开始编号</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/evaluation.py" line="204" />
      <source>street or community code (empty: the whole store)</source>
      <translation>街道或社区代码（留空：整个数据库）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/departments.py" line="116" />
      <source>street or community: name or code</source>
      <translation>街道或社区：名称或代码</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/labels.py" line="18" />
      <source>streets</source>
      <translation>街道</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/publication.py" line="341" />
      <source>streets by on-time handling rate, departments by composite score, highest first; rows showing the same figure share a rank; a row without the figure has no rank.</source>
      <translation>街道按按期处置率排名，专业部门按综合得分排名，由高到低；数值相同的名次并列；没有该项数值的不参与排名。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/open311.py" line="291" />
      <source>superuser</source>
      <translation>超级用户</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/labels.py" line="19" />
      <source>supervisors</source>
      <translation>监督员</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/themes.py" line="231" />
      <source>surveyed ({n} grids)</source>
      <translation>已普查（{n} 个网格）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_validatecomponents.py" line="23" />
      <source>suspected duplicates</source>
      <translation>疑似重复</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/fieldwork.py" line="555" />
      <source>sync failed, nothing was written to the store and the package is unchanged: {error}</source>
      <translation>同步失败，数据库未写入任何内容，数据包未改动：{error}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/report_dialog.py" line="719" />
      <source>taken {at}</source>
      <translation>拍摄于 {at}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/platform.py" line="470" />
      <source>taking the city's hand-overs failed</source>
      <translation>接收市级转办单失败</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/grids.py" line="258" />
      <source>target area must be positive, got {value}</source>
      <translation>目标面积必须为正数，实际为 {value}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/patrol.py" line="317" />
      <source>task layer: {added} tasks added, {removed} removed, {kept} with a verdict kept for the next sync</source>
      <translation>任务图层：新增任务 {added} 条，移除 {removed} 条，保留 {kept} 条已填结论待下次同步</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/patrol.py" line="167" />
      <source>task verdict</source>
      <translation>现场结论</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/admin.py" line="141" />
      <source>territories not saved: {error}</source>
      <translation>属地范围未保存：{error}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/admin.py" line="130" />
      <source>territories of {code} not saved: {{error}}</source>
      <translation>{code} 的属地范围未保存：{{error}}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="736" />
      <source>territory {area}</source>
      <translation>属地 {area}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/admin.py" line="119" />
      <source>territory {area} belongs to department {other} already; one department per area: take it away there first</source>
      <translation>属地范围 {area} 已属于部门 {other}；一个区域只属于一个部门：请先在那里移除</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/admin.py" line="113" />
      <source>territory {area} is not a street (9 digits: district + street) or a community (12 digits)</source>
      <translation>属地范围 {area} 不是街道（9 位：区 + 街道）或社区（12 位）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="211" />
      <source>the API key is not valid or its app is disabled</source>
      <translation>API 密钥无效，或其应用已停用</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcomponents.py" line="195" />
      <source>the CSV has no X/Y columns (columns: {columns}); choose them in the parameters</source>
      <translation>CSV 中没有 X/Y 列（现有列：{columns}）；请在参数中指定</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/open311.py" line="109" />
      <source>the CityGrid roles are not set up in this server (missing {roles}); run “Set up store roles” first</source>
      <translation>此服务器尚未设置 CityGrid 角色（缺少 {roles}）；请先运行“设置数据库角色与权限”</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/open311.py" line="283" />
      <source>the Open311 service cannot check its login: {error}</source>
      <translation>Open311 服务无法检查其登录名：{error}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/open311.py" line="139" />
      <source>the Open311 service is not set up in this store: {error}</source>
      <translation>本库未配置 Open311 服务：{error}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/open311.py" line="372" />
      <source>the XML file declares a document type or entities; a GeoReport file has none</source>
      <translation>该 XML 文件声明了文档类型或实体；GeoReport 文件不含这些</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="1023" />
      <source>the action is one of {choices}</source>
      <translation>事项为以下之一：{choices}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="91" />
      <source>the address has {n} characters; at most 500: shorten it</source>
      <translation>地址有 {n} 个字符，最多 500：请缩短</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/themes.py" line="260" />
      <source>the algorithm citygrid:hotspots is not available: reinstall or re-enable the CityGrid plugin</source>
      <translation>算法 citygrid:hotspots 不可用：请重新安装或重新启用 CityGrid 插件</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/atlas.py" line="97" />
      <source>the atlas coverage layer '{name}' must be a valid layer with geometries (e.g. the streets)</source>
      <translation>图集覆盖图层“{name}”必须是有效且带几何的图层（如街道）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/atlas.py" line="160" />
      <source>the atlas has no pages: no feature of '{layer}' matches the filter {filter}</source>
      <translation>图集没有页面：“{layer}”中没有要素符合筛选条件 {filter}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/export.py" line="39" />
      <source>the atlas of {path} could not be prepared: check its coverage layer and expressions</source>
      <translation>无法准备 {path} 的图集：请检查覆盖图层和表达式</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/basemap.py" line="81" />
      <source>the base map needs a source file name</source>
      <translation>底图需要源文件名</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/patrol.py" line="781" />
      <source>the case is no longer visible</source>
      <translation>该案件已无法查看</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/publication.py" line="343" />
      <source>the cases of the rows above, each counted once; its rates are the rates of those cases.</source>
      <translation>上列各行案件的合计，同一案件只计一次；合计行的比率按合计案件数计算，不是各行比率的平均值。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/platform.py" line="209" />
      <source>the city</source>
      <translation>市级平台</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/platform.py" line="438" />
      <source>the city's copy of district {code}</source>
      <translation>市级平台对区县 {code} 的复制</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/platform.py" line="193" />
      <source>the city's store</source>
      <translation>市级数据库</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/platform.py" line="200" />
      <source>the city's store is not the city platform: run `./citygrid platform init city CODE NAME` on it first</source>
      <translation>市级数据库还不是市级平台：请先在其上运行 `./citygrid platform init city 代码 名称`</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="235" />
      <source>the column is missing; the header row has {found}; name the column {names}</source>
      <translation>缺少该列；表头行为 {found}；请把该列命名为 {names}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/manualsheet.py" line="412" />
      <source>the column is there twice; keep one</source>
      <translation>此列出现了两次，请只保留一列</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/routing.py" line="51" />
      <source>the command manual</source>
      <translation>指挥手册</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/manual.py" line="94" />
      <source>the command manual has no version {version}</source>
      <translation>指挥手册没有第 {version} 版</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/manual.py" line="126" />
      <source>the command manual was not changed: {error}</source>
      <translation>指挥手册未修改：{error}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_manual.py" line="173" />
      <source>the command manual was not imported, nothing was changed: {error}</source>
      <translation>指挥手册未导入，未作任何修改：{error}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/fieldwork.py" line="622" />
      <source>the component changed in the store during the sync; run the sync again</source>
      <translation>同步期间该部件在数据库中被修改；请重新同步</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/routing.py" line="51" />
      <source>the component's owner</source>
      <translation>属主</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/db.py" line="95" />
      <source>the connection to the store was lost ({error}): nothing was changed (the server rolls an unfinished transaction back); reconnect and try again</source>
      <translation>与数据库的连接已断开（{error}）：未做任何更改（服务器会回滚未完成的事务）；请重新连接后再试</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/db.py" line="145" />
      <source>the connection to the store was lost while committing ({error}): the change may or may not have been saved; look in the store before trying again</source>
      <translation>提交时与数据库的连接断开（{error}）：更改可能已保存，也可能未保存；请先在数据库中核对，再决定是否重试</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="606" />
      <source>the date is not in {year}, the year being imported; correct it or import it with the calendar of {other}</source>
      <translation>该日期不在正在导入的 {year} 年；请改正，或随 {other} 年的日历导入</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/calendar.py" line="312" />
      <source>the days of {year} ({n} set)</source>
      <translation>{year} 年日历（{n} 天）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/kde.py" line="140" />
      <source>the decay ratio must be a number, got {value}</source>
      <translation>衰减比必须是数值，实际为 {value}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/manualsheet.py" line="620" />
      <source>the default {which} limits of {kind} are given already (row {first}): keep one row</source>
      <translation>{kind}的默认{which}时限已经填写（第 {first} 行）：请只保留一行</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="68" />
      <source>the department is given by its code (text)</source>
      <translation>专业部门应以部门编码（文本）指定</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="362" />
      <source>the department is not active; choose an active one or activate it first</source>
      <translation>该部门已停用；请选择启用的部门，或先启用它</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="87" />
      <source>the description has {n} characters; at most 4000: shorten it</source>
      <translation>问题描述有 {n} 个字符，最多 4000：请缩短</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/hotspots.py" line="237" />
      <source>the distance band must be a positive distance in metres, got {band}</source>
      <translation>距离阈值必须是以米为单位的正数，实际为 {band}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/platform.py" line="193" />
      <source>the district's store</source>
      <translation>区县数据库</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/platform.py" line="194" />
      <source>the district's store ({target}) is at store version {dv}, the city's at {cv}: their tables differ, so nothing is linked; upgrade {older} first (`./citygrid store upgrade`)</source>
      <translation>区县数据库（{target}）的版本为 {dv}，市级数据库为 {cv}：两者的表结构不同，未做任何连接；请先升级{older}（`./citygrid store upgrade`）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/roster.py" line="111" />
      <source>the duty is one of {duties}</source>
      <translation>职责须为 {duties} 之一</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/export.py" line="41" />
      <source>the export of {path} was cancelled</source>
      <translation>{path} 的导出已取消</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/kde.py" line="207" />
      <source>the extent must be (xmin, ymin, xmax, ymax) with xmin &lt;= xmax and ymin &lt;= ymax</source>
      <translation>范围必须为 (xmin, ymin, xmax, ymax)，且 xmin &lt;= xmax、ymin &lt;= ymax</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="235" />
      <source>the external id {id} is not usable: 1 to 100 characters</source>
      <translation>外部编号 {id} 不可用：长度应为 1 至 100 个字符</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="259" />
      <source>the file holds no rows under its header; nothing to apply</source>
      <translation>文件表头下没有数据行；没有可导入的内容</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/xlsx.py" line="421" />
      <source>the file holds no workbook part; it is not an .xlsx workbook</source>
      <translation>文件中没有工作簿部分，不是 .xlsx 工作簿</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/open311.py" line="406" />
      <source>the file is an error response, not requests: {errors}</source>
      <translation>该文件是错误响应，不是请求：{errors}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/open311.py" line="362" />
      <source>the file is not JSON: {error}</source>
      <translation>该文件不是 JSON：{error}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/open311.py" line="376" />
      <source>the file is not well-formed XML: {error}</source>
      <translation>该文件不是格式正确的 XML：{error}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="251" />
      <source>the file {name} is not a JPEG or PNG photo: choose a photo (.jpg or .png)</source>
      <translation>文件 {name} 不是 JPEG 或 PNG 照片：请选择照片（.jpg 或 .png）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/manualsheet.py" line="296" />
      <source>the folder of {path} does not exist</source>
      <translation>{path} 所在的文件夹不存在</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/components.py" line="191" />
      <source>the geometry cannot be read: </source>
      <translation>无法读取几何图形：</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/components.py" line="198" />
      <source>the geometry is in EPSG:%s, not in the store's EPSG:%s; reproject it first</source>
      <translation>几何图形的坐标系是 EPSG:%s，而不是数据库的 EPSG:%s；请先进行投影转换</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/maptools/grid_edit.py" line="24" />
      <source>the grid layer cannot be edited (read-only connection?)</source>
      <translation>网格图层无法编辑（连接为只读？）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_fieldpackage.py" line="106" />
      <source>the grid layer has no field '{field}'</source>
      <translation>网格图层没有字段 '{field}'</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="269" />
      <source>the hand-over at ({x}, {y}) lies outside the unit grids of district {code} ({name}) and of every linked district</source>
      <translation>转办位置 ({x}, {y}) 不在区县 {code}（{name}）的单元网格内，也不在任何已连接区县的网格内</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="265" />
      <source>the hand-over at ({x}, {y}) lies outside the unit grids of district {code} ({name}); it lies in district {other}</source>
      <translation>转办位置 ({x}, {y}) 不在区县 {code}（{name}）的单元网格内；它位于区县 {other}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/kde.py" line="217" />
      <source>the heatmap would have {rows} × {cols} pixels: use a larger pixel size (at least {suggested} map units)</source>
      <translation>热力图将有 {rows} × {cols} 个像元：请使用更大的像元大小（至少 {suggested} 个地图单位）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/themes.py" line="269" />
      <source>the hot spot analysis failed; see the log above</source>
      <translation>热点分析失败；请查看上方日志</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/themes.py" line="272" />
      <source>the hot spot analysis wrote no layer; see the log above</source>
      <translation>热点分析没有输出图层；请查看上方日志</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/report_dialog.py" line="253" />
      <source>the hotline's work-order number, if it has one (optional)</source>
      <translation>热线平台的工单编号（如有，可选）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_workform.py" line="123" />
      <source>the id field of {layer} holds a value that is not a case id ({error})</source>
      <translation>图层 {layer} 的 id 字段中有不是案卷 id 的值（{error}）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/open311.py" line="417" />
      <source>the id is already used by request {number}</source>
      <translation>该编号已被第 {number} 条请求使用</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/columns.py" line="64" />
      <source>the input has no column '{column}' (columns: {columns})</source>
      <translation>输入中没有列“{column}”（现有列：{columns}）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcases.py" line="349" />
      <source>the input has no column for {params} (columns: {columns}); name them in these parameters</source>
      <translation>输入中找不到 {params} 对应的列（现有列：{columns}）；请在这些参数中指定列名</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcases.py" line="352" />
      <source>the input has no source column (columns: {columns}); choose it, or give the source of every row (e.g. 12345热线)</source>
      <translation>输入中没有来源列（现有列：{columns}）；请指定来源列，或给出所有行的来源（如 12345热线）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="66" />
      <source>the inputs of an action are a JSON object, got {got}</source>
      <translation>操作的输入应为 JSON 对象，收到的是 {got}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_coverage.py" line="101" />
      <source>the last day ({last}) is before the first ({first})</source>
      <translation>结束日期（{last}）早于起始日期（{first}）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/qfieldcheck.py" line="200" />
      <source>the layer cannot be opened ({error})</source>
      <translation>图层无法打开（{error}）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/qfieldcheck.py" line="272" />
      <source>the layer has actions ({names}); QField runs none</source>
      <translation>图层定义了动作（{names}）；QField 不运行动作</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/qfieldcheck.py" line="250" />
      <source>the layer has no coordinate reference system</source>
      <translation>图层没有坐标参照系</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/qfieldcheck.py" line="211" />
      <source>the layer reads from a server ({provider}); the handheld works offline, without the store or its passwords</source>
      <translation>图层从服务器读取数据（{provider}）；手持终端离线工作，无法连接数据库，也没有密码</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_workform.py" line="108" />
      <source>the layer {layer} has neither an id nor a case_no field: give a layer of cases (e.g. the store's open cases) or type the case numbers</source>
      <translation>图层 {layer} 既没有 id 字段也没有 case_no 字段：请给出案卷图层（如库中的在办案卷）或填写案卷编号</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/thematic.py" line="85" />
      <source>the layers {names} have no features to frame the map: pass extent= or add data</source>
      <translation>图层 {names} 没有要素，无法确定地图范围：请传入 extent= 或添加数据</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/export.py" line="122" />
      <source>the layout '{name}' has no page to export</source>
      <translation>版式“{name}”没有可导出的页面</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/templates.py" line="398" />
      <source>the layout template {path} has no page: save it again from QGIS's layout designer</source>
      <translation>版式模板 {path} 没有页面：请在 QGIS 版式设计器中重新保存</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/templates.py" line="343" />
      <source>the layout template {path} is not valid XML: restore it from the plugin or save it again from QGIS's layout designer</source>
      <translation>版式模板 {path} 不是有效的 XML：请从插件中恢复，或在 QGIS 版式设计器中重新保存</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/templates.py" line="352" />
      <source>the layout template {path} lacks the items {ids}: give them these ids in the layout designer (Item Properties ▸ Item ID)</source>
      <translation>版式模板 {path} 缺少元素 {ids}：请在版式设计器中为相应元素设置这些 ID（元素属性 ▸ 元素 ID）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/maptools/grid_edit.py" line="43" />
      <source>the line does not cut any grid in two; draw it fully across the grid</source>
      <translation>这条线没有把任何网格分成两部分；请让它完整横穿网格</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="1038" />
      <source>the longest extension is a number of hours above 0 and at most {most}; leave it empty for any length</source>
      <translation>最长延期为大于 0、不超过 {most} 的小时数；留空表示不限</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/manualsheet.py" line="290" />
      <source>the manual goes to an .xlsx or .csv file, not {path}: change the file name</source>
      <translation>指挥手册应导出为 .xlsx 或 .csv 文件，而不是 {path}：请修改文件名</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_manual.py" line="106" />
      <source>the manual goes to an .xlsx or .csv file, not {path}: change the output file name</source>
      <translation>指挥手册应导出为 .xlsx 或 .csv 文件，而不是 {path}：请修改输出文件名</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/manualsheet.py" line="646" />
      <source>the manual has no default limits (sheet 默认时限, or CSV rows with 类别代码 默认): every class without its own limit takes them; give them (export the manual to see them)</source>
      <translation>指挥手册没有默认时限（“默认时限”表，或 CSV 中类别代码为“默认”的行）：没有自己时限的类别都用默认时限；请填写（可先导出指挥手册查看格式）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/manualsheet.py" line="159" />
      <source>the manual has {n} problems; nothing is imported: correct them all and import again</source>
      <translation>指挥手册有 {n} 处问题，未导入任何内容：请全部改正后重新导入</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/base.py" line="482" />
      <source>the map goes to a .pdf or .png file, not {path}: change the output file name</source>
      <translation>专题图只能输出为 .pdf 或 .png 文件，不能是 {path}：请修改输出文件名</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/kde.py" line="163" />
      <source>the moments method needs a polynomial kernel, one radius and non-negative weights: use method 'direct' or 'auto'</source>
      <translation>矩方法需要多项式核、统一半径和非负权重：请使用 'direct' 或 'auto' 方法</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="726" />
      <source>the month columns give each month's rank; + moved up, − moved down</source>
      <translation>各月列为当月排名；+ 为上升，− 为下降</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/evaluation.py" line="630" />
      <source>the month must be written YYYY-MM (e.g. 2026-11), got '{text}'</source>
      <translation>月份的写法是 YYYY-MM（例如 2026-11），当前为“{text}”</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="143" />
      <source>the months of a review must follow each other: {first} is followed by {second}</source>
      <translation>点评的各月必须连续：{first}之后是{second}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="839" />
      <source>the months' hot grids classified by the emerging hot spot rules without a trend test (the emerging hot spot analysis could not run: {reason})</source>
      <translation>按时空热点规则对各月热点网格分类，不做趋势检验（无法进行时空热点分析：{reason}）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="918" />
      <source>the name is already used in row {other}; class names are unique</source>
      <translation>该名称已在第 {other} 行使用；分类名称不得重复</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/hotspots.py" line="260" />
      <source>the neighbour pair ({i}, {j}) refers to a grid outside 0..{last}</source>
      <translation>相邻对 ({i}, {j}) 引用了 0..{last} 以外的网格</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/hotspots.py" line="656" />
      <source>the neighbourhood time step must be a whole number from 0 to {last}, got {step}</source>
      <translation>邻域时间步长必须是 0 到 {last} 之间的整数，实际为 {step}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/staff.py" line="208" />
      <source>the new login's password</source>
      <translation>新登录名的密码</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="85" />
      <source>the note has {n} characters; at most 4000: shorten it</source>
      <translation>备注有 {n} 个字符，最多 4000：请缩短</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/hotspots.py" line="153" />
      <source>the number of grids and of time slices must be positive whole numbers, got {size}</source>
      <translation>网格数和时间切片数必须是正整数，实际为 {size}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/hotspots.py" line="256" />
      <source>the number of grids must be a positive whole number, got {n}</source>
      <translation>网格数必须是正整数，实际为 {n}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/hotspots.py" line="209" />
      <source>the number of neighbours K must be a positive whole number, got {k}</source>
      <translation>近邻数 K 必须是正整数，实际为 {k}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/grids.py" line="1530" />
      <source>the number of worker processes must be 0 (every core) or more, got {value}</source>
      <translation>工作进程数必须为 0（使用全部核心）或更大，实际为 {value}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="800" />
      <source>the order is a whole number (smaller first)</source>
      <translation>顺序为整数（小的在前）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/fieldwork.py" line="551" />
      <source>the package is in EPSG:{package} but the store in EPSG:{store}: it comes from another store</source>
      <translation>数据包坐标系为 EPSG:{package}，而数据库为 EPSG:{store}：它来自另一个数据库</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/patrol.py" line="523" />
      <source>the package is supervisor {login}'s; you are logged in as {me}: sync it with his login (the audit records who verified and checked)</source>
      <translation>该数据包属于监督员 {login}；您以 {me} 登录：请用他的账号同步（审计记录由谁核实、核查）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_fieldpackage.py" line="116" />
      <source>the package name '{name}' contains a character not allowed in file names</source>
      <translation>数据包名称 '{name}' 含有文件名中不允许的字符</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_fieldpackage.py" line="210" />
      <source>the package project would refer to the store ({found}); it must open offline</source>
      <translation>数据包工程会引用数据库（{found}）；它必须能离线打开</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/fieldwork.py" line="290" />
      <source>the package reads back with {found} of {total} components</source>
      <translation>数据包回读只有 {found} 个部件（应为 {total} 个）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/roles.py" line="80" />
      <source>the password is empty</source>
      <translation>密码为空</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/patrol.py" line="126" />
      <source>the patrol package for {login} was not registered: {error}</source>
      <translation>未能登记 {login} 的巡查数据包：{error}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_patrolpackage.py" line="240" />
      <source>the patrol package of {login} has problems QField could not live with, so it was not kept:
{problems}</source>
      <translation>{login} 的巡查数据包有 QField 无法接受的问题，未予保留：
{problems}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/admin.py" line="600" />
      <source>the period ends ({end}) before it starts ({start})</source>
      <translation>期间的结束日期（{end}）早于起始日期（{start}）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/evaluation.py" line="220" />
      <source>the period is empty: it ends ({end}) before it starts ({start})</source>
      <translation>统计期为空：结束时间（{end}）早于开始时间（{start}）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periods.py" line="134" />
      <source>the period must be written YYYY-MM for a month (2026-11), YYYY-Qn for a quarter (2026-Q4) or YYYY for a year (2026)</source>
      <translation>统计周期应写作 YYYY-MM 表示月（如 2026-11 或 2026年11月）、YYYY-Qn 表示季度（如 2026-Q4 或 2026年第4季度）或 YYYY 表示年（如 2026）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/evaluation.py" line="218" />
      <source>the period needs dates with a time zone</source>
      <translation>统计期需要带时区的日期</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/evaluation.py" line="223" />
      <source>the period starts in the future ({start}): nothing happened yet</source>
      <translation>统计期从将来开始（{start}）：尚无任何记录</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/db.py" line="26" />
      <source>the pg_service name is empty</source>
      <translation>pg_service 名称为空</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="229" />
      <source>the phone number {phone} is not a phone number: digits, spaces, + - ( ) only, 3 to 40 characters</source>
      <translation>联系电话 {phone} 不是电话号码：只能包含数字、空格和 + - ( )，长度 3 至 40 个字符</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="95" />
      <source>the photo link has {n} characters; at most 2000</source>
      <translation>照片链接有 {n} 个字符，最多 2000</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="249" />
      <source>the photo {name} has {mb} MB; at most {limit} MB: send a smaller photo</source>
      <translation>照片 {name} 有 {mb} MB；最大 {limit} MB：请发送较小的照片</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="247" />
      <source>the photo {name} is empty</source>
      <translation>照片 {name} 是空文件</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/report.py" line="353" />
      <source>the picture {path} for '{title}' does not exist: write the chart first</source>
      <translation>“{title}”的图片 {path} 不存在：请先生成图表</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/kde.py" line="182" />
      <source>the pixel size must be a positive distance in map units, got {value}</source>
      <translation>像元大小必须是以地图单位表示的正数，实际为 {value}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/admin.py" line="249" />
      <source>the point lies outside every unit grid</source>
      <translation>该点不在任何单元网格内</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_open311.py" line="242" />
      <source>the position (lat {lat}, long {long}, WGS84) lies outside the district: in no unit grid</source>
      <translation>位置（lat {lat}，long {long}，WGS84）在本区之外：不在任何单元网格内</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcases.py" line="522" />
      <source>the position ({x:.1f}, {y:.1f} in {crs}) is outside every unit grid of the district; check the coordinates and the coordinate system (store CRS, WGS84, GCJ-02 or BD-09)</source>
      <translation>位置（{crs} 下 {x:.1f}, {y:.1f}）不在本区任何单元网格内；请检查坐标及坐标系（库坐标系、WGS84、GCJ-02 或 BD-09）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_platform.py" line="179" />
      <source>the position ({x:.1f}, {y:.1f}) lies in no unit grid of a linked district: check the position, or give the district</source>
      <translation>位置 ({x:.1f}, {y:.1f}) 不在任何已连接区县的单元网格内：请检查位置，或指定区县</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/manual.py" line="91" />
      <source>the printed manual goes to a .pdf file, not {path}: change the file name</source>
      <translation>打印的指挥手册应为 .pdf 文件，而不是 {path}：请修改文件名</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_manual.py" line="236" />
      <source>the printed manual goes to a .pdf file, not {path}: change the output file name</source>
      <translation>打印的指挥手册应为 .pdf 文件，而不是 {path}：请修改输出文件名</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/qfieldcheck.py" line="79" />
      <source>the project</source>
      <translation>工程</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/qfieldcheck.py" line="102" />
      <source>the project file {path} cannot be read ({error})</source>
      <translation>无法读取工程文件 {path}（{error}）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/qfieldcheck.py" line="184" />
      <source>the project has Python macros; QField runs no Python</source>
      <translation>工程含有 Python 宏；QField 不运行 Python</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/qfieldcheck.py" line="171" />
      <source>the project has a preset home path ({path})</source>
      <translation>工程设置了主目录（{path}）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/qfieldcheck.py" line="177" />
      <source>the project has no coordinate reference system</source>
      <translation>工程没有坐标参照系</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/qfieldcheck.py" line="242" />
      <source>the project keeps its path as an absolute path ({path})</source>
      <translation>工程以绝对路径保存它（{path}）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/qfieldcheck.py" line="191" />
      <source>the project refers to a database server or a password ({found}); the handheld works offline and must carry no password</source>
      <translation>工程引用了数据库服务器或密码（{found}）；手持终端离线工作，不得携带密码</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/qfieldcheck.py" line="165" />
      <source>the project saves absolute paths, which do not exist on the handheld</source>
      <translation>工程保存的是绝对路径，手持终端上没有这些路径</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_publication.py" line="105" />
      <source>the public page is published for a month: give the month as YYYY-MM (e.g. 2026-11), not '{period}'</source>
      <translation>公众信息按月发布：请按 YYYY-MM 填写月份（如 2026-11），而不是“{period}”</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="743" />
      <source>the quarters and the period: the mean of the monthly composite scores</source>
      <translation>各季度及全期得分为各月综合得分的平均值</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/kde.py" line="195" />
      <source>the radius must be a positive distance in map units, got {value}</source>
      <translation>半径必须是以地图单位表示的正数，实际为 {value}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_hotspots.py" line="83" />
      <source>the raster would have {rows} × {cols} pixels; choose a larger pixel size</source>
      <translation>栅格将有 {rows} × {cols} 个像元；请选用更大的像元</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="207" />
      <source>the rate limit {rate} is not usable: 1 to 100000 new reports per minute</source>
      <translation>频率限制 {rate} 不可用：每分钟 1 到 100000 条新上报</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/platform.py" line="292" />
      <source>the replication slot on {where}'s server waits for the transactions writing there to end ({running}); the link is not made: try again when they are done</source>
      <translation>{where}服务器上的复制槽须等待正在写入的事务结束（{running}）；连接未建立：请在这些事务结束后重试</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/report.py" line="408" />
      <source>the report '{title}' has no pages: add a cover, tables, charts or maps first</source>
      <translation>报告“{title}”没有页面：请先添加封面、表格、图表或地图</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_monthlyreport.py" line="81" />
      <source>the report goes to a .pdf file, not {path}: change the output file name</source>
      <translation>月报只能输出为 .pdf 文件，不能是 {path}：请修改输出文件名</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/report.py" line="406" />
      <source>the report goes to a PDF file: {path} does not end in .pdf</source>
      <translation>报告须导出为 PDF 文件：{path} 不是以 .pdf 结尾</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/patrol.py" line="946" />
      <source>the report photo of case {case} was not copied into the package: {error}</source>
      <translation>案件 {case} 的上报照片未复制到数据包：{error}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="93" />
      <source>the reporter has {n} characters; at most 200 (name and phone)</source>
      <translation>上报人有 {n} 个字符，最多 200（姓名和电话）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/action_dialog.py" line="283" />
      <source>the reporter's satisfaction</source>
      <translation>举报人的满意度</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_partitiongrids.py" line="196" />
      <source>the road class expression {expression} is not valid: {error}</source>
      <translation>道路等级表达式 {expression} 无效：{error}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/manualsheet.py" line="497" />
      <source>the row has no class code; give the code (e.g. 0102) or delete the row</source>
      <translation>该行没有类别代码：请填写代码（如 0102）或删除该行</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="720" />
      <source>the same area and department as row {other}; the row is read once</source>
      <translation>与第 {other} 行的区域和部门相同；该行只读取一次</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/reporttext.py" line="67" />
      <source>the same as the month before ({before})</source>
      <translation>与上月（{before}）持平</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="873" />
      <source>the same as the previous period ({before})</source>
      <translation>与上期（{before}）持平</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="496" />
      <source>the same rule as row {other}; the row is read once</source>
      <translation>与第 {other} 行的规则相同；该行只读取一次</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/components.py" line="245" />
      <source>the same uid appears earlier in this batch</source>
      <translation>同一 uid 在本批数据前面已出现</translation>
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
      <location filename="citygrid_plugin/core/hotspots.py" line="570" />
      <source>the significance level must be 1, 2 or 3 (90, 95 or 99 % confidence)</source>
      <translation>显著性级别必须为 1、2 或 3（90%、95% 或 99% 置信）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="152" />
      <source>the situation is given by its name (text)</source>
      <translation>情形以名称（文本）给出</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/manualsheet.py" line="563" />
      <source>the situation “{name}”</source>
      <translation>情形“{name}”</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="777" />
      <source>the source is already in row {other}; keep one of the two rows</source>
      <translation>该来源已在第 {other} 行；请只保留其中一行</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/hotspots.py" line="355" />
      <source>the spatial weights are for {weights} grids but {values} values were given: build the weights from the same grids, in the same order</source>
      <translation>空间权重对应 {weights} 个网格，却给出了 {values} 个值：请用同一批网格、按相同顺序构建权重</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_createstore.py" line="81" />
      <source>the store CRS must be an EPSG CRS, got '{crs}'</source>
      <translation>数据库坐标系必须是 EPSG 坐标系，而不是“{crs}”</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_createstore.py" line="84" />
      <source>the store CRS {crs} is geographic (degrees); choose the CGCS2000 3-degree Gauss-Krüger zone of the district, e.g. EPSG:4544 for 105°E</source>
      <translation>数据库坐标系 {crs} 是地理坐标系（单位为度）；请选择该区县所在的 CGCS2000 3 度带高斯-克吕格投影，例如 105°E 为 EPSG:4544</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/platform.py" line="203" />
      <source>the store at {target} is not a district platform: run `./citygrid platform init district CODE NAME` on it first</source>
      <translation>{target} 上的数据库还不是区级平台：请先在其上运行 `./citygrid platform init district 代码 名称`</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_open311.py" line="185" />
      <source>the store has no active source {source}</source>
      <translation>库中没有启用的来源 {source}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_periodreport.py" line="347" />
      <source>the store holds no active unit grids in {place}: partition and code the grids first</source>
      <translation>数据库中{place}没有现行单元网格：请先划分并编码单元网格</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/base.py" line="407" />
      <source>the store holds no active unit grids{where}: partition and code the grids first</source>
      <translation>数据库中没有在用的单元网格{where}：请先划分并编码网格</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/maps.py" line="132" />
      <source>the store holds no district yet: import the divisions first (Import administrative divisions)</source>
      <translation>数据库中还没有区县：请先导入行政区划（“导入行政区划”）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/migrate.py" line="198" />
      <source>the store is at migration {version:03d} ({name}), newer than this copy of CityGrid knows (latest {latest:03d}); upgrade the plugin before using this store</source>
      <translation>数据库已到迁移 {version:03d}（{name}），比本 CityGrid 版本所知的更新（最新为 {latest:03d}）；请先升级插件再使用该数据库</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/open311/server.py" line="128" />
      <source>the store is not reachable now; try again later</source>
      <translation>现在连不上数据库，请稍后再试</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/db.py" line="89" />
      <source>the store is read-only ({error}): nothing was changed</source>
      <translation>数据库为只读（{error}）：未做任何更改</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/migrate.py" line="177" />
      <source>the store lists component serial sequences that CityGrid did not make: {names}. They come from text passed as a class code (an injection attempt through next_component_code); nothing was upgraded. Have the database administrator check the roles and objects of this server, delete these rows from citygrid.component_serial, and upgrade again</source>
      <translation>存储库中登记了不是 CityGrid 创建的部件序号序列：{names}。它们来自作为类别代码传入的文本（试图通过 next_component_code 注入 SQL）；本次未做任何升级。请数据库管理员检查该服务器上的角色和对象，从 citygrid.component_serial 中删除这些行后再升级</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_open311.py" line="199" />
      <source>the store refused request {id}, nothing was written: {error}</source>
      <translation>库拒绝了请求 {id}，什么也没有写入：{error}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/base.py" line="546" />
      <source>the store refused the change, nothing was changed: {error}</source>
      <translation>库拒绝了修改，未做任何修改：{error}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/base.py" line="544" />
      <source>the store refused the change, nothing was changed: {error}; only an administrator (a login with the role citygrid_admin) may change these rules: sign in as one</source>
      <translation>库拒绝了修改，未做任何修改：{error}；只有管理员（具有 citygrid_admin 角色的账号）可以修改这些规则：请以管理员身份登录</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcases.py" line="240" />
      <source>the store refused the import, nothing was written: {error}</source>
      <translation>库拒绝了这次导入，未写入任何内容：{error}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/patrol.py" line="592" />
      <source>the store took the package's work, but the package could not be updated ({error}); sync it again: what the store holds already is recognised and nothing is added twice</source>
      <translation>数据库已接收数据包中的外业成果，但数据包未能更新（{error}）；请再次同步：数据库中已有的内容会被识别，不会重复添加</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/fieldwork.py" line="589" />
      <source>the store was updated, but the package could not be ({error}); run the sync again: it recognises what is already in the store</source>
      <translation>数据库已更新，但数据包未能更新（{error}）；请再次同步：已写入数据库的内容会被识别</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/migrate.py" line="305" />
      <source>the store was upgraded but its roles could not be granted again: {error} (upgrade as the store owner with the CREATEROLE privilege)</source>
      <translation>存储库已升级，但未能重新授予角色权限：{error}（请以具有 CREATEROLE 权限的存储库所有者身份升级）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/db.py" line="91" />
      <source>the store's disk is full ({error}): nothing was changed; ask the database administrator to free space</source>
      <translation>数据库服务器磁盘已满（{error}）：未做任何更改；请数据库管理员释放空间</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="382" />
      <source>the street code is ambiguous ({codes}); write the 9-digit code</source>
      <translation>街道代码有歧义（{codes}）；请写 9 位代码</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/action_dialog.py" line="291" />
      <source>the supervisor who takes the task</source>
      <translation>接手任务的监督员</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/open311.py" line="136" />
      <source>the system name '{value}' must be 1 to 24 letters, digits, '.', '_' or '-'</source>
      <translation>系统名称“{value}”须为 1 至 24 个字母、数字、“.”、“_”或“-”</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/report.py" line="290" />
      <source>the table '{title}' has no columns: give its headers</source>
      <translation>表格“{title}”没有列：请给出表头</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/patrol.py" line="587" />
      <source>the task layer was not refreshed: {error}</source>
      <translation>任务图层未刷新：{error}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/routing.py" line="52" />
      <source>the territory</source>
      <translation>属地</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/manualsheet.py" line="521" />
      <source>the text has {n} characters; at most 4000: shorten it</source>
      <translation>文字有 {n} 个字符，最多 4000 个：请删减</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/open311.py" line="253" />
      <source>the time '{value}' has no time zone offset (+08:00)</source>
      <translation>时间“{value}”没有时区偏移（+08:00）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/hotspots.py" line="649" />
      <source>the time window holds no time slice: choose a longer window or shorter slices</source>
      <translation>所选时间范围内没有时间切片：请选择更长的时间范围或更短的切片</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/manualsheet.py" line="529" />
      <source>the topology is 点, 线 or 面</source>
      <translation>拓扑类型应为 点、线 或 面</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/qfieldcheck.py" line="397" />
      <source>the track layer has no M values; QField's position tracking keeps each point's time in M</source>
      <translation>轨迹图层没有 M 值；QField 的位置跟踪把每个点的时间记在 M 中</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/qfieldcheck.py" line="393" />
      <source>the track layer is not a line layer</source>
      <translation>轨迹图层不是线图层</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/qfieldcheck.py" line="401" />
      <source>the track layer's M measures something other than the time (QField measurement {n})</source>
      <translation>轨迹图层的 M 记录的不是时间（QField 测量值类型 {n}）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="439" />
      <source>the type is 事件 (event) or 部件 (component)</source>
      <translation>类型为 事件（event）或 部件（component）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="613" />
      <source>the type is 休 / 假日 / holiday (not a working day) or 班 / 调休 / 上班 / workday (a working day)</source>
      <translation>类型为 休 / 假日 / holiday（非工作日）或 班 / 调休 / 上班 / workday（工作日）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/manualsheet.py" line="610" />
      <source>the type must be 事件 or 部件</source>
      <translation>类型应为 事件 或 部件</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/sync.py" line="169" />
      <source>the uid belongs to a component already retired in the store</source>
      <translation>该 uid 属于数据库中已注销的部件</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/evaluation.py" line="585" />
      <source>the weight of {term} must be a number, got '{value}'</source>
      <translation>{term} 的权重必须是数值，当前为“{value}”</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="996" />
      <source>the weights add up to {total:g}, not 100: the composite score is then not out of 100</source>
      <translation>权重合计为 {total:g}，不是 100：综合得分将不是百分制</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="345" />
      <source>the whole district</source>
      <translation>全区</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/routing.py" line="229" />
      <source>the whole street</source>
      <translation>整个街道</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/casefilter.py" line="83" />
      <source>the window is empty: it ends ({end}) before it starts ({start})</source>
      <translation>时间窗口为空：结束时间（{end}）早于开始时间（{start}）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/casefilter.py" line="72" />
      <source>the window must be at least one day, got {days}</source>
      <translation>时间窗口至少为一天，当前为 {days}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/casefilter.py" line="80" />
      <source>the window's {name} must be a date and time with a time zone, got {value!r}</source>
      <translation>时间窗口的 {name} 必须是带时区的日期时间，当前为 {value!r}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/workform.py" line="135" />
      <source>the work form goes to a .pdf file, not {path}: change the file name</source>
      <translation>派遣单须输出为 .pdf 文件，而不是 {path}：请修改文件名</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_workform.py" line="79" />
      <source>the work forms go to a .pdf file, not {path}: change the output file name</source>
      <translation>派遣单须输出为 .pdf 文件，而不是 {path}：请修改输出文件名</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/manualsheet.py" line="677" />
      <source>the workbook</source>
      <translation>工作簿</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/xlsx.py" line="386" />
      <source>the workbook part {part} declares a document type, which no Excel or WPS file does; this file is not imported</source>
      <translation>工作簿部件 {part} 声明了文档类型，Excel 和 WPS 的文件都不会这样做；此文件不予导入</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/workcalendar.py" line="188" />
      <source>the working calendar needs times with a time zone, got {time}</source>
      <translation>工作日历需要带时区的时间，收到的是 {time}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/workcalendar.py" line="107" />
      <source>the working calendar was read for {first} to {last}, not for {day}</source>
      <translation>工作日历只读取了 {first} 至 {last}，不含 {day}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/calendar.py" line="299" />
      <source>the working hours</source>
      <translation>上班时段</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/admin.py" line="349" />
      <source>the working week is one or more weekdays, 1 (Monday) to 7 (Sunday)</source>
      <translation>工作周为一个或多个星期几，1（周一）到 7（周日）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/calendar.py" line="305" />
      <source>the working weekdays</source>
      <translation>工作日设置</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/publication.py" line="335" />
      <source>the yardstick of a department's performance, out of 100 points: {formula}. The handling rate is the share of the cases due for handling that were handled; the rework rate the share of the registered cases sent back to be done again; the overdue-pending rate the share of the cases due that were not handled; the extension rate the share of the cases due whose deadline was extended.</source>
      <translation>衡量专业部门处置工作的综合指标，满分100分：{formula}。其中处置率为应处置案件中已处置的比例；返工率为立案案件中被退回重新处置的比例；超期待处置率为应处置案件中未处置的比例；延期率为应处置案件中经批准延期的比例。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="589" />
      <source>the year {year} is not between {low} and {high}</source>
      <translation>年份 {year} 不在 {low} 到 {high} 之间</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periods.py" line="186" />
      <source>the year {year} is outside {low} to {high}</source>
      <translation>年份 {year} 不在 {low} 到 {high} 之间</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="914" />
      <source>the {kind} class {other} already has this name; class names are unique, choose another</source>
      <translation>{kind}分类 {other} 已使用该名称；分类名称不得重复，请另取名称</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/qfieldcheck.py" line="225" />
      <source>the {provider} provider, which the package does not carry</source>
      <translation>数据源类型 {provider}，数据包无法携带</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/atlas.py" line="44" />
      <source>the {what} expression '{expression}' is not valid ({error}); fields of {layer}: {fields}</source>
      <translation>{what}表达式“{expression}”无效（{error}）；{layer} 的字段：{fields}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="870" />
      <source>the {what} has {width} digits in profile {profile}{hint}</source>
      <translation>编码方案 {profile} 中{what}为 {width} 位{hint}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/manualsheet.py" line="563" />
      <source>the 紧急 row</source>
      <translation>“紧急”行</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/kde.py" line="177" />
      <source>there are no points to make a heatmap from</source>
      <translation>没有可用于生成热力图的点</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/connections.py" line="91" />
      <source>there is no QGIS PostgreSQL connection named '{name}'; create it in the Browser panel (PostgreSQL ▸ New Connection) or pick another</source>
      <translation>没有名为“{name}”的 QGIS PostgreSQL 连接；请在浏览器面板中新建（PostgreSQL ▸ 新建连接）或选择其他连接</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/roles.py" line="138" />
      <source>there is no active department '{code}'</source>
      <translation>不存在在用的部门“{code}”</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/roster.py" line="107" />
      <source>there is no active unit grid with this code in the store</source>
      <translation>库中没有使用中的此编码单元网格</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/admin.py" line="270" />
      <source>there is no active unit grid {code}</source>
      <translation>没有在用的单元网格 {code}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="179" />
      <source>there is no community {code} (district + street + community code, 12 digits)</source>
      <translation>没有社区 {code}（区 + 街道 + 社区编码，12 位）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/patrol.py" line="641" />
      <source>there is no file {file}</source>
      <translation>文件 {file} 不存在</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/open311.py" line="248" />
      <source>there is no service request '{id}'</source>
      <translation>没有编号为“{id}”的服务请求</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="177" />
      <source>there is no street {code} (district + street code, 9 digits)</source>
      <translation>没有街道 {code}（区 + 街道编码，9 位）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/admin.py" line="628" />
      <source>there is no such period (removed meanwhile?)</source>
      <translation>没有这个期间（可能已被删除）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/tables.py" line="91" />
      <source>this GDAL has no XLSX driver; write CSV instead</source>
      <translation>此 GDAL 没有 XLSX 驱动；请改为输出 CSV</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="398" />
      <source>this community is not in street {street} but in {where}; correct the street or the community</source>
      <translation>该社区不在街道 {street}，而在 {where}；请改正街道或社区</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/workform.py" line="142" />
      <source>this database holds no CityGrid store: connect to the store of the cases</source>
      <translation>该数据库中没有 CityGrid 案卷库：请连接案卷所在的库</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/manualsheet.py" line="699" />
      <source>this sheet is not read: the manual's sheets are 事件, 部件, 默认时限 (and 说明); move its rows there or delete the sheet</source>
      <translation>此工作表不会被读取：指挥手册的工作表是 事件、部件、默认时限（及 说明）；请把其中的行移到这些表中，或删除此表</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="289" />
      <source>this store holds districts {others} besides {code}: a district platform is one district</source>
      <translation>此数据库除 {code} 外还有区县 {others}：一个区级平台只管一个区县</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="286" />
      <source>this store is already the {kind} platform {code} ({name}); a platform's kind and code do not change</source>
      <translation>此数据库已是{kind}平台 {code}（{name}）；平台的级别和代码不能更改</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="274" />
      <source>this store is not the city platform: only the city hands cases to districts</source>
      <translation>此数据库不是市级平台：只有市级平台可以向区县转办案件</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/cli.py" line="187" />
      <source>this store is now the {kind} platform {code} {name}</source>
      <translation>此数据库现在是{kind}平台 {code} {name}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/cli.py" line="220" />
      <source>this store is on its own (neither the city nor a district platform)</source>
      <translation>此数据库独立运行（既不是市级平台，也不是区级平台）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/migrate.py" line="264" />
      <source>this store uses EPSG:{existing}; it cannot be changed to EPSG:{wanted}. Reproject the data into a new store instead</source>
      <translation>该数据库使用 EPSG:{existing}，不能改为 EPSG:{wanted}。请将数据重投影到一个新数据库</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/basemap_layers.py" line="41" />
      <source>tile URL '{url}' must start with http://, https:// or file://</source>
      <translation>瓦片地址“{url}”必须以 http://、https:// 或 file:// 开头</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/basemap_layers.py" line="43" />
      <source>tile URL '{url}' needs the {{x}}, {{y}} and {{z}} placeholders</source>
      <translation>瓦片地址“{url}”需要包含 {{x}}、{{y}} 和 {{z}} 占位符</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcases.py" line="467" />
      <source>time '{value}' (column {column}) is not a date and time; write it as 2026-12-06 14:30</source>
      <translation>时间“{value}”（{column} 列）不是日期时间；请写成 2026-12-06 14:30 的格式</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/workcalendar.py" line="150" />
      <source>time limit must be a finite amount from 0 to 87600 (ten years of hours), got {amount}</source>
      <translation>时限必须是 0 到 87600（十年的小时数）之间的有限数值，收到的是 {amount}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcases.py" line="473" />
      <source>time {value} (column {column}) is in the future; check the date</source>
      <translation>时间 {value}（{column} 列）晚于当前时间；请检查日期</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcases.py" line="476" />
      <source>time {value} (column {column}) is more than {days:g} days ago, longer than the store accepts (setting observed_max_days): import the export while it is recent, or leave the time column out</source>
      <translation>时间 {value}（{column} 列）早于 {days:g} 天前，超出库允许的范围（设置 observed_max_days）：请及时导入导出文件，或不导入时间列</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/hotspots.py" line="160" />
      <source>time-slice indices must be whole numbers (-1 for none)</source>
      <translation>时间切片编号必须是整数（-1 表示不在时间范围内）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/responsibility.py" line="148" />
      <source>to</source>
      <translation>至</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/heatmap.py" line="281" />
      <source>today</source>
      <translation>今天</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/grids.py" line="353" />
      <source>total grid area {grids:,.1f} m², community area {communities:,.1f} m²</source>
      <translation>网格总面积 {grids:,.1f} m²，社区面积 {communities:,.1f} m²</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/patrol.py" line="315" />
      <source>track {uid}: {text}</source>
      <translation>轨迹 {uid}：{text}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_hotspots.py" line="62" />
      <source>triangular</source>
      <translation>三角核</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_hotspots.py" line="62" />
      <source>triweight</source>
      <translation>三权核</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/migrate.py" line="112" />
      <source>two migrations share version {version}: {a} and {b}</source>
      <translation>两个迁移使用了同一版本号 {version}：{a} 和 {b}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/xlsx.py" line="114" />
      <source>two sheets are named '{name}'; give every sheet its own name</source>
      <translation>有两个工作表都叫“{name}”，请给每个工作表起不同的名字</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/routing.py" line="102" />
      <source>type a Chinese name or code, then pick</source>
      <translation>输入中文名称或编码，然后从列表中选择</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/components.py" line="143" />
      <source>uid '{value}' is not a UUID</source>
      <translation>uid“{value}”不是 UUID</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_roles.py" line="143" />
      <source>unchanged</source>
      <translation>未改变</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_hotspots.py" line="62" />
      <source>uniform</source>
      <translation>均匀核</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/routing.py" line="148" />
      <source>unit grid code (15 digits)</source>
      <translation>单元网格代码（15 位）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/labels.py" line="19" />
      <source>unit grids</source>
      <translation>单元网格</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/open311.py" line="399" />
      <source>unknown GeoReport format '{value}'; use json or xml</source>
      <translation>未知的 GeoReport 格式“{value}”；请用 json 或 xml</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/kde.py" line="137" />
      <source>unknown KDE method '{method}': use 'auto', 'direct' or 'moments'</source>
      <translation>未知的核密度计算方法“{method}”：请使用 'auto'、'direct' 或 'moments'</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/casefilter.py" line="85" />
      <source>unknown case kind '{value}'; use event or component</source>
      <translation>未知的案件类型“{value}”；请用 event（事件）或 component（部件）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="118" />
      <source>unknown case source {source}; the store knows: {known}</source>
      <translation>未知的问题来源 {source}；可用来源：{known}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/casefilter.py" line="91" />
      <source>unknown case state '{value}'; states are {allowed}</source>
      <translation>未知的案件状态“{value}”；可选状态为 {allowed}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/classes.py" line="277" />
      <source>unknown class table kind '{kind}'; use one of {allowed}</source>
      <translation>未知的分类表类型“{kind}”；请使用 {allowed} 之一</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/breaks.py" line="51" />
      <source>unknown classification '{method}': use jenks or quantile</source>
      <translation>未知的分级方法“{method}”：请使用 jenks 或 quantile</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/manualsheet.py" line="408" />
      <source>unknown column: the columns are {columns} (序号 and 备注 are ignored); correct the header</source>
      <translation>未知列：可用的列为 {columns}（序号、备注列不读取）；请改正表头</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/hotspots.py" line="434" />
      <source>unknown confidence bin {value}: bins run from -3 to 3</source>
      <translation>未知的置信分级 {value}：分级取值为 -3 到 3</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/rasters.py" line="25" />
      <source>unknown coordinate reference system EPSG:{epsg}</source>
      <translation>未知的坐标参考系 EPSG:{epsg}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/chinacoords.py" line="142" />
      <source>unknown coordinate system '{system}'; use one of {allowed}</source>
      <translation>未知坐标系“{system}”；请使用以下之一：{allowed}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/manualsheet.py" line="487" />
      <source>unknown department: write a department code ({codes}), a department's name, or 属地; or add the department first (citygrid:importdepartments)</source>
      <translation>未知部门：请填写部门编码（{codes}）、部门名称或“属地”；或先添加该部门（citygrid:importdepartments）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/hotspots.py" line="615" />
      <source>unknown emerging hot spot pattern '{code}'</source>
      <translation>未知的时空热点模式“{code}”</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/textio.py" line="31" />
      <source>unknown encoding '{encoding}'; use one of {allowed}</source>
      <translation>未知编码“{encoding}”；请使用 {allowed} 之一</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/basemap_layers.py" line="30" />
      <source>unknown format</source>
      <translation>未知格式</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/gridcheck.py" line="601" />
      <source>unknown grid check {ids}; known checks: {known}</source>
      <translation>未知的网格检查项 {ids}；可用检查项：{known}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/evaluation.py" line="494" />
      <source>unknown grouping '{grouping}'; use one of {choices}</source>
      <translation>未知的统计对象“{grouping}”；可选 {choices}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/open311/server.py" line="137" />
      <source>unknown jurisdiction_id '{value}'; this service is {ours}</source>
      <translation>未知的 jurisdiction_id“{value}”；本服务为 {ours}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/kde.py" line="132" />
      <source>unknown kernel shape '{kernel}': use one of {choices}</source>
      <translation>未知的核函数形状“{kernel}”：请使用以下之一：{choices}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="241" />
      <source>unknown or inactive assisting department {dept}</source>
      <translation>协办部门 {dept} 不存在或已停用</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/templates.py" line="80" />
      <source>unknown orientation '{orientation}': use landscape or portrait</source>
      <translation>未知纸张方向“{orientation}”：请使用 landscape（横向）或 portrait（纵向）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/kde.py" line="135" />
      <source>unknown output scaling '{output}': use 'raw' or 'scaled'</source>
      <translation>未知的输出缩放方式“{output}”：请使用 'raw' 或 'scaled'</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/templates.py" line="77" />
      <source>unknown paper size '{paper}': use one of {choices}</source>
      <translation>未知纸张尺寸“{paper}”：请使用 {choices} 之一</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periods.py" line="149" />
      <source>unknown period kind '{kind}'; use month, quarter or year</source>
      <translation>未知的周期类型“{kind}”；请用 month（月）、quarter（季度）或 year（年）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/classes.py" line="280" />
      <source>unknown profile '{profile}'; use one of {allowed}</source>
      <translation>未知标准“{profile}”；请使用 {allowed} 之一</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/codes.py" line="338" />
      <source>unknown profile '{value}'; use one of {allowed}</source>
      <translation>未知标准“{value}”；请使用 {allowed} 之一</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/roles.py" line="59" />
      <source>unknown role '{role}'; roles are {roles}</source>
      <translation>未知角色“{role}”；可选角色为 {roles}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/admin.py" line="510" />
      <source>unknown score term(s) {terms}; terms: {known}</source>
      <translation>未知的评分项 {terms}；评分项：{known}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/evaluation.py" line="545" />
      <source>unknown score terms {terms}; the terms are {choices}</source>
      <translation>未知的得分项 {terms}；可选得分项为 {choices}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_open311.py" line="236" />
      <source>unknown service_code '{value}': not a class of this store (E + event class code, C + component class code; see the services file)</source>
      <translation>未知的 service_code“{value}”：不是本库的类别（事件为 E + 事件类别代码，部件为 C + 部件类别代码；见服务文件）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="215" />
      <source>unknown service_code {code}: see services.json for the services of this city</source>
      <translation>未知的 service_code {code}：本市的服务见 services.json</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/casefilter.py" line="89" />
      <source>unknown source '{value}'; sources are {allowed}</source>
      <translation>未知的问题来源“{value}”；可选来源为 {allowed}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/connections.py" line="39" />
      <source>unknown store target kind '{kind}'</source>
      <translation>未知的数据库连接类型“{kind}”</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/themes.py" line="147" />
      <source>unknown territory '{unit}': use community or street</source>
      <translation>未知的统计单元“{unit}”：请使用 community（社区）或 street（街道）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/themes.py" line="330" />
      <source>unknown theme '{theme}': use one of {choices}</source>
      <translation>未知的专题“{theme}”：请使用 {choices} 之一</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/manual.py" line="68" />
      <source>unknown time unit '{unit}': use 小时, 工作时 or 工作日</source>
      <translation>未知的时间单位“{unit}”：请用 小时、工作时 或 工作日</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/workcalendar.py" line="183" />
      <source>unknown time unit {unit}; use hours, work_hours or work_days</source>
      <translation>未知的时间单位 {unit}；请用 hours（小时）、work_hours（工作时）或 work_days（工作日）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="1068" />
      <source>up to {hours:g} h</source>
      <translation>最长 {hours:g} 小时</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/reporttext.py" line="68" />
      <source>up {pct} on the month before ({before})</source>
      <translation>比上月（{before}）增加 {pct}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="874" />
      <source>up {pct} on the previous period ({before})</source>
      <translation>比上期（{before}）增加 {pct}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/reporttext.py" line="80" />
      <source>up {points} percentage points on the month before ({before})</source>
      <translation>比上月（{before}）提高 {points} 个百分点</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="887" />
      <source>up {points} percentage points on the previous period ({before})</source>
      <translation>比上期（{before}）提高 {points} 个百分点</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/photos.py" line="74" />
      <source>uploaded {at} by {who}</source>
      <translation>{who} 于 {at} 上传</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/manualsheet.py" line="622" />
      <source>urgent</source>
      <translation>紧急</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/manual.py" line="270" />
      <source>urgent {stage} time limit</source>
      <translation>紧急{stage}时限</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/report_dialog.py" line="673" />
      <source>urgent: {limits}</source>
      <translation>紧急：{limits}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/cli.py" line="54" />
      <source>usage: citygrid db backup FILE</source>
      <translation>用法：citygrid db backup 文件</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/cli.py" line="59" />
      <source>usage: citygrid db restore FILE DBNAME</source>
      <translation>用法：citygrid db restore 文件 数据库名</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/cli.py" line="144" />
      <source>usage: citygrid open311 add-client NAME [--rate N]</source>
      <translation>用法：citygrid open311 add-client 名称 [--rate N]</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/cli.py" line="153" />
      <source>usage: citygrid open311 add-login LOGIN</source>
      <translation>用法：citygrid open311 add-login 登录名</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/cli.py" line="254" />
      <source>usage: citygrid platform handover CODE event|component CLASS X Y DESCRIPTION</source>
      <translation>用法：citygrid platform handover 区县代码 event|component 类别 X Y 问题描述</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/cli.py" line="185" />
      <source>usage: citygrid platform init city|district CODE NAME</source>
      <translation>用法：citygrid platform init city|district 代码 名称</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/cli.py" line="208" />
      <source>usage: citygrid platform unlink CODE [--district-dsn DSN]</source>
      <translation>用法：citygrid platform unlink 代码 [--district-dsn DSN]</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/qfieldcheck.py" line="284" />
      <source>use one of {widgets}</source>
      <translation>请改用以下控件之一：{widgets}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/open311.py" line="119" />
      <source>user '{login}' not saved: {error}</source>
      <translation>用户“{login}”未保存：{error}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="175" />
      <source>user {who} is not a supervisor; responsibility grids are for supervisors (监督员)</source>
      <translation>用户 {who} 不是监督员；责任网格只适用于监督员</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="59" />
      <source>user {who} may not act as {role} (an administrator grants roles)</source>
      <translation>用户 {who} 没有“{role}”角色（由管理员授予角色）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="257" />
      <source>user {who} may not attach reports to cases (operator, supervisor or shift leader)</source>
      <translation>用户 {who} 不能将报告并入案卷（需受理员、监督员或值班长角色）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="276" />
      <source>user {who} may not hand cases to a district (needs the role operator or shift leader at the city)</source>
      <translation>用户 {who} 不能向区县转办案件（需要市级平台的受理员或值班长角色）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="120" />
      <source>user {who} may not report cases (needs a case role)</source>
      <translation>用户 {who} 不能上报案件（需要案件处理角色）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/qfieldcheck.py" line="338" />
      <source>value list filter</source>
      <translation>取值列表筛选</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/patrol.py" line="312" />
      <source>verdict {uid} taken on case {case}</source>
      <translation>现场结论 {uid} 已在案件 {case} 上执行</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/manual_view.py" line="48" />
      <source>verification</source>
      <translation>核实</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/case_detail.py" line="197" />
      <source>version {version} (in force when reported)</source>
      <translation>第 {version} 版（上报时施行）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/patrolmaps.py" line="48" />
      <source>visited by another supervisor</source>
      <translation>其他监督员巡查</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/patrolmaps.py" line="47" />
      <source>visited by its supervisor</source>
      <translation>责任监督员已巡查</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/gridcheck.py" line="568" />
      <source>warning</source>
      <translation>警告</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="1002" />
      <source>weight of {term}</source>
      <translation>{term} 的权重</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/evaluation.py" line="580" />
      <source>weights are written term=number, got '{part}'</source>
      <translation>权重的写法是 得分项=数值，当前为“{part}”</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/report_dialog.py" line="345" />
      <source>what, where exactly, since when</source>
      <translation>什么问题、具体位置、从何时起</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/action_dialog.py" line="281" />
      <source>whether the reporter was reached</source>
      <translation>是否联系上举报人</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/cli.py" line="173" />
      <source>which district? --district-dsn DSN (a libpq connection string) or --district-dbname NAME (a database of the private cluster)</source>
      <translation>哪个区？请给出 --district-dsn DSN（libpq 连接串）或 --district-dbname NAME（私有集群中的数据库）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/grids.py" line="334" />
      <source>within bounds {lo:,.0f}–{hi:,.0f} m²: {share:.1%}</source>
      <translation>面积在 {lo:,.0f}–{hi:,.0f} m² 范围内的比例：{share:.1%}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/manual.py" line="87" />
      <source>work days</source>
      <translation>工作日</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/manual.py" line="86" />
      <source>work hours</source>
      <translation>工作时</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="232" />
      <source>work-order numbers are recorded by the supervision centre (operator, shift leader or supervisor)</source>
      <translation>工单编号由监督中心（受理员、值班长或监督员）登记</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="639" />
      <source>working day</source>
      <translation>工作日</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_admin.py" line="139" />
      <source>working hours</source>
      <translation>作息时间</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/reports.py" line="317" />
      <source>working hours from the dispatch to the feedback, the time suspended (挂账) left out</source>
      <translation>从派遣到处置反馈的工作时间（小时），挂账期间不计</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/workcalendar.py" line="58" />
      <source>working period {period} is not a time range (HH:MM-HH:MM)</source>
      <translation>工作时段 {period} 不是时间范围（HH:MM-HH:MM）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="183" />
      <source>working period {value} must end after it starts and after the period before it</source>
      <translation>工作时段 {value} 的结束须晚于开始，且晚于前一时段</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="181" />
      <source>working periods {value} are not periods like 08:30-12:00,13:30-17:30</source>
      <translation>工作时段 {value} 格式不对，应如 08:30-12:00,13:30-17:30</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/workcalendar.py" line="82" />
      <source>working week {week} is not a list of ISO weekdays like 1,2,3,4,5</source>
      <translation>工作周 {week} 不是 ISO 星期几的列表，应写作 1,2,3,4,5 这样的形式</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/calendar.py" line="84" />
      <source>working weekend</source>
      <translation>调休上班</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="891" />
      <source>write 是 or 否 (yes or no)</source>
      <translation>请写 是 或 否（yes 或 no）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/report_dialog.py" line="530" />
      <source>x {x:.1f}  y {y:.1f}</source>
      <translation>X {x:.1f}  Y {y:.1f}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/workform.py" line="684" />
      <source>year     month     day</source>
      <translation>年          月          日</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="830" />
      <source>yes</source>
      <translation>是</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="245" />
      <source>you may not add a {stage} photo to case {case} now (it does not exist, is not yours, or is not at that stage)</source>
      <translation>您现在不能为案卷 {case} 添加{stage}照片（案卷不存在、不归您处理，或不在该环节）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/hotspots.py" line="409" />
      <source>z-scores and p-values differ in shape: {z} and {p}</source>
      <translation>z 得分与 p 值的形状不同：{z} 与 {p}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/hotspots.py" line="412" />
      <source>z-scores and p-values must be numbers (no empty values)</source>
      <translation>z 得分和 p 值必须是数值（不能有空值）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="1073" />
      <source>{action} by {role}</source>
      <translation>{role} 可{action}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/admin.py" line="482" />
      <source>{action} by {role} is given twice</source>
      <translation>{role} 的 {action} 权限重复</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/workflow.py" line="75" />
      <source>{action} case {case}?</source>
      <translation>确定对案件 {case} 执行“{action}”？</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="69" />
      <source>{action} needs a note (why)</source>
      <translation>“{action}”需要填写备注（原因）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="222" />
      <source>{action} needs a {stage} photo taken for it (none added since {since}): add the photo with the action</source>
      <translation>“{action}”需要一张为此拍摄的{stage}照片（自 {since} 以来未添加）：请随本操作添加照片</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="71" />
      <source>{action} takes no input {keys}; its inputs: {inputs}</source>
      <translation>“{action}”不接受输入 {keys}；可用输入：{inputs}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/cases.py" line="146" />
      <source>{action} takes no photo: take it without photos (photos belong to the report, the verification, the handling or the check)</source>
      <translation>“{action}”不附照片：请不带照片执行（照片属于上报、核实、处置或核查环节）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/plugin.py" line="191" />
      <source>{action}: connect to a CityGrid store first (CityGrid ▸ Settings)</source>
      <translation>{action}：请先连接 CityGrid 数据库（CityGrid ▸ 设置）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/plugin.py" line="193" />
      <source>{action}: only at the city platform's store, which holds every district's cases</source>
      <translation>{action}：只在市级平台的数据库中可用（那里汇集各区县的案件）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/plugin.py" line="196" />
      <source>{action}: your store login has none of the roles {roles}</source>
      <translation>{action}：您的数据库账号不具备以下任一角色：{roles}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layers.py" line="200" />
      <source>{added} store layers added; {found} were already in the project.</source>
      <translation>已添加 {added} 个数据库图层；{found} 个已在工程中。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/workflow.py" line="91" />
      <source>{amount} left</source>
      <translation>剩余 {amount}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="725" />
      <source>{area} belongs to {holder} in the store; to move it run the import with MODE “replace” (the file becomes the whole territory table), or delete the row</source>
      <translation>{area} 在库中属于 {holder}；如要移交，请以“替换”方式（MODE，文件成为完整的属地表）运行导入，或删除该行</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/patrol.py" line="775" />
      <source>{at} {who}: {what}</source>
      <translation>{at} {who}：{what}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="1021" />
      <source>{before} → {after} cases a month from the first half of the months to the second</source>
      <translation>前半期月均 {before} 件 → 后半期月均 {after} 件</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="986" />
      <source>{best} was the only department with a score (mean {best_score}).</source>
      <translation>{best}是唯一有得分的专业部门（平均得分 {best_score}）。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/reporttext.py" line="210" />
      <source>{best} was the only department with cases due; it scored {best_score} points.</source>
      <translation>{best}是唯一有应处置案件的专业部门，综合得分 {best_score} 分。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/themes.py" line="126" />
      <source>{cases} cases in {with_cases} of {grids} grids, at most {most} in one; {method}</source>
      <translation>上报案件 {cases} 件，分布在 {grids} 个网格中的 {with_cases} 个，单个网格最多 {most} 件；{method}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/themes.py" line="135" />
      <source>{cases} cases in {with_cases} of {grids} grids; classes as for the whole area</source>
      <translation>上报案件 {cases} 件，分布在 {grids} 个网格中的 {with_cases} 个；分级与全区一致</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/themes.py" line="303" />
      <source>{cases} cases; {hot} hot and {cold} cold spot grids of {grids} (Gi* over the whole area)</source>
      <translation>上报案件 {cases} 件；{grids} 个网格中热点 {hot} 个、冷点 {cold} 个（Gi* 按全区计算）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/case_queue.py" line="643" />
      <source>{case}: {action} done</source>
      <translation>{case}：已{action}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/bigscreen.py" line="239" />
      <source>{city} city management command centre</source>
      <translation>{city}城市管理监督指挥中心</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_fieldpackage.py" line="349" />
      <source>{code} (uid {uid}): package {local}, store {remote}: {differences}</source>
      <translation>{code}（uid {uid}）：数据包 {local}，数据库 {remote}：{differences}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/manualsheet.py" line="549" />
      <source>{code} is a {other} class ({name}), not a {kind} class: correct the type</source>
      <translation>{code} 是{other}类别（{name}），不是{kind}类别：请改正类型</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/manualsheet.py" line="545" />
      <source>{code} is a {other} class ({name}), not a {kind} class: move the row to the sheet {other}</source>
      <translation>{code} 是{other}类别（{name}），不是{kind}类别：请把该行移到“{other}”表</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_codegrids.py" line="87" />
      <source>{communities} communities: {new} new codes, {kept} kept, {reshaped} reshaped, {retired} retired</source>
      <translation>{communities} 个社区：新编码 {new}，沿用 {kept}，调整形状 {reshaped}，注销 {retired}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/grids.py" line="1537" />
      <source>{count} barrier geometries are neither lines nor polygons (or have non-finite coordinates) and were ignored</source>
      <translation>{count} 个分隔要素既不是线也不是面（或坐标无效），已忽略</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/hotspots.py" line="166" />
      <source>{count} cases have a grid index outside 0..{last} (-1 marks a case in no grid)</source>
      <translation>{count} 个案件的网格编号超出 0..{last}（-1 表示案件不在任何网格内）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/hotspots.py" line="165" />
      <source>{count} cases have a time-slice index outside 0..{last} (-1 marks a case outside the window)</source>
      <translation>{count} 个案件的时间切片编号超出 0..{last}（-1 表示案件在时间范围之外）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/gridcheck.py" line="572" />
      <source>{count} error</source>
      <translation>{count} 个错误</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/gridcheck.py" line="572" />
      <source>{count} errors</source>
      <translation>{count} 个错误</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/hotspots.py" line="284" />
      <source>{count} grids have no valid centroid: repair their geometry</source>
      <translation>{count} 个网格没有有效的质心：请修复其几何</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/hotspots.py" line="339" />
      <source>{count} grids have no value (empty or not a number): give them a value (0 for counts) or leave them out</source>
      <translation>{count} 个网格没有值（为空或不是数值）：请赋值（计数填 0）或将其排除</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/kde.py" line="191" />
      <source>{count} points have a radius that is empty, zero or negative: every radius must be a positive distance</source>
      <translation>{count} 个点的半径为空、为零或为负：每个半径都必须是正的距离</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/kde.py" line="179" />
      <source>{count} points have no valid coordinates: repair or remove their geometry</source>
      <translation>{count} 个点没有有效坐标：请修复或删除其几何</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/kde.py" line="152" />
      <source>{count} points have no valid weight (empty or not a number): fill the weight field or leave those points out</source>
      <translation>{count} 个点没有有效权重（为空或不是数值）：请填写权重字段或排除这些点</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/kde.py" line="210" />
      <source>{count} points lie outside the given extent: enlarge the extent to the bounding box of all points</source>
      <translation>{count} 个点位于给定范围之外：请把范围扩大到包含所有点的外接矩形</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/gridcheck.py" line="574" />
      <source>{count} warning</source>
      <translation>{count} 个警告</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/gridcheck.py" line="574" />
      <source>{count} warnings</source>
      <translation>{count} 个警告</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcases.py" line="255" />
      <source>{created} cases created, {known} already known (imported before), 0 rejected</source>
      <translation>新建案件 {created} 件，已有 {known} 件（此前已导入），拒绝 0 行</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_open311.py" line="214" />
      <source>{created} new, {known} already there, {closed} closed requests skipped</source>
      <translation>新增 {created} 条，已有 {known} 条，跳过已关闭请求 {closed} 条</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/heatmap.py" line="281" />
      <source>{days} days ago</source>
      <translation>{days} 天前</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="628" />
      <source>{day} ({weekday}) is a day off of the week anyway; the row changes nothing today</source>
      <translation>{day}（{weekday}）本来就是休息日；该行目前不改变任何内容</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="624" />
      <source>{day} ({weekday}) is a working day of the week anyway; the row changes nothing today</source>
      <translation>{day}（{weekday}）本来就是工作日；该行目前不改变任何内容</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/calendar.py" line="278" />
      <source>{day} follows the weekly rule again; save the calendar to keep it.</source>
      <translation>{day} 已恢复按周规则；保存工作日历后生效。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="618" />
      <source>{day} is already listed in row {other}; keep one of the two rows</source>
      <translation>{day} 已在第 {other} 行列出；请只保留其中一行</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/calendar.py" line="272" />
      <source>{day} set; save the calendar to keep it.</source>
      <translation>已设置 {day}；保存工作日历后生效。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/patrol.py" line="175" />
      <source>{day}: {n} supervisors with responsibility grids or tracks, {k} patrolled</source>
      <translation>{day}：{n} 名监督员有责任网格或轨迹，其中 {k} 名有巡查</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/maps.py" line="157" />
      <source>{district} digital urban management store (CityGrid)</source>
      <translation>{district}数字城管数据库（CityGrid）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/themes.py" line="204" />
      <source>{due} cases due for handling, {rate} handled on time</source>
      <translation>应处置案件 {due} 件，按期处置率 {rate}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/themes.py" line="198" />
      <source>{due} cases due for handling, {rate} handled on time; counted where the cases are</source>
      <translation>应处置案件 {due} 件，按期处置率 {rate}；按案件所在地统计</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="912" />
      <source>{due} cases fell due for handling: {handled} were handled (handling rate {handling_rate}), {on_time} on time (on-time handling rate {on_time_rate}).</source>
      <translation>应处置案件 {due} 件，已处置 {handled} 件，处置率 {handling_rate}；按期处置 {on_time} 件，按期处置率 {on_time_rate}。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/reporttext.py" line="191" />
      <source>{due} cases fell due for handling: {handled} were handled, a handling rate of {handling_rate}, {handling_change}; {on_time} on time, an on-time handling rate of {on_time_rate}, {on_time_change}.</source>
      <translation>应处置案件 {due} 件，已处置 {handled} 件，处置率 {handling_rate}，{handling_change}；按期处置 {on_time} 件，按期处置率 {on_time_rate}，{on_time_change}。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/publication.py" line="264" />
      <source>{due} cases fell due for handling; {on_time} of them were handled on time, an on-time handling rate of {rate}.</source>
      <translation>本月到期应处置案件{due}件，按期处置{on_time}件，按期处置率{rate}。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/responsibility.py" line="441" />
      <source>{duty} {name} added to grid {grid}.</source>
      <translation>已为网格 {grid} 添加{duty} {name}。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/roster.py" line="149" />
      <source>{duty} {name} of grid {grid}</source>
      <translation>网格 {grid} 的{duty} {name}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/responsibility.py" line="456" />
      <source>{duty} {name} of grid {grid} saved.</source>
      <translation>网格 {grid} 的{duty} {name} 已保存。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/responsibility.py" line="468" />
      <source>{duty} {name} removed from grid {grid}.</source>
      <translation>已从网格 {grid} 移除{duty} {name}。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/workflow.py" line="86" />
      <source>{d} d {h} h</source>
      <translation>{d}天{h}小时</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/cases.py" line="63" />
      <source>{field} contains a NUL character (\0), which the store cannot hold; remove it</source>
      <translation>{field} 含有 NUL 字符（\0），数据库无法保存；请删除该字符</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/fieldwork.py" line="653" />
      <source>{field}: package {local}, store {remote}</source>
      <translation>{field}：数据包 {local}，数据库 {remote}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/leader.py" line="343" />
      <source>{figure} ({n})</source>
      <translation>{figure}（{n}）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/patrol.py" line="302" />
      <source>{filed} reports filed ({known} already in the store), {applied} verdicts taken ({skipped} taken before), {conflicts} conflicts, {tracks} track parts stored, {problems} problems</source>
      <translation>上报立为案件 {filed} 条（数据库中已有 {known} 条），执行现场结论 {applied} 条（此前已执行 {skipped} 条），冲突 {conflicts} 条，存入轨迹段 {tracks} 段，问题 {problems} 个</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/basemap_layers.py" line="29" />
      <source>{file} cannot be opened as a raster (GeoTIFF) image: {error}</source>
      <translation>{file} 无法作为栅格（GeoTIFF）影像打开：{error}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdxf.py" line="166" />
      <source>{file} cannot be read as a DXF drawing ({error}); export it again from CAD as an ASCII DXF (AutoCAD R12–2018)</source>
      <translation>{file} 无法作为 DXF 图纸读取（{error}）；请从 CAD 重新导出为 ASCII DXF（AutoCAD R12–2018）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/manualfiles.py" line="139" />
      <source>{file} differs from the manual in force (version {version}) in {n} items. Applied, it replaces the whole manual as a new version; cases already reported keep the version they were reported under.</source>
      <translation>{file} 与现行手册（第 {version} 版）有 {n} 处不同。应用后将替换整本手册，生成新版本；已上报的案件仍按上报时的版本计时。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/basemap_layers.py" line="26" />
      <source>{file} does not exist</source>
      <translation>{file} 不存在</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/basemap_layers.py" line="32" />
      <source>{file} has no CRS; add a .prj/.aux.xml or georeference it first</source>
      <translation>{file} 没有坐标系；请先添加 .prj/.aux.xml 或进行地理配准</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/manualfiles.py" line="105" />
      <source>{file} has {n} problems, so nothing was imported and the manual in force is unchanged. Correct each of them in the file and import it again.</source>
      <translation>{file} 有 {n} 处问题，因此没有导入，现行手册未作任何修改。请在文件中逐一改正后重新导入。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdxf.py" line="228" />
      <source>{file} holds no lines, outlines or texts to import</source>
      <translation>{file} 中没有可导入的线、轮廓或文字</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdxf.py" line="152" />
      <source>{file} is a DWG drawing; save it as DXF in CAD (Save As ▸ DXF) and import the DXF</source>
      <translation>{file} 是 DWG 图纸；请在 CAD 中另存为 DXF（另存为 ▸ DXF）后导入</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdxf.py" line="219" />
      <source>{file} is damaged: reading stopped with “{error}” after {n} entities; nothing was written. Export it again from CAD</source>
      <translation>{file} 已损坏：读取 {n} 个实体后因“{error}”停止；未写入任何数据。请从 CAD 重新导出</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_open311.py" line="174" />
      <source>{file} is not UTF-8 (GeoReport files are UTF-8): byte {at}</source>
      <translation>{file} 不是 UTF-8 编码（GeoReport 文件为 UTF-8）：第 {at} 字节</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdxf.py" line="399" />
      <source>{file} lands outside the area of use of the store CRS {crs} (extent {extent}); nothing was written. Give the CRS of the drawing's coordinates (SOURCE_CRS), e.g. the city's CGCS2000 Gauss-Krüger zone or its local survey CRS</source>
      <translation>{file} 落在数据库坐标系 {crs} 的适用范围之外（范围 {extent}）；未写入任何数据。请给出图中坐标所用的坐标系（SOURCE_CRS），例如城市的 CGCS2000 高斯-克吕格投影带或地方测量坐标系</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/manual.py" line="650" />
      <source>{file} was not imported: {n} problems (listed in the window); the manual in force is unchanged.</source>
      <translation>{file} 未导入：有 {n} 处问题（见问题列表窗口）；现行手册未作修改。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_open311.py" line="47" />
      <source>{file}: a GeoReport file ends in .json or .xml</source>
      <translation>{file}：GeoReport 文件的扩展名应为 .json 或 .xml</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/manualsheet.py" line="715" />
      <source>{file}: mixed encodings: line {utf8} is UTF-8 but line {gbk} is GBK, so part of the file would be read wrong whatever the encoding; save the whole file in one encoding (UTF-8 or GBK) and import it again</source>
      <translation>{file}：编码混杂：第 {utf8} 行是 UTF-8，第 {gbk} 行却是 GBK，无论按哪种编码读取都会有部分内容出错；请将整个文件另存为同一种编码（UTF-8 或 GBK）后重新导入</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdxf.py" line="112" />
      <source>{file}: no CRS given, coordinates taken as the store CRS EPSG:{srid}</source>
      <translation>{file}：未给出坐标系，按数据库坐标系 EPSG:{srid} 处理</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdxf.py" line="223" />
      <source>{file}: none of its {n} entities could be placed (empty, or not reprojectable from the given CRS); check the CRS of the drawing's coordinates (SOURCE_CRS)</source>
      <translation>{file}：{n} 个实体都无法定位（为空，或无法从所给坐标系重投影）；请检查图中坐标所用的坐标系（SOURCE_CRS）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdxf.py" line="116" />
      <source>{file}: reprojecting from {src} to the store CRS EPSG:{srid}</source>
      <translation>{file}：从 {src} 重投影到数据库坐标系 EPSG:{srid}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdxf.py" line="136" />
      <source>{file}: {lines} lines, {polygons} polygons, {texts} annotations imported (batch {batch}); {replaced} rows of an earlier import replaced</source>
      <translation>{file}：导入 {lines} 条线、{polygons} 个面、{texts} 个注记（批次 {batch}）；替换此前导入的 {replaced} 行</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/fieldwork.py" line="481" />
      <source>{first} and {second} share uid {uid} (a copied feature?); clear the uid of the copy and a new one is given</source>
      <translation>{first} 与 {second} 的 uid {uid} 相同（复制的要素？）；清空副本的 uid，同步时会分配新的</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_coverage.py" line="149" />
      <source>{first} – {last}: {n} supervisors, {k} patrol days, coverage {share}</source>
      <translation>{first} – {last}：{n} 名监督员，{k} 个巡查日，覆盖率 {share}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_publication.py" line="182" />
      <source>{folder} holds other files ({names}); the public information of the month replaces the whole folder: choose another output folder or move those files</source>
      <translation>{folder} 中有其他文件（{names}）；当月公众信息会替换整个文件夹：请选择其他输出文件夹，或先移走这些文件</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/patrol.py" line="390" />
      <source>{folder} is not a patrol package: {file} is missing</source>
      <translation>{folder} 不是巡查数据包：缺少 {file}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/patrol.py" line="507" />
      <source>{folder} was built from another store (store id {package}); this store's id is {store}: sync it against the store it came from</source>
      <translation>{folder} 来自另一个数据库（数据库标识 {package}）；本数据库的标识是 {store}：请与生成它的数据库同步</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/patrol.py" line="513" />
      <source>{folder}: the package id '{id}' is not a UUID; the package table was edited</source>
      <translation>{folder}：数据包编号“{id}”不是 UUID；数据包信息表被改动过</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/patrol.py" line="504" />
      <source>{folder}: the package names no store; it was not built by citygrid:patrolpackage</source>
      <translation>{folder}：数据包未记录所属数据库；它不是由 citygrid:patrolpackage 生成的</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/patrol.py" line="516" />
      <source>{folder}: the package names no supervisor</source>
      <translation>{folder}：数据包未记录监督员</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/fieldwork.py" line="273" />
      <source>{free} KB free on that disk</source>
      <translation>该磁盘剩余 {free} KB</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/hotspots.py" line="143" />
      <source>{grids} grid indices but {slices} time-slice indices: give both for every case</source>
      <translation>有 {grids} 个网格编号，却有 {slices} 个时间切片编号：每个案件都需要两者</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_censusprogress.py" line="66" />
      <source>{grids} grids: {surveyed} surveyed, {with_components} with components, {components} components</source>
      <translation>{grids} 个网格：已普查 {surveyed} 个，有部件 {with_components} 个，部件共 {components} 个</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="1030" />
      <source>{grid} ({community})</source>
      <translation>{grid}（{community}）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/case_detail.py" line="170" />
      <source>{hours} h requested, awaiting the shift leader</source>
      <translation>申请延期 {hours} 小时，待值班长审批</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periods.py" line="142" />
      <source>{how}, got '{text}'</source>
      <translation>{how}，收到的是“{text}”</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/workflow.py" line="88" />
      <source>{h} h {m:02d} min</source>
      <translation>{h}小时{m:02d}分</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_fieldpackage.py" line="355" />
      <source>{inserted} inserted, {updated} updated, {retired} retired in the store; {refreshed} refreshed in the package; {same} already synced; {conflicts} conflicts</source>
      <translation>数据库中插入 {inserted}、更新 {updated}、注销 {retired}；数据包中刷新 {refreshed}；已同步 {same}；冲突 {conflicts}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/report_dialog.py" line="717" />
      <source>{kb} kB</source>
      <translation>{kb} KB</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="108" />
      <source>{kind} class {cls} is not in the district's code profile</source>
      <translation>{kind}类别 {cls} 不在本区所用的编码表中</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="901" />
      <source>{kind} class {code} is a standard class ({name}) and cannot be redefined; give the local class a free code{free}</source>
      <translation>{kind}分类 {code} 是标准分类（{name}），不能重新定义；请给扩展分类一个空闲的代码{free}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="907" />
      <source>{kind} class {code} is already in row {other}; keep one of the two rows</source>
      <translation>{kind}分类 {code} 已在第 {other} 行；请只保留其中一行</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="279" />
      <source>{kind} class {code} is not in the code tables</source>
      <translation>{kind}类别 {code} 不在编码表中</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/classes.py" line="208" />
      <source>{kind} class {name} ({code}) saved.</source>
      <translation>{kind}分类 {name}（{code}）已保存。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/manual.py" line="292" />
      <source>{kind} defaults</source>
      <translation>{kind}默认时限</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/manual.py" line="570" />
      <source>{kind} {code} changed in the administration dialog</source>
      <translation>在系统管理中修改{kind} {code}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/components.py" line="235" />
      <source>{label} '%s' is not a known department</source>
      <translation>{label}“%s”不是已知部门</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/codes.py" line="102" />
      <source>{label} '{value}' contains full-width digits; use ASCII 0-9</source>
      <translation>{label}“{value}”含有全角数字；请使用半角数字 0-9</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/codes.py" line="248" />
      <source>{label} '{value}' contains non-digit characters {chars}</source>
      <translation>{label}“{value}”含有非数字字符 {chars}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/codes.py" line="97" />
      <source>{label} '{value}' has surrounding whitespace; remove it (codes are never trimmed silently)</source>
      <translation>{label}“{value}”首尾有空格；请删除（编码不会被自动去除空格）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/codes.py" line="167" />
      <source>{label} '{value}' is invalid; serials run {low}–{high}</source>
      <translation>{label}“{value}”无效；顺序码范围为 {low}–{high}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/codes.py" line="106" />
      <source>{label} '{value}' must be {width} digits</source>
      <translation>{label}“{value}”必须是 {width} 位数字</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_periodreport.py" line="73" />
      <source>{label} (%)</source>
      <translation>{label}（%）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_periodreport.py" line="367" />
      <source>{label} ({n} grids)</source>
      <translation>{label}（{n} 个网格）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/codes.py" line="231" />
      <source>{label} is empty</source>
      <translation>{label}为空</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/codes.py" line="258" />
      <source>{label} must be 15 digits, got {got} ('{value}')</source>
      <translation>{label}必须是 15 位，实际为 {got} 位（“{value}”）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/codes.py" line="406" />
      <source>{label} must be 16 digits (profile 2013) or 17 digits (profile 2026), got {got} ('{value}')</source>
      <translation>{label}必须是 16 位（2013 标准）或 17 位（2026 标准），实际为 {got} 位（“{value}”）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/codes.py" line="92" />
      <source>{label} must be text, got {type} {value!r}</source>
      <translation>{label}必须是文本，实际为 {type} {value!r}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/codes.py" line="400" />
      <source>{label} must be {want} digits for profile {profile}, got {got} ('{value}')</source>
      <translation>{profile} 标准的{label}必须是 {want} 位，实际为 {got} 位（“{value}”）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/codes.py" line="397" />
      <source>{label} must be {want} digits for profile {profile}, got {got} ('{value}'); {got} digits is the {other} profile; this store uses {profile}</source>
      <translation>{profile} 标准的{label}必须是 {want} 位，实际为 {got} 位（“{value}”）；{got} 位是 {other} 标准，本数据库使用 {profile} 标准</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/codes.py" line="163" />
      <source>{label} {value} is out of range {low}–{high}</source>
      <translation>{label} {value} 超出范围 {low}–{high}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdivisions.py" line="103" />
      <source>{layer} feature {fid}</source>
      <translation>{layer} 要素 {fid}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/fieldwork.py" line="118" />
      <source>{layer} feature {fid} (uid {uid})</source>
      <translation>{layer} 要素 {fid}（uid {uid}）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/fieldwork.py" line="475" />
      <source>{layer} feature {fid} (uid {uid}): no geometry</source>
      <translation>{layer} 要素 {fid}（uid {uid}）：没有几何</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/fieldwork.py" line="469" />
      <source>{layer} feature {fid}: uid '{uid}' is not a UUID; clear it and a new one is given</source>
      <translation>{layer} 要素 {fid}：uid '{uid}' 不是 UUID；清空后同步时会分配新的</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/features.py" line="67" />
      <source>{layer} feature {fid}: {error}</source>
      <translation>{layer} 要素 {fid}：{error}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/features.py" line="30" />
      <source>{layer} has no CRS; set the layer's CRS first</source>
      <translation>{layer} 没有坐标系；请先设置图层坐标系</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdivisions.py" line="85" />
      <source>{layer} has no field '{field}' (fields: {fields}); choose the right field in the algorithm's parameters</source>
      <translation>{layer} 没有字段“{field}”（现有字段：{fields}）；请在算法参数中选择正确的字段</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/features.py" line="36" />
      <source>{layer} is in {crs} (degrees); working in EPSG:{epsg}, the CGCS2000 Gauss-Krüger zone of its longitude</source>
      <translation>{layer} 使用 {crs}（单位为度）；改用其经度所在的 CGCS2000 高斯-克吕格投影带 EPSG:{epsg} 处理</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcases.py" line="305" />
      <source>{layer} is in {crs} (metres), but the coordinates are set to {system} longitude/latitude; choose “store CRS (a layer: its own CRS)”</source>
      <translation>{layer} 的坐标系为 {crs}（米），但坐标设为 {system} 经纬度；请选择“库坐标系（图层：图层自身坐标系）”</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/features.py" line="41" />
      <source>{layer} is in {crs}, whose unit is not the metre; reproject it to the district's CGCS2000 Gauss-Krüger zone</source>
      <translation>{layer} 使用 {crs}，单位不是米；请重投影到该区县的 CGCS2000 高斯-克吕格投影带</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/fieldwork.py" line="456" />
      <source>{layer}: columns {columns} are missing</source>
      <translation>{layer}：缺少字段 {columns}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_partitiongrids.py" line="242" />
      <source>{layer}: features without geometry skipped: {ids}</source>
      <translation>{layer}：已跳过没有几何的要素：{ids}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_codegrids.py" line="66" />
      <source>{layer}: reprojecting from {src} to EPSG:{srid}</source>
      <translation>{layer}：从 {src} 重投影到 EPSG:{srid}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcomponents.py" line="214" />
      <source>{layer}: reprojecting from {src} to {dst}</source>
      <translation>{layer}：从 {src} 重投影到 {dst}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_partitiongrids.py" line="273" />
      <source>{layer}: the road class expression {expression} cannot be evaluated: {error}; the layer's fields: {fields} (for a field that only some layers have, write attribute('name'), which is NULL where the field is missing)</source>
      <translation>{layer}：无法计算道路等级表达式 {expression}：{error}；该图层的字段：{fields}（若只有部分图层有该字段，请写 attribute('name')，缺少该字段的图层得到 NULL）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_partitiongrids.py" line="247" />
      <source>{layer}: {n} features have a road class the plugin does not know ({k} distinct values: {values}{more}); they count as local roads (支路)</source>
      <translation>{layer}：{n} 个要素的道路等级无法识别（{k} 种取值：{values}{more}）；按支路处理</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_partitiongrids.py" line="252" />
      <source>{layer}: {n} features have no road class (the expression gives NULL or an empty text); they count as local roads (支路)</source>
      <translation>{layer}：{n} 个要素没有道路等级（表达式结果为 NULL 或空文本）；按支路处理</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_partitiongrids.py" line="291" />
      <source>{layer}: {n} obstacle polygons</source>
      <translation>{layer}：{n} 个障碍物面</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/qfieldcheck.py" line="79" />
      <source>{layer}: {what}; {fix}</source>
      <translation>{layer}：{what}；{fix}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/action_dialog.py" line="227" />
      <source>{limit}, due {at}</source>
      <translation>{limit}，截止 {at}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_patrolpackage.py" line="213" />
      <source>{login} answers for no unit grid today: give him his responsibility grids first (系统管理 ▸ Responsibility grids)</source>
      <translation>{login} 今天没有负责的单元网格：请先为其分配责任网格（系统管理 ▸ 责任网格）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/admin.py" line="610" />
      <source>{login} answers for the grid already ({period}); change that period instead</source>
      <translation>{login} 已负责该网格（{period}）；请修改那个期间</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/admin.py" line="799" />
      <source>{login} is not a supervisor's login; tasks go to supervisors (监督员)</source>
      <translation>{login} 不是监督员账号；任务只能交给监督员</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/patrol.py" line="623" />
      <source>{login} no longer answers for grids {grids}: his reports there are filed as usual; their tasks go to the grids' supervisor now (a verdict on one the shift leader reassigned is a conflict)</source>
      <translation>{login} 已不再负责网格 {grids}：其在这些网格的上报照常立案；这些网格的任务现归其现任监督员（值班长已改派的任务上的结论作为冲突处理）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_roles.py" line="137" />
      <source>{login} was saved, but not the responsibility grids: {error}</source>
      <translation>{login} 已保存，但责任网格未保存：{error}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_roles.py" line="139" />
      <source>{login}: responsibility grids {grids}</source>
      <translation>{login}：责任网格 {grids}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_patrolpackage.py" line="252" />
      <source>{login}: {grids} grids, {tasks} tasks, {components} components → {path}</source>
      <translation>{login}：网格 {grids} 个，任务 {tasks} 个，部件 {components} 个 → {path}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_roles.py" line="142" />
      <source>{login}: {roles}; password {state}</source>
      <translation>{login}：{roles}；密码{state}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/patrol.py" line="193" />
      <source>{m:,.0f} m</source>
      <translation>{m:,.0f} 米</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/report_dialog.py" line="760" />
      <source>{m:.0f} m</source>
      <translation>{m:.0f} 米</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="941" />
      <source>{major} is a new major class: give its name</source>
      <translation>{major} 是新的大类：请填写其名称</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="760" />
      <source>{month} ({score})</source>
      <translation>{month}（{score}）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="769" />
      <source>{month} cases</source>
      <translation>{month}案件数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_publication.py" line="111" />
      <source>{month} is not over yet: a month's public figures are published once it is complete, so that they never change afterwards</source>
      <translation>{month}尚未结束：每月的公众信息在该月结束后发布，发布后的数据不再变动</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="927" />
      <source>{month} {n}</source>
      <translation>{month} {n} 件</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/labels.py" line="32" />
      <source>{month}/{year}</source>
      <translation>{year}年{month}月</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/evaluation.py" line="340" />
      <source>{month}: {n} cases evaluated (cut-off {as_of})</source>
      <translation>{month}：参与评价的案件 {n} 件（截止 {as_of}）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_monthlyreport.py" line="97" />
      <source>{month}: {n} cases with actions in or open during the month (cut-off {as_of})</source>
      <translation>{month}：本月有操作或在办的案件 {n} 件（截止时间 {as_of}）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/reporttext.py" line="182" />
      <source>{month}: {reported} cases were reported, {change}; {valid} of them were valid (valid-report rate {valid_rate}).</source>
      <translation>{month}共上报案件 {reported} 件，{change}；其中有效上报 {valid} 件，有效上报率 {valid_rate}。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/workflow.py" line="90" />
      <source>{m} min</source>
      <translation>{m}分钟</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="831" />
      <source>{name_en}; trusted {trusted}; reporter needed {needs}; role {role}; active {active}</source>
      <translation>{name_en}；可信 {trusted}；需登记举报人 {needs}；上报角色 {role}；启用 {active}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/open311.py" line="266" />
      <source>{name} '{value}' is not a number</source>
      <translation>{name}“{value}”不是数字</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/charts.py" line="570" />
      <source>{name} ({kind})</source>
      <translation>{name}（{kind}）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="949" />
      <source>{name} ({n} cases)</source>
      <translation>{name}（{n} 件）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/open311.py" line="288" />
      <source>{name} has {count} characters; at most {limit}</source>
      <translation>{name} 有 {count} 个字符；最多 {limit} 个</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/xlsx.py" line="376" />
      <source>{name} is a damaged .xlsx workbook ({error}); open it in Excel or WPS and save it again</source>
      <translation>{name} 是损坏的 .xlsx 工作簿（{error}）；请在 Excel 或 WPS 中打开后重新保存</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/open311.py" line="460" />
      <source>{name} is given more than once</source>
      <translation>{name} 给出了不止一次</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/open311.py" line="264" />
      <source>{name} is missing</source>
      <translation>缺少 {name}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/xlsx.py" line="365" />
      <source>{name} is not an .xlsx workbook (an old .xls, a CSV renamed, or a damaged file?); save it from Excel or WPS as “Excel 工作簿 (*.xlsx)”</source>
      <translation>{name} 不是 .xlsx 工作簿（旧的 .xls、改了扩展名的 CSV，或文件已损坏？）；请在 Excel 或 WPS 中另存为“Excel 工作簿 (*.xlsx)”</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/open311.py" line="282" />
      <source>{name} must be text</source>
      <translation>{name} 必须是文本</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/xlsx.py" line="369" />
      <source>{name} unpacks to more than 256 MB; this is not a workbook to import</source>
      <translation>{name} 解压后超过 256 MB，不是可以导入的工作簿</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/open311.py" line="272" />
      <source>{name} {value} is not a WGS84 degree between {low} and {high}</source>
      <translation>{name} {value} 不是 {low} 至 {high} 之间的 WGS84 度数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/report_dialog.py" line="540" />
      <source>{name} · {metres:.0f} m · {code}</source>
      <translation>{name} · {metres:.0f} 米 · {code}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/manualsheet.py" line="754" />
      <source>{name}: a manual is read from an .xlsx workbook or a .csv file (an old .xls: save it as .xlsx in Excel or WPS)</source>
      <translation>{name}：指挥手册只能从 .xlsx 工作簿或 .csv 文件导入（旧的 .xls 请在 Excel 或 WPS 中另存为 .xlsx）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_coverage.py" line="92" />
      <source>{name}: “{value}” is not a day (write it 2026-12-01)</source>
      <translation>{name}：“{value}”不是日期（请写成 2026-12-01）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdepartments.py" line="52" />
      <source>{new} new, {updated} updated, {same} unchanged</source>
      <translation>新增 {new}，更新 {updated}，未变 {same}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_workform.py" line="140" />
      <source>{number} names several cases ({cases}): give the full case number</source>
      <translation>{number} 对应多个案卷（{cases}）：请填写完整的案卷编号</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/reporttext.py" line="87" />
      <source>{number}. {title}</source>
      <translation>{number}、{title}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/leader.py" line="390" />
      <source>{num} of {den} cases</source>
      <translation>{den} 件中 {num} 件</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/evaluation.py" line="401" />
      <source>{num} of {den} cases — click to list the {den}</source>
      <translation>{den} 件中的 {num} 件——点击列出这 {den} 件</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_hotspots.py" line="93" />
      <source>{n} cases ({window}) → {rows} × {cols} pixels of {pixel:g} m</source>
      <translation>{n} 件案件（{window}）→ {rows} × {cols} 个 {pixel:g} 米像元</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/leader.py" line="324" />
      <source>{n} cases of {month} read at {time}</source>
      <translation>{time} 读取{month}案件 {n} 件</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/reports.py" line="104" />
      <source>{n} cases reported in the period, in {k} classes</source>
      <translation>统计期内上报 {n} 件，涉及 {k} 个类别</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/reports.py" line="232" />
      <source>{n} cases reported; each kind's total, then its major classes and their classes</source>
      <translation>本期上报 {n} 件；依次为事件、部件合计及其下各大类、小类</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_workform.py" line="89" />
      <source>{n} cases to print</source>
      <translation>待打印案卷 {n} 件</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/evaluation.py" line="428" />
      <source>{n} cases — click to list them</source>
      <translation>{n} 件案件——点击列出</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/cli.py" line="251" />
      <source>{n} cases, {o} open</source>
      <translation>案件 {n} 件，在办 {o} 件</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/heatmap.py" line="370" />
      <source>{n} cases, {window}</source>
      <translation>{n} 件案件，{window}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/evaluation.py" line="523" />
      <source>{n} cases: {title}</source>
      <translation>{n} 件案件：{title}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/base.py" line="629" />
      <source>{n} change(s) applied</source>
      <translation>已写入 {n} 项修改</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="951" />
      <source>{n} classes were among the {top} most reported in every month: {items}.</source>
      <translation>{n} 个问题类别在每个月都位列上报最多的前 {top} 位：{items}。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_partitiongrids.py" line="151" />
      <source>{n} communities, {m} barrier features</source>
      <translation>{n} 个社区，{m} 个分隔要素</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_fieldpackage.py" line="124" />
      <source>{n} components in {grids} unit grids written to {path}</source>
      <translation>{n} 个部件（{grids} 个单元网格）已写入 {path}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_manual.py" line="196" />
      <source>{n} differences with version {version} in force:</source>
      <translation>与现行第 {version} 版有 {n} 处差异：</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdxf.py" line="242" />
      <source>{n} entities could not be used (empty, zero length or not repairable) and were skipped: {refs}</source>
      <translation>{n} 个实体无法使用（为空、长度为零或无法修复），已跳过：{refs}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_hotspots.py" line="137" />
      <source>{n} grids have no neighbour (island): their class compares them only with the district average; choose a larger band or contiguity</source>
      <translation>{n} 个网格没有邻居（孤立）：其分类只是与全区平均值比较；请选用更大的距离阈值或邻接方式</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/responsibility.py" line="288" />
      <source>{n} grids match; pick one in the list.</source>
      <translation>有 {n} 个网格符合；请在列表中选择一个。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/platform.py" line="443" />
      <source>{n} hand-overs taken by the district after the copy</source>
      <translation>复制完成后区县接收转办单 {n} 件</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdxf.py" line="239" />
      <source>{n} invalid outlines were repaired (make valid): {refs}</source>
      <translation>修复了 {n} 个无效轮廓：{refs}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_open311.py" line="219" />
      <source>{n} media links not imported: the store keeps photos, not links</source>
      <translation>{n} 个媒体链接未导入：库保存的是照片，而不是链接</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcases.py" line="246" />
      <source>{n} of {total} rows rejected, so nothing was imported (all or nothing): correct them (see the rejects layer) and run the import again</source>
      <translation>{total} 行中有 {n} 行被拒绝，因此未导入任何案件（全部或全不）：请按拒绝图层中的原因改正后重新导入</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/city_queue.py" line="292" />
      <source>{n} open cases, {late} overdue</source>
      <translation>在办 {n} 件，超期 {late} 件</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/bigscreen.py" line="546" />
      <source>{n} overdue</source>
      <translation>超期 {n} 件</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_maps.py" line="85" />
      <source>{n} pages, one per street</source>
      <translation>共 {n} 页，每个街道一页</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/photos.py" line="99" />
      <source>{n} photos for one stage; at most {limit}: remove some</source>
      <translation>同一环节 {n} 张照片；最多 {limit} 张：请移除一些</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdxf.py" line="246" />
      <source>{n} point entities without text (symbols, spot heights …) were not imported</source>
      <translation>{n} 个不带文字的点实体（符号、高程点等）未导入</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/base.py" line="608" />
      <source>{n} problem(s), so nothing was changed (all or nothing); correct them and run it again:
{problems}</source>
      <translation>{n} 个问题，因此未做任何修改（全部或全不）；请改正后重新运行：
{problems}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_patrolpackage.py" line="553" />
      <source>{n} problems QField could not live with</source>
      <translation>有 {n} 个 QField 无法接受的问题</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_open311.py" line="205" />
      <source>{n} problems, so nothing was imported (all or nothing): correct the file and import it again</source>
      <translation>有 {n} 个问题，因此什么也没有导入（全部或全不）：改正文件后重新导入</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/leader_figures.py" line="92" />
      <source>{n} pts</source>
      <translation>{n}个百分点</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_open311.py" line="104" />
      <source>{n} requests written to {file} ({window})</source>
      <translation>已向 {file} 写出 {n} 条请求（{window}）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcomponents.py" line="147" />
      <source>{n} rows read; {bad} rejected before the store</source>
      <translation>已读取 {n} 行；入库前拒绝 {bad} 行</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_open311.py" line="110" />
      <source>{n} services written to {file}</source>
      <translation>已向 {file} 写出 {n} 个服务</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/sources.py" line="152" />
      <source>{n} sources saved.</source>
      <translation>已保存 {n} 个问题来源。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="958" />
      <source>{n} unit grids were hot in every month: {items}.</source>
      <translation>{n} 个单元网格在每个月都是热点：{items}。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_patrolsync.py" line="134" />
      <source>{packages} packages synced ({refused} refused): {filed} reports filed ({known} already in the store), {applied} verdicts taken ({skipped} before), {conflicts} conflicts, {tracks} track parts stored, {problems} problems</source>
      <translation>同步数据包 {packages} 个（拒绝 {refused} 个）：上报立案 {filed} 条（数据库中已有 {known} 条），执行现场结论 {applied} 条（此前已执行 {skipped} 条），冲突 {conflicts} 条，存入轨迹段 {tracks} 段，问题 {problems} 个</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/patrol.py" line="918" />
      <source>{parts} parts, up to {end}</source>
      <translation>{parts} 段，截至 {end}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/backup.py" line="53" />
      <source>{path} already exists; a backup is never overwritten: choose another name</source>
      <translation>{path} 已存在；备份文件从不覆盖：请换一个文件名</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/fieldwork.py" line="185" />
      <source>{path} already exists; a package may hold unsynced field work, so it is never overwritten: choose another name or folder</source>
      <translation>{path} 已存在；数据包可能含有未同步的外业成果，因此从不覆盖：请换一个名称或文件夹</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/patrolpackage.py" line="225" />
      <source>{path} already exists; a patrol package may hold reports and verdicts not yet synced, so it is never overwritten: sync it, or choose another folder</source>
      <translation>{path} 已存在；巡查数据包中可能有尚未同步的上报和结论，因此绝不覆盖：请先同步，或另选文件夹</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_fieldpackage.py" line="121" />
      <source>{path} already exists; choose another name or folder</source>
      <translation>{path} 已存在；请换一个名称或文件夹</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_patrolpackage.py" line="216" />
      <source>{path} already holds a patrol package; it may hold reports and verdicts not yet synced, so it is never overwritten: sync it, or choose another folder</source>
      <translation>{path} 中已有巡查数据包；其中可能有尚未同步的上报和结论，因此绝不覆盖：请先同步，或另选文件夹</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/xlsx.py" line="363" />
      <source>{path} does not exist</source>
      <translation>{path} 不存在</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/patrol.py" line="409" />
      <source>{path} has package format {found}; this plugin reads format {known}: update the plugin</source>
      <translation>{path} 的数据包格式为 {found}；本插件只能读取格式 {known}：请升级插件</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_publication.py" line="177" />
      <source>{path} is a file, not a folder: choose another output folder</source>
      <translation>{path} 是文件而不是文件夹：请选择其他输出文件夹</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/fieldwork.py" line="429" />
      <source>{path} is not a CityGrid field-work package (tables {tables} are missing)</source>
      <translation>{path} 不是 CityGrid 外业数据包（缺少表 {tables}）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/fieldwork.py" line="426" />
      <source>{path} is not a GeoPackage: {error}</source>
      <translation>{path} 不是 GeoPackage：{error}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/backup.py" line="106" />
      <source>{path} is not a backup made by `citygrid db backup` (pg_dump --format=custom): {error}</source>
      <translation>{path} 不是由 `citygrid db backup`（pg_dump --format=custom）生成的备份：{error}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/patrol.py" line="399" />
      <source>{path} is not a patrol package (tables {tables} are missing)</source>
      <translation>{path} 不是巡查数据包（缺少表 {tables}）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/patrol.py" line="405" />
      <source>{path}: the package table {table} is empty; it was not built by citygrid:patrolpackage</source>
      <translation>{path}：数据包信息表 {table} 为空；它不是由 citygrid:patrolpackage 生成的</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/tables.py" line="40" />
      <source>{path}: write tables as .xlsx or .csv</source>
      <translation>{path}：表格请输出为 .xlsx 或 .csv</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="970" />
      <source>{pattern} {n} grids</source>
      <translation>{pattern} {n} 个网格</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/evaluation.py" line="273" />
      <source>{period} (to date)</source>
      <translation>{period}（至今）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_monthlyreport.py" line="85" />
      <source>{period} is not a month: the monthly report takes a month (YYYY-MM); a quarter's review is citygrid:quarterreport, a year's report citygrid:annualreport</source>
      <translation>{period} 不是一个月份：月报只接受月份（YYYY-MM）；季度点评请用 citygrid:quarterreport，年度报告请用 citygrid:annualreport</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_periodreport.py" line="143" />
      <source>{period}: the cases of {months} months read and evaluated month by month ({seconds:.1f} s)</source>
      <translation>{period}：已读取 {months} 个月的案件并逐月评价（{seconds:.1f} 秒）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_periodreport.py" line="386" />
      <source>{persistent} grids hot in every month ({method})</source>
      <translation>{persistent} 个网格每个月都是热点（{method}）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_periodreport.py" line="467" />
      <source>{place} annual comprehensive evaluation report ({period})</source>
      <translation>{place}数字城管年度综合评价报告（{period}）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/themes.py" line="238" />
      <source>{place} component census coverage</source>
      <translation>{place} 部件普查覆盖情况</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_monthlyreport.py" line="153" />
      <source>{place} comprehensive evaluation monthly report ({month})</source>
      <translation>{place}综合评价月报（{month}）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/publication.py" line="122" />
      <source>{place} digital urban management: public information, {month}</source>
      <translation>{place}数字城管公众信息发布（{month}）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_periodreport.py" line="419" />
      <source>{place} quarterly review ({period})</source>
      <translation>{place}数字城管季度点评（{period}）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_periodreport.py" line="160" />
      <source>{place} {period} case density (per unit grid)</source>
      <translation>{place} {period} 案件密度（按单元网格）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/themes.py" line="291" />
      <source>{place} {period} case hot spots (Gi*)</source>
      <translation>{place} {period} 案件热点分析（Gi*）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/themes.py" line="189" />
      <source>{place} {period} on-time handling rate (by community)</source>
      <translation>{place} {period} 按期处置率（按社区）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/themes.py" line="192" />
      <source>{place} {period} on-time handling rate (by street)</source>
      <translation>{place} {period} 按期处置率（按街道）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_periodreport.py" line="369" />
      <source>{place} {period}: hot spot patterns per unit grid</source>
      <translation>{place}{period}：各单元网格的热点模式</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_periodreport.py" line="384" />
      <source>{place} {period}: months each unit grid was hot</source>
      <translation>{place}{period}：各单元网格成为热点的月数</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/reporttext.py" line="139" />
      <source>{place} {period}: {theme}</source>
      <translation>{place} {period}：{theme}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/reporttext.py" line="152" />
      <source>{points} pp</source>
      <translation>{points} 个百分点</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periods.py" line="141" />
      <source>{problem}: {how}, got '{text}'</source>
      <translation>{problem}：{how}，收到的是“{text}”</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/backup.py" line="32" />
      <source>{program} not found; install the PostgreSQL client (postgresql-client-15)</source>
      <translation>找不到 {program}；请安装 PostgreSQL 客户端（postgresql-client-15）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/kde.py" line="188" />
      <source>{radii} radii were given for {points} points: give one radius per point</source>
      <translation>为 {points} 个点给出了 {radii} 个半径：每个点需要一个半径</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importdxf.py" line="339" />
      <source>{ref}: closed outline without area, kept as a line</source>
      <translation>{ref}：闭合轮廓面积为零，保留为线</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/reporttext.py" line="186" />
      <source>{registered} cases were registered, {change}; {closed} of them were closed by the end of the month, a closing rate of {closing_rate}, {closing_change}.</source>
      <translation>立案 {registered} 件，{change}；截至月末结案 {closed} 件，结案率 {closing_rate}，{closing_change}。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periodreview.py" line="909" />
      <source>{registered} cases were registered; {closed} of them were closed by the end of their month (closing rate {rate}).</source>
      <translation>立案 {registered} 件，其中截至当月月末结案 {closed} 件，结案率 {rate}。</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_monthlyreport.py" line="277" />
      <source>{reported} reported, {registered} registered; busiest day: the {day} ({n} reported)</source>
      <translation>上报 {reported} 件，立案 {registered} 件；上报最多的一天：{day} 日（{n} 件）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="156" />
      <source>{role} is not authorised to {action}; authorised: {who} (an administrator sets the authorisations)</source>
      <translation>{role}无权{action}；有权者：{who}（审批权限由管理员设置）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_hotspots.py" line="208" />
      <source>{slices} slices of {days} days, {first} – {last}</source>
      <translation>{slices} 个时段，每段 {days} 天，{first} 至 {last}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/textio.py" line="99" />
      <source>{source} is UTF-16 (Excel's “Unicode text”); save it as “CSV UTF-8” or as GBK CSV and try again</source>
      <translation>{source} 是 UTF-16 编码（Excel 的“Unicode 文本”）；请另存为“CSV UTF-8”或 GBK 编码的 CSV 后重试</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcases.py" line="414" />
      <source>{source} is a public channel: the reporter's name and phone are required (columns {reporter} and {phone}); fill them or choose the source the report really came through</source>
      <translation>{source} 是公众渠道：必须填写反映人姓名和联系电话（{reporter} 列和 {phone} 列）；请补填，或选择案件实际的来源</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_open311.py" line="187" />
      <source>{source} is a public channel: the store needs a reporter's name and phone for every case, and GeoReport requests carry none; give the reporter and phone (the contact of the system the file comes from)</source>
      <translation>{source} 是公众渠道：库要求每个案件都有举报人姓名和电话，而 GeoReport 请求不含这些；请填写举报人和电话（文件来源系统的联系人）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/reference.py" line="116" />
      <source>{source} line {line}</source>
      <translation>{source} 第 {line} 行</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/textio.py" line="103" />
      <source>{source} line {line} contains a NUL character (byte 0), so it is not a text file (UTF-16 or binary?); save it as “CSV UTF-8” or as GBK CSV</source>
      <translation>{source} 第 {line} 行含有 NUL 字符（字节 0），不是文本文件（UTF-16 或二进制文件？）；请另存为“CSV UTF-8”或 GBK 编码的 CSV</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/textio.py" line="112" />
      <source>{source} line {line}: {error}</source>
      <translation>{source} 第 {line} 行：{error}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/textio.py" line="135" />
      <source>{source} line {line}: {got} values for {want} columns</source>
      <translation>{source} 第 {line} 行：有 {got} 个值，但有 {want} 列</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="133" />
      <source>{source} row {row}, column {column} (empty): {what}</source>
      <translation>{source} 第 {row} 行，{column} 列（空）：{what}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="135" />
      <source>{source} row {row}, column {column} “{value}”: {what}</source>
      <translation>{source} 第 {row} 行，{column} 列“{value}”：{what}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="131" />
      <source>{source} row {row}: {what}</source>
      <translation>{source} 第 {row} 行：{what}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="128" />
      <source>{source}, column {column}: {what}</source>
      <translation>{source}，{column} 列：{what}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/textio.py" line="118" />
      <source>{source}: missing column(s) {missing}; found {found}</source>
      <translation>{source}：缺少列 {missing}；现有列为 {found}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/textio.py" line="48" />
      <source>{source}: neither UTF-8 nor GBK (undecodable byte at offset {offset}); save it as UTF-8 and try again</source>
      <translation>{source}：既不是 UTF-8 也不是 GBK（偏移 {offset} 处的字节无法解码）；请另存为 UTF-8 后重试</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/textio.py" line="41" />
      <source>{source}: not valid UTF-8 at byte {offset}; if the file comes from Excel on a Chinese Windows, choose GBK</source>
      <translation>{source}：第 {offset} 字节处不是有效的 UTF-8；如果文件来自中文 Windows 上的 Excel，请选择 GBK</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/textio.py" line="67" />
      <source>{source}: the encoding cannot be told apart: read as UTF-8 the file says “{utf8}”, read as GBK “{gbk}”; choose the encoding (UTF-8 or GBK) explicitly</source>
      <translation>{source}：无法判断文件编码：按 UTF-8 读取为“{utf8}”，按 GBK 读取为“{gbk}”；请明确选择编码（UTF-8 或 GBK）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/textio.py" line="110" />
      <source>{source}: the file is empty</source>
      <translation>{source}：文件为空</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="126" />
      <source>{source}: {what}</source>
      <translation>{source}：{what}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/workform.py" line="432" />
      <source>{stage} (limit {limit})</source>
      <translation>{stage}（时限 {limit}）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/manual.py" line="269" />
      <source>{stage} time limit</source>
      <translation>{stage}时限</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/labels.py" line="34" />
      <source>{start} to {end}</source>
      <translation>{start} 至 {end}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/storemessages.py" line="184" />
      <source>{table} is append-only: {op} refused</source>
      <translation>{table} 只能追加：拒绝 {op}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_createstore.py" line="69" />
      <source>{table}: {new} new, {updated} updated, {same} unchanged</source>
      <translation>{table}：新增 {new}，更新 {updated}，未变 {same}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/base.py" line="177" />
      <source>{target} holds no CityGrid store; run “Create or upgrade the CityGrid store” first</source>
      <translation>{target} 中没有 CityGrid 数据库；请先运行“创建或升级 CityGrid 数据库”</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_monthlyreport.py" line="265" />
      <source>{title} (chart)</source>
      <translation>{title}（图）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/layouts/report.py" line="306" />
      <source>{title} (continued)</source>
      <translation>{title}（续）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/publication.py" line="516" />
      <source>{title}, {month}: ranked by composite score</source>
      <translation>{title}（{month}，按综合得分排名）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/publication.py" line="515" />
      <source>{title}, {month}: ranked by on-time handling rate</source>
      <translation>{title}（{month}，按按期处置率排名）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/gridcheck.py" line="569" />
      <source>{title}: {count} ({severity})</source>
      <translation>{title}：{count}（{severity}）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/kde.py" line="149" />
      <source>{weights} weights were given for {points} points: give one weight per point</source>
      <translation>为 {points} 个点给出了 {weights} 个权重：每个点需要一个权重</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/manualsheet.py" line="578" />
      <source>{what} holds only time limits: move the topology to the class row</source>
      <translation>{what}只填时限：请把拓扑类型移到类别行</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/manualsheet.py" line="574" />
      <source>{what} holds only time limits{note}: move this text to the class row</source>
      <translation>{what}只填时限{note}：请把这段文字移到类别行</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/platform.py" line="462" />
      <source>{what} is not done after {s:.0f} s ({ready} of {total} tables): the link is made and goes on by itself; see `./citygrid platform status` and the servers' logs</source>
      <translation>{what}在 {s:.0f} 秒后仍未完成（{ready}/{total} 张表）：连接已建立，会自行继续；请查看 `./citygrid platform status` 和服务器日志</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/manualsheet.py" line="565" />
      <source>{what} of class {code} comes before its class row (or there is none): put the class row (情形 empty) above it</source>
      <translation>类别 {code} 的{what}在其类别行之前（或没有类别行）：请把类别行（情形为空）放在它上面</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/manualsheet.py" line="582" />
      <source>{what} of class {code} has no time limit: give at least one (e.g. 处置时限 24小时) or delete the row</source>
      <translation>类别 {code} 的{what}没有时限：请至少填写一个（如 处置时限 24小时），或删除该行</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/patrol.py" line="89" />
      <source>{what}: a bad fix, dropped</source>
      <translation>{what}：定位错误点，已舍弃</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/charts.py" line="480" />
      <source>{what}: a pie chart cannot show negative values</source>
      <translation>{what}：饼图不能显示负值</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/charts.py" line="483" />
      <source>{what}: all values are zero, nothing to show</source>
      <translation>{what}：所有数值均为零，没有可显示的内容</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/charts.py" line="375" />
      <source>{what}: no series to draw</source>
      <translation>{what}：没有可绘制的数据系列</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/patrol.py" line="90" />
      <source>{what}: the track is split there</source>
      <translation>{what}：轨迹在此处分段</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/charts.py" line="203" />
      <source>{what}: {labels} labels but {values} values; give one value per label</source>
      <translation>{what}：有 {labels} 个标签却有 {values} 个数值，请为每个标签给出一个数值</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/manual.py" line="372" />
      <source>{where}: a situation (情形) without a name</source>
      <translation>{where}：有一个情形没有名称</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/basemap.py" line="71" />
      <source>{where}: annotation without text</source>
      <translation>{where}：注记没有文字</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/divisions.py" line="103" />
      <source>{where}: boundary is empty</source>
      <translation>{where}：边界为空</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/divisions.py" line="105" />
      <source>{where}: boundary is invalid ({reason}); repair it, e.g. with Processing ▸ Fix geometries</source>
      <translation>{where}：边界无效（{reason}）；请修复，例如使用“处理工具 ▸ 修复几何”</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/divisions.py" line="100" />
      <source>{where}: boundary must be a polygon, got {type}</source>
      <translation>{where}：边界必须是面，实际为 {type}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/divisions.py" line="85" />
      <source>{where}: community code {code} appears twice in street {street}</source>
      <translation>{where}：社区编码 {code} 在街道 {street} 中出现两次</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/divisions.py" line="82" />
      <source>{where}: community refers to street {street}, which is not in the streets layer</source>
      <translation>{where}：社区所属街道 {street} 不在街道图层中</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/reference.py" line="120" />
      <source>{where}: department code '{code}' appears twice</source>
      <translation>{where}：部门编码“{code}”出现两次</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/reference.py" line="118" />
      <source>{where}: department code is empty</source>
      <translation>{where}：部门编码为空</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/reference.py" line="124" />
      <source>{where}: department kind '{kind}' is not one of {allowed}</source>
      <translation>{where}：部门类型“{kind}”不是 {allowed} 之一</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/reference.py" line="122" />
      <source>{where}: department name is empty</source>
      <translation>{where}：部门名称为空</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/patrol.py" line="77" />
      <source>{where}: left alone between two breaks of the track: dropped</source>
      <translation>{where}：夹在两处轨迹断点之间的孤立点：已舍弃</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/divisions.py" line="74" />
      <source>{where}: street belongs to district {other}, not {district}</source>
      <translation>{where}：街道属于区县 {other}，而不是 {district}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/divisions.py" line="77" />
      <source>{where}: street code {code} appears twice</source>
      <translation>{where}：街道编码 {code} 出现两次</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/divisions.py" line="69" />
      <source>{where}: the name is empty</source>
      <translation>{where}：名称为空</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/manual.py" line="379" />
      <source>{where}: the situation '{name}' has no time limit; give it at least one (or remove it)</source>
      <translation>{where}：情形“{name}”没有时限；请至少给出一个（或删除该情形）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/manual.py" line="376" />
      <source>{where}: the situation '{name}' is given twice</source>
      <translation>{where}：情形“{name}”重复</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/patrol.py" line="79" />
      <source>{where}: the time goes back from {before}</source>
      <translation>{where}：时间从 {before} 倒退</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/manual.py" line="367" />
      <source>{where}: topology '{value}' is not 点, 线 or 面</source>
      <translation>{where}：拓扑类型“{value}”不是 点、线 或 面</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/basemap.py" line="68" />
      <source>{where}: unknown base map kind '{kind}' (use one of {kinds})</source>
      <translation>{where}：未知底图类型“{kind}”（请使用 {kinds} 之一）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/basemap.py" line="116" />
      <source>{where}: unknown base map table '{table}'</source>
      <translation>{where}：未知底图表“{table}”</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/manual.py" line="360" />
      <source>{where}: unknown kind '{kind}' (事件 or 部件)</source>
      <translation>{where}：未知类型“{kind}”（事件或部件）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/manual.py" line="384" />
      <source>{where}: unknown stage '{stage}'</source>
      <translation>{where}：未知阶段“{stage}”</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/manual.py" line="364" />
      <source>{where}: {field} has {n} characters; at most 4000</source>
      <translation>{where}：{field} 有 {n} 个字符；最多 4000</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/patrol.py" line="81" />
      <source>{where}: {metres:.0f} m from the point before at the same time</source>
      <translation>{where}：与前一点同一时刻却相距 {metres:.0f} 米</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/patrol.py" line="84" />
      <source>{where}: {metres:.0f} m in {seconds:.1f} s from the point before ({speed:.0f} km/h, faster than {limit:.0f} km/h)</source>
      <translation>{where}：距前一点 {metres:.0f} 米，用时 {seconds:.1f} 秒（{speed:.0f} 千米/小时，超过 {limit:.0f} 千米/小时）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcases.py" line="263" />
      <source>{where}: {what}</source>
      <translation>{where}：{what}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/manual.py" line="374" />
      <source>{where}: 紧急 is the urgent limits' row, not a situation</source>
      <translation>{where}：“紧急”是紧急时限行，不是情形</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/classes.py" line="141" />
      <source>{where}row {row} (code '{code}')</source>
      <translation>{where}第 {row} 行（代码“{code}”）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/classes.py" line="187" />
      <source>{where}row {row}: missing column(s) {missing}</source>
      <translation>{where}第 {row} 行：缺少列 {missing}</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/action_dialog.py" line="136" />
      <source>{who} — has the task now</source>
      <translation>{who}（当前负责）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/platform.py" line="212" />
      <source>{who}'s server runs with wal_level = {level}; replication needs wal_level = logical in postgresql.conf and a restart (the private cluster: `./citygrid db down` then `./citygrid db up`)</source>
      <translation>{who}的服务器以 wal_level = {level} 运行；复制需要在 postgresql.conf 中设置 wal_level = logical 并重启（私有集群：先 `./citygrid db down` 再 `./citygrid db up`）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/patrol.py" line="195" />
      <source>{who}: no track this day</source>
      <translation>{who}：当日无轨迹</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/patrolmaps.py" line="71" />
      <source>{who}: {n} grids</source>
      <translation>{who}：{n} 个网格</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/patrol.py" line="223" />
      <source>{who}: {n} of {m} grids visited</source>
      <translation>{who}：{m} 个责任网格中已巡查 {n} 个</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_hotspots.py" line="149" />
      <source>{window}: {cases} cases in {with_cases} of {grids} grids; {hot} hot spot grids, {cold} cold spot grids</source>
      <translation>{window}：{cases} 件案件分布在 {grids} 个网格中的 {with_cases} 个；热点网格 {hot} 个，冷点网格 {cold} 个</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/periods.py" line="87" />
      <source>{year}</source>
      <translation>{year}年</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/dialogs/action_dialog.py" line="234" />
      <source>— choose —</source>
      <translation>— 请选择 —</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/responsibility.py" line="236" />
      <source>— nobody: every supervisor —</source>
      <translation>— 不指定：所有监督员 —</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/departments.py" line="148" />
      <source>— none —</source>
      <translation>（无）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcomponents.py" line="160" />
      <source>“All or nothing”: {n} rows rejected, so nothing was imported</source>
      <translation>“全部或全不”：有 {n} 行被拒绝，因此未导入任何数据</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="1084" />
      <source>“{code}” is not a unit grid code (15 digits)</source>
      <translation>“{code}”不是单元网格编码（15 位数字）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="676" />
      <source>“{part}” comes before the period written ahead of it ({before}); write the periods in the order of the day</source>
      <translation>“{part}”排在前一时段（{before}）之前；请按一天中的先后顺序写时段</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="669" />
      <source>“{part}” ends before it starts; write the earlier time first</source>
      <translation>“{part}”的结束早于开始；请把较早的时间写在前面</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="664" />
      <source>“{part}” holds a time that does not exist (hours 00–24, minutes 00–59)</source>
      <translation>“{part}”含有不存在的时间（小时 00–24，分钟 00–59）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="659" />
      <source>“{part}” is not a period; write start-end as HH:MM-HH:MM, periods separated by commas (08:30-12:00,13:30-17:30)</source>
      <translation>“{part}”不是时段；请写作 开始-结束 即 HH:MM-HH:MM，时段之间用逗号分隔（08:30-12:00,13:30-17:30）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="674" />
      <source>“{part}” overlaps the period before it ({before}); periods must not overlap</source>
      <translation>“{part}”与前一时段（{before}）重叠；时段之间不得重叠</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/core/admintables.py" line="983" />
      <source>“{term}” is not a score term; the terms are {terms} (or {names})</source>
      <translation>“{term}”不是评分项；评分项为 {terms}（或 {names}）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/store/basemap.py" line="74" />
      <source>… and {n} more</source>
      <translation>……另有 {n} 个</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/base.py" line="616" />
      <source>… and {n} more changes</source>
      <translation>… 还有 {n} 项修改</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_manual.py" line="201" />
      <source>… and {n} more differences</source>
      <translation>……另有 {n} 处差异</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_open311.py" line="211" />
      <source>… and {n} more problems</source>
      <translation>……另有 {n} 个问题</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcases.py" line="252" />
      <source>… and {n} more rejected rows (see the rejects layer)</source>
      <translation>……另有 {n} 行被拒绝（见拒绝图层）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcases.py" line="183" />
      <source>…or a CSV file</source>
      <translation>…或 CSV 文件</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_importcomponents.py" line="103" />
      <source>…or a CSV file with X/Y columns</source>
      <translation>…或带 X/Y 列的 CSV 文件</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_workform.py" line="70" />
      <source>…or cases of a layer (field id or case_no)</source>
      <translation>…或图层中的案卷（字段 id 或 case_no）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/base.py" line="207" />
      <source>…or period start</source>
      <translation>……或统计期开始时间</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/base.py" line="113" />
      <source>…or pg_service name (instead of a QGIS connection)</source>
      <translation>…或 pg_service 名称（代替 QGIS 连接）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_platform.py" line="72" />
      <source>…or pg_service name of the district's store</source>
      <translation>……或区县数据库的 pg_service 名称</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_fieldpackage.py" line="81" />
      <source>…or unit grids picked on a layer</source>
      <translation>…或在图层上选择的单元网格</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/base.py" line="327" />
      <source>…or window start</source>
      <translation>……或窗口开始时间</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/processing/alg_coverage.py" line="75" />
      <source>…to day (empty: the same day)</source>
      <translation>……至（空：同一天）</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/docks/leader.py" line="242" />
      <source>‹ Back to the figures</source>
      <translation>‹ 返回总览</translation>
    </message>
    <message>
      <location filename="citygrid_plugin/gui/admin/routing.py" line="83" />
      <source>先属主、后属地: a component case goes to the component's owner; otherwise the most precise rule below (community, street, whole district) decides, then the command manual's department, then the territory.</source>
      <translation>先属主、后属地：部件案件派遣至部件的权属单位；否则按下列最具体的规则（社区、街道、全区）派遣，其次为指挥手册中的专业部门，最后为属地部门。</translation>
    </message>
  </context>
</TS>
