<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BoardModel</name>
    <message>
        <location filename="../../app/ui/wrapup/model.py" line="25"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../app/ui/wrapup/model.py" line="25"/>
        <source>Handling</source>
        <translation>处置方式</translation>
    </message>
    <message>
        <location filename="../../app/ui/wrapup/model.py" line="25"/>
        <source>Voices</source>
        <translation>反映人次</translation>
    </message>
    <message>
        <location filename="../../app/ui/wrapup/model.py" line="113"/>
        <source>Unsorted</source>
        <translation>未研判</translation>
    </message>
    <message>
        <location filename="../../app/ui/wrapup/model.py" line="119"/>
        <source>Raised on %1, still unsorted</source>
        <translation>%1提出，尚未研判</translation>
    </message>
</context>
<context>
    <name>CloseDayDialog</name>
    <message>
        <location filename="../../app/ui/wrapup/dialogs.py" line="37"/>
        <source>Sign off the day</source>
        <translation>签结当日</translation>
    </message>
    <message>
        <location filename="../../app/ui/wrapup/dialogs.py" line="39"/>
        <source>Sign off %1. The day&apos;s decisions freeze and its papers are created.</source>
        <translation>签结%1。签结后当日研判结果冻结，并生成立行立改通知书、问题线索移交和整改台账记录。</translation>
    </message>
    <message>
        <location filename="../../app/ui/wrapup/dialogs.py" line="46"/>
        <source>Leader&apos;s password:</source>
        <translation>组长密码：</translation>
    </message>
    <message>
        <location filename="../../app/ui/wrapup/dialogs.py" line="55"/>
        <source>Sign off</source>
        <translation>签结</translation>
    </message>
