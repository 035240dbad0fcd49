<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Campaign</name>
    <message>
        <location filename="../../app/ui/campaign/__init__.py" line="15"/>
        <source>Rectification</source>
        <translation>集中整治</translation>
    </message>
</context>
<context>
    <name>CampaignModel</name>
    <message>
        <location filename="../../app/ui/campaign/models.py" line="125"/>
        <source>Township</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/models.py" line="126"/>
        <source>Village</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/models.py" line="127"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/models.py" line="128"/>
        <source>Tier</source>
        <translation>分类</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/models.py" line="129"/>
        <source>Decision</source>
        <translation>区委决定</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/models.py" line="130"/>
        <source>Tasks done</source>
        <translation>任务完成</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/models.py" line="131"/>
        <source>Red / yellow</source>
        <translation>红 / 黄</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/models.py" line="132"/>
        <source>Look-back due</source>
        <translation>回头看</translation>
    </message>
</context>
<context>
    <name>CampaignView</name>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="174"/>
        <source>Villages under rectification</source>
        <translation>整治村</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="175"/>
        <source>Spreading the systems</source>
        <translation>制度推广</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="176"/>
        <source>Self-check before inspection</source>
        <translation>未巡先改</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="188"/>
        <source>Propose rectification…</source>
        <translation>提出集中整治建议…</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="189"/>
        <source>Record the decision…</source>
        <translation>登记区委决定…</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="190"/>
        <location filename="../../app/ui/campaign/view.py" line="607"/>
        <source>Progress report</source>
        <translation>进展情况报告</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="211"/>
        <source>New task…</source>
        <translation>新增任务…</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="212"/>
        <source>Add progress…</source>
        <translation>登记进展…</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="213"/>
        <source>Monthly check…</source>
        <translation>督查…</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="214"/>
        <source>Evaluate…</source>
        <translation>评估验收…</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="261"/>
        <location filename="../../app/ui/campaign/view.py" line="636"/>
        <source>All townships</source>
        <translation>全部乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="264"/>
        <source>Print table (PDF and Excel)…</source>
        <translation>导出制度推广情况表…</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="272"/>
        <source>Green: adopted · yellow: in progress · grey: not yet · red line: adopted but not carried out</source>
        <translation>绿：已建立&#x3000;黄：推进中&#x3000;灰：未建立&#x3000;红线：已建立但执行不力</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="281"/>
        <source>Township</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="291"/>
        <source>Focus of the third phase (systems on paper only)</source>
        <translation>第三步巡察重点（找制度短板：已建立但执行情况待查）</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="305"/>
        <source>Verify…</source>
        <translation>核实…</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="356"/>
        <source>%1 villages under rectification, %2 tasks overdue</source>
        <translation>集中整治村 %1 个，逾期任务 %2 项</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="392"/>
        <source>Decision: %1</source>
        <translation>区委决定：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="393"/>
        <source>Not yet decided</source>
        <translation>尚待区委决定</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="397"/>
        <source>Tier: %1</source>
        <translation>分类：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="399"/>
        <source>Lead unit: %1</source>
        <translation>牵头单位：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="401"/>
        <source>Member units: %1</source>
        <translation>成员单位：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="404"/>
        <source>Linked leader: %1</source>
        <translation>挂钩领导：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="406"/>
        <source>Work group: %1</source>
        <translation>工作组：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="412"/>
        <source>Reasons</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="413"/>
        <source>Cases</source>
        <translation>案件查处</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="414"/>
        <source>Cadre changes</source>
        <translation>班子调整</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="415"/>
        <source>Systems</source>
        <translation>制度建设</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="416"/>
        <source>Monthly checks</source>
        <translation>督查</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="417"/>
        <source>Evaluations</source>
        <translation>评估验收</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="418"/>
        <source>Tier history</source>
        <translation>分类变化</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="475"/>
        <source>No progress yet.</source>
        <translation>尚未登记进展。</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="492"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="526"/>
        <source>Proposal</source>
        <translation>集中整治建议</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="647"/>
        <source>No village of the third phase has a system on paper only.</source>
        <translation>第三步巡察的村（社区）中没有已建立待核实的制度。</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="684"/>
        <source>%1 villages; adopted: %2</source>
        <translation>共 %1 个村（社区）；已建立：%2</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="691"/>
        <source>Choose a folder</source>
        <translation>选择文件夹</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="700"/>
        <source>Written: %1</source>
        <translation>已写入：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="730"/>
        <source>No typical-problem list yet.</source>
        <translation>还没有典型问题清单。</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="735"/>
        <source>%1 (%2 answers, %3 to verify)</source>
        <translation>%1（自查 %2 条，待核实 %3 条）</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/view.py" line="794"/>
        <source>The work could not be done.</source>
        <translation>操作未能完成。</translation>
    </message>
