<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DateInput</name>
    <message>
        <location filename="../../app/ui/dateinput.py" line="+160" />
        <source>e.g. 2026-12-01</source>
        <translation>如 2026-12-01</translation>
    </message>
    <message>
        <location line="+36" />
        <source>Not a date. Type for example 2026-12-01, 20261201 or 12-01.</source>
        <translation>不是日期。可输入 2026-12-01、20261201 或 12-01。</translation>
    </message>
    <message>
        <location line="+81" />
        <source>Check the date</source>
        <translation>请核对日期</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Keep these dates?</source>
        <translation>确定使用这些日期吗？</translation>
    </message>
</context>
<context>
    <name>DateTimeInput</name>
    <message>
        <location line="-61" />
        <source>e.g. 2026-12-01 14:30</source>
        <translation>如 2026-12-01 14:30</translation>
    </message>
    <message>
        <location line="+36" />
        <source>Not a date and time. Type for example 2026-12-01 14:30, or 14:30.</source>
        <translation>不是日期时间。可输入 2026-12-01 14:30，或只输入 14:30（今天）。</translation>
    </message>
</context>
<context>
    <name>Guard</name>
    <message>
        <location filename="../../app/ui/guard.py" line="+80" />
        <source>Wait %1 before the next try.</source>
        <translation>请等待%1后再试。</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Too many wrong passwords.</source>
        <translation>密码错误次数过多。</translation>
    </message>
</context>
<context>
    <name>_Input</name>
    <message>
        <location filename="../../app/ui/dateinput.py" line="-161" />
        <source>Calendar</source>
        <translation>日历</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Choose the day on a calendar</source>
        <translation>在日历上选择日期</translation>
    </message>
</context>
</TS>