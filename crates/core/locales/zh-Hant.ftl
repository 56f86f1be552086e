# 繁體中文。鍵名見 crates/core/src/messages.rs；每個語言檔案都必須包含全部鍵名。
@name = 繁體中文
@aliases = zh-TW zh-HK zh-MO
@speech = zh-TW

widget-title = 評價城市服務
choose-service = 您使用了哪項服務？
service-transport = 交通出行
service-healthcare = 醫療健康
service-education = 教育
service-social-security = 社會保障
service-government = 政務服務
service-employment = 就業

question-good-bad-5 = 您對這項服務滿意嗎？
good-bad-5-level-5 = 非常滿意
good-bad-5-level-4 = 滿意
good-bad-5-level-3 = 基本滿意
good-bad-5-level-2 = 不滿意
good-bad-5-level-1 = 非常不滿意

question-uk-csat-5 = 總體而言，您對今天獲得的服務感覺如何？
uk-csat-5-level-5 = 非常滿意
uk-csat-5-level-4 = 滿意
uk-csat-5-level-3 = 說不上滿意或不滿意
uk-csat-5-level-2 = 不滿意
uk-csat-5-level-1 = 非常不滿意

question-a11-v2 = 這次辦事經歷增強了我對這項服務的信心。
a11-v2-level-5 = 非常同意
a11-v2-level-4 = 同意
a11-v2-level-3 = 說不上同意或不同意
a11-v2-level-2 = 不同意
a11-v2-level-1 = 非常不同意

display-controls = 字號和對比度
text-size-0 = 標準字號
text-size-1 = 大字號
text-size-2 = 特大字號
high-contrast = 高對比度
read-aloud = 朗讀

what-went-wrong = 哪裡不滿意？（選填）
what-went-well = 哪些方面做得好？（選填）
what-did-not-go-well = 哪些方面做得不好？（選填）
aspect-too-slow = 辦理時間太長
aspect-too-complicated = 流程太複雜
aspect-unclear-information = 資訊說明不清楚
aspect-problem-not-solved = 問題沒有解決
aspect-staff-attitude = 工作人員態度
aspect-technical-fault = 系統出故障
aspect-effectiveness = 解決了我的需求
aspect-ease = 操作簡單
aspect-efficiency = 辦理快捷
aspect-transparency = 流程清楚透明
aspect-humanity = 受到尊重
aspect-employee = 工作人員熱心幫助
comment-label = 還有什麼想告訴我們的嗎？（選填）
privacy-note = 評價是匿名的。請不要填寫姓名、電話或身分證號：提交前我們會刪除電話號碼、電子郵箱、身分證號、車牌號和銀行卡號。
redaction-preview = 將提交的內容：

send = 提交評價
sending = 正在提交…
sent = 謝謝！您的評價已提交。
send-failed = 評價未能提交，請再試一次。
choose-rating-first = 請先選擇一個評價，再提交。
rate-another = 評價其他服務
error-prefix = 錯誤：

config-missing-endpoint = 評價表尚未設定完成：頁面需要提供接收地址（endpoint）。
config-malformed-endpoint = 評價表尚未設定完成：「{value}」不是有效的網址。請使用以 https:// 開頭的網址，或以 / 開頭的路徑。
config-unknown-service = 評價表尚未設定完成：沒有名為「{id}」的服務。可用：transport、healthcare、education、social-security、government、employment，或在 service-labels 中給出它的名稱。
config-malformed-service-labels = 評價表尚未設定完成：service-labels 須為 JSON，例如 {"bus-42": {"zh-Hant": "42路公車"}}（{detail}）。
config-unknown-scale = 評價表尚未設定完成：沒有名為「{id}」的評價量表。可用：good-bad-5、uk-csat-5、a11-v2。
config-unknown-language = 評價表尚未設定完成：不支援語言「{tag}」。可用：zh-Hans、zh-Hant、en。
config-unknown-theme = 評價表尚未設定完成：沒有名為「{name}」的主題。可用：light、dark、auto。
config-malformed-receipt-page = 評價表尚未設定完成：receipt-page「{value}」不是網址。請使用以 https:// 開頭的網址或以 / 開頭的路徑。
receipt-note = 您的查詢編號是 {code}。請保存：差評會在 15 個工作天內得到處理，憑此編號可以查看處理進度，無需提供姓名。
receipt-link = 查看處理進度
config-bad-number = 評價表尚未設定完成：{attribute} 必須是 {min} 到 {max} 之間的整數，而不是「{value}」。
config-malformed-headers = 評價表尚未設定完成：headers 必須是 JSON，例如 {"X-Api-Key": "…"}（{detail}）。
config-malformed-field-map = 評價表尚未設定完成：field-map 必須是 JSON，例如 {"score": "rating"}（{detail}）。
saved-offline = 謝謝！您的評價已儲存在本機，連線後會自動提交。
send-rejected = 接收方沒有接受這則評價（代碼 {status}）。評價仍儲存在本機，您可以在下方刪除。
queue-full = 本機已有 {count} 則評價等待提交。請先在下方提交或刪除，再試一次。
queue-waiting = 本機等待提交的評價：{count} 則
queue-refused = 接收方沒有接受的評價：{count} 則。在您刪除之前會一直儲存在本機。
queue-all-sent = 本機等待提交的評價已全部提交。
send-now = 立即提交
discard = 刪除
discard-confirm = 要從本機刪除 {count} 則評價嗎？刪除後不會再提交。
discard-yes = 是，刪除
discard-no = 不，保留
already-rated = 您已在本機評價過這項服務，謝謝！{time} 之後可以再次評價。
honeypot-label = 請勿填寫此欄
part-missing = 朗讀、字級等工具未能載入，您仍可評價並提交。
comment-missing = 評論框未能載入，您仍可提交評價。
config-screen-missing = 此評價表設定有誤，且問題說明未能載入。