</context>
<context>
    <name>CheckDialog</name>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="240"/>
        <source>Monthly check of %1</source>
        <translation>督查：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="242"/>
        <source>Inspection office check group</source>
        <translation>区委巡察办督查组</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="248"/>
        <source>Checked by</source>
        <translation>督查人（单位）</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="249"/>
        <source>Findings</source>
        <translation>督查发现</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="250"/>
        <source>Conclusion</source>
        <translation>结论</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="251"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
</context>
<context>
    <name>DecideDialog</name>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="107"/>
        <source>Record the committee&apos;s decision</source>
        <translation>登记区委决定</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="109"/>
        <source>e.g. 淮发〔2026〕31号</source>
        <translation>如 淮发〔2026〕31号</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="116"/>
        <source>Mark the villages not taken as not included</source>
        <translation>未勾选的已建议村标为“未列入”</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="117"/>
        <source>Document number</source>
        <translation>文号</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="118"/>
        <source>Date of decision</source>
        <translation>决定日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="119"/>
        <source>Recommended villages</source>
        <translation>列入的已建议村</translation>
    </message>
</context>
<context>
    <name>EvaluateDialog</name>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="266"/>
        <source>Evaluate %1</source>
        <translation>评估验收：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="273"/>
        <source>As the rules say</source>
        <translation>按规则（转化升一档）</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="277"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="278"/>
        <source>Conclusion</source>
        <translation>结论</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="279"/>
        <source>Reasons</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="280"/>
        <source>Tier afterwards</source>
        <translation>调整后分类</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="281"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
</context>
<context>
    <name>MatrixModel</name>
    <message>
        <location filename="../../app/ui/campaign/models.py" line="198"/>
        <source>Township</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/models.py" line="199"/>
        <source>Village</source>
        <translation>村（社区）</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="214"/>
        <source>Progress of %1</source>
        <translation>登记进展：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="222"/>
        <source>Progress</source>
        <translation>进展情况</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="223"/>
        <source>Status after</source>
        <translation>登记后状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="224"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="225"/>
        <source>Evidence</source>
        <translation>佐证照片</translation>
    </message>
</context>
<context>
    <name>ResultModel</name>
    <message>
        <location filename="../../app/ui/campaign/models.py" line="239"/>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/models.py" line="240"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/models.py" line="241"/>
        <source>Typical problem</source>
        <translation>典型问题</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/models.py" line="242"/>
        <source>Found</source>
        <translation>是否存在</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/models.py" line="243"/>
        <source>Rectified</source>
        <translation>整改情况</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/models.py" line="244"/>
        <source>Village&apos;s note</source>
        <translation>自查说明</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/models.py" line="245"/>
        <source>Verified</source>
        <translation>核实情况</translation>
    </message>
</context>
<context>
    <name>TaskDialog</name>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="142"/>
        <source>New task for %1</source>
        <translation>新增整治任务：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="153"/>
        <source>Heading</source>
        <translation>方面</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="154"/>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="155"/>
        <source>Owner unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="156"/>
        <source>Deadline</source>
        <translation>时限</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="157"/>
        <source>Linked to</source>
        <translation>关联</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="158"/>
        <source>Details</source>
        <translation>具体内容</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="165"/>
        <source>(nothing)</source>
        <translation>（不关联）</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="168"/>
        <source>Clue %1</source>
        <translation>线索 %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="172"/>
        <source>Notice %1</source>
        <translation>通知书 %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="176"/>
        <source>Ledger %1</source>
        <translation>台账 %1</translation>
    </message>
</context>
<context>
    <name>TaskModel</name>
    <message>
        <location filename="../../app/ui/campaign/models.py" line="161"/>
        <source>Heading</source>
        <translation>方面</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/models.py" line="162"/>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/models.py" line="163"/>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/models.py" line="164"/>
        <source>Linked to</source>
        <translation>关联</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/models.py" line="165"/>
        <source>Owner unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/models.py" line="166"/>
        <source>Deadline</source>
        <translation>时限</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/models.py" line="167"/>
        <source>Days left</source>
        <translation>剩余天数</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/models.py" line="168"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/models.py" line="169"/>
        <source>Latest progress</source>
        <translation>最新进展</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="305"/>
        <source>Verify: %1</source>
        <translation>核实：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="311"/>
        <source>Verdict</source>
        <translation>核实结论</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="312"/>
        <source>What was found</source>
        <translation>核实情况</translation>
    </message>
    <message>
        <location filename="../../app/ui/campaign/dialogs.py" line="313"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
</context>
</TS>
