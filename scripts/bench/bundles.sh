# The files a browser fetches on first load, per bundle: one list for scripts/size-report and
# ./bench, so their figures can never differ in what they count. Source it, then:
#   bundle_files feedback|selfcheck|staff|receipt     prints the paths under dist/
#   feedback:  embed.js + JS glue + the parts' loader + first Wasm part + CSS + the first part's
#              texts in one language: what stands between the portal's page and a rating the
#              resident can tap (the page itself is not counted). The texts are Simplified
#              Chinese's, most residents' language.
#   feedback-all: the same, every later Wasm part and the file with every text in every language
#              the widget fetches with its second part (the whole widget)
#   selfcheck: selfcheck.html + the pages' loader + JS glue + wasm + CSS (and the script that
#              registers its offline worker)
#   staff:     the staff console, the same way (the collector's staff.html)
#   receipt:   the resident's receipt page, the same way (the collector's receipt.html)
bundle_files() {
  case "$1" in
    feedback) echo dist/embed.js dist/assets/feedback-*/main.js dist/assets/feedback-*/__wasm_split.js \
      dist/assets/feedback-*/main_bg.wasm dist/assets/feedback-*.css dist/assets/feedback-*/texts-zh-Hans.txt ;;
    feedback-all) bundle_files feedback; ls dist/assets/feedback-*/*.wasm | grep -v '/main_bg.wasm$'
      echo dist/assets/feedback-*/texts.txt ;;
    selfcheck) echo dist/selfcheck.html dist/selfcheck-offline.js dist/assets/page-loader-*.js \
      dist/assets/selfcheck-*.glue.js dist/assets/selfcheck-*.wasm dist/assets/selfcheck-*.css ;;
    staff|receipt) echo "dist/$1.html" dist/assets/page-loader-*.js dist/assets/"$1"-*.glue.js \
      dist/assets/"$1"-*.wasm dist/assets/"$1"-*.css ;;
    *) echo "bundle_files: unknown bundle $1" >&2; return 1 ;;
  esac
}
