# The files a browser fetches on first load, per bundle: one list for scripts/size-report and
# ./bench, so their figures can never differ in what they count. Source it, then:
#   bundle_files feedback|selfcheck     prints the paths under dist/
#   feedback:  embed.js + JS glue + wasm + CSS   (the host page is the portal's own, not counted)
#   selfcheck: selfcheck.html + loader + JS glue + wasm + CSS
bundle_files() {
  case "$1" in
    feedback) echo dist/embed.js dist/assets/feedback-*.js dist/assets/feedback-*.wasm dist/assets/feedback-*.css ;;
    selfcheck) echo dist/selfcheck.html dist/selfcheck.js dist/assets/selfcheck-*.js dist/assets/selfcheck-*.wasm \
      dist/assets/selfcheck-*.css ;;
    *) echo "bundle_files: unknown bundle $1" >&2; return 1 ;;
  esac
}
