<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DueModel</name>
    <message>
        <location filename="../../app/ui/followup/model.py" line="35"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../app/ui/followup/model.py" line="36"/>
        <source>Number</source>
        <translation>文号</translation>
    </message>
    <message>
        <location filename="../../app/ui/followup/model.py" line="37"/>
        <source>Village</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <location filename="../../app/ui/followup/model.py" line="38"/>
        <source>Unit</source>
        <translation>责任单位/接收单位</translation>
    </message>
    <message>
        <location filename="../../app/ui/followup/model.py" line="39"/>
        <source>Deadline</source>
        <translation>时限</translation>
    </message>
    <message>
        <location filename="../../app/ui/followup/model.py" line="40"/>
        <source>Days left</source>
        <translation>剩余天数</translation>
    </message>
    <message>
        <location filename="../../app/ui/followup/model.py" line="41"/>
        <source>Warning</source>
        <translation>预警</translation>
    </message>
    <message>
        <location filename="../../app/ui/followup/model.py" line="42"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>Followup</name>
    <message>
        <location filename="../../app/ui/followup/__init__.py" line="24"/>
        <source>Follow-up</source>
        <translation>跟踪督办</translation>
    </message>
</context>
<context>
    <name>FollowupView</name>
    <message>
        <location filename="../../app/ui/followup/view.py" line="137"/>
        <source>Show every running item</source>
        <translation>显示全部未办结事项</translation>
    </message>
    <message>
        <location filename="../../app/ui/followup/view.py" line="138"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../app/ui/followup/view.py" line="152"/>
        <source>Save step</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../app/ui/followup/view.py" line="154"/>
        <source>Preview document</source>
        <translation>预览文书</translation>
    </message>
    <message>
        <location filename="../../app/ui/followup/view.py" line="210"/>
        <source>%1 items, %2 overdue</source>
        <translation>共%1项，逾期%2项</translation>
    </message>
    <message>
        <location filename="../../app/ui/followup/view.py" line="250"/>
        <source>Status: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/followup/view.py" line="252"/>
        <source>Deadline: %1</source>
        <translation>时限：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/followup/view.py" line="262"/>
        <source>%1: the deadline no longer runs</source>
        <translation>%1，不再计算时限</translation>
    </message>
    <message>
        <location filename="../../app/ui/followup/view.py" line="308"/>
        <source>Saved: %1</source>
        <translation>已保存：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/followup/view.py" line="341"/>
        <source>The work could not be done.</source>
        <translation>操作未能完成。</translation>
    </message>
</context>
<context>
    <name>StepForm</name>
    <message>
        <location filename="../../app/ui/followup/view.py" line="68"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/followup/view.py" line="69"/>
        <source>Feedback / progress</source>
        <translation>反馈/进展</translation>
    </message>
    <message>
        <location filename="../../app/ui/followup/view.py" line="70"/>
        <source>Verifier</source>
        <translation>核查人</translation>
    </message>
    <message>
        <location filename="../../app/ui/followup/view.py" line="71"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../app/ui/followup/view.py" line="72"/>
        <source>New deadline</source>
        <translation>新的时限</translation>
    </message>
</context>
</TS>
