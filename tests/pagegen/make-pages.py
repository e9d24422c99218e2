#!/usr/bin/python3
# make-pages.py — turn a clean speech into text "saved from a website"
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Writes, for each speech, style and seed, the page as a user would save it
# (NAME.page.txt) and what cleaning must give back: NAME.json with the title,
# the clean body, its first and last sentences and every furniture line the
# page holds.  All site names, user names and page furniture are invented.
#
#   make-pages.py [--styles tune|heldout|blind|last|fresh|sixth|seventh|all|NAME,…] [--seeds N] OUTDIR SPEECH.txt…
#
# A speech file holds the title on its first line and the body after it;
# "--title T" gives the title of speeches whose file has none (every line is
# body then).  The same arguments always write the same pages.

import argparse
import json
import os
import random
import re
import sys
import zlib

# Simplified → traditional for characters whose traditional form maps back
# to one simplified character only.
S2T = dict(zip(
    "国会议发设议们来时为这说对实现进经济业务区县乡镇农报记员学习组织领导"
    "党统战线开关问题门间闻听见观规视认识讨论详细设计计划总结体质应该当"
    "级层干部队伍风气纪检监查审验证据数统价值费资财贸银钱铁线网络电话"
    "车辆运输轮船桥梁关键环节专项项目质量标准务实际动员强调提长远达到过运",
    "國會議發設議們來時為這說對實現進經濟業務區縣鄉鎮農報記員學習組織領導"
    "黨統戰線開關問題門間聞聽見觀規視認識討論詳細設計計劃總結體質應該當"
    "級層幹部隊伍風氣紀檢監查審驗證據數統價值費資財貿銀錢鐵線網絡電話"
    "車輛運輸輪船橋樑關鍵環節專項項目質量標準務實際動員強調提長遠達到過運"))
S2T = {s: t for s, t in S2T.items() if s != t and s not in "干"}

PINYIN = {
    "设": "shè", "建": "jiàn", "关": "guān", "网": "wǎng", "发": "fā", "区": "qū",
    "乡": "xiāng", "镇": "zhèn", "长": "zhǎng", "组": "zǔ", "织": "zhī", "质": "zhì",
    "应": "yīng", "级": "jí", "层": "céng", "务": "wù", "实": "shí", "际": "jì",
    "现": "xiàn", "经": "jīng", "济": "jì", "领": "lǐng", "导": "dǎo", "统": "tǒng",
}


def to_traditional(text):
    return "".join(S2T.get(c, c) for c in text)


def add_glosses(rng, text, rate):
    out = []
    for c in text:
        if c in PINYIN and rng.random() < rate:
            out.append(to_traditional(c) + "(" + PINYIN[c] + ")")
        else:
            out.append(to_traditional(c))
    return "".join(out)


SENTENCE_END = "。！？"


def sentences(body):
    flat = body.replace("\n", "")
    parts = re.findall(r"[^。！？]+[。！？]+[”’」』]?", flat)
    return [p for p in parts if len(p) >= 6] or [flat]


# ---------------------------------------------------------------------------
# Furniture pieces shared by the styles

OTHER_TITLES = [
    "在全市安全生产工作会议上的讲话", "党支部书记抓党建述职报告", "乡村振兴工作推进会主持词",
    "关于加强干部作风建设的调研报告", "在青年干部座谈会上的发言", "年度工作总结及明年工作打算",
    "主题教育专题党课讲稿", "在招商引资工作会议上的讲话提纲", "优化营商环境工作汇报",
    "在全区经济工作会议上的总结讲话", "新任职干部集体谈话讲话", "防汛抗旱工作动员讲话",
    "在教师节庆祝大会上的致辞", "社区治理工作经验交流材料", "巡察反馈问题整改情况报告",
    "在民营企业座谈会上的讲话", "妇女代表大会工作报告", "春节团拜会致辞范文",
]

USER_NAMES = ["书山有路", "wx_83jd2", "笔耕不辍2020", "U-51730", "材料小能手", "青衫客",
              "anonymous_77", "墨香斋主", "用户7Q2K", "星河漫步"]

COMMENT_TEXTS = ["写得很好，值得学习！", "非常实用，感谢分享。", "收藏了，正好用得上",
                 "结构清晰，借鉴一下。", "内容很全面，赞！", "请问有完整版吗？"]


def date(rng):
    return "%d-%02d-%02d" % (rng.randint(2015, 2025), rng.randint(1, 12), rng.randint(1, 28))


def stamp(rng):
    return "%s %02d:%02d" % (date(rng), rng.randint(0, 23), rng.randint(0, 59))


def size(rng):
    return rng.choice(["%.2f KB" % rng.uniform(12, 900), "%.1fKB" % rng.uniform(12, 900),
                       "%.1f MB" % rng.uniform(1, 9), "%dK" % rng.randint(12, 900)])


def related(rng, n, numbered=False, suffix=None):
    titles = rng.sample(OTHER_TITLES, n)
    out = []
    for i, t in enumerate(titles):
        if suffix:
            t += suffix(rng)
        out.append(("%d. " % (i + 1) if numbered else "") + t)
    return out


def summary(doc, n=2):
    s = "".join(doc["sentences"][:n])
    return s[:120] + "……"


# Where a style puts the speech's title on a line of its own
TITLE = object()


# ---------------------------------------------------------------------------
# Styles: each gives the lines before the body, the stretch between two
# pages (given the page number) and the lines after.  "form" is how the
# body is laid out: "lines" (one paragraph a line) or "runon".

def style_library_a(rng, d):
    """A document library with fields one per line, like the sample."""
    site = "青禾文库"
    fn = d["title"] + rng.choice(["", "范文", "（精选）", "供参考"]) + ".docx"
    before = [fn, "", "ID:%d" % rng.randint(10 ** 7, 10 ** 8), "", "大小：" + size(rng), "",
              "页数：%d页" % d["pages"], "", "时间：" + date(rng), "", "上传者：" + rng.choice(USER_NAMES)]
    before += ["%s_第%d页" % (fn, i + 1) for i in range(d["pages"])]
    before += ["资源描述：", "", "《%s》由会员上传分享，免费在线阅读，更多相关内容在%s" % (fn, site), ""]

    def between(k):
        return ["%s_第%d页" % (fn, k + 1)] if rng.random() < 0.5 else []
    after = ["当前文档最多预览%d页，下载文档查看全文" % rng.randint(3, 6), "温馨提示：",
             "1. 本文档由用户上传，版权归属用户，%s负责整理代发布。" % site,
             "2. 下载前请仔细阅读文档内容，确认文档内容符合您的需求后进行下载。", "大家都在看"]
    after += related(rng, 5)
    return dict(before=before, between=between, after=after, form="runon", title_body=0.8,
                trad=0.5, gloss=0.3, ascii_punct=0.5)


def style_library_b(rng, d):
    """A library with a breadcrumb, one line of fields and page markers."""
    site = "墨砚文档网"
    before = [site + " - 海量文档免费下载", "首页 > 公文范文 > 讲话致辞 > 领导讲话",
              d["title"] + ".doc",
              "大小：%s  页数：%d  上传时间：%s  浏览：%d次  下载：%d次" % (
                  size(rng), d["pages"], date(rng), rng.randint(100, 9999), rng.randint(1, 500)),
              "下载积分：%d  评分：%.1f分" % (rng.randint(1, 20), rng.uniform(3, 5)), ""]

    def between(k):
        return ["", "第 %d 页 / 共 %d 页" % (k, d["pages"]), ""]
    after = ["", "第 %d 页 / 共 %d 页" % (d["pages"], d["pages"]),
             "下载文档到电脑，查找使用更方便", "%d积分 立即下载" % rng.randint(2, 20),
             "相关文档推荐"] + related(rng, 6, suffix=lambda r: ".doc") + [
             "Copyright © 2012-2024 %s 版权所有" % site, "粤ICP备%08d号-2" % rng.randint(0, 10 ** 8)]
    return dict(before=before, between=between, after=after, form=rng.choice(["lines", "runon"]),
                title_body=0.5, trad=0.0, gloss=0.0, ascii_punct=0.0)


def style_wechat(rng, d):
    """An article of a public account in a chat app."""
    account = rng.choice(["机关写作参考", "笔杆子研习社", "公文写作坊"])
    before = [TITLE, "原创 %s %s %s" % (rng.choice(USER_NAMES), account, stamp(rng)),
              "发表于%s" % rng.choice(["北京", "浙江", "四川", "河南"]),
              "点击上方蓝字关注我们", "", "图片", ""]

    def between(k):
        return ["", rng.choice(["图片", "▲ 图为会议现场", "图片来源：网络"]), ""] if rng.random() < 0.6 else []
    after = ["", "（来源：%s）" % account, "END", "图片", "往期推荐"] + related(rng, 3) + [
             "阅读原文", "阅读 %d" % rng.randint(300, 99999), "在看 %d" % rng.randint(1, 300),
             "写留言", "留言"] + [
             "%s：%s" % (rng.choice(USER_NAMES), t) for t in rng.sample(COMMENT_TEXTS, 2)]
    return dict(before=before, between=between, after=after, form="lines", title_body=0.0,
                trad=0.0, gloss=0.0, ascii_punct=0.0)


