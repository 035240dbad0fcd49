<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CreateWorkspaceDialog</name>
    <message>
        <source>XunchaDesk — new workspace</source>
        <translation>巡察台 — 新建工作区</translation>
    </message>
    <message>
        <source>There is no workspace here yet. Create one for your team:</source>
        <translation>这里还没有工作区。请为本巡察组新建一个：</translation>
    </message>
    <message>
        <source>e.g. the first inspection team of the district</source>
        <translation>例如：区委第一巡察组</translation>
    </message>
    <message>
        <source>Workspace:</source>
        <translation>工作区：</translation>
    </message>
    <message>
        <source>Team name:</source>
        <translation>巡察组名称：</translation>
    </message>
    <message>
        <source>Leader (user name):</source>
        <translation>组长（登录用户名）：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Password again:</source>
        <translation>再次输入密码：</translation>
    </message>
    <message>
        <source>Please enter the team name.</source>
        <translation>请填写巡察组名称。</translation>
    </message>
    <message>
        <source>Please enter the leader's name.</source>
        <translation>请填写组长姓名。</translation>
    </message>
    <message>
        <source>The password needs at least 6 characters.</source>
        <translation>密码至少需要 6 个字符。</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>No record selected</source>
        <translation>未选择记录</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>走访方式</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>People met</source>
        <translation>走访对象</translation>
    </message>
    <message>
        <source>Inspectors present</source>
        <translation>参加人员</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>收到时间</translation>
    </message>
    <message>
        <source>How it came</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Box</source>
        <translation>意见箱</translation>
    </message>
    <message>
        <source>Box opened</source>
        <translation>开箱时间</translation>
    </message>
    <message>
        <source>Writer</source>
        <translation>写信人</translation>
    </message>
    <message>
        <source>Interviewee</source>
        <translation>谈话对象</translation>
    </message>
    <message>
        <source>Interviewers</source>
        <translation>谈话人</translation>
    </message>
    <message>
        <source>Raised on</source>
        <translation>提出日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Track</source>
        <translation>处置方式</translation>
    </message>
    <message>
        <source>Problems raised</source>
        <translation>发现的问题</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
</context>
<context>
    <name>EntryForm</name>
    <message>
        <source>How it came</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Which opinion box</source>
        <translation>哪个意见箱</translation>
    </message>
    <message>
        <source>Box</source>
        <translation>意见箱</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>收到时间</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>已记录</translation>
    </message>
    <message>
        <source>Box opened</source>
        <translation>开箱时间</translation>
    </message>
    <message>
        <source>Anonymous</source>
        <translation>匿名</translation>
    </message>
    <message>
        <source>Writer</source>
        <translation>写信人</translation>
    </message>
    <message>
        <source>Name of the writer (protected)</source>
        <translation>写信人姓名（受保护）</translation>
    </message>
    <message>
        <source>Writer's name</source>
        <translation>写信人姓名</translation>
    </message>
    <message>
        <source>What the letter or call says</source>
        <translation>信件或来电的内容</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>内容</translation>
    </message>
</context>
<context>
    <name>FieldView</name>
    <message>
        <source>Today</source>
        <translation>今日记录</translation>
    </message>
    <message>
        <source>Everything recorded today, in every village</source>
        <translation>今天在各村（社区）记录的全部内容</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>走访记录</translation>
    </message>
    <message>
        <source>Opinion-box entries</source>
        <translation>意见箱信件</translation>
    </message>
    <message>
        <source>Interviews</source>
        <translation>谈话记录</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Search all records (Ctrl+F)</source>
        <translation>搜索全部记录（Ctrl+F）</translation>
    </message>
    <message>
        <source>New visit</source>
        <translation>新建走访记录</translation>
    </message>
    <message>
        <source>New entry</source>
        <translation>新建意见箱信件</translation>
    </message>
    <message>
        <source>New interview</source>
        <translation>新建谈话记录</translation>
    </message>
    <message>
        <source>Unsorted</source>
        <translation>未分类</translation>
    </message>
    <message>
        <source>Visits (%1)</source>
        <translation>走访记录（%1）</translation>
    </message>
    <message>
        <source>Opinion-box entries (%1)</source>
        <translation>意见箱信件（%1）</translation>
    </message>
    <message>
        <source>Interviews (%1)</source>
        <translation>谈话记录（%1）</translation>
    </message>
    <message>
        <source>Problems (%1)</source>
        <translation>问题（%1）</translation>
    </message>
    <message>
        <source>Today, %1</source>
        <translation>今日记录：%1</translation>
    </message>
    <message>
        <source>Search “%1”: %2 found</source>
        <translation>搜索“%1”：找到 %2 条</translation>
    </message>
    <message>
        <source>Could not open the record.</source>
        <translation>无法打开这条记录。</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>visit</source>
        <translation>走访记录</translation>
    </message>
    <message>
        <source>opinion-box entry</source>
        <translation>意见箱信件</translation>
    </message>
    <message>
        <source>interview</source>
        <translation>谈话记录</translation>
    </message>
    <message>
        <source>Unsaved draft</source>
        <translation>未保存的草稿</translation>
    </message>
    <message>
        <source>An unsaved %1 from %2 was found. Open it again?</source>
        <translation>发现一份 %2 未保存的%1草稿。要重新打开吗？</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>New visit</source>
        <translation>新建走访记录</translation>
    </message>
    <message>
        <source>Edit visit</source>
        <translation>修改走访记录</translation>
    </message>
    <message>
        <source>New opinion-box entry</source>
        <translation>新建意见箱信件</translation>
    </message>
    <message>
        <source>Edit opinion-box entry</source>
        <translation>修改意见箱信件</translation>
    </message>
    <message>
        <source>New interview</source>
        <translation>新建谈话记录</translation>
    </message>
    <message>
        <source>Edit interview</source>
        <translation>修改谈话记录</translation>
    </message>
    <message>
        <source>Taking the photos in …</source>
        <translation>正在处理照片……</translation>
    </message>
    <message>
        <source>Could not save: %1</source>
        <translation>未能保存：%1</translation>
    </message>
