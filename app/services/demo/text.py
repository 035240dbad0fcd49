"""Word pools for the demo workspace. Every name is invented; any likeness is chance."""

from __future__ import annotations

from app.domain.vocabulary import Subcategory

TOWNSHIP_NAMES: tuple[str, ...] = (
    "城关镇",
    "王店乡",
    "朱集乡",
    "白楼镇",
    "曹河乡",
    "冯塘乡",
    "郑集乡",
    "大连乡",
    "临蔡镇",
    "安岭镇",
    "黄集镇",
    "新站镇",
    "刘振屯乡",
    "齐老乡",
    "豆门乡",
    "许湾乡",
    "葛店乡",
    "四通镇",
    "鲁台镇",
    "西城街道",
    "东城街道",
    "南关街道",
)

SURNAMES: tuple[str, ...] = tuple(
    "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕苏卢蒋"
    "蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙"
    "万段雷钱汤尹黎易常武乔贺赖龚文"
)

GIVEN_NAMES: tuple[str, ...] = (
    "建国",
    "秀英",
    "桂兰",
    "志强",
    "玉梅",
    "国庆",
    "红霞",
    "长海",
    "凤琴",
    "春生",
    "德明",
    "素珍",
    "海燕",
    "永刚",
    "丽娟",
    "保国",
    "金花",
    "新民",
    "书林",
    "翠兰",
    "振华",
    "桂芝",
    "明亮",
    "小军",
    "玉珍",
    "富贵",
    "淑芬",
    "学文",
    "家兴",
    "爱民",
)

MEMBER_NAMES: tuple[str, ...] = ("赵文静", "钱立新", "孙卫东", "周海涛")

PLACE_SUFFIXES: tuple[str, ...] = (
    "庄",
    "楼",
    "集",
    "营",
    "寨",
    "湾",
    "岗",
    "店",
    "屯",
    "桥",
    "园",
    "洼",
    "台",
    "坡",
    "口",
    "堂",
    "寺",
    "铺",
)

LIVELIHOOD_TEXTS: tuple[tuple[str, Subcategory], ...] = (
    ("村东头机井损坏半年未修，群众浇地困难。", Subcategory.WELL),
    ("村内主干道坑洼不平，雨天泥泞无法通行。", Subcategory.ROAD),
    ("自来水经常停水，部分群众吃水困难。", Subcategory.WATER),
    ("村南危桥护栏缺失，学生上学存在安全隐患。", Subcategory.BRIDGE),
    ("部分路段路灯损坏，夜间出行不便。", Subcategory.POWER),
    ("燃气入户工程迟迟未完工，群众冬季取暖受影响。", Subcategory.GAS),
    ("村西片区电压不稳，农忙时经常跳闸停电。", Subcategory.POWER),
    ("饮水管网老化漏水，水质浑浊。", Subcategory.WATER),
    ("生产路被雨水冲毁，农机无法下地。", Subcategory.ROAD),
    ("村内废弃水井没有井盖，存在安全隐患。", Subcategory.WELL),
    ("垃圾清运不及时，村口垃圾堆积。", Subcategory.LIVELIHOOD_OTHER),
)

CLUE_TEXTS: tuple[str, ...] = (
    "村会计涉嫌挪用集体土地流转资金。",
    "村党支部书记优亲厚友，违规为亲属办理低保。",
    "村干部在危房改造中收受群众好处费。",
    "有人虚报冒领养老保险金多年。",
    "村委会截留惠农补贴资金，未足额发放到户。",
    "村主任涉嫌侵占集体鱼塘承包款。",
    "村干部在征地补偿中套取资金。",
)

GENERAL_TEXTS: tuple[tuple[str, Subcategory], ...] = (
    ("村务公开栏长期未更新，群众不了解村里收支。", Subcategory.AFFAIRS_DISCLOSURE),
    ("“三会一课”记录不全，组织生活不规范。", Subcategory.PARTY_EDUCATION),
    ("党员学习教育流于形式，流动党员长期未参加组织生活。", Subcategory.PARTY_EDUCATION),
    ("集体资产台账不清，承包合同未公开。", Subcategory.COLLECTIVE_ASSETS),
    ("村干部坐班制度执行不严，群众办事找不到人。", Subcategory.CADRE_MANAGEMENT),
    ("财务公开内容过于笼统，没有列明具体支出。", Subcategory.AFFAIRS_DISCLOSURE),
    ("集体机动地发包未经村民代表会议讨论。", Subcategory.COLLECTIVE_ASSETS),
)

VISIT_NOTES: tuple[str, ...] = (
    "走访{v}群众，了解村“两委”班子履职情况，群众对近年道路建设总体满意。",
    "在{v}召开群众座谈会，参会群众12人，重点听取对村务公开和集体资金使用的意见。",
    "入户走访{v}脱贫户，核实帮扶政策落实情况，查看户内饮水和住房安全。",
    "到{v}田间地头与种粮户交谈，了解机井、生产路等农业基础设施状况。",
    "查阅{v}近三年财务账目和会议记录，对大额支出逐笔核对。",
    "在{v}党群服务中心接待来访群众，登记反映事项并解答政策问题。",
    "随机走访{v}沿街商户和老年群众，了解对村干部作风的评价。",
)
