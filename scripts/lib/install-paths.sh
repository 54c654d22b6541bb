# shellcheck shell=bash
# shellcheck disable=SC2034 # the paths are read by the scripts that source this file
# Where scripts/install puts things on a box, and helpers that work the same below a scratch root
# (D, from DESTDIR: empty for the real system). Shared by install, uninstall, check-install.

OPT_DIR=/opt/cafe-pos
ETC_DIR=/etc/cafe-pos
SECRETS_DIR_INSTALLED=$ETC_DIR/secrets
DATA_DIR=/var/lib/cafe-pos
LOG_DIR_INSTALLED=/var/log/cafe-pos
RUN_DIR_INSTALLED=/run/cafe-pos
UNIT_DIR=/etc/systemd/system
SYSUSERS_FILE=/usr/lib/sysusers.d/cafe-pos.conf
MARIADB_SNIPPET=/etc/mysql/mariadb.conf.d/60-cafe-pos.cnf
LOGROTATE_FILE=/etc/logrotate.d/cafe-pos
TMPFILES_FILE=/usr/lib/tmpfiles.d/cafe-pos.conf
# The published menu's folder on a box (tmpfiles.d), shared by the menu and order pools.
MENU_PUBLIC_DIR_INSTALLED=$RUN_DIR_INSTALLED/menu-public
# The drop-in that gives those pools the folder (cafe-pos-<service>.service.d/).
MENU_PUBLIC_DROPIN=menu-public.conf

# Exports each POS_*=value line of the first readable FILE. Not `source`: systemd's
# EnvironmentFile syntax allows unquoted spaces (POS_CAFE_NAME=Cafe POS) that bash would run.
load_env_file() {
    local file key value
    for file in "$@"; do
        [[ -r $file ]] || continue
        while IFS='=' read -r key value; do
            [[ $key =~ ^POS_[A-Z_]+$ ]] || continue
            export "$key=$value"
        done <"$file"
        return 0
    done
}

# The numeric id of user or group NAME (KIND passwd|group) in the root D: its own /etc files
# first (system users made by systemd-sysusers --root), then the host's (root, adm).
id_in_root() {
    local kind=$1 name=$2 id
    id=$(awk -F: -v n="$name" '$1 == n { print $3; exit }' "$D/etc/$kind" 2>/dev/null || true)
    [[ -n $id ]] || id=$(getent "$kind" "$name" | cut -d: -f3)
    [[ -n $id ]] || { echo "no $kind $name in ${D:-/}" >&2; return 1; }
    printf '%s\n' "$id"
}

# chown USER:GROUP PATH (below D), by the ids those names have in D.
set_owner() {
    local uid gid
    uid=$(id_in_root passwd "$1") && gid=$(id_in_root group "$2") || exit 1
    chown "$uid:$gid" "$D$3"
}
