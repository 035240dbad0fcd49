<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Campaign</name>
    <message>
        <location filename="../../app/ui/campaign/__init__.py" line="15" />
        <source>Rectification</source>
        <translation>集中整治</translation>
    </message>
</context>
<context>
    <name>CampaignModel</name>
    <message>
        <location filename="../../app/ui/campaign/models.py" line="128" />
        <source>Township</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/models.py" line="129" />
        <source>Village</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/models.py" line="130" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/models.py" line="131" />
        <source>Tier</source>
        <translation>分类</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/models.py" line="132" />
        <source>Decision</source>
        <translation>区委决定</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/models.py" line="133" />
        <source>Tasks done</source>
        <translation>任务完成</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/models.py" line="134" />
        <source>Red / yellow</source>
        <translation>红 / 黄</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/models.py" line="135" />
        <source>Look-back due</source>
        <translation>回头看</translation>
    </message>
</context>
<context>
    <name>CampaignView</name>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="176" />
        <source>Villages under rectification</source>
        <translation>整治村</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="177" />
        <source>Spreading the systems</source>
        <translation>制度推广</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="178" />
        <source>Self-check before inspection</source>
        <translation>未巡先改</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="190" />
        <source>Propose rectification…</source>
        <translation>提出集中整治建议…</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="191" />
        <source>Record the decision…</source>
        <translation>登记区委决定…</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="192" />
        <location filename="../../app/ui/campaign/view.py" line="638" />
        <source>Progress report</source>
        <translation>进展情况报告</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="213" />
        <source>Work group…</source>
        <translation>工作组…</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="214" />
        <source>New task…</source>
        <translation>新增任务…</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="215" />
        <source>Add progress…</source>
        <translation>登记进展…</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="216" />
        <source>Monthly check…</source>
        <translation>督查…</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="217" />
        <source>Evaluate…</source>
        <translation>评估验收…</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="266" />
        <location filename="../../app/ui/campaign/view.py" line="667" />
        <source>All townships</source>
        <translation>全部乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="269" />
        <source>Print table (PDF and Excel)…</source>
        <translation>导出制度推广情况表…</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="277" />
        <source>Green: adopted · yellow: in progress · grey: not yet · red line: adopted but not carried out</source>
        <translation>绿：已建立　黄：推进中　灰：未建立　红线：已建立但执行不力</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="286" />
        <source>Township</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="296" />
        <source>Focus of the third phase (systems on paper only)</source>
        <translation>第三步巡察重点（找制度短板：已建立但执行情况待查）</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="306" />
        <source>Draw up a typical-problem list…</source>
        <translation>整理典型问题清单…</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="307" />
        <source>Publish the list…</source>
        <translation>印发清单…</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="316" />
        <source>Verify…</source>
        <translation>核实…</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="373" />
        <source>%1 villages under rectification, %2 tasks overdue</source>
        <translation>集中整治村 %1 个，逾期任务 %2 项</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="409" />
        <source>Decision: %1</source>
        <translation>区委决定：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="410" />
        <source>Not yet decided</source>
        <translation>尚待区委决定</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="414" />
        <source>Tier: %1</source>
        <translation>分类：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="416" />
        <source>Lead unit: %1</source>
        <translation>牵头单位：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="418" />
        <source>Member units: %1</source>
        <translation>成员单位：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="421" />
        <source>Linked leader: %1</source>
        <translation>挂钩领导：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="423" />
        <source>Work group: %1</source>
        <translation>工作组：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="429" />
        <source>Reasons</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="430" />
        <source>Cases</source>
        <translation>案件查处</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="431" />
        <source>Cadre changes</source>
        <translation>班子调整</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="432" />
        <source>Systems</source>
        <translation>制度建设</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="433" />
        <source>Monthly checks</source>
        <translation>督查</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="434" />
        <source>Evaluations</source>
        <translation>评估验收</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="435" />
        <source>Tier history</source>
        <translation>分类变化</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="492" />
        <source>No progress yet.</source>
        <translation>尚未登记进展。</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="509" />
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="543" />
        <source>Proposal</source>
        <translation>集中整治建议</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="678" />
        <source>No village of the third phase has a system on paper only.</source>
        <translation>第三步巡察的村（社区）中没有已建立待核实的制度。</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="715" />
        <source>%1 villages; adopted: %2</source>
        <translation>共 %1 个村（社区）；已建立：%2</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="722" />
        <location filename="../../app/ui/campaign/view.py" line="793" />
        <source>Choose a folder</source>
        <translation>选择文件夹</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="731" />
        <location filename="../../app/ui/campaign/view.py" line="806" />
        <source>Written: %1</source>
        <translation>已写入：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="763" />
        <source>No typical-problem list yet.</source>
        <translation>还没有典型问题清单。</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="768" />
        <source>%1 (%2 answers, %3 to verify)</source>
        <translation>%1（自查 %2 条，待核实 %3 条）</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="860" />
        <source>The work could not be done.</source>
        <translation>操作未能完成。</translation>
    </message>
</context>
<context>
    <name>CheckDialog</name>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="312" />
        <source>Monthly check of %1</source>
        <translation>督查：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="314" />
        <source>Inspection office check group</source>
        <translation>区委巡察办督查组</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="320" />
        <source>Checked by</source>
        <translation>督查人（单位）</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="321" />
        <source>Findings</source>
        <translation>督查发现</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="322" />
        <source>Conclusion</source>
        <translation>结论</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="323" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
