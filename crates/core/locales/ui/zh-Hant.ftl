# 語言及各頁面共用的文字（語言切換、字號和對比度）。每種語言先有此檔案。
@name = 繁體中文
@aliases = zh-TW zh-HK zh-MO
@speech = zh-TW

display-controls = 字號和對比度
text-size-0 = 標準字號
text-size-1 = 大字號
text-size-2 = 特大字號
high-contrast = 高對比度
