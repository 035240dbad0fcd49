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
        <location filename="../../app/ui/campaign/view.py" line="177" />
        <source>Villages under rectification</source>
        <translation>整治村</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="178" />
        <source>Spreading the systems</source>
        <translation>制度推广</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="179" />
        <source>Self-check before inspection</source>
        <translation>未巡先改</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="191" />
        <source>Propose rectification…</source>
        <translation>提出集中整治建议…</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="192" />
        <source>Record the decision…</source>
        <translation>登记区委决定…</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="193" />
        <location filename="../../app/ui/campaign/view.py" line="662" />
        <source>Progress report</source>
        <translation>进展情况报告</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="214" />
        <source>Work group…</source>
        <translation>工作组…</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="215" />
        <source>New task…</source>
        <translation>新增任务…</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="216" />
        <source>Add progress…</source>
        <translation>登记进展…</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="217" />
        <source>Case / cadre change…</source>
        <translation>案件查处 / 班子调整…</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="219" />
        <source>Monthly check…</source>
        <translation>督查…</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="220" />
        <source>Evaluate…</source>
        <translation>评估验收…</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="271" />
        <location filename="../../app/ui/campaign/view.py" line="691" />
        <source>All townships</source>
        <translation>全部乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="274" />
        <source>Print table (PDF and Excel)…</source>
        <translation>导出制度推广情况表…</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="282" />
        <source>Green: adopted · yellow: in progress · grey: not yet · red line: adopted but not carried out</source>
        <translation>绿：已建立　黄：推进中　灰：未建立　红线：已建立但执行不力</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="291" />
        <source>Township</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="301" />
        <source>Focus of the third phase (systems on paper only)</source>
        <translation>第三步巡察重点（找制度短板：已建立但执行情况待查）</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="311" />
        <source>Draw up a typical-problem list…</source>
        <translation>整理典型问题清单…</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="312" />
        <source>Publish the list…</source>
        <translation>印发清单…</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="321" />
        <source>Verify…</source>
        <translation>核实…</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="378" />
        <source>%1 villages under rectification, %2 tasks overdue</source>
        <translation>集中整治村 %1 个，逾期任务 %2 项</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="414" />
        <source>Decision: %1</source>
        <translation>区委决定：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="415" />
        <source>Not yet decided</source>
        <translation>尚待区委决定</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="419" />
        <source>Tier: %1</source>
        <translation>分类：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="421" />
        <source>Lead unit: %1</source>
        <translation>牵头单位：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="423" />
        <source>Member units: %1</source>
        <translation>成员单位：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="426" />
        <source>Linked leader: %1</source>
        <translation>挂钩领导：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="428" />
        <source>Work group: %1</source>
        <translation>工作组：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="434" />
        <source>Reasons</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="435" />
        <source>Cases</source>
        <translation>案件查处</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="436" />
        <source>Cadre changes</source>
        <translation>班子调整</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="437" />
        <source>Systems</source>
        <translation>制度建设</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="438" />
        <source>Monthly checks</source>
        <translation>督查</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="439" />
        <source>Evaluations</source>
        <translation>评估验收</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="440" />
        <source>Tier history</source>
        <translation>分类变化</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="501" />
        <source>No progress yet.</source>
        <translation>尚未登记进展。</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="518" />
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="552" />
        <source>Proposal</source>
        <translation>集中整治建议</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="702" />
        <source>No village of the third phase has a system on paper only.</source>
        <translation>第三步巡察的村（社区）中没有已建立待核实的制度。</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="739" />
        <source>%1 villages; adopted: %2</source>
        <translation>共 %1 个村（社区）；已建立：%2</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="746" />
        <location filename="../../app/ui/campaign/view.py" line="817" />
        <source>Choose a folder</source>
        <translation>选择文件夹</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="755" />
        <location filename="../../app/ui/campaign/view.py" line="830" />
        <source>Written: %1</source>
        <translation>已写入：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="787" />
        <source>No typical-problem list yet.</source>
        <translation>还没有典型问题清单。</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="792" />
        <source>%1 (%2 answers, %3 to verify)</source>
        <translation>%1（自查 %2 条，待核实 %3 条）</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="884" />
        <source>The work could not be done.</source>
        <translation>操作未能完成。</translation>
    </message>
