# The counter poster's texts (the collector's poster.html); no bundle carries them.
poster-title = 評價本項服務
poster-scan = 用手機相機掃描二維碼，輕點幾下即可評價本項服務。
poster-anonymous = 匿名評價：不記錄姓名、電話號碼或任何能識別您身分的資訊。
poster-call = 沒有智慧型手機？請撥打 {phone}。
poster-helper = 窗口工作人員可以協助您評價。
poster-qr-label = 二維碼：{address}
poster-unknown-service = 沒有「{id}」的海報。可用的服務：{list}。
