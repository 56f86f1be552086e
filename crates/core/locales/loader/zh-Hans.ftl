# embed.js 在 Wasm 运行前显示的文字；scripts/build-web 把它们写入加载脚本。
loader-loading = 正在加载评价表…
loader-failed = 评价表未能加载，请稍后再试。
loader-call = 也可拨打 {phone}