def style_news(rng, d):
    """A news portal's article page."""
    paper = rng.choice(["南湖日报", "江城晚报", "东山新闻网"])
    before = ["%s首页 | 时政 | 要闻 | 评论 | 视频" % paper, "当前位置：首页 » 时政 » 正文", TITLE,
              "%s  来源：%s  作者：%s" % (stamp(rng) + ":00", paper, rng.choice(["张明", "李华", "王磊"])),
              "【字体：大 中 小】 打印本页 关闭窗口", ""]

    def between(k):
        return []
    after = ["", "【责任编辑：%s】" % rng.choice(["赵敏", "陈晨"]), "【纠错】",
             "分享到：微信 微博 QQ空间", "相关新闻"] + related(rng, 4) + [
             "版权所有：%s  未经授权禁止转载" % paper, "浙ICP备%08d号" % rng.randint(0, 10 ** 8)]
    return dict(before=before, between=between, after=after, form="lines", title_body=0.0,
                trad=0.0, gloss=0.0, ascii_punct=0.0)


def style_library_c(rng, d):
    """A library with a summary block repeating the body's start."""
    site = "知行范文网"
    fn = d["title"] + rng.choice(["", "（最新）", "（通用版）"]) + ".pdf"
    before = [site, fn, "文档介绍：", summary(d, 2),
              "%d页 · %s · 浏览%d · 下载%d" % (d["pages"], size(rng), rng.randint(10, 9999), rng.randint(1, 300)),
              "举报", "收藏", ""]

    def between(k):
        return ["- %d -" % k] if rng.random() < 0.7 else ["%d/%d" % (k, d["pages"])]
    after = ["- %d -" % d["pages"], "剩余%d页未读，继续阅读" % rng.randint(1, 9), "猜你喜欢"] + related(
        rng, 5, suffix=lambda r: "（共%d页）" % r.randint(2, 30)) + ["关于我们 | 联系客服 | 用户协议"]
    return dict(before=before, between=between, after=after, form=rng.choice(["lines", "runon"]),
                title_body=0.3, trad=0.3, gloss=0.0, ascii_punct=0.0)


def style_forum(rng, d):
    """A forum thread: the post, then replies."""
    before = ["笔耕论坛 › 公文写作 › 讲话稿", "标题：" + d["title"],
              "楼主 %s  发表于 %s" % (rng.choice(USER_NAMES), stamp(rng)),
              "查看：%d | 回复：%d" % (rng.randint(100, 9999), rng.randint(1, 50)), ""]

    def between(k):
        return []
    after = ["", "分享 收藏 点赞(%d)" % rng.randint(0, 99), "回复 举报"]
    for i in range(rng.randint(2, 4)):
        after += ["%d楼 %s  %s" % (i + 2, rng.choice(USER_NAMES), stamp(rng)),
                  rng.choice(COMMENT_TEXTS)]
    after += ["返回列表", "快速回复"]
    return dict(before=before, between=between, after=after, form="lines", title_body=0.0,
                trad=0.0, gloss=0.0, ascii_punct=0.0)


def style_library_d(rng, d):
    """A library whose page markers are on their own, fields with a bar."""
    site = "云笺文库"
    fn = d["title"] + ".docx"
    before = ["%s | 专业文档分享平台" % site, fn,
              "上传人：%s | 格式：DOCX | 页数：%d | 大小：%s" % (rng.choice(USER_NAMES), d["pages"], size(rng)),
              "积分：%d" % rng.randint(1, 30), ""]

    def between(k):
        return ["第%d页 共%d页" % (k, d["pages"])]
    after = ["第%d页 共%d页" % (d["pages"], d["pages"]), "本文档由%s用户上传，仅供学习交流" % site,
             "如有侵权请联系删除", "点击下载", "热门文档"] + related(rng, 4, numbered=True)
    return dict(before=before, between=between, after=after, form=rng.choice(["lines", "runon"]),
                title_body=0.6, trad=0.5, gloss=0.2, ascii_punct=0.3)


TUNE = {
    "library-a": style_library_a, "library-b": style_library_b, "wechat": style_wechat,
    "news": style_news, "library-c": style_library_c, "forum": style_forum,
    "library-d": style_library_d,
}

# Held-out styles: written before the cleaner ran on any of them and never
# tuned on.  Their wording is their own, not the tune styles'.

