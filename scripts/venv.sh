# Sourced by the other scripts: create .venv with Python 3.11+ and install a requirements file
# when it changed since the last install (a stamp file remembers its checksum).
ensure_venv() {
    req="$1"
    if [ ! -x .venv/bin/python ]; then
        python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' || {
            echo "Python 3.11 ou plus récent est nécessaire." >&2; exit 1; }
        python3 -m venv .venv
        .venv/bin/python -m pip install --quiet --upgrade pip
    fi
    sum=$(cat requirements*.txt | cksum | cut -d' ' -f1)
    stamp=".venv/.installed-$(basename "$req" .txt)"
    if [ "$(cat "$stamp" 2>/dev/null)" != "$sum" ]; then
        .venv/bin/python -m pip install --quiet --disable-pip-version-check -r "$req"
        echo "$sum" > "$stamp"
    fi
}

# The real-browser tests (tests/e2e) drive Debian's Chromium and run vnu.jar on Java: install
# them with apt-get when we are root, otherwise say what is missing.
ensure_browser() {
    missing=""
    [ -x /usr/bin/chromium ] || missing="chromium"
    command -v java >/dev/null 2>&1 || missing="$missing default-jre-headless"
    [ -z "$missing" ] && return 0
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "Installation de :$missing (apt-get)…"
        apt-get update -qq
        # shellcheck disable=SC2086
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
    else
        echo "Les tests dans un vrai navigateur (tests/e2e) ont besoin des paquets Debian :$missing." >&2
        echo "Installez-les (sudo apt-get install$missing) puis relancez la commande." >&2
        exit 1
    fi
}
