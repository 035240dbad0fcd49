<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AddUserDialog</name>
    <message>
        <location filename="../../app/ui/users.py" line="52"/>
        <source>Add a user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <location filename="../../app/ui/users.py" line="56"/>
        <source>Same as the user name</source>
        <translation>默认同用户名</translation>
    </message>
    <message>
        <location filename="../../app/ui/users.py" line="67"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../app/ui/users.py" line="68"/>
        <source>Name shown</source>
        <translation>显示的姓名</translation>
    </message>
    <message>
        <location filename="../../app/ui/users.py" line="69"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../app/ui/users.py" line="70"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../app/ui/users.py" line="71"/>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location filename="../../app/ui/users.py" line="87"/>
        <source>Please enter a user name.</source>
        <translation>请填写用户名。</translation>
    </message>
    <message>
        <location filename="../../app/ui/users.py" line="89"/>
        <source>Please enter a password.</source>
        <translation>请填写密码。</translation>
    </message>
    <message>
        <location filename="../../app/ui/users.py" line="91"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>RecordChangedDialog</name>
    <message>
        <location filename="../../app/ui/field/changed.py" line="40"/>
        <source>Village</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <location filename="../../app/ui/field/changed.py" line="41"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/field/changed.py" line="42"/>
        <source>Method</source>
        <translation>走访方式</translation>
    </message>
    <message>
        <location filename="../../app/ui/field/changed.py" line="43"/>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../app/ui/field/changed.py" line="44"/>
        <source>People met</source>
        <translation>见到的人</translation>
    </message>
    <message>
        <location filename="../../app/ui/field/changed.py" line="45"/>
        <source>Inspectors</source>
        <translation>巡察人员</translation>
    </message>
    <message>
        <location filename="../../app/ui/field/changed.py" line="46"/>
        <source>What was found</source>
        <translation>走访情况</translation>
    </message>
    <message>
        <location filename="../../app/ui/field/changed.py" line="47"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../app/ui/field/changed.py" line="48"/>
        <source>Opinion box</source>
        <translation>意见箱</translation>
    </message>
    <message>
        <location filename="../../app/ui/field/changed.py" line="49"/>
        <source>Opened at</source>
        <translation>开箱时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/field/changed.py" line="50"/>
        <source>Received at</source>
        <translation>收到时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/field/changed.py" line="51"/>
        <source>Anonymous</source>
        <translation>匿名</translation>
    </message>
    <message>
        <location filename="../../app/ui/field/changed.py" line="52"/>
        <source>Writer</source>
        <translation>写信人</translation>
    </message>
    <message>
        <location filename="../../app/ui/field/changed.py" line="53"/>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../app/ui/field/changed.py" line="54"/>
        <source>Interviewee</source>
        <translation>谈话对象</translation>
    </message>
    <message>
        <location filename="../../app/ui/field/changed.py" line="55"/>
        <source>Post</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../app/ui/field/changed.py" line="56"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../app/ui/field/changed.py" line="57"/>
        <source>Interviewers</source>
        <translation>谈话人</translation>
    </message>
    <message>
        <location filename="../../app/ui/field/changed.py" line="58"/>
        <source>Started at</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/field/changed.py" line="59"/>
        <source>Ended at</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/field/changed.py" line="60"/>
        <source>Record</source>
        <translation>谈话记录</translation>
    </message>
    <message>
        <location filename="../../app/ui/field/changed.py" line="67"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../app/ui/field/changed.py" line="68"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../app/ui/field/changed.py" line="101"/>
        <source>The record was changed elsewhere</source>
        <translation>记录已在别处修改</translation>
    </message>
    <message>
        <location filename="../../app/ui/field/changed.py" line="104"/>
        <source>While you were editing, this record was saved from another place. Compare the two versions and choose; nothing is saved until you do.</source>
        <translation>您编辑期间，这条记录已在别处保存。请比较两个版本后再选择；选择之前不会保存任何内容。</translation>
    </message>
    <message>
        <location filename="../../app/ui/field/changed.py" line="113"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../app/ui/field/changed.py" line="113"/>
        <source>Saved elsewhere</source>
        <translation>别处保存的版本</translation>
    </message>
    <message>
        <location filename="../../app/ui/field/changed.py" line="113"/>
        <source>Yours</source>
        <translation>您的版本</translation>
    </message>
    <message>
        <location filename="../../app/ui/field/changed.py" line="127"/>
        <source>Save mine over it</source>
        <translation>用我的版本保存</translation>
    </message>
    <message>
        <location filename="../../app/ui/field/changed.py" line="128"/>
        <source>Take theirs into the form</source>
        <translation>把别处的版本填入表单</translation>
    </message>
    <message>
        <location filename="../../app/ui/field/changed.py" line="129"/>
        <source>Back to the form</source>
        <translation>返回表单</translation>
    </message>
