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
wasm_release_build() { # cargo target arguments...
  local sysroot registry
  sysroot="$(rustc --print sysroot)"
  registry="${CARGO_HOME:-$HOME/.cargo}/registry/src"
  cargo build --locked --target wasm32-unknown-unknown --profile wasm-release "$@" \
    --config "target.wasm32-unknown-unknown.rustflags = ['--remap-path-prefix=$sysroot/lib/rustlib/src/rust=/rust', '--remap-path-prefix=$registry=/crates', '--remap-path-prefix=$ROOT=/civic-pulse']"
}

# Minifies a JS or CSS file in place (esbuild, from the pinned npm tools). Shipped files only:
# the sources stay readable, and minifying saves about a quarter of their gzip bytes.
minify_in_place() { # file.js|file.css
  esbuild --minify --log-level=warning --allow-overwrite --outfile="$1" "$1"
}

# wasm-bindgen, wasm-opt and the glue's minification for one compiled Wasm file, as shipped:
# leaves OUT_DIR/NAME.js and OUT_DIR/NAME.opt.wasm. Used by scripts/build-web and by ./bench
# for its Leptos floor page, so both are measured the same way.
wasm_bundle() { # input.wasm, out dir, name
  wasm-bindgen --target web --no-typescript --out-dir "$2" --out-name "$3" "$1"
  # The features rustc enables by default for wasm32; wasm-opt must know them to keep them.
  wasm-opt -Oz --enable-bulk-memory --enable-mutable-globals --enable-sign-ext \
    --enable-nontrapping-float-to-int --enable-reference-types --enable-multivalue \
    "$2/${3}_bg.wasm" -o "$2/$3.opt.wasm"
  minify_in_place "$2/$3.js"
}

# Everything ./run needs: the Wasm toolchain and Node tools (wasm-opt, the demo server).
ensure_build_tools() {
  command -v node >/dev/null && command -v npm >/dev/null || ensure_debian_packages nodejs npm
  ensure_wasm_target
  ensure_wasm_bindgen_cli
  ensure_node_tools
}
