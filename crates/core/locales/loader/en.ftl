# The texts embed.js shows before the Wasm runs; scripts/build-web copies them into the loader.
loader-loading = Loading the feedback form…
loader-failed = The feedback form could not load. Please try again later.
loader-call = Or call {phone}