def held_slides(rng, d):
    """A reading site that counts words and pages, with a summary."""
    site = "启明范文库"
    before = [site + "——公文写作好帮手", "您所在的位置：范文库 / 讲话稿 / 会议讲话",
              "本文共%d字，预计阅读%d分钟" % (len(d["body"]), len(d["body"]) // 400 + 1),
              "摘要：" + summary(d, 2), "文档标签：讲话 会议 工作部署", ""]

    def between(k):
        return ["上一页", "下一页"] if rng.random() < 0.3 else ["（第%d页）" % k]
    after = ["（第%d页）" % d["pages"], "评论 (%d)" % rng.randint(0, 30),
             "%s %s" % (rng.choice(USER_NAMES), stamp(rng)), rng.choice(COMMENT_TEXTS),
             "同类范文"] + related(rng, 4) + ["本站文章均由网友投稿，转载请注明出处。"]
    return dict(before=before, between=between, after=after, form=rng.choice(["lines", "runon"]),
                title_body=0.7, trad=0.0, gloss=0.0, ascii_punct=0.0)


def held_gov(rng, d):
    """A government portal's page."""
    org = rng.choice(["临川县人民政府", "松溪区人民政府", "平阳市教育局"])
    before = ["%s门户网站" % org, "首页 > 政务公开 > 领导讲话", TITLE,
              "信息来源：%s办公室  发布日期：%s  浏览次数：%d" % (org, date(rng), rng.randint(10, 9999)),
              "索引号：%03d%05d/%s-%05d  主题分类：综合政务" % (rng.randint(0, 999), rng.randint(0, 99999),
                                                           date(rng)[:4], rng.randint(0, 99999)),
              "【打印】【关闭】", ""]

    def between(k):
        return []
    after = ["", "扫一扫在手机打开当前页", "【打印本页】 【关闭窗口】",
             "主办单位：%s  网站标识码：%010d" % (org, rng.randint(0, 10 ** 10)),
             "闽公网安备 %014d号" % rng.randint(0, 10 ** 14), "闽ICP备%08d号" % rng.randint(0, 10 ** 8)]
    return dict(before=before, between=between, after=after, form="lines", title_body=0.0,
                trad=0.0, gloss=0.0, ascii_punct=0.0)


def held_collection(rng, d):
    """A personal collection site: saved articles with counters."""
    user = rng.choice(USER_NAMES)
    before = [TITLE, "%s | 收藏于 %s | 阅读 %d | 转藏 %d | 献花(%d)" % (
                  user, date(rng), rng.randint(1, 9999), rng.randint(0, 99), rng.randint(0, 9)),
              "来自: %s > 《讲话稿》" % user, ""]

    def between(k):
        return []
    after = ["", "本文是收藏者为方便阅读整理的，如涉及侵权请告知。", "0条评论", "发表评论",
             "请遵守用户 评论公约", "类似文章 更多"] + related(rng, 5) + [
             "分享：微信 QQ好友 新浪微博", "猜你喜欢"] + related(rng, 2)
    return dict(before=before, between=between, after=after, form="lines", title_body=0.0,
                trad=0.0, gloss=0.0, ascii_punct=0.0)


def held_library_vip(rng, d):
    """A library in traditional characters with a VIP offer and a summary."""
    fn = d["title"] + rng.choice(["", "（完整版）"]) + ".doc"
    before = [fn, "文档页数：%d页 | 文档大小：%s | 文档热度：%d | 文档分类：党政相关" % (
                  d["pages"], size(rng), rng.randint(10, 99999)),
              "VIP专享文档", "免费下载 ¥%d.00 购买" % rng.randint(2, 30),
              "内容提要：", summary(d, 3),
              "本文档共%d页，您正在阅读第1-%d页" % (d["pages"], min(3, d["pages"])), ""]

    def between(k):
        return ["— 第%d页 —" % (k + 1)]
    after = ["", "还有%d页未读，点击阅读全文" % rng.randint(1, 9), "查看更多>>", "相关资料"] + related(
        rng, 4, suffix=lambda r: ".doc") + ["关于本站 | 帮助中心 | 版权申诉"]
    return dict(before=before, between=between, after=after, form=rng.choice(["lines", "runon"]),
                title_body=0.6, trad=0.7, gloss=0.3, ascii_punct=0.5)


def held_account(rng, d):
    """Another public account's article, images between paragraphs."""
    before = ["点击蓝字 关注我们", TITLE, "来源 | %s宣传" % rng.choice(["江北", "城南", "西湖"]),
              "编辑 | %s  审核 | %s" % (rng.choice(["张伟", "刘洋"]), rng.choice(["孙丽", "周强"])), "▼", ""]

    def between(k):
        return ["", rng.choice(["[图片]", "（图片来自网络，侵删）", "▲点击图片查看大图"]), ""]
    after = ["", "- END -", "觉得不错，请点亮“在看”", "分享 收藏 点赞 在看",
             "微信扫一扫关注该公众号", "知道了", "轻点两下取消赞"]
    return dict(before=before, between=between, after=after, form="lines", title_body=0.0,
                trad=0.0, gloss=0.0, ascii_punct=0.0)


def held_print(rng, d):
    """A page printed to PDF and copied: header and footer on every page."""
    stamp_line = "%d/%d/%d %02d:%02d" % (rng.randint(2018, 2025), rng.randint(1, 12), rng.randint(1, 28),
                                         rng.randint(0, 23), rng.randint(0, 59))
    header = "%s %s" % (stamp_line, "拾贝文档 - " + d["title"][:12])
    url = "https://wenshu.example.cn/p/%d.html" % rng.randint(10 ** 5, 10 ** 6)
    before = [header, TITLE if rng.random() < 0.5 else "拾贝文档", ""]

    def between(k):
        return ["%s %d/%d" % (url, k, d["pages"]), header]
    after = ["%s %d/%d" % (url, d["pages"], d["pages"])]
    return dict(before=before, between=between, after=after, form=rng.choice(["lines", "runon"]),
                title_body=0.5, trad=0.0, gloss=0.0, ascii_punct=0.0)


HELDOUT = {
    "held-slides": held_slides, "held-gov": held_gov, "held-collection": held_collection,
    "held-library-vip": held_library_vip, "held-account": held_account, "held-print": held_print,
}
# A second held-out set, written after the first one had been seen (its
# failures guided general fixes) and before the cleaner ever ran on these.

def blind_qa(rng, d):
    """A question-and-answer site: the speech as an answer."""
    before = ["问答首页 > 公文写作 > 讲话稿", "求一篇%s，急用！" % d["title"][-8:],
              "%s · 提问于%s" % (rng.choice(USER_NAMES), date(rng)), "最佳答案",
              "%s  采纳率%d%%  擅长：公文写作" % (rng.choice(USER_NAMES), rng.randint(40, 99)), ""]

    def between(k):
        return []
    after = ["", "本回答由网友推荐", "已赞过 已踩过", "你对这个回答的评价是？", "收起",
             "其他%d条回答" % rng.randint(1, 9), "为你推荐：", "下载APP 查看更多优质回答"]
    return dict(before=before, between=between, after=after, form=rng.choice(["lines", "runon"]),
                title_body=0.6, trad=0.0, gloss=0.0, ascii_punct=0.0)


def blind_internal(rng, d):
    """Material passed round inside an office: a watermark on every page."""
    mark = "本资料由%s整理 仅限内部学习" % rng.choice(["县委办", "综合科", "文秘组"])
    before = [mark, "〔内部资料 注意保存〕", ""]

    def between(k):
        return ["〔 %d / %d 〕" % (k, d["pages"]), mark]
    after = ["〔 %d / %d 〕" % (d["pages"], d["pages"])]
    return dict(before=before, between=between, after=after, form=rng.choice(["lines", "runon"]),
                title_body=0.9, trad=0.0, gloss=0.0, ascii_punct=0.3)


def blind_mobile(rng, d):
    """A news app's mobile page."""
    before = ["返回", "登录 注册", TITLE, "%s %s" % (rng.choice(["城事观察", "今日江南"]), stamp(rng)),
              "打开APP，阅读体验更佳", ""]

    def between(k):
        return ["广告"] if rng.random() < 0.4 else []
    after = ["展开全文", "举报/反馈", "全部评论 %d" % rng.randint(1, 99), "写评论...",
             "%s %d赞" % (rng.choice(USER_NAMES), rng.randint(1, 99)), rng.choice(COMMENT_TEXTS),
             "分享至", "朋友圈 微博 复制链接"]
    return dict(before=before, between=between, after=after, form="lines", title_body=0.0,
                trad=0.0, gloss=0.0, ascii_punct=0.0)


def blind_party(rng, d):
    """A party-building portal."""
    org = rng.choice(["中共青山县委组织部", "东湖区机关工委"])
    before = ["%s党建网" % org[:-3], "字号：大 中 小", TITLE,
              "来源：%s | 发布时间：%d年%02d月%02d日 | 点击数：%d" % (
                  org, rng.randint(2015, 2025), rng.randint(1, 12), rng.randint(1, 28), rng.randint(1, 9999)),
              ""]

    def between(k):
        return []
    after = ["", "【收藏本页】【打印本页】【关闭】", "上一篇：" + rng.choice(OTHER_TITLES),
             "下一篇：" + rng.choice(OTHER_TITLES),
             "主办：%s  技术支持：信息中心  联系电话：0571-%08d" % (org, rng.randint(0, 10 ** 8)),
             "地址：青山县人民路1号 邮编：%06d" % rng.randint(0, 10 ** 6)]
    return dict(before=before, between=between, after=after, form="lines", title_body=0.0,
                trad=0.0, gloss=0.0, ascii_punct=0.0)


def blind_bbs(rng, d):
    """A forum in traditional characters: a post edited by its author."""
    user = rng.choice(USER_NAMES)
    before = ["%s 發表於 %s:%02d" % (user, stamp(rng), rng.randint(0, 59)), "只看该作者", "楼主",
              "本帖最后由 %s 于 %s 编辑" % (user, stamp(rng)), ""]

    def between(k):
        return []
    after = ["", "签名档：笔耕不辍，厚积薄发", "使用道具 举报", "回复 #%d %s" % (rng.randint(2, 9), rng.choice(USER_NAMES)),
             rng.choice(COMMENT_TEXTS), "高级模式", "B Color Image Link Quote Code Smilies"]
    return dict(before=before, between=between, after=after, form=rng.choice(["lines", "runon"]),
                title_body=0.8, trad=0.8, gloss=0.3, ascii_punct=0.0)


BLIND = {
    "blind-qa": blind_qa, "blind-internal": blind_internal, "blind-mobile": blind_mobile,
    "blind-party": blind_party, "blind-bbs": blind_bbs,
}

# A third held-out set, written after the second had been seen and before
# the fixes that seeing it suggested; never run before those were in.

def last_bulletin(rng, d):
    """A government bulletin printed to PDF: running header and folio."""
    issue = "%d年第%d期" % (rng.randint(2016, 2025), rng.randint(1, 24))
    head = "%s人民政府公报" % rng.choice(["清河市", "白塔县", "云岭州"])
    first = rng.randint(5, 60)
    before = [head, issue, ""]

    def between(k):
        return ["— %d —" % (first + k - 1), head + "  " + issue]
    after = ["— %d —" % (first + d["pages"] - 1)]
    return dict(before=before, between=between, after=after, form=rng.choice(["lines", "runon"]),
                title_body=0.9, trad=0.0, gloss=0.0, ascii_punct=0.0)


def last_sidebar(rng, d):
    """A library whose side panel was copied with the text."""
    cats = ["党建材料", "心得体会", "工作总结", "讲话致辞", "述职报告", "调研报告", "主持词"]
    before = ["文档分类"] + rng.sample(cats, 5) + ["热门标签：讲话 党课 总结", d["title"] + ".docx",
              "共%d页  %d人已下载" % (d["pages"], rng.randint(1, 999)), ""]

    def between(k):
        return ["第%d页" % k] if rng.random() < 0.5 else []
    after = ["", "上传者其他文档"] + related(rng, 4) + ["文档分类"] + rng.sample(cats, 3)
    return dict(before=before, between=between, after=after, form=rng.choice(["lines", "runon"]),
                title_body=0.4, trad=0.3, gloss=0.0, ascii_punct=0.0)


def last_mail(rng, d):
    """A speech forwarded by mail."""
    before = ["-------- 转发邮件信息 --------",
              "发件人：\"%s\" <%s@example.cn>" % (rng.choice(["张伟", "王芳"]), rng.choice(["zw", "wangf"])),
              "发送时间：%d年%d月%d日(星期%s) 上午%d:%02d" % (rng.randint(2016, 2025), rng.randint(1, 12),
                                                      rng.randint(1, 28), rng.choice("一二三四五"),
                                                      rng.randint(8, 11), rng.randint(0, 59)),
              "收件人：\"综合科\" <zhk@example.cn>", "主题：转发：" + d["title"], ""]

    def between(k):
        return []
    after = ["", "发自我的手机",
             "本邮件及其附件含有保密信息，仅限于发送给上面地址中列出的个人或群组。"]
    return dict(before=before, between=between, after=after, form="lines", title_body=0.5,
                trad=0.0, gloss=0.0, ascii_punct=0.0)


def last_notes(rng, d):
    """A note exported from a reading app."""
    before = ["摘自：《%s》" % d["title"], "原文链接：https://read.example.cn/a/%d" % rng.randint(10 ** 5, 10 ** 6),
              "笔记时间：%s" % stamp(rng), "标签：#讲话 #材料 #借鉴", ""]

    def between(k):
        return []
    after = ["", "——来自 青藤阅读", "字数：%d" % len(d["body"])]
    return dict(before=before, between=between, after=after, form="lines", title_body=0.3,
                trad=0.0, gloss=0.0, ascii_punct=0.0)


def last_aggregator(rng, d):
    """A news aggregator in traditional characters."""
    before = ["熱點新聞網 > 時事 > 兩岸", TITLE, "記者%s／綜合報導" % rng.choice(["林志明", "陳怡"]),
              "%s  分享到Facebook  分享到LINE" % stamp(rng), ""]

    def between(k):
        return ["（廣告）"] if rng.random() < 0.5 else []
    after = ["", "更多內容請關注熱點新聞網", "延伸閱讀"] + related(rng, 3) + ["熱門新聞", "留言區",
             "請登入後發表意見"]
    return dict(before=before, between=between, after=after, form="lines", title_body=0.0,
                trad=1.0, gloss=0.2, ascii_punct=0.0)


LAST = {
    "last-bulletin": last_bulletin, "last-sidebar": last_sidebar, "last-mail": last_mail,
    "last-notes": last_notes, "last-aggregator": last_aggregator,
}

# A fourth held-out set, written after `last` had been seen and before the
# cleaner ever ran on it: other kinds of pages a speech is copied from.

def fresh_repost(rng, d):
    """A microblog repost chain quoting the speech as a long post."""
    users = rng.sample(USER_NAMES, 3)
    before = [users[0], "%d-%d %02d:%02d 来自 %s" % (rng.randint(1, 12), rng.randint(1, 28), rng.randint(0, 23),
                                                   rng.randint(0, 59), rng.choice(["iPhone客户端", "HUAWEI Mate 60", "微博 weibo.example"])),
              "转发理由：好材料，先收藏 //@%s:值得一读 //@%s:转发微博" % (users[1], users[2]),
              "【%s】" % d["title"], "#%s# #公文写作#" % rng.choice(["讲话稿", "领导讲话", "材料分享"]), ""]

    def between(k):
        return []
    after = ["", "收起全文", "网页链接", "转发 %d  评论 %d  赞 %d" % (rng.randint(1, 999), rng.randint(0, 99), rng.randint(1, 9999))]
    for u in rng.sample(USER_NAMES, 2):
        after += ["%s：%s" % (u, rng.choice(COMMENT_TEXTS)), "%d分钟前  回复  赞" % rng.randint(1, 59)]
    after += ["查看全部%d条评论 >" % rng.randint(3, 99)]
    return dict(before=before, between=between, after=after, form=rng.choice(["lines", "runon"]),
                title_body=0.0, trad=0.0, gloss=0.0, ascii_punct=0.0)


def fresh_snapshot(rng, d):
    """A search engine's cached copy of a city portal's page."""
    host = "www.%s.gov.example" % rng.choice(["hexi", "nanshan", "qingtian"])
    url = "http://%s/art/%d/%d.html" % (host, rng.randint(2016, 2025), rng.randint(10 ** 5, 10 ** 6))
    before = ["这是 %s 的快照，保存于 %s，当前页面可能已经更改。" % (url, stamp(rng)),
              "点击此处查看当前页面。  纯文字版本", "您的搜索词已在下方标出：讲话  工作", "",
              "%s | 首页 | 新闻中心 | 政务公开 | 互动交流" % rng.choice(["河西区政务网", "南山市政府", "青田县门户"]),
              TITLE, "发布时间：%s   字体：[大 中 小]" % date(rng), ""]

    def between(k):
        return []
    after = ["", "【关闭】  【打印】  【返回顶部】", "网页快照由搜索服务提供，与原网页的内容和观点无关。",
             "©%d Search Cache" % rng.randint(2018, 2025)]
    return dict(before=before, between=between, after=after, form="lines", title_body=0.0,
                trad=0.0, gloss=0.0, ascii_punct=0.0)


def fresh_digest(rng, d):
    """A weekly mail digest that carries the speech as its lead item."""
    issue = rng.randint(12, 480)
    others = rng.sample(OTHER_TITLES, 3)
    before = ["《机关文稿》每周精选 · 第%d期" % issue,
              "如果邮件无法正常显示，请在浏览器中查看。", "本期目录",
              "1. " + d["title"], "2. " + others[0], "3. " + others[1], "",
              "━━━━━━━━━━━━━━━━", "▍本期头条", TITLE, ""]

    def between(k):
        return []
    after = ["", "━━━━━━━━━━━━━━━━", "▍延伸阅读", others[0], others[2],
             "您收到这封邮件，是因为您在本站订阅了每周精选。",
             "退订  |  管理订阅  |  联系我们", "© %d 文稿周刊编辑部" % rng.randint(2018, 2025)]
    return dict(before=before, between=between, after=after, form="lines", title_body=0.0,
                trad=0.0, gloss=0.0, ascii_punct=0.0)


def fresh_pdfdump(rng, d):
    """A meeting's bound papers turned to text: the title as running header,
    a footer line and a page number on every page, the lines hard-wrapped."""
    body_no = rng.randint(2, 9)
    footer = "%s人大常委会办公室 %d年%d月印发" % (rng.choice(["东川市", "白水县", "南岭州"]),
                                           rng.randint(2016, 2025), rng.randint(1, 12))
    folio = rng.choice(["Page %d of %d", "·%d·"])
    before = ["会议文件之%s" % "一二三四五六七八九"[body_no - 1], ""]

    def number(k):
        return folio % (k, d["pages"]) if "of" in folio else folio % k

    def between(k):
        return [footer, number(k), "", d["title"], ""]
    after = ["", footer, number(d["pages"])]
    return dict(before=before, between=between, after=after, form="wrapped", wrap=rng.randint(28, 40),
                title_body=1.0, trad=0.0, gloss=0.0, ascii_punct=0.0)


def fresh_govprint(rng, d):
    """The print view of a county portal's notice, with its attachments."""
    org = rng.choice(["青峰县人民政府办公室", "西岭区发展和改革局", "临江市住房和城乡建设局"])
    before = ["打印时间：%s" % stamp(rng),
              "当前页面：http://%s.gov.example/zfxxgk/%d/t%d_%d.html" % (
                  rng.choice(["qf", "xl", "lj"]), rng.randint(2016, 2025), rng.randint(10 ** 7, 10 ** 8), rng.randint(1, 9)),
              "文号：%s〔%d〕%d号" % (org[:2] + "办发", rng.randint(2016, 2025), rng.randint(1, 99)),
              "发文机关：%s    成文日期：%s" % (org, date(rng)), TITLE, ""]

    def between(k):
        return []
    after = ["", "附件：", "1.%s.pdf" % rng.choice(OTHER_TITLES),
             "2.%s汇总表.xlsx" % rng.choice(["重点项目", "任务分解", "责任清单"]),
             "扫描二维码在手机上查看", "网站地图 | 联系我们 | 无障碍浏览 | 隐私声明",
             "政府网站标识码：%d  备案号：%sICP备%08d号" % (rng.randint(10 ** 9, 10 ** 10), rng.choice("湘赣皖"), rng.randint(0, 10 ** 8))]
    return dict(before=before, between=between, after=after, form="lines", title_body=0.0,
                trad=0.0, gloss=0.0, ascii_punct=0.0)


def fresh_netdisk(rng, d):
    """A cloud drive's share page previewing the document."""
    user = rng.choice(USER_NAMES)
    code = "".join(rng.choice("abcdefghjkmnpqrstuvwxyz23456789") for _ in range(4))
    before = ["%s 的分享" % user, d["title"] + rng.choice([".docx", ".doc", ".wps"]),
              "分享时间：%s    有效期：永久有效" % stamp(rng), "提取码：%s" % code,
              "保存到我的网盘    下载（%s）" % size(rng), "文档预览", ""]

    def between(k):
        return ["已加载 %d/%d 页" % (k, d["pages"])] if rng.random() < 0.8 else []
    after = ["", "预览仅显示部分内容，完整内容请下载后查看。", "举报该分享", "开通超级会员 享极速下载"]
    return dict(before=before, between=between, after=after, form=rng.choice(["lines", "runon"]),
                title_body=0.5, trad=0.0, gloss=0.0, ascii_punct=0.2)


def fresh_notes(rng, d):
    """A post on a picture-and-notes community, tags and comments after."""
    user = rng.choice(USER_NAMES)
    before = [user, "关注", "📝" + d["title"], ""]

    def between(k):
        return ["", "（图%d/%d）" % (k, d["pages"]), ""] if rng.random() < 0.5 else []
    after = ["", "#公文写作[话题]# #体制内[话题]# #%s[话题]#" % rng.choice(["讲话稿", "笔杆子", "材料"]),
             "编辑于 %d天前 %s" % (rng.randint(1, 30), rng.choice(["浙江", "湖南", "山东", "重庆"])),
             "共 %d 条评论" % rng.randint(2, 99)]
    for u in rng.sample(USER_NAMES, 2):
        after += [u, rng.choice(COMMENT_TEXTS), "%s  回复" % date(rng)[5:], "%d" % rng.randint(1, 99)]
    after += ["说点什么...", "%d  %d  %d" % (rng.randint(1, 9999), rng.randint(1, 999), rng.randint(1, 99))]
    return dict(before=before, between=between, after=after, form="lines", title_body=0.0,
                trad=0.0, gloss=0.0, ascii_punct=0.0)


def fresh_chatlog(rng, d):
    """A group chat's history, exported: the speech sent as one message."""
    people = ["张伟", "李秀英", "王强", "刘敏", "陈静", "办公室小赵"]
    a, b, c = rng.sample(people, 3)
    y, m, day = rng.randint(2018, 2025), rng.randint(1, 12), rng.randint(1, 28)

    def head(who, h, mi):
        return "%s %d-%02d-%02d %02d:%02d:%02d" % (who, y, m, day, h, mi, rng.randint(0, 59))
    before = ["聊天记录：%s" % rng.choice(["综合科工作群", "材料组", "办公室（内部）"]), "———— %d年%d月%d日 ————" % (y, m, day),
              head(a, 8, rng.randint(0, 29)), "[文件] %s.docx" % d["title"], head(a, 8, rng.randint(30, 59))]

    def between(k):
        return []
    after = [head(b, 9, rng.randint(0, 59)), "收到", head(c, 9, rng.randint(0, 59)),
             rng.choice(["[强]", "👍👍", "好的"]), head(a, 10, rng.randint(0, 59)), "[撤回了一条消息]"]
    return dict(before=before, between=between, after=after, form="lines", title_body=0.6,
                trad=0.0, gloss=0.0, ascii_punct=0.0)


FRESH = {
    "fresh-repost": fresh_repost, "fresh-snapshot": fresh_snapshot, "fresh-digest": fresh_digest,
    "fresh-pdfdump": fresh_pdfdump, "fresh-govprint": fresh_govprint, "fresh-netdisk": fresh_netdisk,
    "fresh-notes": fresh_notes, "fresh-chatlog": fresh_chatlog,
}

# A sixth held-out set, written after `fresh` had been seen and before the
# cleaner ever ran on it.  Some of these dress the body itself ("hook"):
# footnote markers, timestamps, the stray spaces of OCR.

def sixth_answer(rng, d):
    """A knowledge Q&A site: the speech as one answer to a question."""
    user, other = rng.sample(USER_NAMES, 2)
    before = [rng.choice(["领导讲话稿怎样写才能既有高度又接地气？", "体制内写讲话稿，有哪些值得借鉴的范文？",
                          "第一次给领导写讲话稿，应该从哪里入手？"]),
              "关注者", "{:,}".format(rng.randint(100, 9999)), "被浏览", "{:,}".format(rng.randint(10 ** 4, 10 ** 6)),
              "关注问题\u200b  写回答", "%d 个回答  默认排序" % rng.randint(12, 400), "",
              user, rng.choice(["县委办 · 十年笔杆子", "机关写作爱好者", "文字工作者，偶尔答题"]),
              "%d 人赞同了该回答" % rng.randint(3, 9999)]
    if rng.random() < 0.5:
        before.append(rng.choice(["分享一篇我之前写的，供参考。", "贴一篇去年改过的稿子，大家看看。"]))
    before.append("")

    def between(k):
        return []
    after = ["", "编辑于 %s・IP 属地%s" % (stamp(rng), rng.choice(["浙江", "江苏", "湖北", "陕西"])),
             "\u200b赞同 %d\u200b\u200b%d 条评论\u200b分享\u200b收藏\u200b喜欢\u200b收起" % (
                 rng.randint(3, 9999), rng.randint(0, 300)),
             "更多回答", other, "%d 人赞同了该回答" % rng.randint(1, 500),
             "讲话稿最要紧的是站位，其次才是文采，先把领导的意图吃透。…阅读全文",
             "查看全部 %d 个回答" % rng.randint(12, 400)]
    return dict(before=before, between=between, after=after, form="lines", title_body=0.4,
                trad=0.0, gloss=0.0, ascii_punct=0.0)


def reader_marks(rng, text):
    """Footnote markers after a few full stops, as reader mode copies them."""
    stops = [m.end() for m in re.finditer("。", text)]
    n = min(len(stops), rng.randint(2, 4))
    at = sorted(rng.sample(stops, n)) if n else []
    out, last, marks = [], 0, []
    for i, p in enumerate(at):
        marks.append("[%d]" % (i + 1))
        out += [text[last:p], marks[-1]]
        last = p
    out.append(text[last:])
    return "".join(out), marks


def sixth_reader(rng, d):
    """A browser's reader mode, exported: footnote markers and the notes."""
    host = "%s.example.com" % rng.choice(["dongling-daily", "nanping-review", "beiyuan"])
    before = ["%s/content/%d/%d.html" % (host, rng.randint(2016, 2025), rng.randint(10 ** 6, 10 ** 7)), TITLE,
              "%s · %s" % (rng.choice(["东岭日报", "南屏时评", "北原观察"]), rng.choice(["记者 江宁", "特约撰稿 何川"])),
              "约 %d 分钟" % (len(d["body"]) // 500 + 1), ""]

    def between(k):
        return []
    notes = ["本文据讲话录音整理，有删节。", "数据来源于当年的统计公报。", "引文见会议印发的材料汇编。",
             "标题为编者所加。"]
    after = ["", "注释"] + ["[%d] %s" % (i + 1, t) for i, t in enumerate(rng.sample(notes, 4))] + [
             "原文链接：https://%s/" % host, "导出自 闲读笺 · %s" % stamp(rng)]
    return dict(before=before, between=between, after=after, form="lines", title_body=0.0,
                trad=0.25, gloss=0.0, ascii_punct=0.0, hook=reader_marks)


def sixth_redhead(rng, d):
    """A red-headed office notice that issues the speech, as a Word file's text."""
    place = rng.choice(["南塘县", "西平市", "北河区"])
    org = "中共%s委办公室" % place
    y = rng.randint(2016, 2025)
    before = ["%s文件" % org, "%s委办发〔%d〕%d号" % (place[:2], y, rng.randint(1, 60)), "",
              "关于印发《%s》的通知" % d["title"], "",
              "各乡镇党委、政府，%s直各单位：" % place[-1],
              "现将《%s》印发给你们，请结合实际认真学习贯彻。" % d["title"], "", org,
              "%d年%d月%d日" % (y, rng.randint(1, 12), rng.randint(1, 28)), "（此件发至乡科级）", "",
              "— 1 —", TITLE, ""]

    def between(k):
        return ["— %d —" % (k + 1)]
    after = ["", "抄送：%s人大常委会办公室，%s政协办公室。" % (place[-1], place[-1]),
             "%s          %d年%d月%d日印发" % (org, y, rng.randint(1, 12), rng.randint(1, 28)),
             "— %d —" % (d["pages"] + 1)]
    return dict(before=before, between=between, after=after, form="lines", title_body=0.0,
                trad=0.0, gloss=0.0, ascii_punct=0.0)


def ocr_spaces(rng, text):
    """The stray spaces an OCR puts between characters."""
    out = []
    for i, c in enumerate(text):
        out.append(c)
        if c != "\n" and i + 1 < len(text) and text[i + 1] != "\n":
            r = rng.random()
            if r < 0.03:
                out.append(" ")
            elif r < 0.04:
                out.append("  ")
    return "".join(out), []


def sixth_ocr(rng, d):
    """A printed speech scanned with a phone app and read by its OCR."""
    app = rng.choice(["拾页扫描", "纸影扫描"])
    first = rng.randint(1, 40)

    def between(k):
        noise = [rng.choice(["■ ■", "丨 ·", "' ’ ,"])] if rng.random() < 0.3 else []
        return noise + ["· %d ·" % (first + k - 1), "%s 扫描创建" % app]
    after = ["", "· %d ·" % (first + d["pages"] - 1), "%s 扫描创建" % app]
    return dict(before=[], between=between, after=after, form="wrapped", wrap=rng.randint(20, 30),
                title_body=0.85, trad=0.0, gloss=0.0, ascii_punct=0.4, hook=ocr_spaces)


def sixth_reply(rng, d):
    """A mail reply carrying the revised speech, signature and quote after."""
    boss = rng.choice(["王主任", "李科长", "赵部长"])
    me, addr = rng.choice([("张伟", "zhangw"), ("刘敏", "liumin"), ("陈静", "chenj")])
    y, m, day = rng.randint(2016, 2025), rng.randint(1, 12), rng.randint(1, 28)
    before = ["Re: %s（修改稿）" % d["title"],
              "发件人：%s<%s@example.cn>" % (me, addr),
              "时　间：%d年%d月%d日 (周%s) 下午%d:%02d" % (y, m, day, rng.choice("一二三四五"), rng.randint(1, 5),
                                                   rng.randint(0, 59)),
              "收件人：%s<office@example.cn>" % boss, "", "%s：" % boss,
              rng.choice(["按您的意见改好了，主要压缩了第二部分，全文如下，请审阅。",
                          "修改稿附后，数据已和统计局核对过，请您把关。"]), ""]

    def between(k):
        return []
    after = ["", "--", me, "县委办公室综合科", "电话：0571-%08d" % rng.randint(0, 10 ** 8), "",
             "在 %d-%02d-%02d %02d:%02d，\"%s\" <office@example.cn> 写道：" % (y, m, day, rng.randint(8, 11),
                                                                           rng.randint(0, 59), boss),
             "> 小%s：" % me[0], "> 第二部分太长，压缩到一千字以内，今天下班前发我。", ">",
             "> " + boss[0]]
    return dict(before=before, between=between, after=after, form="lines", title_body=0.5,
                trad=0.0, gloss=0.0, ascii_punct=0.0)


def transcript(rng, text):
    """Speech-to-text lines, each under its time, paragraphs forgotten."""
    flat = text.replace("\n", "")
    out, marks, t, line = [], [], rng.randint(0, 9), ""
    for c in flat:
        line += c
        if c in "，。！？；" and len(line) >= rng.randint(8, 30):
            marks.append("%02d:%02d" % (t // 60, t % 60) if t < 3600 else
                         "%d:%02d:%02d" % (t // 3600, t // 60 % 60, t % 60))
            out += [marks[-1], line]
            t += len(line) // 4 + rng.randint(0, 2)
            line = ""
    if line:
        marks.append("%02d:%02d" % (t // 60, t % 60) if t < 3600 else
                     "%d:%02d:%02d" % (t // 3600, t // 60 % 60, t % 60))
        out += [marks[-1], line]
    return "\n".join(out), marks


def sixth_video(rng, d):
    """A video platform's page with the transcript of the speech."""
    up = rng.choice(USER_NAMES)
    before = [rng.choice([TITLE, "【完整版】" + d["title"], d["title"] + "｜会议实录"]),
              "%.1f万播放 · 总弹幕数%d  %s:%02d" % (rng.uniform(0.1, 90), rng.randint(0, 999), stamp(rng), rng.randint(0, 59)),
              "未经作者授权，禁止转载", "%s  发消息" % up, "关注 %d" % rng.randint(10, 99999),
              "AI字幕  文稿", "以下内容由语音自动识别生成，仅供参考", ""]

    def between(k):
        return []
    after = ["", "弹幕列表", "接下来播放  自动连播"]
    for t in rng.sample(OTHER_TITLES, 3):
        after += [t, "%02d:%02d" % (rng.randint(2, 59), rng.randint(0, 59)),
                  "%s  %.1f万播放" % (rng.choice(USER_NAMES), rng.uniform(0.1, 50))]
    after += ["投诉  客服  返回顶部"]
    return dict(before=before, between=between, after=after, form="lines", title_body=0.0,
                trad=0.0, gloss=0.0, ascii_punct=0.0, hook=transcript)


ADS = ["夏日焕新季，全屋家电低至五折，点击立即抢购！", "三分钟测出你的专属理财方案，新用户领取六百元体验金。",
       "九十平米全包装修只要这个数，本地业主都在看！", "考公考编上岸资料包免费领，限时三天。"]


def sixth_feed(rng, d):
    """A news feed app's article: the rest folded, adverts in the text."""
    acct = rng.choice(["城南观察", "江北时事", "基层治理研究"])
    before = [TITLE, "%s号 %d小时前 · %s" % (acct, rng.randint(1, 23), rng.choice(["广东", "安徽", "贵州"])), "关注", ""]

    def between(k):
        if k == 1:
            return ["展开剩余%d%%" % rng.randint(40, 90)]
        if rng.random() < 0.6:
            return ["广告", rng.choice(ADS), "了解详情"]
        return []
    after = ["", "本文为%s号作者原创，不代表本平台立场。" % acct, "举报/反馈",
             "点赞 %d  评论 %d  收藏" % (rng.randint(0, 999), rng.randint(0, 99)), "相关推荐"] + related(
             rng, 4, suffix=lambda r: "  %d评论 · %d天前" % (r.randint(0, 500), r.randint(1, 30))) + ["没有更多了"]
    return dict(before=before, between=between, after=after, form=rng.choice(["lines", "runon"]),
                title_body=0.0, trad=0.0, gloss=0.0, ascii_punct=0.0)


def sixth_aichat(rng, d):
    """A conversation with a writing assistant, shared or copied."""
    bot = rng.choice(["砚台助手", "青简AI"])
    ask, answer = rng.choice([
        ("帮我写一篇《%s》，一千五百字左右，语气庄重一些。" % d["title"], "好的，以下是为您撰写的讲话稿，您可以根据实际情况调整："),
        ("把下面这篇讲话稿润色一下，题目是%s。" % d["title"], "当然可以。下面是润色后的版本：")])
    before = ["与 %s 的对话" % bot, "分享于 %s" % stamp(rng), "", "你", ask, bot, answer, ""]

    def between(k):
        return []
    after = ["", rng.choice(["如需调整篇幅、语气或补充具体数据，请随时告诉我。",
                             "希望这篇稿子对您有帮助！如果需要更简短的版本，我可以继续修改。"]),
             "复制  重新生成  👍  👎", "内容由 AI 生成，请仔细甄别", "给 %s 发送消息" % bot]
    return dict(before=before, between=between, after=after, form="lines", title_body=0.7,
                trad=0.0, gloss=0.0, ascii_punct=0.0)


SIXTH = {
    "sixth-answer": sixth_answer, "sixth-reader": sixth_reader, "sixth-redhead": sixth_redhead,
    "sixth-ocr": sixth_ocr, "sixth-reply": sixth_reply, "sixth-video": sixth_video,
    "sixth-feed": sixth_feed, "sixth-aichat": sixth_aichat,
}

# A seventh held-out set, written after `sixth` had been seen, without
# reading the cleaner's code, and committed before the cleaner ran on it.

def seventh_minutes(rng, d):
    """A meeting-minutes system's record, exported: fields, then the
    speech as the record's content, review stamps after."""
    y, m, day = rng.randint(2017, 2025), rng.randint(1, 12), rng.randint(1, 28)
    unit = rng.choice(["溪口镇", "城关街道", "县交通运输局", "县教育局"])
    clerk, host, checker = rng.sample(["周明", "许丽华", "钱晓东", "孔婷", "韦建国", "蒋涛"], 3)
    before = ["会议记录详情", "会议编号：HY-%d-%04d" % (y, rng.randint(1, 9999)),
              "会议名称：%s%s" % (unit, rng.choice(["党委（扩大）会议", "专题工作会议", "全体干部大会"])),
              "会议时间：%d年%d月%d日 %s%d:%02d" % (y, m, day, rng.choice(["上午", "下午"]), rng.randint(8, 11),
                                               rng.choice([0, 30])),
              "会议地点：%s%s" % (unit, rng.choice(["三楼会议室", "一号会议室", "党群服务中心"])),
              "主持人：%s    记录人：%s" % (host, clerk),
              "应到%d人  实到%d人  缺席：%d人（请假）" % (rng.randint(20, 40), rng.randint(15, 19), rng.randint(0, 4)),
              "会议内容：", ""]
    if rng.random() < 0.5:
        before[-2:-2] = ["议题：%s" % d["title"]]

    def between(k):
        return []
    after = ["", "记录人签字：%s" % clerk, "主持人签字：%s" % host,
             "审核意见：同意归档", "审核人：%s    审核时间：%s" % (checker, stamp(rng)),
             "【已审核】  【已归档】", "附件（%d）：会议签到表.jpg" % rng.randint(1, 3),
             "导出时间：%s  导出人：%s" % (stamp(rng), rng.choice(["admin", clerk])),
             "会议管理系统 V%d.%d" % (rng.randint(2, 6), rng.randint(0, 9))]
    return dict(before=before, between=between, after=after, form=rng.choice(["lines", "lines", "runon"]),
                title_body=0.3, trad=0.0, gloss=0.0, ascii_punct=0.1)


def seventh_course(rng, d):
    """A cadre learning platform's course page: the speech as the study
    material, progress prompts in it and the quiz after."""
    hours = rng.choice(["0.5", "1.0", "1.5", "2.0"])
    before = ["干部网络学院  |  我的学习  |  课程中心  |  学习档案",
              "课程详情", TITLE,
              "学时：%s    积分：%d    类型：文字课件    专题：%s" % (
                  hours, rng.randint(1, 5), rng.choice(["讲话精神学习", "业务能力提升", "必修课程"])),
              "学习进度：0%%    已有%d人学习" % rng.randint(100, 99999), "【学习材料】", ""]

    def between(k):
        r = rng.random()
        if r < 0.4:
            return ["学习进度：%d%%" % min(99, k * 100 // d["pages"])]
        if r < 0.7:
            return ["您已学习%d分钟，请勿挂机，点击“继续学习”计时" % (k * rng.randint(3, 9)), "继续学习"]
        return []
    q = rng.randint(3, 6)
    after = ["", "学习进度：100%  本课程已完成，请参加课后测试",
             "课后测试（共%d题，%d分及格）" % (q, rng.choice([60, 80])),
             "1. （单选题）本次讲话共部署了几个方面的工作？（ ）",
             "A. 两个  B. 三个  C. 四个  D. 五个",
             "2. （判断题）抓落实要坚持问题导向。（ ）",
             "提交答卷    返回课程列表", "学员评价（%d）" % rng.randint(0, 300),
             "%s：%s" % (rng.choice(USER_NAMES), rng.choice(["学习了，受益匪浅。", "已学习，认真领会。"])),
             "主办单位：%s委组织部  技术支持：%s" % (rng.choice(["东阳县", "河源区", "安平市"]),
                                              rng.choice(["启学科技", "云岫信息"]))]
    return dict(before=before, between=between, after=after, form=rng.choice(["runon", "lines"]),
                title_body=0.2, trad=0.0, gloss=0.0, ascii_punct=0.0)


def seventh_journal(rng, d):
    """A periodical database's full-text page: fields, abstract, running
    heads with the page number between pages, the citation block after."""
    journal = rng.choice(["基层治理研究", "机关文苑", "乡镇论坛参考"])
    y, no, first = rng.randint(2012, 2025), rng.randint(1, 24), rng.randint(3, 80)
    author = rng.choice(["韩立群", "沈欣", "杜一鸣"])
    pages = "%d-%d" % (first, first + d["pages"] - 1)
    before = ["文献详情  >  %s  >  %d年第%d期" % (journal, y, no), TITLE,
              "%s（%s）" % (author, rng.choice(["中共某县委", "县人民政府", "市委政策研究室"])),
              "摘要：" + summary(d, 2),
              "关键词：%s" % "；".join(rng.sample(["讲话", "基层治理", "工作部署", "作风建设", "高质量发展"], 3)),
              "刊名：%s    年，卷（期）：%d，(%d)    页码：%s    页数：%d" % (journal, y, no, pages, d["pages"]),
              "分类号：D%d    文献标识码：A    文章编号：%04d-%04d(%d)%02d-%04d-%02d" % (
                  rng.randint(600, 699), rng.randint(1000, 9999), rng.randint(1000, 9999), y, no, first,
                  d["pages"]),
              "DOI：10.%d/j.cnki.%s.%d.%02d.%03d" % (rng.randint(13000, 16999), rng.choice(["jcz", "jgwy", "xzlt"]),
                                                    y, no, rng.randint(1, 200)),
              "下载：%d    被引：%d    HTML阅读  PDF下载  CAJ下载" % (rng.randint(0, 999), rng.randint(0, 40)), ""]
    head = rng.choice(["%s  %d年第%d期" % (journal, y, no), "%s %d.%02d" % (journal, y, no)])

    def between(k):
        return [rng.choice(["· %d ·", "%d"]) % (first + k - 1), head]
    after = ["", "引用格式：",
             "%s.%s[J].%s,%d(%d):%s." % (author, d["title"], journal, y, no, pages),
             "GB/T 7714  MLA  APA  复制", "相似文献"] + related(
             rng, 3, suffix=lambda r: "[J]. %s, %d(%d)" % (journal, r.randint(2010, 2025), r.randint(1, 12))) + [
             "版权所有 © 知渊期刊数据库  京ICP证%06d号" % rng.randint(0, 10 ** 6)]
    return dict(before=before, between=between, after=after, form=rng.choice(["lines", "wrapped"]),
                wrap=rng.randint(30, 44), title_body=0.0, trad=0.0, gloss=0.0, ascii_punct=0.0)


def speech_headings(d):
    """The speech's own headings, as a blog's table of contents lists them."""
    out = []
    for p in d["body"].split("\n"):
        p = p.strip()
        m = re.match(r"(（?[一二三四五六七八九十]+[、）]|第[一二三四五六七八九十]+[部分个是点])", p)
        if not m:
            continue
        head = re.split("[。！？：；]", p)[0]
        if 4 <= len(head) <= 30:
            out.append(head)
    return out[:10]


def seventh_blog(rng, d):
    """A personal blog: the contents of the speech's headings before it,
    the sidebar after, copied all in one."""
    blogger = rng.choice(USER_NAMES)
    heads = speech_headings(d)
    before = ["%s的博客" % blogger, "首页  归档  分类  关于  RSS", TITLE,
              "发表于 %s  |  分类于 %s  |  阅读次数：%d  |  字数统计：%d" % (
                  date(rng), rng.choice(["文稿", "学习笔记", "转载"]), rng.randint(1, 9999), len(d["body"]))]
    if heads:
        numbered = rng.random() < 0.5
        before += ["文章目录"] + ["%d. %s" % (i + 1, h) if numbered else h
                                  for i, h in enumerate(heads)] + ["[收起]"]
    before += [""]

    def between(k):
        return []
    after = ["", "本文链接：https://%s.blog.example/posts/%d/" % (rng.choice(["moxi", "qinglan", "zhuhe"]),
                                                                 rng.randint(100, 9999)),
             "版权声明：本博客所有文章除特别声明外，均采用 CC BY-NC-SA 4.0 许可协议。转载请注明出处！",
             "# 讲话稿  # 公文", "上一篇：%s" % rng.choice(OTHER_TITLES), "下一篇：%s" % rng.choice(OTHER_TITLES),
             "站点概览", blogger, "日志 %d  分类 %d  标签 %d" % (rng.randint(10, 400), rng.randint(2, 20), rng.randint(5, 90)),
             "最近文章"] + related(rng, 3) + [
             "© 2019 – %d %s  |  由 Hexo 强力驱动" % (rng.randint(2022, 2025), blogger)]
    return dict(before=before, between=between, after=after, form="lines", title_body=0.0,
                trad=0.2, gloss=0.0, ascii_punct=0.1)


def seventh_preview(rng, d):
    """An office suite's online preview, selected all and copied: toolbar
    words before, the status bar between pages, a prompt after."""
    fn = d["title"] + rng.choice([".docx", ".wps", ".doc"])
    words = len(d["body"])
    before = [fn + rng.choice([" - 在线预览", "  只读", " [兼容模式]"]),
              "文件  开始  插入  页面布局  引用  审阅  视图  章节  特色功能",
              "宋体  五号  B  I  U  ≡  100%  适合页宽",
              "编辑文档  下载  打印  分享", ""]

    def between(k):
        return ["页面：%d/%d  字数：%d  拼写检查  文档校对" % (k, d["pages"], words)]
    after = ["页面：%d/%d  字数：%d  拼写检查  文档校对" % (d["pages"], d["pages"], words),
             "— 已到最后一页 —", "登录后可编辑和保存此文档", "在应用中打开  ·  另存为"]
    return dict(before=before, between=between, after=after, form=rng.choice(["lines", "runon"]),
                title_body=0.7, trad=0.0, gloss=0.0, ascii_punct=0.3)


def seventh_slides(rng, d):
    """A slide deck's outline, exported: the slide numbers between pages,
    notes placeholders and a thank-you slide."""
    n = d["pages"] + 2
    deck = d["title"] + rng.choice([".pptx", ".dps", "（汇报版）.pptx"])
    before = [deck, "大纲视图  ·  共%d张幻灯片" % n, "幻灯片 1", TITLE,
              "%s  %d年%d月" % (rng.choice(["汇报人：办公室", "主讲：县委党校", "XXX单位"]), rng.randint(2017, 2025),
                              rng.randint(1, 12)), "", "幻灯片 2"]

    def between(k):
        out = ["幻灯片 %d" % (k + 2)]
        if rng.random() < 0.3:
            out = ["单击此处添加备注"] + out
        return out
    after = ["", "幻灯片 %d" % n, rng.choice(["谢谢观看！", "谢  谢！", "THANK YOU"]),
             rng.choice(["模板来源：青柚PPT", "本模板由演示助手提供"])]
    return dict(before=before, between=between, after=after, form=rng.choice(["lines", "lines", "runon"]),
                title_body=0.0, trad=0.0, gloss=0.0, ascii_punct=0.3)


ENGLISH = [
    "Comrades, today we hold this meeting to review our work and plan the next steps.",
    "We must fully recognize the progress we have made over the past year.",
    "At the same time, we must be clear about the difficulties and problems before us.",
    "Every department should take on its responsibilities and turn plans into action.",
    "We should keep the people at the center and make sure the results reach every village.",
    "Let us work together with confidence and complete this year's tasks.",
    "(Translation for reference only.)",
]


def bilingual(rng, text):
    """An English line after some of the paragraphs, as a translation
    site shows the two side by side."""
    paras = text.split("\n")
    out, marks = [], []
    for i, p in enumerate(paras):
        out.append(p)
        if i + 1 < len(paras) and len(p) > 30 and rng.random() < 0.35:
            marks.append(rng.choice(ENGLISH))
            out.append(marks[-1])
    return "\n".join(out), marks


def seventh_bilingual(rng, d):
    """A bilingual page of a translation service: English lines between the
    paragraphs, the view switch and the translator's credit around them."""
    before = ["双语对照  |  仅看原文  |  仅看译文", TITLE,
              rng.choice(["Speech at the Work Conference (Machine Translation)",
                          "Remarks at the Promotion Meeting"]),
              "原文语言：中文  →  译文语言：English    译者：%s    审校：%s" % (
                  rng.choice(["Lin Qiao", "译言小组", "U-51730"]), rng.choice(["Grace Z.", "陆遥"])), ""]

    def between(k):
        return []
    after = ["", "译文仅供参考，以中文原文为准。", "下载双语 PDF    复制译文    纠错",
             "Powered by Yuxi Translate  ·  %d words" % (len(d["body"]) // 2)]
    return dict(before=before, between=between, after=after, form="lines", title_body=0.0,
                trad=0.0, gloss=0.0, ascii_punct=0.0, hook=bilingual)


def seventh_draft(rng, d):
    """An office's draft sheet (发文稿纸) scanned to text: the sign-off
    fields before, the attachment list and print fields after."""
    org = rng.choice(["东林县人民政府办公室", "南湾区委办公室", "西峡镇人民政府"])
    drafter, checker = rng.sample(["孟凡", "唐小雨", "郑远", "邵佳", "霍明"], 2)
    before = ["%s发文稿纸" % org, "签发：", "会签：", "核稿：%s" % checker,
              "拟稿单位：综合科    拟稿人：%s    电话：%d" % (drafter, rng.randint(10 ** 6, 10 ** 7)),
              "密级：%s    缓急：%s    公开属性：%s" % (rng.choice(["无", "内部"]), rng.choice(["普通", "急"]),
                                                rng.choice(["主动公开", "不予公开"])),
              "标题：" + d["title"], "主送：各科室", "抄送：%s" % rng.choice(["县人大办，县政协办", "无"]), ""]

    def between(k):
        return ["（续页）"] if rng.random() < 0.4 else []
    n = rng.randint(1, 3)
    att = ["%s工作任务分解表" % rng.choice(["全县", "全区", "全镇"]), "责任单位联系人名单", "进度报送模板"]
    after = ["", "附件："] + ["%d. %s" % (i + 1, att[i]) for i in range(n)] + [
             "印发份数：%d份    校对：%s" % (rng.randint(10, 80), drafter),
             "%s  %d年%d月%d日印" % (org, rng.randint(2017, 2025), rng.randint(1, 12), rng.randint(1, 28))]
    return dict(before=before, between=between, after=after, form=rng.choice(["lines", "runon"]),
                title_body=0.5, trad=0.0, gloss=0.0, ascii_punct=0.0)


SEVENTH = {
    "seventh-minutes": seventh_minutes, "seventh-course": seventh_course, "seventh-journal": seventh_journal,
    "seventh-blog": seventh_blog, "seventh-preview": seventh_preview, "seventh-slides": seventh_slides,
    "seventh-bilingual": seventh_bilingual, "seventh-draft": seventh_draft,
}

STYLES = {}


# ---------------------------------------------------------------------------

def layout_body(rng, d, form, title_body, width=36):
    """The body as the page shows it, and the clean text it stands for."""
    paras = [p for p in d["body"].split("\n") if p.strip()]
    title_in = False
    if rng.random() < title_body:
        title_in = True
        head = [d["title"]]
    else:
        head = []
    if form == "runon":
        text = "".join(head + paras)
    elif form == "wrapped":
        # as a PDF's text comes out: every line cut at the same width
        lines = []
        for p in head + paras:
            lines += [p[i:i + width] for i in range(0, len(p), width)]
        text = "\n".join(lines)
    else:
        text = "\n".join(head + paras)
    return text, title_in


def cut_pages(rng, text, pages):
    """Cut points, anywhere: mid-sentence, even mid-heading."""
    if pages <= 1 or len(text) < 40:
        return [text]
    cuts = sorted(rng.sample(range(10, len(text) - 10), pages - 1))
    out, last = [], 0
    for c in cuts:
        out.append(text[last:c])
        last = c
    out.append(text[last:])
    return out


def make_page(style_name, speech_title, speech_body, seed):
    rng = random.Random(zlib.crc32(("%s|%s|%d" % (style_name, speech_title, seed)).encode()))
    d = {"title": speech_title, "body": speech_body, "sentences": sentences(speech_body)}
    d["pages"] = max(2, min(9, len(speech_body) // 600 + rng.randint(1, 2)))
    st = STYLES[style_name](rng, d)
    form = st["form"]
    body, title_in = layout_body(rng, d, form, st["title_body"], st.get("wrap", 36))
    shown, marks = st["hook"](rng, body) if "hook" in st else (body, [])
    trad = rng.random() < st["trad"]
    gloss = trad and rng.random() < st["gloss"] / max(st["trad"], 0.01)
    ascii_punct = rng.random() < st["ascii_punct"]

    parts = cut_pages(rng, shown, d["pages"])
    title_line = TITLE in st["before"]
    before = [speech_title if x is TITLE else x for x in st["before"]]
    furniture = [x for x in st["before"] if x is not TITLE] + st["after"] + marks
    page = "\n".join(before) + "\n"
    for k, part in enumerate(parts):
        if k > 0:
            between = st["between"](k)
            furniture += between
            if between:
                # a cut at a line's end keeps that line end; elsewhere the
                # furniture comes on lines of its own all the same
                if not page.endswith("\n"):
                    page += "\n"
                page += "\n".join(between) + "\n"
        page += part
    page += "\n" + "\n".join(st["after"]) + "\n"

    if ascii_punct:
        page = page.replace("，", ",").replace("：", ":")
    if gloss:
        page = add_glosses(rng, page, 0.5)
    elif trad:
        page = to_traditional(page)

    clean = speech_title + "\n" + body if title_line else body
    # whether the title can be known from the page at all: some styles
    # show no title and offer no file name
    title_on_page = speech_title in "\n".join(before) + "\n" + body
    sents = d["sentences"]
    return page, {
        "style": style_name, "seed": seed, "title": speech_title, "form": form,
        "traditional": trad, "glosses": gloss, "title_in_body": title_in or title_line,
        "title_on_page": title_on_page,
        "body": clean, "first_sentence": sents[0], "last_sentence": sents[-1],
        "furniture": sorted({f.strip() for f in furniture if f.strip()}),
    }


def read_speech(path, title):
    with open(path, encoding="utf-8") as f:
        text = f.read().strip("\n")
    if title is None:
        title, _, text = text.partition("\n")
    return title.strip(), text.strip("\n")


def main():
    STYLES.update(TUNE)
    STYLES.update(HELDOUT)
    STYLES.update(BLIND)
    STYLES.update(LAST)
    STYLES.update(FRESH)
    STYLES.update(SIXTH)
    STYLES.update(SEVENTH)
    ap = argparse.ArgumentParser()
    ap.add_argument("--styles", default="all")
    ap.add_argument("--seeds", type=int, default=1)
    ap.add_argument("--title")
    ap.add_argument("outdir")
    ap.add_argument("speeches", nargs="+")
    a = ap.parse_args()

    if a.styles == "tune":
        names = sorted(TUNE)
    elif a.styles == "heldout":
        names = sorted(HELDOUT)
    elif a.styles == "blind":
        names = sorted(BLIND)
    elif a.styles == "last":
        names = sorted(LAST)
    elif a.styles == "fresh":
        names = sorted(FRESH)
    elif a.styles == "sixth":
        names = sorted(SIXTH)
    elif a.styles == "seventh":
        names = sorted(SEVENTH)
    elif a.styles == "all":
        names = sorted(STYLES)
    else:
        names = a.styles.split(",")
    for n in names:
        if n not in STYLES:
            sys.exit("make-pages.py: no style “%s”; styles are %s" % (n, ", ".join(sorted(STYLES))))

    os.makedirs(a.outdir, exist_ok=True)
    for path in a.speeches:
        title, body = read_speech(path, a.title)
        stem = os.path.splitext(os.path.basename(path))[0]
        for n in names:
            for seed in range(a.seeds):
                page, meta = make_page(n, title, body, seed)
                base = os.path.join(a.outdir, "%s.%s.%d" % (stem, n, seed))
                with open(base + ".page.txt", "w", encoding="utf-8") as f:
                    f.write(page)
                with open(base + ".json", "w", encoding="utf-8") as f:
                    json.dump(meta, f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