</context>
<context>
    <name>DecideDialog</name>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="115" />
        <source>Record the committee's decision</source>
        <translation>登记区委决定</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="117" />
        <source>e.g. 淮发〔2026〕31号</source>
        <translation>如 淮发〔2026〕31号</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="124" />
        <source>Mark the villages not taken as not included</source>
        <translation>未勾选的已建议村标为“未列入”</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="126" />
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="130" />
        <source>Document number</source>
        <translation>文号</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="131" />
        <source>Date of decision</source>
        <translation>决定日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="132" />
        <source>Recommended villages</source>
        <translation>列入的已建议村</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="134" />
        <source>Also added (not recommended)</source>
        <translation>未经建议直接列入</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="135" />
        <source>Why it is added</source>
        <translation>直接列入的理由</translation>
    </message>
</context>
<context>
    <name>DraftListDialog</name>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="399" />
        <source>Typical-problem list</source>
        <translation>典型问题清单</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="403" />
        <source>(default title)</source>
        <translation>（默认标题）</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="404" />
        <source>From the batches up to</source>
        <translation>由以下批次及之前的问题整理</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="405" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
</context>
<context>
    <name>EvaluateDialog</name>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="338" />
        <source>Evaluate %1</source>
        <translation>评估验收：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="345" />
        <source>As the rules say</source>
        <translation>按规则（转化升一档）</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="349" />
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="350" />
        <source>Conclusion</source>
        <translation>结论</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="351" />
        <source>Reasons</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="352" />
        <source>Tier afterwards</source>
        <translation>调整后分类</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="353" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
</context>
<context>
    <name>MatrixModel</name>
    <message>
        <location filename="../../app/ui/campaign/models.py" line="201" />
        <source>Township</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/models.py" line="202" />
        <source>Village</source>
        <translation>村（社区）</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="286" />
        <source>Progress of %1</source>
        <translation>登记进展：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="294" />
        <source>Progress</source>
        <translation>进展情况</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="295" />
        <source>Status after</source>
        <translation>登记后状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="296" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="297" />
        <source>Evidence</source>
        <translation>佐证照片</translation>
    </message>
</context>
<context>
    <name>ResultModel</name>
    <message>
        <location filename="../../app/ui/campaign/models.py" line="242" />
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/models.py" line="243" />
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/models.py" line="244" />
        <source>Typical problem</source>
        <translation>典型问题</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/models.py" line="245" />
        <source>Found</source>
        <translation>是否存在</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/models.py" line="246" />
        <source>Rectified</source>
        <translation>整改情况</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/models.py" line="247" />
        <source>Village's note</source>
        <translation>自查说明</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/models.py" line="248" />
        <source>Verified</source>
        <translation>核实情况</translation>
    </message>
</context>
<context>
    <name>TaskDialog</name>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="214" />
        <source>New task for %1</source>
        <translation>新增整治任务：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="225" />
        <source>Heading</source>
        <translation>方面</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="226" />
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="227" />
        <source>Owner unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="228" />
        <source>Deadline</source>
        <translation>时限</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="229" />
        <source>Linked to</source>
        <translation>关联</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="230" />
        <source>Details</source>
        <translation>具体内容</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="237" />
        <source>(nothing)</source>
        <translation>（不关联）</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="240" />
        <source>Clue %1</source>
        <translation>线索 %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="244" />
        <source>Notice %1</source>
        <translation>通知书 %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="248" />
        <source>Ledger %1</source>
        <translation>台账 %1</translation>
    </message>
</context>
<context>
    <name>TaskModel</name>
    <message>
        <location filename="../../app/ui/campaign/models.py" line="164" />
        <source>Heading</source>
        <translation>方面</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/models.py" line="165" />
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/models.py" line="166" />
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/models.py" line="167" />
        <source>Linked to</source>
        <translation>关联</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/models.py" line="168" />
        <source>Owner unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/models.py" line="169" />
        <source>Deadline</source>
        <translation>时限</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/models.py" line="170" />
        <source>Days left</source>
        <translation>剩余天数</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/models.py" line="171" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/models.py" line="172" />
        <source>Latest progress</source>
        <translation>最新进展</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="377" />
        <source>Verify: %1</source>
        <translation>核实：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="383" />
        <source>Verdict</source>
        <translation>核实结论</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="384" />
        <source>What was found</source>
        <translation>核实情况</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="385" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
</context>
<context>
    <name>WorkGroupDialog</name>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="157" />
        <source>Work group of %1</source>
        <translation>工作组：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="178" />
        <source>Lead unit</source>
        <translation>牵头单位</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="179" />
        <source>Member units</source>
        <translation>成员单位</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="180" />
        <source>Linked county leader (post)</source>
        <translation>挂钩区级领导（职务）</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="181" />
        <source>Organisation problems</source>
        <translation>班子问题</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="182" />
        <source>Add a person (optional; names are protected)</source>
        <translation>添加人员（可不填；姓名、电话受保护）</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="183" />
        <source>Role</source>
        <translation>职责</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="184" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="185" />
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="186" />
        <source>Post</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="187" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
</context>
</TS>
