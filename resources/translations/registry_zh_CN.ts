<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BatchPlanEditor</name>
    <message>
        <location filename="../../app/ui/registry/plan_editor.py" line="49" />
        <location filename="../../app/ui/registry/plan_editor.py" line="193" />
        <source>Batch plan</source>
        <translation>批次计划</translation>
    </message>
    <message>
        <location filename="../../app/ui/registry/plan_editor.py" line="57" />
        <source>Suggest from tiers</source>
        <translation>按分类建议</translation>
    </message>
    <message>
        <location filename="../../app/ui/registry/plan_editor.py" line="58" />
        <source>Save plan</source>
        <translation>保存计划</translation>
    </message>
    <message>
        <location filename="../../app/ui/registry/plan_editor.py" line="59" />
        <source>Export to Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <location filename="../../app/ui/registry/plan_editor.py" line="60" />
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../app/ui/registry/plan_editor.py" line="63" />
        <source>No batch</source>
        <translation>不排批次</translation>
    </message>
    <message>
        <location filename="../../app/ui/registry/plan_editor.py" line="64" />
        <source>Move selected to batch</source>
        <translation>所选村移入批次</translation>
    </message>
    <message>
        <location filename="../../app/ui/registry/plan_editor.py" line="68" />
        <source>Set phase of that batch</source>
        <translation>设置该批次阶段</translation>
    </message>
    <message>
        <location filename="../../app/ui/registry/plan_editor.py" line="77" />
        <source>Batch:</source>
        <translation>批次：</translation>
    </message>
    <message>
        <location filename="../../app/ui/registry/plan_editor.py" line="106" />
        <source>%1 batches; %2 villages not in a batch.</source>
        <translation>共 %1 批；%2 个村（社区）未排批次。</translation>
    </message>
    <message>
        <location filename="../../app/ui/registry/plan_editor.py" line="165" />
        <source>Plan saved.</source>
        <translation>批次计划已保存。</translation>
    </message>
    <message>
        <location filename="../../app/ui/registry/plan_editor.py" line="173" />
        <source>Exported: %1</source>
        <translation>已导出：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/registry/plan_editor.py" line="179" />
        <source>Export batch plan</source>
        <translation>导出批次计划</translation>
    </message>
</context>
<context>
    <name>ChannelImportDialog</name>
    <message>
        <location filename="../../app/ui/registry/dialogs.py" line="77" />
        <source>Import channel list — %1</source>
        <translation>导入渠道名单——%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/registry/dialogs.py" line="83" />
        <source>From the file (channel column or file name)</source>
        <translation>按文件（渠道列或文件名）</translation>
    </message>
    <message>
        <location filename="../../app/ui/registry/dialogs.py" line="86" />
        <source>Skip ambiguous rows</source>
        <translation>跳过有歧义的行</translation>
    </message>
    <message>
        <location filename="../../app/ui/registry/dialogs.py" line="87" />
        <source>Do not add villages missing from the registry</source>
        <translation>名录中没有的村不新增</translation>
    </message>
    <message>
        <location filename="../../app/ui/registry/dialogs.py" line="95" />
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../app/ui/registry/dialogs.py" line="96" />
        <source>Matched</source>
        <translation>已匹配</translation>
    </message>
    <message>
        <location filename="../../app/ui/registry/dialogs.py" line="97" />
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../app/ui/registry/dialogs.py" line="98" />
        <source>Ambiguous</source>
        <translation>有歧义</translation>
    </message>
    <message>
        <location filename="../../app/ui/registry/dialogs.py" line="99" />
        <source>Skipped</source>
        <translation>跳过</translation>
    </message>
    <message>
        <location filename="../../app/ui/registry/dialogs.py" line="111" />
        <source>Use this village for the row</source>
        <translation>选定为该行的村</translation>
    </message>
    <message>
        <location filename="../../app/ui/registry/dialogs.py" line="117" />
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../app/ui/registry/dialogs.py" line="122" />
        <source>Channel:</source>
        <translation>渠道：</translation>
    </message>
    <message>
        <location filename="../../app/ui/registry/dialogs.py" line="128" />
        <source>Candidates:</source>
        <translation>候选村：</translation>
    </message>
    <message>
        <location filename="../../app/ui/registry/dialogs.py" line="179" />
        <source>%1: %2 villages (%3 join, %4 stay, %5 leave)</source>
        <translation>%1：列入 %2 个村（新列入 %3，保留 %4，移出 %5）</translation>
    </message>
    <message>
        <location filename="../../app/ui/registry/dialogs.py" line="187" />
        <source> — leaving: %1</source>
        <translation>——移出：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/registry/dialogs.py" line="189" />
        <source> — replaces %1 (kept in history)</source>
        <translation>——替换原名单 %1（原名单保留在历史中）</translation>
    </message>
    <message>
        <location filename="../../app/ui/registry/dialogs.py" line="199" />
        <source>%1 rows are ambiguous: pick the village for each, or skip ambiguous rows.</source>
        <translation>有 %1 行无法确定是哪个村：请逐行选定，或勾选“跳过有歧义的行”。</translation>
    </message>
