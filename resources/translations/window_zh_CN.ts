<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Closing</name>
    <message>
        <location filename="../../app/ui/closing.py" line="+17" />
        <source>Unsaved changes</source>
        <translation>有未保存的修改</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Discard the changes</source>
        <translation>放弃修改</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Go on editing</source>
        <translation>继续修改</translation>
    </message>
    <message>
        <location line="+16" />
        <source>The batch plan has changes that are not saved.</source>
        <translation>批次计划有尚未保存的修改。</translation>
    </message>
</context>
<context>
    <name>DateInput</name>
    <message>
        <location filename="../../app/ui/dateinput.py" line="+178" />
        <source>e.g. 2026-12-01</source>
        <translation>如 2026-12-01</translation>
    </message>
    <message>
        <location line="+57" />
        <source>Not a date. Type for example 2026-12-01, 20261201 or 12-01.</source>
        <translation>不是日期。可输入 2026-12-01、20261201 或 12-01。</translation>
    </message>
</context>
<context>
    <name>DateTimeInput</name>
    <message>
        <location line="+21" />
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
    <name>DayPapers</name>
    <message>
        <location filename="../../app/ui/day_papers.py" line="+87" />
        <source>Print all…</source>
        <translation>全部打印…</translation>
    </message>
    <message>
        <location line="+29" />
        <source>Sent %1 page(s) of %2 paper(s) to the printer.</source>
        <translation>已将%2份文书共%1页送至打印机。</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <location filename="../../app/ui/export.py" line="+35" />
        <source>Export to Excel…</source>
        <translation>导出Excel…</translation>
    </message>
    <message>
        <location line="+18" />
        <source>Export to Excel</source>
        <translation>导出Excel</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location line="+22" />
        <source>Records of this village</source>
        <translation>本村外业记录</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Problems of this village</source>
        <translation>本村问题清单</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Records of every village</source>
        <translation>全部村外业记录</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Problems of every village</source>
        <translation>全部村问题清单</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Export the list to Excel…</source>
        <translation>导出冲突清单…</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Exported: %1</source>
        <translation>已导出：%1</translation>
    </message>
</context>
<context>
    <name>FieldForms</name>
    <message>
        <location filename="../../app/ui/field/formkit.py" line="+35" />
        <source>Not a date and time: type for example 2026-12-01 14:30.</source>
        <translation>不是日期时间，可输入如 2026-12-01 14:30。</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The draft kept earlier is back: go on where you left off.</source>
        <translation>已恢复上次保留的草稿，可接着填写。</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Close the form</source>
        <translation>关闭表单</translation>
    </message>
    <message>
        <location line="+5" />
        <source>This form is not saved.</source>
        <translation>这份表单还没有保存。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Keep it as a draft? The next new record of this kind continues it.</source>
        <translation>保留为草稿吗？下次新建同类记录时会接着填写。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Keep the draft</source>
        <translation>保留草稿</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Go on typing</source>
        <translation>继续填写</translation>
    </message>
    <message>
        <location line="+23" />
        <source>Check the date</source>
        <translation>请核对日期</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Keep these dates?</source>
        <translation>确定使用这些日期吗？</translation>
    </message>
</context>
<context>
    <name>FirstSteps</name>
    <message>
        <location filename="../../app/ui/first_steps.py" line="+21" />
        <source>There is no village in this workspace yet. First import the list of villages in 村情分类 (or add one there), then records can be made.</source>
        <translation>这个工作区还没有村（社区）。请先在“村情分类”中导入村（社区）名册（或逐个添加），然后才能记录。</translation>
    </message>
    <message>
        <location line="+8" />
        <source>The demo is a workspace of its own, full of invented records, so that nothing here is touched. Make it once with “python -m app demo” (the program folder: “XunchaDesk demo”) and open it with “python -m app --demo”; its password is demo.</source>
        <translation>演示数据是另一个独立的工作区，里面是虚构的记录，不会改动这里的任何内容。先运行一次“python -m app demo”（程序文件夹中为“XunchaDesk demo”）生成，再用“python -m app --demo”打开，密码为 demo。</translation>
    </message>
    <message>
        <location line="+19" />
        <source>Welcome. This workspace has no villages yet. Start with the list of villages:</source>
        <translation>欢迎使用巡察台。这个工作区还没有村（社区），请从村（社区）名册开始：</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Import the list of villages…</source>
        <translation>导入村（社区）名册…</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Add a village…</source>
        <translation>添加一个村…</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Try the demo first</source>
        <translation>先看演示数据</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Team details…</source>
        <translation>填写巡察组信息…</translation>
    </message>
    <message>
        <location line="+15" />
        <source>The demo</source>
        <translation>演示数据</translation>
    </message>