</context>
<context>
    <name>CheckDialog</name>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="314" />
        <source>Monthly check of %1</source>
        <translation>督查：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="316" />
        <source>Inspection office check group</source>
        <translation>区委巡察办督查组</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="322" />
        <source>Checked by</source>
        <translation>督查人（单位）</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="323" />
        <source>Findings</source>
        <translation>督查发现</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="324" />
        <source>Conclusion</source>
        <translation>结论</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="325" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
</context>
<context>
    <name>DecideDialog</name>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="117" />
        <source>Record the committee's decision</source>
        <translation>登记区委决定</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="119" />
        <source>e.g. 淮发〔2026〕31号</source>
        <translation>如 淮发〔2026〕31号</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="126" />
        <source>Mark the villages not taken as not included</source>
        <translation>未勾选的已建议村标为“未列入”</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="128" />
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="132" />
        <source>Document number</source>
        <translation>文号</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="133" />
        <source>Date of decision</source>
        <translation>决定日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="134" />
        <source>Recommended villages</source>
        <translation>列入的已建议村</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="136" />
        <source>Also added (not recommended)</source>
        <translation>未经建议直接列入</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="137" />
        <source>Why it is added</source>
        <translation>直接列入的理由</translation>
    </message>
</context>
<context>
    <name>DraftListDialog</name>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="401" />
        <source>Typical-problem list</source>
        <translation>典型问题清单</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="405" />
        <source>(default title)</source>
        <translation>（默认标题）</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="406" />
        <source>From the batches up to</source>
        <translation>由以下批次及之前的问题整理</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="407" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
</context>
<context>
    <name>EvaluateDialog</name>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="340" />
        <source>Evaluate %1</source>
        <translation>评估验收：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="347" />
        <source>As the rules say</source>
        <translation>按规则（转化升一档）</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="351" />
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="352" />
        <source>Conclusion</source>
        <translation>结论</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="353" />
        <source>Reasons</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="354" />
        <source>Tier afterwards</source>
        <translation>调整后分类</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="355" />
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
    <name>OutcomeDialog</name>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="417" />
        <source>Record for %1</source>
        <translation>登记：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="422" />
        <source>Gang-related (涉黑涉恶)</source>
        <translation>涉黑涉恶</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="429" />
        <source>Stage</source>
        <translation>查处进展</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="430" />
        <source>Persons</source>
        <translation>涉及人数</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="435" />
        <source>Village Party branch secretary</source>
        <translation>村党支部书记</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="436" />
        <source>Change</source>
        <translation>调整方式</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="437" />
        <source>Post</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="438" />
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="439" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="288" />
        <source>Progress of %1</source>
        <translation>登记进展：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="296" />
        <source>Progress</source>
        <translation>进展情况</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="297" />
        <source>Status after</source>
        <translation>登记后状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="298" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="299" />
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
        <location filename="../../app/ui/campaign/dialogs.py" line="216" />
        <source>New task for %1</source>
        <translation>新增整治任务：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="227" />
        <source>Heading</source>
        <translation>方面</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="228" />
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="229" />
        <source>Owner unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="230" />
        <source>Deadline</source>
        <translation>时限</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="231" />
        <source>Linked to</source>
        <translation>关联</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="232" />
        <source>Details</source>
        <translation>具体内容</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="239" />
        <source>(nothing)</source>
        <translation>（不关联）</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="242" />
        <source>Clue %1</source>
        <translation>线索 %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="246" />
        <source>Notice %1</source>
        <translation>通知书 %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="250" />
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
        <location filename="../../app/ui/campaign/dialogs.py" line="379" />
        <source>Verify: %1</source>
        <translation>核实：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="385" />
        <source>Verdict</source>
        <translation>核实结论</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="386" />
        <source>What was found</source>
        <translation>核实情况</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="387" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
</context>
<context>
    <name>WorkGroupDialog</name>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="159" />
        <source>Work group of %1</source>
        <translation>工作组：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="180" />
        <source>Lead unit</source>
        <translation>牵头单位</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="181" />
        <source>Member units</source>
        <translation>成员单位</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="182" />
        <source>Linked county leader (post)</source>
        <translation>挂钩区级领导（职务）</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="183" />
        <source>Organisation problems</source>
        <translation>班子问题</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="184" />
        <source>Add a person (optional; names are protected)</source>
        <translation>添加人员（可不填；姓名、电话受保护）</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="185" />
        <source>Role</source>
        <translation>职责</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="186" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="187" />
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="188" />
        <source>Post</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="189" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
</context>
</TS>