</context>
<context>
    <name>ImportPreviewModel</name>
    <message>
        <location filename="../../app/ui/registry/models.py" line="122" />
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../../app/ui/registry/models.py" line="123" />
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../app/ui/registry/models.py" line="124" />
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../../app/ui/registry/models.py" line="125" />
        <source>Township given</source>
        <translation>填报乡镇</translation>
    </message>
    <message>
        <location filename="../../app/ui/registry/models.py" line="126" />
        <source>Village given</source>
        <translation>填报村名</translation>
    </message>
    <message>
        <location filename="../../app/ui/registry/models.py" line="127" />
        <source>Registry village</source>
        <translation>对应名录村</translation>
    </message>
    <message>
        <location filename="../../app/ui/registry/models.py" line="128" />
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../app/ui/registry/models.py" line="129" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <location filename="../../app/ui/registry/dialogs.py" line="280" />
        <source>Adjust tier — %1</source>
        <translation>人工调整分类——%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/registry/dialogs.py" line="282" />
        <source>By the rule: %1</source>
        <translation>按规则：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/registry/dialogs.py" line="289" />
        <source>Why (required; kept with the village)</source>
        <translation>调整理由（必填，随村保存）</translation>
    </message>
    <message>
        <location filename="../../app/ui/registry/dialogs.py" line="293" />
        <source>Back to the rule</source>
        <translation>恢复按规则分类</translation>
    </message>
    <message>
        <location filename="../../app/ui/registry/dialogs.py" line="300" />
        <source>Tier:</source>
        <translation>类别：</translation>
    </message>
    <message>
        <location filename="../../app/ui/registry/dialogs.py" line="301" />
        <source>Reason:</source>
        <translation>理由：</translation>
    </message>
    <message>
        <location filename="../../app/ui/registry/dialogs.py" line="316" />
        <source>A written reason is required.</source>
        <translation>必须填写理由。</translation>
    </message>
</context>
<context>
    <name>PlanModel</name>
    <message>
        <location filename="../../app/ui/registry/models.py" line="187" />
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <location filename="../../app/ui/registry/models.py" line="188" />
        <source>Phase</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../app/ui/registry/models.py" line="189" />
        <source>Township</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../../app/ui/registry/models.py" line="190" />
        <source>Village</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <location filename="../../app/ui/registry/models.py" line="191" />
        <source>Tier</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../app/ui/registry/models.py" line="192" />
        <source>Inspection style</source>
        <translation>巡察方式</translation>
    </message>
    <message>
        <location filename="../../app/ui/registry/models.py" line="193" />
        <source>Channels</source>
        <translation>列入渠道</translation>
    </message>
    <message>
        <location filename="../../app/ui/registry/models.py" line="235" />
        <source>Not in a batch</source>
        <translation>未排批次</translation>
    </message>
</context>
<context>
    <name>RegistryModel</name>
    <message>
        <location filename="../../app/ui/registry/models.py" line="40" />
        <source>Township</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../../app/ui/registry/models.py" line="41" />
        <source>Village</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <location filename="../../app/ui/registry/models.py" line="42" />
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../app/ui/registry/models.py" line="43" />
        <source>Tier</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../app/ui/registry/models.py" line="44" />
        <source>Inspection style</source>
        <translation>巡察方式</translation>
    </message>
    <message>
        <location filename="../../app/ui/registry/models.py" line="45" />
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <location filename="../../app/ui/registry/models.py" line="101" />
        <source>Not triaged</source>
        <translation>未分类</translation>
    </message>
    <message>
        <location filename="../../app/ui/registry/models.py" line="102" />
        <source> (manual)</source>
        <translation>（人工）</translation>
    </message>