</context>
<context>
    <name>DecisionPanel</name>
    <message>
        <location filename="../../app/ui/wrapup/panel.py" line="85"/>
        <source>Use suggestion</source>
        <translation>采纳建议</translation>
    </message>
    <message>
        <location filename="../../app/ui/wrapup/panel.py" line="88"/>
        <source>(not chosen)</source>
        <translation>（未选择）</translation>
    </message>
    <message>
        <location filename="../../app/ui/wrapup/panel.py" line="103"/>
        <source>Responsible unit:</source>
        <translation>责任单位：</translation>
    </message>
    <message>
        <location filename="../../app/ui/wrapup/panel.py" line="104"/>
        <location filename="../../app/ui/wrapup/panel.py" line="126"/>
        <source>Deadline:</source>
        <translation>整改时限：</translation>
    </message>
    <message>
        <location filename="../../app/ui/wrapup/panel.py" line="114"/>
        <source>Transfer to:</source>
        <translation>移交对象：</translation>
    </message>
    <message>
        <location filename="../../app/ui/wrapup/panel.py" line="115"/>
        <source>Urgency:</source>
        <translation>紧急程度：</translation>
    </message>
    <message>
        <location filename="../../app/ui/wrapup/panel.py" line="124"/>
        <source>Supervising Party committee:</source>
        <translation>督办党委：</translation>
    </message>
    <message>
        <location filename="../../app/ui/wrapup/panel.py" line="125"/>
        <source>Requirement:</source>
        <translation>整改要求：</translation>
    </message>
    <message>
        <location filename="../../app/ui/wrapup/panel.py" line="128"/>
        <source>Keeps being verified and returns on the next day&apos;s list.</source>
        <translation>继续核实，列入次日研判清单。</translation>
    </message>
    <message>
        <location filename="../../app/ui/wrapup/panel.py" line="134"/>
        <source>Why the signed-off decision changes</source>
        <translation>说明更正已签结事项的理由</translation>
    </message>
    <message>
        <location filename="../../app/ui/wrapup/panel.py" line="135"/>
        <source>Amendment reason:</source>
        <translation>更正理由：</translation>
    </message>
    <message>
        <location filename="../../app/ui/wrapup/panel.py" line="139"/>
        <source>Save decision</source>
        <translation>保存研判</translation>
    </message>
    <message>
        <location filename="../../app/ui/wrapup/panel.py" line="142"/>
        <source>Category:</source>
        <translation>问题类别：</translation>
    </message>
    <message>
        <location filename="../../app/ui/wrapup/panel.py" line="143"/>
        <source>Subcategory:</source>
        <translation>问题小类：</translation>
    </message>
    <message>
        <location filename="../../app/ui/wrapup/panel.py" line="144"/>
        <source>Handling:</source>
        <translation>处置方式：</translation>
    </message>
    <message>
        <location filename="../../app/ui/wrapup/panel.py" line="149"/>
        <source>Raised by (double-click to read):</source>
        <translation>问题来源（双击查看原始记录）：</translation>
    </message>
    <message>
        <location filename="../../app/ui/wrapup/panel.py" line="187"/>
        <source>Choose a problem on the left.</source>
        <translation>请在左侧选择问题。</translation>
    </message>
    <message>
        <location filename="../../app/ui/wrapup/panel.py" line="193"/>
        <source>Raised on %1 · %2 voice(s)</source>
        <translation>%1提出 · 反映人次%2</translation>
    </message>
    <message>
        <location filename="../../app/ui/wrapup/panel.py" line="196"/>
        <source>signed off: a change is an amendment</source>
        <translation>已签结：修改即为签结后更正</translation>
    </message>
    <message>
        <location filename="../../app/ui/wrapup/panel.py" line="203"/>
        <source>Suggestion: %1</source>
        <translation>建议：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/wrapup/panel.py" line="247"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../app/ui/wrapup/panel.py" line="305"/>
        <source>The day is signed off: give a reason for the amendment.</source>
        <translation>该日已签结，更正须写明理由。</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../app/ui/wrapup/dialogs.py" line="75"/>
        <source>Merge alike problems</source>
        <translation>合并相同问题</translation>
    </message>
    <message>
        <location filename="../../app/ui/wrapup/dialogs.py" line="79"/>
        <source>Ticked groups become one problem (the first is kept) with all their voices.</source>
        <translation>勾选的各组合并为一个问题（保留第一个），来源和反映人次一并保留。</translation>
    </message>
    <message>
        <location filename="../../app/ui/wrapup/dialogs.py" line="87"/>
        <source>%1: %2 problems, %3 voices</source>
        <translation>%1：%2个问题，反映人次%3</translation>
    </message>
    <message>
        <location filename="../../app/ui/wrapup/dialogs.py" line="102"/>
        <source>Merge ticked</source>
        <translation>合并所选</translation>
    </message>
    <message>
        <location filename="../../app/ui/wrapup/dialogs.py" line="119"/>
        <source>Tick at least one group.</source>
        <translation>请至少勾选一组。</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <location filename="../../app/ui/pdf_preview.py" line="51"/>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <location filename="../../app/ui/pdf_preview.py" line="52"/>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <location filename="../../app/ui/pdf_preview.py" line="53"/>
        <source>Fit width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <location filename="../../app/ui/pdf_preview.py" line="54"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pdf_preview.py" line="55"/>
        <source>Save as PDF…</source>
        <translation>另存为PDF…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/pdf_preview.py" line="95"/>
        <source>%n page(s)</source>
        <translation>
            <numerusform>共%n页</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/pdf_preview.py" line="96"/>
        <source>The document could not be shown.</source>
        <translation>无法显示该文件。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pdf_preview.py" line="122"/>
        <source>Saved: %1</source>
        <translation>已保存：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/pdf_preview.py" line="127"/>
        <source>Save as PDF</source>
        <translation>另存为PDF</translation>
    </message>
    <message>
        <location filename="../../app/ui/pdf_preview.py" line="127"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pdf_preview.py" line="137"/>
        <source>Could not save: %1</source>
        <translation>保存失败：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/pdf_preview.py" line="149"/>
        <source>The printer could not be started.</source>
        <translation>无法启动打印机。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/pdf_preview.py" line="168"/>
        <source>Sent %n page(s) to the printer.</source>
        <translation>
            <numerusform>已发送%n页到打印机。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Wrapup</name>
    <message>
        <location filename="../../app/ui/wrapup/__init__.py" line="24"/>
        <source>Evening wrap-up</source>
        <translation>昼巡夜结</translation>
    </message>
