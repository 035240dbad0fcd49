<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DateInput</name>
    <message>
        <location filename="../../app/ui/dateinput.py" line="+169" />
        <source>e.g. 2026-12-01</source>
        <translation>如 2026-12-01</translation>
    </message>
    <message>
        <location line="+57" />
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
    <name>SettingsView</name>
    <message>
        <location filename="../../app/ui/settings/__init__.py" line="+34" />
        <location filename="../../app/ui/settings/view.py" line="+197" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/view.py" line="-127" />
        <source>Inspection team</source>
        <translation>巡察组</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Team name</source>
        <translation>巡察组名称</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Issuing body on papers</source>
        <translation>发文机关</translation>
    </message>
    <message>
        <location line="+2" />
        <source>e.g. 中共淮阳区委第一巡察组</source>
        <translation>如 中共淮阳区委第一巡察组</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Document code (代字)</source>
        <translation>机关代字</translation>
    </message>
    <message>
        <location line="+2" />
        <source>e.g. 淮巡立改 (no year, no number)</source>
        <translation>如 淮巡立改（不含年份和序号）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Contact phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Mailbox for letters</source>
        <translation>来信邮箱</translation>
    </message>
    <message>
        <location line="+2" />
        <source>This round</source>
        <translation>本轮巡察</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Round</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Starts on</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Ends on</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Ask about dates older than</source>
        <translation>提醒核对早于</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+5" />
        <location line="+3" />
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location line="-5" />
        <source>Deadlines and warnings</source>
        <translation>时限与预警</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Fix now (立行立改)</source>
        <translation>立行立改时限</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Ledger (对账销号)</source>
        <translation>对账销号时限</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Feedback on a clue within</source>
        <translation>线索反馈时限</translation>
    </message>
    <message>
        <location line="+1" />
        <source> months</source>
        <translation> 个月</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Green warning from</source>
        <translation>绿色预警</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+4" />
        <source> days before the deadline</source>
        <translation> 天（距时限）</translation>
    </message>
    <message>
        <location line="-2" />
        <source>Yellow warning from</source>
        <translation>黄色预警</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Units and addressees</source>
        <translation>单位与主送</translation>
    </message>
    <message>
        <location line="+4" />
        <source>One unit per line</source>
        <translation>每行一个单位</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Responsible units</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Discipline commission</source>
        <translation>纪委监委</translation>
    </message>
    <message>
        <location line="+2" />
        <source>e.g. 中共淮阳区纪委 淮阳区监委</source>
        <translation>如 中共淮阳区纪委 淮阳区监委</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Public security bureau</source>
        <translation>公安机关</translation>
    </message>
    <message>
        <location line="+2" />
        <source>e.g. 淮阳区公安局</source>
        <translation>如 淮阳区公安局</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Daily report goes to</source>
        <translation>日报报送</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Copies to</source>
        <translation>日报抄送</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Separated by 、</source>
        <translation>多个单位用“、”分隔</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Security</source>
        <translation>安全</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Lock after no input for</source>
        <translation>无操作自动锁定</translation>
    </message>
    <message>
        <location line="+1" />
        <source> minutes</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Fonts of printed papers</source>
        <translation>文书字体</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Leave empty to use the system's fonts. A file must be a TrueType font (.ttf or .ttc). There is no free 小标宋: a heavy Song font stands in for it.</source>
        <translation>留空则使用系统字体。指定的文件须为TrueType字体（.ttf 或 .ttc）。没有免费的方正小标宋，未安装时以粗宋体代替。</translation>
    </message>
    <message>
        <location line="+15" />
        <source>System font</source>
        <translation>系统字体</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location line="+19" />
        <source>Save settings</source>
        <translation>保存设置</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Undo changes</source>
        <translation>撤销修改</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Only the team leader can change the settings.</source>
        <translation>只有组长可以修改设置。</translation>
    </message>
    <message>
        <location line="+121" />
        <source>Not a date. Type for example 2026-12-01.</source>
        <translation>不是日期，可输入如 2026-12-01。</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Settings saved.</source>
        <translation>设置已保存。</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Not saved: see the messages above.</source>
        <translation>未保存：请看上面的提示。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Choose a font file</source>
        <translation>选择字体文件</translation>
    </message>
    <message>
        <location line="+0" />
        <source>TrueType fonts (*.ttf *.ttc)</source>
        <translation>TrueType字体 (*.ttf *.ttc)</translation>
    </message>
</context>
<context>
    <name>_Input</name>
    <message>
        <location filename="../../app/ui/dateinput.py" line="-191" />
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