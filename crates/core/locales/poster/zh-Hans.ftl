# The counter poster's texts (the collector's poster.html); no bundle carries them.
poster-title = 评价本项服务
poster-scan = 用手机相机扫描二维码，轻点几下即可评价本项服务。
poster-anonymous = 匿名评价：不记录姓名、电话号码或任何能识别您身份的信息。
poster-call = 没有智能手机？请拨打 {phone}。
poster-helper = 窗口工作人员可以协助您评价。
poster-qr-label = 二维码：{address}
poster-unknown-service = 没有“{id}”的海报。可用的服务：{list}。
