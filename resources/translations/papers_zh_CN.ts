<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>NoticeDateDialog</name>
    <message>
        <source>Date of the notice</source>
        <translation>公告落款日期</translation>
    </message>
    <message>
        <source>The date printed under the notice, usually the day the team enters.</source>
        <translation>公告落款处印的日期，一般为进驻之日。</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>落款日期</translation>
    </message>
</context>
<context>
    <name>WorkingPaperDialog</name>
    <message>
        <source>Working paper</source>
        <translation>问题底稿</translation>
    </message>
    <message>
        <source>The policy or rule the problem breaks</source>
        <translation>问题违反的政策或制度规定</translation>
    </message>
    <message>
        <source>The team leader's review</source>
        <translation>组长审核意见</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Preview and print…</source>
        <translation>预览并打印…</translation>
    </message>
    <message>
        <source>Print the whole day…</source>
        <translation>打印当天全部底稿…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Basis</source>
        <translation>依据</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>审核意见</translation>
    </message>
    <message>
        <source>Signed off with the day as %1; it can no longer be changed.</source>
        <translation>已随当日签结定稿（底稿编号 %1），不能再修改。</translation>
    </message>
    <message>
        <source>Draft: editable until the day is signed off.</source>
        <translation>草稿：当日签结前可以修改。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>WrapupView</name>
    <message>
        <source>Working paper…</source>
        <translation>问题底稿…</translation>
    </message>
    <message>
        <source>Select a problem first.</source>
        <translation>请先选中一个问题。</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>Working paper…</source>
        <translation>问题底稿…</translation>
    </message>
</context>
</TS>