</context>
<context>
    <name>SingleWindow</name>
    <message>
        <location filename="../../app/ui/single.py" line="110"/>
        <source>This workspace is already open in another window.</source>
        <translation>这个工作区已在另一个窗口中打开。</translation>
    </message>
    <message>
        <location filename="../../app/ui/single.py" line="114"/>
        <source> It was brought forward.</source>
        <translation>已切换到那个窗口。</translation>
    </message>
    <message>
        <location filename="../../app/ui/single.py" line="116"/>
        <source>XunchaDesk</source>
        <translation>巡察台</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <location filename="../../app/ui/users.py" line="102"/>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../app/ui/users.py" line="105"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../app/ui/users.py" line="105"/>
        <source>Name shown</source>
        <translation>显示的姓名</translation>
    </message>
    <message>
        <location filename="../../app/ui/users.py" line="105"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../app/ui/users.py" line="105"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/users.py" line="115"/>
        <source>Add user…</source>
        <translation>添加用户…</translation>
    </message>
    <message>
        <location filename="../../app/ui/users.py" line="116"/>
        <location filename="../../app/ui/users.py" line="219"/>
        <source>Remove user</source>
        <translation>移除用户</translation>
    </message>
    <message>
        <location filename="../../app/ui/users.py" line="117"/>
        <source>New recovery code…</source>
        <translation>生成新恢复码…</translation>
    </message>
    <message>
        <location filename="../../app/ui/users.py" line="131"/>
        <source>Only the team leader can change the users.</source>
        <translation>只有组长可以增删用户。</translation>
    </message>
    <message>
        <location filename="../../app/ui/users.py" line="148"/>
        <source>Removed</source>
        <translation>已移除</translation>
    </message>
    <message>
        <location filename="../../app/ui/users.py" line="149"/>
        <source>Can log in</source>
        <translation>可登录</translation>
    </message>
    <message>
        <location filename="../../app/ui/users.py" line="149"/>
        <source>No password</source>
        <translation>无密码</translation>
    </message>
    <message>
        <location filename="../../app/ui/users.py" line="192"/>
        <source>User added: %1</source>
        <translation>已添加用户：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/users.py" line="215"/>
        <source>Choose a user to remove first.</source>
        <translation>请先选择要移除的用户。</translation>
    </message>
    <message>
        <location filename="../../app/ui/users.py" line="221"/>
        <source>Remove %1? Their records stay; their password no longer opens this workspace.</source>
        <translation>移除 %1？其记录保留，但其密码将不能再打开本工作区。</translation>
    </message>
    <message>
        <location filename="../../app/ui/users.py" line="217"/>
        <source>User removed: %1</source>
        <translation>已移除用户：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/users.py" line="228"/>
        <location filename="../../app/ui/users.py" line="240"/>
        <source>New recovery code</source>
        <translation>新恢复码</translation>
    </message>
    <message>
        <location filename="../../app/ui/users.py" line="229"/>
        <source>Make a new recovery code? The old code stops working.</source>
        <translation>生成新的恢复码？旧的恢复码将失效。</translation>
    </message>
    <message>
        <location filename="../../app/ui/users.py" line="244"/>
        <source>Write this code on paper and keep it apart from the laptop. It is shown only this once; with it a forgotten password can be reset.</source>
        <translation>请把恢复码抄在纸上，与电脑分开保管。它只显示这一次；忘记密码时可用它重设密码。</translation>
    </message>
    <message>
        <location filename="../../app/ui/users.py" line="252"/>
        <source>A new recovery code was made.</source>
        <translation>已生成新的恢复码。</translation>
    </message>
    <message>
        <location filename="../../app/ui/users.py" line="257"/>
        <source>Users…</source>
        <translation>用户…</translation>
    </message>
</context>
</TS>
