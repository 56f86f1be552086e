# 语言及各页面共用的文字（语言切换、字号和对比度）。每种语言先有此文件。
@name = 简体中文
@aliases = zh zh-CN zh-SG zh-MY
@speech = zh-CN

display-controls = 字号和对比度
text-size-0 = 标准字号
text-size-1 = 大字号
text-size-2 = 特大字号
high-contrast = 高对比度