</context>
<context>
    <name>WrapupView</name>
    <message>
        <location filename="../../app/ui/wrapup/view.py" line="93"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../app/ui/wrapup/view.py" line="94"/>
        <source>Merge alike…</source>
        <translation>合并相同问题…</translation>
    </message>
    <message>
        <location filename="../../app/ui/wrapup/view.py" line="95"/>
        <source>Merge selected…</source>
        <translation>合并所选…</translation>
    </message>
    <message>
        <location filename="../../app/ui/wrapup/view.py" line="96"/>
        <source>Undo merge</source>
        <translation>撤销合并</translation>
    </message>
    <message>
        <location filename="../../app/ui/wrapup/view.py" line="97"/>
        <source>Sign off the day…</source>
        <translation>组长签结…</translation>
    </message>
    <message>
        <location filename="../../app/ui/wrapup/view.py" line="98"/>
        <source>Daily report…</source>
        <translation>巡察日报…</translation>
    </message>
    <message>
        <location filename="../../app/ui/wrapup/view.py" line="116"/>
        <source>Date:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <location filename="../../app/ui/wrapup/view.py" line="166"/>
        <source>Signed off by %1</source>
        <translation>已由%1签结</translation>
    </message>
    <message>
        <location filename="../../app/ui/wrapup/view.py" line="168"/>
        <source>Open: %1 problem(s), %2 unsorted</source>
        <translation>未签结：问题%1个，未研判%2个</translation>
    </message>
    <message>
        <location filename="../../app/ui/wrapup/view.py" line="222"/>
        <source>Amendment saved; it will be listed in the next daily report.</source>
        <translation>更正已保存，将列入下一期巡察日报。</translation>
    </message>
    <message>
        <location filename="../../app/ui/wrapup/view.py" line="224"/>
        <source>Decision saved.</source>
        <translation>研判结果已保存。</translation>
    </message>
    <message>
        <location filename="../../app/ui/wrapup/view.py" line="267"/>
        <source>No alike problems found.</source>
        <translation>没有发现相同问题。</translation>
    </message>
    <message>
        <location filename="../../app/ui/wrapup/view.py" line="279"/>
        <source>Select two or more problems of one village to merge.</source>
        <translation>请在列表中选择同一村（社区）的两个或更多问题再合并。</translation>
    </message>
    <message>
        <location filename="../../app/ui/wrapup/view.py" line="283"/>
        <source>Only problems of one village can be merged.</source>
        <translation>只能合并同一个村（社区）的问题。</translation>
    </message>
    <message>
        <location filename="../../app/ui/wrapup/view.py" line="293"/>
        <source>Chosen by hand; the reading says: %1</source>
        <translation>人工选择合并；研判读来：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/wrapup/view.py" line="307"/>
        <source>Merge undone: the problems are apart again.</source>
        <translation>已撤销合并，问题已分开。</translation>
    </message>
    <message>
        <location filename="../../app/ui/wrapup/view.py" line="322"/>
        <source>%1 group(s) merged.</source>
        <translation>已合并%1组。</translation>
    </message>
    <message>
        <location filename="../../app/ui/wrapup/view.py" line="335"/>
        <source>%1 problem(s) on the list, %2 unsorted.</source>
        <translation>清单中问题%1个，未研判%2个。</translation>
    </message>
    <message>
        <location filename="../../app/ui/wrapup/view.py" line="349"/>
        <source>Signed off: %1 notice(s), %2 clue transfer(s), %3 ledger item(s).</source>
        <translation>已签结：立行立改通知书%1份，问题线索移交%2件，整改台账%3项。</translation>
    </message>
    <message>
        <location filename="../../app/ui/wrapup/view.py" line="364"/>
        <source>Preparing the daily report…</source>
        <translation>正在生成巡察日报…</translation>
    </message>
    <message>
        <location filename="../../app/ui/wrapup/view.py" line="370"/>
        <source>Daily report %1</source>
        <translation>巡察日报 %1</translation>
    </message>
</context>
</TS>
