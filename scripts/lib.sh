# Shared by ./run, ./test and the scripts in this folder: timing and idempotent installs.
# Sourced, not run.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$ROOT/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
# The wasm-bindgen CLI must match the library version that Cargo.lock resolved.
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' "$ROOT/Cargo.lock")"

PHASES=()
phase_start() { PHASE_NAME="$1"; PHASE_T0=$(date +%s); printf '\n==> %s\n' "$1"; }
phase_end() {
  local seconds=$(( $(date +%s) - PHASE_T0 ))
  PHASES+=("$(printf '%-34s %5ss' "$PHASE_NAME" "$seconds")")
}
print_phases() { printf '\nPhase times:\n'; printf '  %s\n' "${PHASES[@]}"; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

ensure_debian_packages() {
  local missing=()
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && { echo "Debian packages present: $*"; return; }
  echo "Installing Debian packages: ${missing[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

ensure_wasm_target() {
  rustup target list --installed | grep -qx wasm32-unknown-unknown \
    && echo "Rust target wasm32-unknown-unknown present" \
    || rustup target add wasm32-unknown-unknown
}

ensure_wasm_bindgen_cli() {
  if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" = "$WASM_BINDGEN_VERSION" ]; then
    echo "wasm-bindgen-cli $WASM_BINDGEN_VERSION present"
  else
    # Not --locked: the CLI's own lock file names a crate the registry no longer serves.
    cargo install --force wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
  fi
}

ensure_node_tools() {
  if [ -x "$ROOT/node_modules/.bin/wasm-opt" ] && [ "$ROOT/node_modules/.package-lock.json" -nt "$ROOT/package-lock.json" ]; then
    echo "npm tools present"
  else
    (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

# The release Wasm build, given cargo's target arguments (`--bin feedback`, `--example x`).
# Source paths in panic locations name the toolchain and registry as /rust and /crates, not this
# machine's home folder: the bundles are the same bytes on every machine (and a little smaller).
# One function, so scripts/build-web and ./bench never rebuild each other's flags away.
wasm_release_build() { # cargo subcommand, cargo target arguments... [-- flags for the last crate]
  local sysroot registry command="$1"
  shift
  sysroot="$(rustc --print sysroot)"
  registry="${CARGO_HOME:-$HOME/.cargo}/registry/src"
  # Each registry's own folder too (`index.crates.io-<hash>/`): 35 bytes less in every panic
  # location, and the hash differs by cargo version, not by crate.
  local remap="'--remap-path-prefix=$sysroot/lib/rustlib/src/rust=/rust', '--remap-path-prefix=$registry=/crates', '--remap-path-prefix=$ROOT=/civic-pulse'" index
  for index in "$registry"/*/; do
    [ -d "$index" ] && remap="$remap, '--remap-path-prefix=${index%/}=/crates'"
  done
  cargo "$command" --locked --target wasm32-unknown-unknown --profile wasm-release \
    --config "target.wasm32-unknown-unknown.rustflags = [$remap]" \
    "$@"
}

# The feedback Wasm, linked with the relocations wasm-split needs to cut it in parts. The flag
# goes to the final link only (`cargo rustc … -- …`): as a rustflag it would change every
# dependency's fingerprint, so the other release builds would rebuild them all, and leave a
# megabyte of relocation sections in Wasm files that are not split. `split` turns on the split
# point (src/feedback/second_part.rs); only this bundle may have it.
wasm_split_release_build() {
  wasm_release_build rustc --bin feedback --features split -- -Clink-args=--emit-relocs
}

# Minifies a JS or CSS file in place (esbuild, from the pinned npm tools). Shipped files only:
# the sources stay readable, and minifying saves about a quarter of their gzip bytes.
minify_in_place() { # file.js|file.css
  esbuild --minify --log-level=warning --allow-overwrite --outfile="$1" "$1"
}

# wasm-opt as every shipped Wasm file gets it. The features are the ones rustc enables by default
# for wasm32; wasm-opt must know them to keep them. The producers and target-features sections
# tell tools how the file was made; a browser never reads them (306 B gzip in the widget's two
# parts, measured). -Oz unless told otherwise. Then the functions are put in the order that
# compresses best (scripts/order-functions.mjs).
wasm_optimize() { # input.wasm, output.wasm[, level]
  wasm-opt "${3:--Oz}" --strip-producers --strip-target-features --enable-bulk-memory --enable-mutable-globals \
    --enable-sign-ext --enable-nontrapping-float-to-int --enable-reference-types --enable-multivalue "$1" -o "$2"
  node "$ROOT/scripts/order-functions.mjs" "$2" >/dev/null
}

# wasm-bindgen, wasm-opt and the glue's minification for one compiled Wasm file, as shipped:
# leaves OUT_DIR/NAME.js and OUT_DIR/NAME.opt.wasm. Used by scripts/build-web and by ./bench
# for its Leptos floor page, so both are measured the same way.
wasm_bundle() { # input.wasm, out dir, name
  wasm-bindgen --target web --no-typescript --out-dir "$2" --out-name "$3" "$1"
  node "$ROOT/scripts/drop-unused-exports.mjs" "$2/${3}_bg.wasm" "$2/$3.js"
  node "$ROOT/scripts/short-names.mjs" "$2/${3}_bg.wasm" "$2/$3.js" >/dev/null
  wasm_optimize "$2/${3}_bg.wasm" "$2/$3.opt.wasm"
  minify_in_place "$2/$3.js"
}

# The same for a Wasm file with wasm-split points, cut into parts as cargo-leptos does on stable:
# wasm-split reads the relocations (--emit-relocs) and writes the first part (main.wasm), the
# later parts and their loader (__wasm_split.js, which imports ./main.js); wasm-bindgen keeps the
# exports the parts link through; wasm-opt optimises every part. The JS imports and the glue's
# exports are all the first part's (the later parts call them through its table), so only it has
# names to shorten. Leaves OUT_DIR/main.js, main_bg.wasm, __wasm_split.js and the parts' .wasm
# files, all to be served from one folder.
wasm_split_bundle() { # input.wasm, out dir
  local parts="$2.parts"
  rm -rf "$parts" "$2"
  wasm-split-cli "$1" "$parts"
  wasm-bindgen --target web --no-typescript --keep-lld-exports --no-demangle --out-dir "$2" --out-name main \
    "$parts/main.wasm"
  node "$ROOT/scripts/drop-unused-exports.mjs" "$2/main_bg.wasm" "$2/main.js"
  node "$ROOT/scripts/short-names.mjs" "$2/main_bg.wasm" "$2/main.js" >/dev/null
  # -Os, not -Oz, for the first part alone: 182 B gzip smaller there, 497 B larger for the
  # second part (measured).
  wasm_optimize "$2/main_bg.wasm" "$2/main_bg.wasm" -Os
  local part
  for part in "$parts"/*.wasm; do
    [ "$(basename "$part")" = main.wasm ] || wasm_optimize "$part" "$2/$(basename "$part")"
  done
  cp "$parts/__wasm_split.js" "$2/"
  minify_in_place "$2/main.js"
  minify_in_place "$2/__wasm_split.js"
}

# wasm-split's command line, from crates.io, pinned. 0.2.4 at least: 0.2.2 predates wasm-bindgen
# 0.2.128's renamed cast intrinsic, and its split parts trap with "function signature mismatch"
# under our wasm-bindgen (measured in Chromium).
WASM_SPLIT_CLI_VERSION=0.2.4
ensure_wasm_split_cli() {
  if [ "$(cat "${CARGO_HOME:-$HOME/.cargo}/.wasm_split_cli_version" 2>/dev/null)" = "$WASM_SPLIT_CLI_VERSION" ] \
    && command -v wasm-split-cli >/dev/null; then
    echo "wasm-split-cli $WASM_SPLIT_CLI_VERSION present"
  else
    cargo install --locked --force wasm_split_cli_support --version "$WASM_SPLIT_CLI_VERSION" --features build-binary
    echo "$WASM_SPLIT_CLI_VERSION" >"${CARGO_HOME:-$HOME/.cargo}/.wasm_split_cli_version"
  fi
}

# Everything ./run needs: the Wasm toolchain and Node tools (wasm-opt, the demo server).
ensure_build_tools() {
  command -v node >/dev/null && command -v npm >/dev/null || ensure_debian_packages nodejs npm
  ensure_wasm_target
  ensure_wasm_bindgen_cli
  ensure_wasm_split_cli
  ensure_node_tools
}
