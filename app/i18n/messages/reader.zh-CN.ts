// 简体中文：reader messages, spread into zh-CN.ts. Every key needs its English in reader.en.ts.
export const readerZhCN = {
  // 阅读器外框
  "reader.back": "返回书籍详情",
  "reader.toolbar": "阅读工具",
  "reader.toc": "目录",
  "reader.tocEmpty": "这本书没有目录。",
  "reader.settings": "阅读设置",
  "reader.highlights": "划线笔记",
  "reader.close": "关闭",
  "reader.area": "正文",
  "reader.pager": "翻页",
  "reader.previous": "上一页",
  "reader.next": "下一页",
  "reader.position": "已读 {percent}%",
  "reader.loading": "正在打开……",
  "reader.failed": "这本书打不开了。可以先下载到手机上阅读，或者稍后再试。",
  "reader.continueFrom": "从 {percent}% 处继续阅读",
  "reader.noScript": "正在打开阅读器。在线阅读需要浏览器开启 JavaScript；如果一直打不开，可以先下载这本书，用手机自带的阅读软件打开。",
  "reader.download": "下载本书",
  "reader.backToBook": "返回书籍详情",

  // 设置
  "reader.fontSize": "字号",
  "reader.fontSize.small": "小",
  "reader.fontSize.medium": "中",
  "reader.fontSize.large": "大",
  "reader.fontSize.xlarge": "特大",
  "reader.theme": "背景",
  "reader.theme.light": "白天",
  "reader.theme.sepia": "护眼",
  "reader.theme.dark": "夜间",

  // PDF
  "reader.pdf.page": "页码",
  "reader.pdf.pageOf": "共 {pages} 页",
  "reader.pdf.go": "跳转",
  "reader.pdf.zoomIn": "放大",
  "reader.pdf.zoomOut": "缩小",
  "reader.pdf.fitWidth": "适合宽度",
  "reader.pdf.canvas": "第 {page} 页，共 {pages} 页",

  // 划线
  "reader.highlight.add": "划线",
  "reader.highlight.note": "笔记（可不填）",
  "reader.highlight.cancel": "取消",
  "reader.highlight.saved": "已划线。",
  "reader.highlight.failed": "划线没有保存，请再试一次。",
  "reader.highlight.empty": "还没有划线。选中一段文字，再点“划线”。",
  "reader.highlight.goTo": "跳到这里",
  "reader.highlight.remove": "删除",
  "reader.highlight.removed": "已删除划线。",
  "reader.highlight.invalid": "划线内容不对：请重新选择文字（最多 2000 字，笔记最多 1000 字）。",

  // 进度
  "reader.progress.invalid": "阅读位置不对：位置最多 500 个字符，进度要在 0 到 1 之间。",
} as const;
