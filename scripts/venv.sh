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