</context>
<context>
    <name>InterviewForm</name>
    <message>
        <source>Interviewee</source>
        <translation>谈话对象</translation>
    </message>
    <message>
        <source>Party secretary, accountant …</source>
        <translation>村党支部书记、村会计……</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Names, separated by 、</source>
        <translation>姓名，用“、”分隔</translation>
    </message>
    <message>
        <source>Interviewers</source>
        <translation>谈话人</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>已记录</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Q: …
A: …</source>
        <translation>问：……
答：……</translation>
    </message>
    <message>
        <source>Questions and answers</source>
        <translation>谈话内容（问答）</translation>
    </message>
</context>
<context>
    <name>Kinds</name>
    <message>
        <source>Visit</source>
        <translation>走访记录</translation>
    </message>
    <message>
        <source>Opinion-box entry</source>
        <translation>意见箱信件</translation>
    </message>
    <message>
        <source>Interview</source>
        <translation>谈话记录</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
</context>
<context>
    <name>LockPage</name>
    <message>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>The workspace of %1 is locked.</source>
        <translation>%1 的工作区已锁定，请输入密码解锁。</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>XunchaDesk — log in</source>
        <translation>巡察台 — 登录</translation>
    </message>
    <message>
        <source>May be left empty: the password tells who you are</source>
        <translation>可留空：按密码识别用户</translation>
    </message>
    <message>
        <source>Workspace:</source>
        <translation>工作区：</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Please enter the password.</source>
        <translation>请输入密码。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source> (demo)</source>
        <translation>（演示）</translation>
    </message>
    <message>
        <source>XunchaDesk</source>
        <translation>巡察台</translation>
    </message>
    <message>
        <source>&amp;Workspace</source>
        <translation>工作区(&amp;W)</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>User: %1 (%2)</source>
        <translation>当前用户：%1（%2）</translation>
    </message>
    <message>
        <source>Field work</source>
        <translation>外业记录</translation>
    </message>
</context>
<context>
    <name>PeopleEditor</name>
    <message>
        <source>Add a person</source>
        <translation>添加人员</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role (villager, Party member …)</source>
        <translation>身份（村民、党员……）</translation>
    </message>
    <message>
        <source>Protected</source>
        <translation>受保护</translation>
    </message>
    <message>
        <source>An informant: the name is masked for team members</source>
        <translation>反映人：对组员隐去姓名</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>PhotosEditor</name>
    <message>
        <source>Drop photos here, or:</source>
        <translation>把照片拖到这里，或：</translation>
    </message>
    <message>
        <source>Add photos…</source>
        <translation>添加照片……</translation>
    </message>
    <message>
        <source>%1 photo(s) already stored. Drop more here, or:</source>
        <translation>已存照片 %1 张。可继续拖入，或：</translation>
    </message>
    <message>
        <source>Add photos</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.webp *.bmp *.gif *.tif *.tiff)</source>
        <translation>图片 (*.jpg *.jpeg *.png *.webp *.bmp *.gif *.tif *.tiff)</translation>
    </message>
    <message>
        <source>This photo is already added: %1</source>
        <translation>这张照片已经添加过：%1</translation>
    </message>
</context>
<context>
    <name>ProblemsEditor</name>
    <message>
        <source>Raise a problem</source>
        <translation>提出问题</translation>
    </message>
    <message>
        <source>Link existing problem</source>
        <translation>关联已有问题</translation>
    </message>
    <message>
        <source>— choose a problem of this village —</source>
        <translation>— 选择本村已有的问题 —</translation>
    </message>
    <message>
        <source>Describe the problem</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <source>Category not yet known</source>
        <translation>类别待定</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <source>Village</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <source>Problems raised</source>
        <translation>发现的问题</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
</context>
<context>
    <name>RecordTableModel</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <source>Method / status</source>
        <translation>方式 / 状态</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>内容</translation>
    </message>
</context>
<context>
    <name>SearchResultModel</name>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>匹配内容</translation>
    </message>
</context>
<context>
    <name>VillageTreeModel</name>
    <message>
        <source>Township / village</source>
        <translation>乡镇 / 村（社区）</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Style</source>
        <translation>巡察方式</translation>
    </message>
    <message>
        <source>Unsorted</source>
        <translation>未分类</translation>
    </message>
    <message>
        <source>%1 visits, %2 entries, %3 interviews, %4 problems</source>
        <translation>走访 %1，信件 %2，谈话 %3，问题 %4</translation>
    </message>
</context>
<context>
    <name>VisitForm</name>
    <message>
        <source>Date and time</source>
        <translation>日期和时间</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>走访方式</translation>
    </message>
    <message>
        <source>Village committee, a villager's home …</source>
        <translation>村委会、村民家中……</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>People met</source>
        <translation>走访对象</translation>
    </message>
    <message>
        <source>Names, separated by 、</source>
        <translation>姓名，用“、”分隔</translation>
    </message>
    <message>
        <source>Inspectors present</source>
        <translation>参加人员</translation>
    </message>
    <message>
        <source>What was seen and heard</source>
        <translation>所见所闻</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>走访情况</translation>
    </message>
</context>
</TS>