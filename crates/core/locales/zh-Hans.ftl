# 简体中文。键名见 crates/core/src/messages.rs；每个语言文件都必须包含全部键名。
@name = 简体中文
@aliases = zh zh-CN zh-SG zh-MY
@speech = zh-CN

widget-title = 评价城市服务
choose-service = 您使用了哪项服务？
service-transport = 交通出行
service-healthcare = 医疗健康
service-education = 教育
service-social-security = 社会保障
service-government = 政务服务
service-employment = 就业

question-good-bad-5 = 您对这项服务满意吗？
good-bad-5-level-5 = 非常满意
good-bad-5-level-4 = 满意
good-bad-5-level-3 = 基本满意
good-bad-5-level-2 = 不满意
good-bad-5-level-1 = 非常不满意

question-uk-csat-5 = 总体而言，您对今天获得的服务感觉如何？
uk-csat-5-level-5 = 非常满意
uk-csat-5-level-4 = 满意
uk-csat-5-level-3 = 说不上满意或不满意
uk-csat-5-level-2 = 不满意
uk-csat-5-level-1 = 非常不满意

question-a11-v2 = 这次办事经历增强了我对这项服务的信心。
a11-v2-level-5 = 非常同意
a11-v2-level-4 = 同意
a11-v2-level-3 = 说不上同意或不同意
a11-v2-level-2 = 不同意
a11-v2-level-1 = 非常不同意

display-controls = 字号和对比度
text-size-0 = 标准字号
text-size-1 = 大字号
text-size-2 = 特大字号
high-contrast = 高对比度
read-aloud = 朗读

what-went-wrong = 哪里不满意？（选填）
what-went-well = 哪些方面做得好？（选填）
what-did-not-go-well = 哪些方面做得不好？（选填）
aspect-too-slow = 办理时间太长
aspect-too-complicated = 流程太复杂
aspect-unclear-information = 信息说明不清楚
aspect-problem-not-solved = 问题没有解决
aspect-staff-attitude = 工作人员态度
aspect-technical-fault = 系统出故障
aspect-effectiveness = 解决了我的需求
aspect-ease = 操作简单
aspect-efficiency = 办理快捷
aspect-transparency = 流程清楚透明
aspect-humanity = 受到尊重
aspect-employee = 工作人员热心帮助
comment-label = 还有什么想告诉我们的吗？（选填）
privacy-note = 评价是匿名的。请不要填写姓名、电话或身份证号：提交前我们会删除电话号码、电子邮箱、身份证号、车牌号和银行卡号。
redaction-preview = 将提交的内容：

send = 提交评价
sending = 正在提交…
sent = 谢谢！您的评价已提交。
send-failed = 评价未能提交，请再试一次。
choose-rating-first = 请先选择一个评价，再提交。
rate-another = 评价其他服务
error-prefix = 错误：

config-missing-endpoint = 评价表尚未配置完成：页面需要提供接收地址（endpoint）。
config-malformed-endpoint = 评价表尚未配置完成：“{value}”不是有效的网址。请使用以 https:// 开头的网址，或以 / 开头的路径。
config-unknown-service = 评价表尚未配置完成：没有名为“{id}”的服务。可用：transport、healthcare、education、social-security、government、employment，或在 service-labels 中给出它的名称。
config-malformed-service-labels = 评价表尚未配置完成：service-labels 须为 JSON，例如 {"bus-42": {"zh-Hans": "42路公交"}}（{detail}）。
config-unknown-scale = 评价表尚未配置完成：没有名为“{id}”的评价量表。可用：good-bad-5、uk-csat-5、a11-v2。
config-unknown-language = 评价表尚未配置完成：不支持语言“{tag}”。可用：zh-Hans、zh-Hant、en。
config-unknown-theme = 评价表尚未配置完成：没有名为“{name}”的主题。可用：light、dark、auto。
config-malformed-receipt-page = 评价表尚未配置完成：receipt-page“{value}”不是网址。请使用以 https:// 开头的网址或以 / 开头的路径。
receipt-note = 您的查询编号是 {code}。请保存：差评会在 15 个工作日内得到处理，凭此编号可以查看处理进度，无需提供姓名。
receipt-link = 查看处理进度
config-bad-number = 评价表尚未配置完成：{attribute} 必须是 {min} 到 {max} 之间的整数，而不是“{value}”。
config-malformed-headers = 评价表尚未配置完成：headers 必须是 JSON，例如 {"X-Api-Key": "…"}（{detail}）。
config-malformed-field-map = 评价表尚未配置完成：field-map 必须是 JSON，例如 {"score": "rating"}（{detail}）。
saved-offline = 谢谢！您的评价已保存在本机，联网后会自动提交。
send-rejected = 接收方没有接受这条评价（代码 {status}）。评价仍保存在本机，您可以在下方删除。
queue-full = 本机已有 {count} 条评价等待提交。请先在下方提交或删除，再试一次。
queue-waiting = 本机等待提交的评价：{count} 条
queue-refused = 接收方没有接受的评价：{count} 条。在您删除之前会一直保存在本机。
queue-all-sent = 本机等待提交的评价已全部提交。
send-now = 立即提交
discard = 删除
discard-confirm = 要从本机删除 {count} 条评价吗？删除后不会再提交。
discard-yes = 是，删除
discard-no = 不，保留
already-rated = 您已在本机评价过这项服务，谢谢！{time} 之后可以再次评价。
honeypot-label = 请勿填写此栏
part-missing = 朗读、字号等工具未能加载，您仍可评价并提交。
comment-missing = 评论框未能加载，您仍可提交评价。
config-screen-missing = 此评价表设置有误，且问题说明未能加载。