</context>
<context>
    <name>FollowupPanel</name>
    <message>
        <location filename="../../app/ui/followup/panel.py" line="+77" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Feedback / progress</source>
        <translation>反馈/进展</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Verifier</source>
        <translation>核查人</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location line="+3" />
        <source>New deadline</source>
        <translation>新时限</translation>
    </message>
    <message>
        <location line="+84" />
        <source>Choose an item on the left.</source>
        <translation>请在左侧选择一项。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Save this step (Ctrl+S)</source>
        <translation>保存这一步（Ctrl+S）</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Add evidence…</source>
        <translation>添加佐证…</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Photos or scanned papers (as images); you can also drop files on this panel.</source>
        <translation>照片或纸质材料的扫描图片；也可以把文件拖到这一栏。</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Preview document</source>
        <translation>预览文书</translation>
    </message>
    <message>
        <location line="+59" />
        <source>%1: the deadline no longer runs</source>
        <translation>%1，不再计算时限</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Evidence: %1</source>
        <translation>佐证材料：%1份</translation>
    </message>
    <message>
        <location line="+43" />
        <source>Add evidence</source>
        <translation>添加佐证材料</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Photos and scans (*.jpg *.jpeg *.png *.webp *.bmp *.tif *.tiff)</source>
        <translation>照片和扫描件 (*.jpg *.jpeg *.png *.webp *.bmp *.tif *.tiff)</translation>
    </message>
    <message>
        <location line="+33" />
        <source>Status: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Deadline: %1</source>
        <translation>时限：%1</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Reported so far</source>
        <translation>已报送的反馈/进展</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Extensions</source>
        <translation>延期</translation>
    </message>
    <message>
        <location line="+21" />
        <source>Every kind</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Export to Excel…</source>
        <translation>导出Excel…</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <location filename="../../app/ui/followup/view.py" line="+158" />
        <source>%1 items, %2 overdue</source>
        <translation>共%1项，逾期%2项</translation>
    </message>
    <message>
        <location line="+84" />
        <source>Saved: %1</source>
        <translation>已保存：%1</translation>
    </message>
    <message>
        <location line="+34" />
        <source>Taking the files in…</source>
        <translation>正在读入文件…</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Evidence added: %1</source>
        <translation>已附佐证材料%1份</translation>
    </message>
    <message>
        <location line="+47" />
        <source>Export to Excel</source>
        <translation>导出Excel</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Exported: %1</source>
        <translation>已导出：%1</translation>
    </message>
    <message>
        <location line="+9" />
        <source>The work could not be done.</source>
        <translation>未能完成。</translation>
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
    <name>HelpView</name>
    <message>
        <location filename="../../app/ui/help/view.py" line="+67" />
        <source>Help</source>
        <translation>帮助</translation>
    </message>
