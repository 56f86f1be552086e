# embed.js 在 Wasm 執行前顯示的文字；scripts/build-web 把它們寫入載入腳本。
loader-loading = 正在載入評價表…
loader-failed = 評價表未能載入，請稍後再試。
loader-call = 也可撥打 {phone}
