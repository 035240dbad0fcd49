<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ComparisonModel</name>
    <message>
        <location filename="../../app/ui/sync/models.py" line="154" />
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/models.py" line="154" />
        <source>Office version</source>
        <translation>本办版本</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/models.py" line="154" />
        <source>Incoming version</source>
        <translation>传入版本</translation>
    </message>
</context>
<context>
    <name>ConflictListModel</name>
    <message>
        <location filename="../../app/ui/sync/models.py" line="118" />
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/models.py" line="118" />
        <source>Team</source>
        <translation>巡察组</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/models.py" line="118" />
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/models.py" line="118" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>ConflictsPanel</name>
    <message>
        <location filename="../../app/ui/sync/panels.py" line="300" />
        <location filename="../../app/ui/sync/panels.py" line="335" />
        <source>Choose a conflict on the left.</source>
        <translation>请在左侧选择一个冲突。</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/panels.py" line="307" />
        <source>Keep the office version</source>
        <translation>保留本办版本</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/panels.py" line="308" />
        <source>Take the incoming version</source>
        <translation>采用传入版本</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/panels.py" line="335" />
        <source>No open conflicts.</source>
        <translation>没有待处理的冲突。</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/panels.py" line="350" />
        <source>%1 from %2: the changed fields are marked.</source>
        <translation>来自%2的%1：有差异的字段已标出。</translation>
    </message>
</context>
<context>
    <name>ExportPanel</name>
    <message>
        <location filename="../../app/ui/sync/panels.py" line="81" />
        <source>Send a bundle to a team: villages, triage, batch plan and feedback.</source>
        <translation>向巡察组发送同步包：村（社区）、分类研判、批次安排和反馈。</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/panels.py" line="83" />
        <source>Export everything changed since the last export, sealed for the office.</source>
        <translation>导出自上次导出以来的全部更改，加密后只有巡察办能打开。</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/panels.py" line="93" />
        <source>All records, not only the changes</source>
        <translation>导出全部记录（不只是更改）</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/panels.py" line="96" />
        <source>Export bundle…</source>
        <translation>导出同步包…</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/panels.py" line="113" />
        <source>Export bundle</source>
        <translation>导出同步包</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/panels.py" line="113" />
        <source>Sync bundles (*.xdsb)</source>
        <translation>同步包 (*.xdsb)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/panels.py" line="123" />
        <source>The file exists already and is not overwritten: %1</source>
        <translation>文件已存在，不会覆盖：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/panels.py" line="151" />
        <source>Exported %1 records and %2 photos to %3.</source>
        <translation>已导出 %1 条记录、%2 张照片到 %3。</translation>
    </message>
</context>
<context>
    <name>ImportPanel</name>
    <message>
        <location filename="../../app/ui/sync/panels.py" line="206" />
        <source>Drop sync bundles here, or</source>
        <translation>把同步包文件拖到这里，或点击“导入同步包…”选择文件</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/panels.py" line="211" />
        <source>Import bundles…</source>
        <translation>导入同步包…</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/panels.py" line="230" />
        <source>Import bundles</source>
        <translation>导入同步包</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/panels.py" line="230" />
        <source>Sync bundles (*.xdsb)</source>
        <translation>同步包 (*.xdsb)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/panels.py" line="267" />
        <source>%1: %2 new, %3 updated, %4 unchanged, %5 conflicts, %6 new photos</source>
        <translation>%1：新增 %2，更新 %3，未变 %4，冲突 %5，新照片 %6</translation>
    </message>
</context>
<context>
    <name>OverviewModel</name>
    <message>
        <location filename="../../app/ui/sync/models.py" line="182" />
        <source>Team</source>
        <translation>巡察组</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/models.py" line="183" />
        <source>Township</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/models.py" line="184" />
        <source>Village</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/models.py" line="185" />
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/models.py" line="186" />
        <source>Track</source>
        <translation>处置方式</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/models.py" line="187" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/models.py" line="188" />
        <source>Deadline</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/models.py" line="189" />
        <source>Warning</source>
        <translation>预警</translation>
    </message>
</context>
<context>
    <name>OverviewPanel</name>
    <message>
        <location filename="../../app/ui/sync/panels.py" line="408" />
        <source>Team</source>
        <translation>巡察组</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/panels.py" line="409" />
        <source>Township</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/panels.py" line="410" />
        <source>Track</source>
        <translation>处置方式</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/panels.py" line="411" />
        <source>Warning</source>
        <translation>预警</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/panels.py" line="427" />
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/panels.py" line="430" />
        <source>Office</source>
        <translation>巡察办</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/panels.py" line="466" />
        <source>%1 problems</source>
        <translation>共 %1 个问题</translation>
    </message>
</context>
<context>
    <name>ReportModel</name>
    <message>
        <location filename="../../app/ui/sync/models.py" line="59" />
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/models.py" line="60" />
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/models.py" line="61" />
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/models.py" line="62" />
        <source>Unchanged</source>
        <translation>未变</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/models.py" line="63" />
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
</context>
<context>
    <name>Sync</name>
    <message>
        <location filename="../../app/ui/sync/__init__.py" line="24" />
        <source>Sync</source>
        <translation>同步</translation>
    </message>
</context>
<context>
    <name>SyncView</name>
    <message>
        <location filename="../../app/ui/sync/panels.py" line="490" />
        <source>Bundles</source>
        <translation>同步包</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/panels.py" line="492" />
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/panels.py" line="496" />
        <source>Overview</source>
        <translation>全局概览</translation>
    </message>
</context>
</TS>