</context>
<context>
    <name>RegistryView</name>
    <message>
        <location filename="../../app/ui/registry/__init__.py" line="25" />
        <source>Villages &amp; triage</source>
        <translation>村情分类</translation>
    </message>
    <message>
        <location filename="../../app/ui/registry/view.py" line="133" />
        <source>Import registry…</source>
        <translation>导入村名录…</translation>
    </message>
    <message>
        <location filename="../../app/ui/registry/view.py" line="134" />
        <source>Import channel list…</source>
        <translation>导入渠道名单…</translation>
    </message>
    <message>
        <location filename="../../app/ui/registry/view.py" line="135" />
        <source>Triage all</source>
        <translation>全部重新分类</translation>
    </message>
    <message>
        <location filename="../../app/ui/registry/view.py" line="136" />
        <source>Adjust tier…</source>
        <translation>人工调整…</translation>
    </message>
    <message>
        <location filename="../../app/ui/registry/view.py" line="137" />
        <source>Edit village…</source>
        <translation>编辑村…</translation>
    </message>
    <message>
        <location filename="../../app/ui/registry/view.py" line="138" />
        <source>Add village…</source>
        <translation>新增村…</translation>
    </message>
    <message>
        <location filename="../../app/ui/registry/view.py" line="139" />
        <source>Batch plan…</source>
        <translation>批次计划…</translation>
    </message>
    <message>
        <location filename="../../app/ui/registry/view.py" line="140" />
        <source>Print notices…</source>
        <translation>打印巡察公告…</translation>
    </message>
    <message>
        <location filename="../../app/ui/registry/view.py" line="196" />
        <source>Rule: %1; middle from %2 points, poor from %3.</source>
        <translation>分类规则：%1；%2 分起为中村，%3 分起为差村。</translation>
    </message>
    <message>
        <location filename="../../app/ui/registry/view.py" line="206" />
        <source>The registry is empty: import a list of villages.</source>
        <translation>名录为空：请先导入村（社区）名录。</translation>
    </message>
    <message>
        <location filename="../../app/ui/registry/view.py" line="243" />
        <location filename="../../app/ui/registry/view.py" line="255" />
        <source>Import registry</source>
        <translation>导入村名录</translation>
    </message>
    <message>
        <location filename="../../app/ui/registry/view.py" line="256" />
        <source>Write these changes?</source>
        <translation>确认写入？</translation>
    </message>
    <message>
        <location filename="../../app/ui/registry/view.py" line="267" />
        <source>Registry imported: %1</source>
        <translation>名录已导入：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/registry/view.py" line="271" />
        <source>Import channel list</source>
        <translation>导入渠道名单</translation>
    </message>
    <message>
        <location filename="../../app/ui/registry/view.py" line="297" />
        <source>Triaged %1 villages: %2; %3 changed.</source>
        <translation>已对 %1 个村（社区）分类：%2；本次有变化 %3 个。</translation>
    </message>
    <message>
        <location filename="../../app/ui/registry/view.py" line="306" />
        <location filename="../../app/ui/registry/view.py" line="320" />
        <source>Select a village first.</source>
        <translation>请先选择一个村（社区）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/registry/view.py" line="356" />
        <source>Select the villages to print notices for.</source>
        <translation>请先选择要打印公告的村（社区）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/registry/view.py" line="369" />
        <source>Public notices</source>
        <translation>巡察公告</translation>
    </message>
</context>
<context>
    <name>TriagePanel</name>
    <message>
        <location filename="../../app/ui/registry/view.py" line="68" />
        <source>Select a village to see why it has its tier.</source>
        <translation>选择一个村（社区），查看其分类的理由。</translation>
    </message>
    <message>
        <location filename="../../app/ui/registry/view.py" line="72" />
        <source>Tier</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../app/ui/registry/view.py" line="72" />
        <source>Inspection style</source>
        <translation>巡察方式</translation>
    </message>
    <message>
        <location filename="../../app/ui/registry/view.py" line="72" />
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location filename="../../app/ui/registry/view.py" line="83" />
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../../app/ui/registry/view.py" line="84" />
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../app/ui/registry/view.py" line="85" />
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <location filename="../../app/ui/registry/view.py" line="86" />
        <source>Points</source>
        <translation>得分</translation>
    </message>
    <message>
        <location filename="../../app/ui/registry/view.py" line="98" />
        <source>No channel lists this village.</source>
        <translation>未列入任何渠道名单。</translation>
    </message>
    <message>
        <location filename="../../app/ui/registry/view.py" line="102" />
        <source>By the rule alone</source>
        <translation>按规则</translation>
    </message>
</context>
<context>
    <name>VillageEditDialog</name>
    <message>
        <location filename="../../app/ui/registry/dialogs.py" line="352" />
        <source>Edit village</source>
        <translation>编辑村（社区）</translation>
    </message>
    <message>
        <location filename="../../app/ui/registry/dialogs.py" line="352" />
        <source>Add village</source>
        <translation>新增村（社区）</translation>
    </message>
    <message>
        <location filename="../../app/ui/registry/dialogs.py" line="368" />
        <source>Township:</source>
        <translation>乡镇：</translation>
    </message>
    <message>
        <location filename="../../app/ui/registry/dialogs.py" line="369" />
        <source>Village:</source>
        <translation>村（社区）：</translation>
    </message>
    <message>
        <location filename="../../app/ui/registry/dialogs.py" line="370" />
        <source>Code:</source>
        <translation>代码：</translation>
    </message>
    <message>
        <location filename="../../app/ui/registry/dialogs.py" line="380" />
        <source>Choose a township.</source>
        <translation>请选择乡镇。</translation>
    </message>
</context>
</TS>