</context>
<context>
    <name>MaintenanceView</name>
    <message>
        <location filename="../../app/ui/maintenance/view.py" line="+60" />
        <source>Password &amp; backup</source>
        <translation>密码与备份</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Change my password</source>
        <translation>修改我的密码</translation>
    </message>
    <message>
        <location line="+2" />
        <source>User: %1</source>
        <translation>用户：%1</translation>
    </message>
    <message>
        <location line="+3" />
        <source>At least 6 characters</source>
        <translation>至少6个字符</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The database is not re-encrypted: earlier backups still open with the current key file and the new password.</source>
        <translation>数据库不会重新加密：以前的备份仍可用当前的密钥文件和新密码打开。</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Current password</source>
        <translation>原密码</translation>
    </message>
    <message>
        <location line="+1" />
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location line="+1" />
        <source>New password again</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Backup</source>
        <translation>备份</translation>
    </message>
    <message>
        <location line="+4" />
        <source>A backup holds the whole workspace, encrypted: the database, its key file (workspace.key) and the photos. It opens with the password of any user at the time, or the recovery code: keep it on another medium, locked away.</source>
        <translation>备份是加密的整个工作区：数据库、密钥文件（workspace.key）和照片。用备份时任一用户的密码或恢复码即可恢复：请另存在其他介质上并妥善锁存。</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Back up to a file…</source>
        <translation>备份到文件…</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Check the workspace</source>
        <translation>检查工作区</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Run the check</source>
        <translation>开始检查</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Checks the encryption and the database, links between records, the version, the search index and the photos.</source>
        <translation>检查加密和数据库、记录之间的关联、版本、全文索引和照片。</translation>
    </message>
    <message>
        <location line="+46" />
        <source>Password changed.</source>
        <translation>密码已修改。</translation>
    </message>
    <message>
        <location line="+12" />
        <source>The password was not changed.</source>
        <translation>密码未修改。</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Back up to</source>
        <translation>备份到</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Database backups (*.db)</source>
        <translation>数据库备份 (*.db)</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Backed up to %1 (%2 KB, checked).</source>
        <translation>已备份到 %1（%2 KB，已校验）。</translation>
    </message>
    <message>
        <source>Backed up to %1 (%2 KB with %3 photos, checked).</source>
        <translation>已备份到 %1（%2 KB，含数据库、密钥文件和 %3 张照片，已校验；可用 restore 恢复）。</translation>
    </message>
    <message>
        <location line="+11" />
        <source>The file could not be written: %1</source>
        <translation>文件无法写入：%1</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The backup failed.</source>
        <translation>备份失败。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Check passed: encryption and database sound, links consistent, version current, search index in step, photos complete.</source>
        <translation>检查通过：加密与数据库完整，关联一致，版本最新，全文索引同步，照片齐全。</translation>
    </message>
    <message>
        <location line="+8" />
        <source>The check could not run.</source>
        <translation>检查无法进行。</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../app/ui/files.py" line="+19" />
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <location filename="../../app/ui/settings/view.py" line="+188" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location line="-116" />
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
        <source>Public security body</source>
        <translation>公安机关</translation>
    </message>
    <message>
        <source>e.g. 淮阳区公安局</source>
        <translation>如 淮阳区公安局</translation>
    </message>
    <message>
        <source>Discipline inspection body</source>
        <translation>纪检监察机关</translation>
    </message>
    <message>
        <source>e.g. 中共淮阳区纪委 淮阳区监委</source>
        <translation>如 中共淮阳区纪委 淮阳区监委</translation>
    </message>
    <message>
        <source>Organisation department</source>
        <translation>组织部门</translation>
    </message>
    <message>
        <source>e.g. 中共淮阳区委组织部</source>
        <translation>如 中共淮阳区委组织部</translation>
    </message>
    <message>
        <source>Inspection office</source>
        <translation>巡察机构</translation>
    </message>
    <message>
        <source>e.g. 区委巡察办</source>
        <translation>如 区委巡察办</translation>
    </message>
    <message>
        <source>Term of classified papers</source>
        <translation>保密期限</translation>
    </message>
    <message>
        <source>e.g. 1年</source>
        <translation>如 1年</translation>
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
        <location line="+21" />
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
        <location line="+113" />
        <source>Not a date. Type for example 2026-12-01.</source>
        <translation>不是日期，可输入如 2026-12-01。</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Settings saved.</source>
        <translation>设置已保存。</translation>
    </message>
    <message>
        <location line="+8" />
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
    <name>SyncJoin</name>
    <message>
        <location filename="../../app/ui/sync/join.py" line="+46" />
        <source>Join the inspection office</source>
        <translation>加入巡察办</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The office issues a team kit (a file) and tells you its password. Joining keeps every record of this workspace; from then on it can send bundles.</source>
        <translation>巡察办签发组包（一个文件）并告知组包密码。加入后本工作区的全部记录保留不变，之后即可导出同步包。</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location line="+16" />
        <location line="+12" />
        <source>Team kit</source>
        <translation>组包文件</translation>
    </message>
    <message>
        <location line="-11" />
        <source>Kit password</source>
        <translation>组包密码</translation>
    </message>
    <message>
        <location line="+12" />
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Choose the team kit file.</source>
        <translation>请选择组包文件。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Enter the kit's password.</source>
        <translation>请输入组包密码。</translation>
    </message>
    <message>
        <location line="+21" />
        <source>Could not join: %1</source>
        <translation>未能加入：%1</translation>
    </message>
    <message>
        <location line="+19" />
        <source>This workspace has not joined the inspection office with a team kit, so it cannot make sync bundles yet. Join with the kit the office issued:</source>
        <translation>这个工作区还没有用巡察办签发的组包加入，暂时不能导出同步包。请用组包加入：</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Join with a kit…</source>
        <translation>用组包加入…</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Joined the inspection office as %1: bundles can be exported now.</source>
        <translation>已作为“%1”加入巡察办，现在可以导出同步包了。</translation>
    </message>
</context>
<context>
    <name>WrapupKeys</name>
    <message>
        <location filename="../../app/ui/wrapup/words.py" line="+12" />
        <source>The category is %1, the handling %2: these usually differ (%2 is for %3). Both are kept as chosen; change one if it is a slip.</source>
        <translation>问题类别为“%1”，处置方式为“%2”：两者通常不一致（%2一般用于%3）。两项均按您的选择保留，如有误请改正其中一项。</translation>
    </message>
</context>
<context>
    <name>_Input</name>
    <message>
        <location filename="../../app/ui/dateinput.py" line="-196" />
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