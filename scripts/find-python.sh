#!/usr/bin/env bash
# Prints the path of a Python 3.13 or 3.12 interpreter (Django 6.1 needs 3.12+), preferring 3.13.
# Looks on PATH and in pyenv's versions folder, because pyenv shims only answer for the active version.
set -u
candidates=()
for minor in 13 12; do
  candidates+=("$(command -v "python3.$minor" 2>/dev/null || true)")
  for dir in "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3."$minor".*/bin; do
    candidates+=("$dir/python3.$minor")
  done
done
for python in "${candidates[@]}"; do
  [ -n "$python" ] && [ -x "$python" ] && "$python" -c 'import sys, venv; assert sys.version_info >= (3, 12)' 2>/dev/null \
    && { echo "$python"; exit 0; }
done
echo "No Python 3.12 or 3.13 found. Install one (e.g. 'pyenv install 3.13' or Debian/Ubuntu 'apt-get install python3.12 python3.12-venv') and run make again." >&2
exit 1
