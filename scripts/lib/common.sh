# shellcheck shell=bash
# Shared by scripts/up, down, test, migrate and lib/start-service: where things live, the
# settings of one stack, and small functions to start and stop its parts.
#
# One stack lives in one var dir (POS_VAR_DIR, default $ROOT/var/up): MariaDB data and socket,
# the service pools' sockets and pid files, the rendered nginx config, logs and secrets.
# Everything is stopped through pid files in that dir, never by process name.
#
# Settings (environment; `up` remembers those set explicitly in $VAR/stack.env, which later
# commands on the same var dir read for whatever the environment leaves unset):
#   POS_PORT (8080)            nginx listens on 127.0.0.1:POS_PORT
#   POS_DB_PORT (3307)         MariaDB's TCP port on 127.0.0.1 (the socket is preferred)
#   POS_DB_NAME (cafe_pos)
#   POS_BUILD_CONFIG (release) swift build configuration; binaries in .build/<config>/
#   POS_BIN_DIR                where pos-<name> binaries are (default .build/<config>)
#   POS_SKIP_BUILD (unset)     1: do not run swift build (binaries already in POS_BIN_DIR)
#   POS_ENABLE_TEST_HOOKS      passed to the services (1 enables test-only behaviour)
#   POS_API_RATE (20000r/s), POS_LOGIN_RATE (2r/s)  nginx limit_req rates per client address
#   POS_GUEST_SESSION_RATE (1r/s)  opening guest sessions, per client address (burst 10)
#   POS_GUEST_ORDER_RATE (10r/m)   placing guest orders, per guest session (burst 5)
#   POS_GUEST_BASE_URL         what table QR codes link to (default http://127.0.0.1:POS_PORT)
#   POS_CLIENT_TIMEOUT_SECONDS (10)  nginx cuts off a client that stalls mid-request this long
#   POS_CONN_LIMIT (256)       nginx limit_conn: requests in progress per client address
#   POS_ADMIN_PASSWORD         admin's password on first seeding (else generated and saved)

set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
SCRIPT_NAME=${0##*/}

# Debian packages the stack needs at run time and to build.
# zbar-tools and librsvg2-bin: the tests read the tables' QR codes back (SVG → PNG → decoder).
PACKAGES=(nginx libnginx-mod-http-js libjs-chart.js mariadb-server mariadb-client libmariadb-dev libfcgi-dev
    libfcgi-bin libsodium-dev libqrencode-dev zlib1g-dev pkg-config curl wrk zbar-tools librsvg2-bin)
# What scripts/lib/browser-test adds, for the browser tests only (scripts/test):
# Debian's headless browser and its WebDriver, and a Python venv for the pinned selenium/pytest.
BROWSER_TEST_PACKAGES=(chromium chromium-driver python3 python3-venv fonts-dejavu-core)
# One MariaDB account per service, including services of later issues (sql/grants.sql names them).
DB_ACCOUNTS=(pos_user pos_menu pos_order pos_payment pos_guest pos_report)
STAFF_SEED=(manager cashier barista)

log() { printf '%s [%s] %s\n' "$SCRIPT_NAME" "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 1; }

# --- settings ---------------------------------------------------------------------------------

VAR=$(realpath -m -- "${POS_VAR_DIR:-$ROOT/var/up}")
STACK_ENV=$VAR/stack.env
STACK_SETTINGS=(POS_PORT POS_DB_PORT POS_DB_NAME POS_BUILD_CONFIG POS_BIN_DIR
    POS_ENABLE_TEST_HOOKS POS_API_RATE POS_LOGIN_RATE POS_CLIENT_TIMEOUT_SECONDS POS_CONN_LIMIT
    POS_GUEST_SESSION_RATE POS_GUEST_ORDER_RATE POS_GUEST_BASE_URL)

# Reads $VAR/stack.env: each non-empty KEY=VALUE it holds is exported unless the variable is
# set in the environment (even empty).
load_stack_env() {
    [[ -r $STACK_ENV ]] || return 0
    local key value
    while IFS='=' read -r key value; do
        [[ $key =~ ^POS_[A-Z_]+$ && -n $value && -z ${!key+set} ]] || continue
        export "$key=$value"
    done <"$STACK_ENV"
}

# Saves the settings that were set explicitly (environment or stack.env), not the defaults.
save_stack_env() {
    local key
    for key in "${EXPLICIT_SETTINGS[@]}"; do
        printf '%s=%s\n' "$key" "${!key}"
    done >"$STACK_ENV.tmp"
    mv "$STACK_ENV.tmp" "$STACK_ENV"
}

load_stack_env
EXPLICIT_SETTINGS=()
for setting in "${STACK_SETTINGS[@]}"; do
    [[ -z ${!setting+set} ]] || EXPLICIT_SETTINGS+=("$setting")
done
unset setting
export POS_PORT=${POS_PORT:-8080}
export POS_DB_PORT=${POS_DB_PORT:-3307}
export POS_DB_NAME=${POS_DB_NAME:-cafe_pos}
export POS_BUILD_CONFIG=${POS_BUILD_CONFIG:-release}
export POS_API_RATE=${POS_API_RATE:-20000r/s}
export POS_LOGIN_RATE=${POS_LOGIN_RATE:-2r/s}
export POS_GUEST_SESSION_RATE=${POS_GUEST_SESSION_RATE:-1r/s}
export POS_GUEST_ORDER_RATE=${POS_GUEST_ORDER_RATE:-10r/m}
export POS_GUEST_BASE_URL=${POS_GUEST_BASE_URL:-http://127.0.0.1:$POS_PORT}
export POS_CLIENT_TIMEOUT_SECONDS=${POS_CLIENT_TIMEOUT_SECONDS:-10}
export POS_CONN_LIMIT=${POS_CONN_LIMIT:-256}
[[ $POS_CLIENT_TIMEOUT_SECONDS =~ ^[1-9][0-9]*$ ]] || die "POS_CLIENT_TIMEOUT_SECONDS must be a whole number of seconds"
[[ $POS_CONN_LIMIT =~ ^[1-9][0-9]*$ ]] || die "POS_CONN_LIMIT must be a whole number"
for setting in POS_API_RATE POS_LOGIN_RATE POS_GUEST_SESSION_RATE POS_GUEST_ORDER_RATE; do
    [[ ${!setting} =~ ^[1-9][0-9]*r/[sm]$ ]] || die "$setting must be a rate like 2r/s or 10r/m"
done
unset setting
BIN_DIR=${POS_BIN_DIR:-$ROOT/.build/$POS_BUILD_CONFIG}

RUN_DIR=$VAR/run
LOG_DIR=$VAR/log
SECRETS_DIR=$VAR/secrets
DB_DIR=$VAR/mariadb
DB_CNF=$DB_DIR/my.cnf
DB_SOCKET=$DB_DIR/mysqld.sock
DB_BINLOG_DIR=$DB_DIR/binlog
BACKUP_DIR=$VAR/backups
DB_PID_FILE=$DB_DIR/mariadbd.pid
NGINX_DIR=$VAR/nginx
NGINX_PID_FILE=$NGINX_DIR/nginx.pid
BASE_URL=http://127.0.0.1:$POS_PORT

# The services, one name per line in scripts/lib/services.
services() { grep -Ev '^[[:space:]]*(#|$)' "$ROOT/scripts/lib/services"; }

# --- processes, by pid file only ----------------------------------------------------------------

# Reads /proc/PID/stat into the array STAT: the fields after the command name (state, ppid,
# pgrp, ...). Builtins only: it runs in loops.
read_stat() {
    local line
    { read -r line <"/proc/$1/stat"; } 2>/dev/null || return 1
    read -r -a STAT <<<"${line##*) }"
}

# True if process PID exists and is not a zombie.
is_running() { read_stat "$1" && [[ ${STAT[0]} != Z ]]; }

# Prints the pids of the running children of PID.
children_of() {
    local file pid
    for file in /proc/[0-9]*/stat; do
        pid=${file#/proc/}
        pid=${pid%/stat}
        if read_stat "$pid" && [[ ${STAT[1]} == "$1" && ${STAT[0]} != Z ]]; then
            printf '%s\n' "$pid"
        fi
    done
}

# Prints the pid in FILE if FILE holds one whose process is running and whose command line
# contains EXPECT (guards against a pid reused by another process after a crash).
running_pid() {
    local file=$1 expect=$2 pid cmdline
    [[ -r $file ]] || return 1
    pid=$(<"$file")
    [[ $pid =~ ^[0-9]+$ ]] && is_running "$pid" || return 1
    cmdline=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null) || return 1
    [[ $cmdline == *"$expect"* ]] || return 1
    printf '%s\n' "$pid"
}

# Waits up to SECONDS for PID to exit; false if it is still running.
wait_gone() {
    local pid=$1 deadline=$((SECONDS + $2))
    while is_running "$pid"; do
        ((SECONDS < deadline)) || return 1
        sleep 0.1
    done
}

# Sends SIGNAL to the process in PIDFILE (checked against EXPECT) and waits up to SECONDS;
# then SIGKILLs it (its whole process group when it leads one). False if nothing was running.
stop_pid_file() {
    local file=$1 expect=$2 signal=$3 seconds=$4 what=$5 pid
    pid=$(running_pid "$file" "$expect") || return 1
    log "stopping $what (pid $pid)"
    kill "-$signal" "$pid" 2>/dev/null || true
    if ! wait_gone "$pid" "$seconds"; then
        log "$what (pid $pid) still running after ${seconds}s: SIGKILL"
        if read_stat "$pid" && [[ ${STAT[2]} == "$pid" ]]; then
            kill -KILL -- "-$pid" 2>/dev/null || true
        else
            kill -KILL "$pid" 2>/dev/null || true
        fi
        wait_gone "$pid" 5 || die "could not stop $what (pid $pid)"
    fi
}

show_log_tails() {
    local file
    for file in "$LOG_DIR"/*.log "$LOG_DIR"/*/*.log "$LOG_DIR"/*.err "$NGINX_DIR/error.log"; do
        [[ -s $file && $file != */mariadb-install.log ]] || continue
        printf '\n===== %s (last 40 lines) =====\n' "$file" >&2
        tail -n 40 "$file" >&2
    done
}

# --- packages and build ---------------------------------------------------------------------------

package_installed() {
    dpkg -s "$1" 2>/dev/null | grep -q '^Status: install ok installed$'
}

# Installs the Debian packages named (default: PACKAGES) that are missing.
ensure_packages() {
    local missing=() package
    (($# > 0)) || set -- "${PACKAGES[@]}"
    for package in "$@"; do
        package_installed "$package" || missing+=("$package")
    done
    ((${#missing[@]} == 0)) && return 0
    log "installing missing packages: ${missing[*]}"
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
}

# The toolchain lives in /opt/swift on these machines; a login shell has it on PATH, CI may not.
ensure_swift_on_path() {
    if ! command -v swift >/dev/null && [[ -x /opt/swift/usr/bin/swift ]]; then
        export PATH=$PATH:/opt/swift/usr/bin
    fi
    command -v swift >/dev/null || die "swift is not on PATH"
}

build_services() {
    if [[ ${POS_SKIP_BUILD:-} == 1 ]]; then
        log "POS_SKIP_BUILD=1: using binaries in $BIN_DIR"
        return 0
    fi
    ensure_swift_on_path
    log "swift build -c $POS_BUILD_CONFIG"
    (cd "$ROOT" && swift build -c "$POS_BUILD_CONFIG")
}

# --- var dir and secrets --------------------------------------------------------------------------

prepare_var_dir() {
    mkdir -p "$VAR" "$LOG_DIR" "$NGINX_DIR"
    chmod 755 "$VAR" "$NGINX_DIR"
    # 751: each pool passes through to its own folder (log/<service>/, which it writes: it
    # reopens its file there on SIGUSR1); nobody but root lists the folder or reads its files.
    chmod 751 "$LOG_DIR"
    # nginx workers (www-data) connect to the pools' sockets in run/.
    mkdir -p "$RUN_DIR"
    chgrp www-data "$RUN_DIR"
    chmod 750 "$RUN_DIR"
    # The pools (their own users) pass through $DB_DIR to MariaDB's socket; its data, binary log
    # and configuration and the secrets stay root's alone. Set on every `up`, also when MariaDB
    # is already running.
    mkdir -p "$DB_DIR" "$DB_BINLOG_DIR" "$SECRETS_DIR"
    chmod 711 "$DB_DIR"
    chmod 700 "$DB_BINLOG_DIR" "$SECRETS_DIR"
    ((${#DB_SOCKET} < 100)) || die "socket path too long for a unix socket: $DB_SOCKET"
    check_www_data_access
}

# nginx runs its workers as www-data: they must reach run/ and the static files.
check_www_data_access() {
    local path
    for path in "$RUN_DIR" "$ROOT/nginx/html" "$ROOT/web"; do
        [[ -e $path ]] || continue
        runuser -u www-data -- test -x "$path" ||
            die "www-data cannot enter $path: make every directory above it traversable (o+x)"
    done
}

random_secret() { od -An -N"${1:-24}" -tx1 /dev/urandom | tr -d ' \n'; }

# Writes VALUE (default: a new random secret) to FILE, mode 600, unless FILE already has one.
ensure_secret_file() {
    local file=$1 value=${2:-}
    [[ -s $file ]] && return 0
    [[ -n $value ]] || value=$(random_secret 24)
    (umask 077 && printf '%s\n' "$value" >"$file.tmp")
    mv "$file.tmp" "$file"
}

read_secret() {
    local value
    value=$(<"$1")
    printf '%s' "$value"
}

db_password() {
    local value
    value=$(read_secret "$SECRETS_DIR/db-$1")
    [[ $value =~ ^[A-Za-z0-9_.-]+$ ]] || die "unexpected characters in $SECRETS_DIR/db-$1"
    printf '%s' "$value"
}

ensure_secrets() {
    local account user admin_file=$SECRETS_DIR/admin-password
    for account in "${DB_ACCOUNTS[@]}"; do
        ensure_secret_file "$SECRETS_DIR/db-$account"
    done
    if [[ -s $admin_file && -n ${POS_ADMIN_PASSWORD:-} &&
        $(read_secret "$admin_file") != "$POS_ADMIN_PASSWORD" ]]; then
        log "warning: admin was seeded before with the password in $admin_file;" \
            "POS_ADMIN_PASSWORD does not change an existing account"
    fi
    ensure_secret_file "$admin_file" "${POS_ADMIN_PASSWORD:-}"
    if [[ ! -s $SECRETS_DIR/demo-logins ]]; then
        for user in "${STAFF_SEED[@]}"; do
            printf '%s %s\n' "$user" "$(random_secret 8)"
        done | (umask 077 && cat >"$SECRETS_DIR/demo-logins.tmp")
        mv "$SECRETS_DIR/demo-logins.tmp" "$SECRETS_DIR/demo-logins"
    fi
}

# --- MariaDB --------------------------------------------------------------------------------------

# The mariadb client as root over the socket. root@localhost is identified by unix_socket:
# only the operating system's root is MariaDB's root, although the pools' users may reach the
# socket. Extra arguments follow, e.g. a database name; SQL comes on stdin.
db_root() { mariadb --defaults-file="$DB_CNF" --batch "$@"; }

db_query() { db_root --skip-column-names -e "$1" "${2:-$POS_DB_NAME}"; }

db_answers() { db_root -e 'SELECT 1' >/dev/null 2>&1; }

db_write_config() {
    mkdir -p "$DB_BINLOG_DIR"
    cat >"$DB_CNF.tmp" <<EOF
# Written by scripts/up: MariaDB of the stack in $VAR.
[mariadbd]
user = root
datadir = $DB_DIR/data
socket = $DB_SOCKET
port = $POS_DB_PORT
bind-address = 127.0.0.1
pid-file = $DB_PID_FILE
log-error = $LOG_DIR/mariadb.err
skip-name-resolve
max_connections = 400
character-set-server = utf8mb4
collation-server = utf8mb4_unicode_ci
default-time-zone = '+00:00'
innodb_buffer_pool_size = 256M
innodb_log_file_size = 16M
innodb_flush_log_at_trx_commit = 1
# The binary log: with last night's backup it restores to the last committed transaction
# (scripts/restore --roll-forward). On a real box it belongs on another disk than the data.
log_bin = $DB_BINLOG_DIR/cafe-pos-bin
server_id = 1
sync_binlog = 1
binlog_expire_logs_seconds = 1209600

[client]
user = root
socket = $DB_SOCKET
default-character-set = utf8mb4
EOF
    chmod 600 "$DB_CNF.tmp"
    mv "$DB_CNF.tmp" "$DB_CNF"
}

db_init() {
    local data=$DB_DIR/data
    if [[ -d $data && -n $(ls -A "$data") ]]; then
        return 0
    fi
    log "creating MariaDB data dir $data"
    mkdir -p "$data"
    if ! mariadb-install-db --defaults-file="$DB_CNF" --auth-root-authentication-method=normal \
        --skip-test-db >"$LOG_DIR/mariadb-install.log" 2>&1; then
        rm -rf "$data"
        tail -n 40 "$LOG_DIR/mariadb-install.log" >&2
        die "mariadb-install-db failed (log: $LOG_DIR/mariadb-install.log)"
    fi
}

db_start() {
    local pid deadline
    db_write_config
    if pid=$(running_pid "$DB_PID_FILE" "$DB_CNF"); then
        log "MariaDB already running (pid $pid)"
    else
        db_init
        chmod 700 "$DB_DIR/data"
        log "starting MariaDB (socket $DB_SOCKET, port $POS_DB_PORT)"
        rm -f "$DB_PID_FILE"
        setsid nohup mariadbd --defaults-file="$DB_CNF" >>"$LOG_DIR/mariadb.out" 2>&1 </dev/null &
        pid=$!
    fi
    deadline=$((SECONDS + 60))
    until db_answers; do
        if ! is_running "$pid" || ((SECONDS >= deadline)); then
            show_log_tails
            die "MariaDB did not start (log: $LOG_DIR/mariadb.err)"
        fi
        sleep 0.2
    done
}

db_stop() {
    stop_pid_file "$DB_PID_FILE" "$DB_CNF" TERM 120 MariaDB || log "MariaDB is not running"
}

db_ensure_database() {
    db_root <<<"CREATE DATABASE IF NOT EXISTS \`$POS_DB_NAME\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
}

# Creates each service's account (or resets its password to the saved one), drops the
# anonymous accounts and root's TCP accounts (mariadb-install-db makes root@127.0.0.1, ::1 and
# the host name, all without a password): root stays root@localhost, reachable only over the
# socket in a root-only directory. Passwords go to the client on stdin, never on a command line.
db_ensure_accounts() {
    local account password user host sql=""
    for account in "${DB_ACCOUNTS[@]}"; do
        password=$(db_password "$account")
        sql+="CREATE USER IF NOT EXISTS '$account'@'%' IDENTIFIED BY '$password';"$'\n'
        sql+="ALTER USER '$account'@'%' IDENTIFIED BY '$password';"$'\n'
    done
    while IFS=$'\t' read -r user host; do
        sql+="DROP USER '$user'@'$host';"$'\n'
    done < <(db_query "SELECT User, Host FROM mysql.user
        WHERE User = '' OR (User = 'root' AND Host <> 'localhost')" mysql)
    # The pools' users reach the socket: MariaDB's root must be the system's root, not whoever
    # connects without a password (a data dir made before this had a password-less root).
    sql+="ALTER USER 'root'@'localhost' IDENTIFIED VIA unix_socket;"$'\n'
    db_root <<<"$sql"
}

db_apply_grants() {
    if [[ -f $ROOT/sql/grants.sql ]]; then
        log "applying sql/grants.sql"
        db_root "$POS_DB_NAME" <"$ROOT/sql/grants.sql" || die "sql/grants.sql failed"
    fi
    db_root <<<"FLUSH PRIVILEGES;"
}

db_seed_sql() {
    local file
    for file in "$ROOT"/sql/seed/*.sql; do
        [[ -f $file ]] || continue
        log "seeding ${file#"$ROOT"/}"
        db_root "$POS_DB_NAME" <"$file" || die "${file#"$ROOT"/} failed"
    done
}

# Exports what a program of service NAME connects to MariaDB with. Builtins only, so the
# password is never on a command line; call it in the subshell that runs the program.
export_service_db_env() {
    export POS_DB_SOCKET=$DB_SOCKET POS_DB_NAME=$POS_DB_NAME POS_DB_USER=pos_$1
    # POS_REPORT_DB_NAME points the report pool alone at another database (scripts/bench-reports:
    # the generated year in cafe_pos_bench); its views must be granted to pos_report there.
    if [[ $1 == report && -n ${POS_REPORT_DB_NAME:-} ]]; then export POS_DB_NAME=$POS_REPORT_DB_NAME; fi
    POS_DB_PASSWORD=$(db_password "pos_$1")
    export POS_DB_PASSWORD
}

# Creates the staff accounts that do not exist yet (pos-user ensure-staff leaves existing ones).
seed_staff() {
    local user password
    ensure_staff admin admin Admin "$(read_secret "$SECRETS_DIR/admin-password")"
    while read -r user password; do
        ensure_staff "$user" "$user" "${user^}" "$password"
    done <"$SECRETS_DIR/demo-logins"
}

# Gives rows written before migration V007 what the report views read (the services' own
# BusinessDay and Pricing code; rows that have it already are left alone).
backfill_reports() {
    local name
    for name in order payment; do
        (
            export_service_db_env "$name"
            exec "$BIN_DIR/pos-$name" backfill-reports
        ) >/dev/null || die "pos-$name backfill-reports failed"
    done
}

ensure_staff() {
    local username=$1 role=$2 display_name=$3 password=$4
    (
        export_service_db_env user
        export POS_STAFF_PASSWORD=$password
        exec "$BIN_DIR/pos-user" ensure-staff --username "$username" --role "$role" \
            --display-name "$display_name"
    ) || die "pos-user ensure-staff --username $username failed"
}

# --- service pools --------------------------------------------------------------------------------

# Each pool has a folder of its own in run/, which only its user can write: no other pool can
# put a socket where nginx expects this one's.
service_pid_file() { printf '%s\n' "$RUN_DIR/$1/$1.pid"; }
service_socket() { printf '%s\n' "$RUN_DIR/$1/$1.sock"; }
# Each pool's log is in a folder of its own (0750, its user's), since the pool itself opens the
# file again after logrotate (or scripts/reopen-logs) renamed it: `serve --log-file`, SIGUSR1.
service_log_file() { printf '%s\n' "$LOG_DIR/$1/$1.log"; }

# Every pool runs as its own system user, never root, as on an installed box (scripts/install,
# sysusers): a compromised worker cannot read another pool's database password (a process's
# /proc/<pid>/environ is its user's alone), the secrets, the MariaDB data or root's files.
pool_user() { printf 'cafe-pos-%s\n' "$1"; }

# The published menu (PublishedMenu, api.d/menu.conf): the menu pool writes it and the order pool
# removes what a stock change made stale, so both are in group cafe-pos-menu-public, which owns
# the folder (2775: new folders and files inside keep the group; nginx reads it as anyone may,
# as the menu is public anyway).
MENU_PUBLIC_DIR=$RUN_DIR/menu-public
MENU_PUBLIC_GROUP=cafe-pos-menu-public
# The pools in that group (scripts/install gives the same two units the folder).
MENU_PUBLIC_SERVICES=(menu order)
publishes_menu() { [[ " ${MENU_PUBLIC_SERVICES[*]} " == *" $1 "* ]]; }

ensure_menu_public_dir() {
    local user
    user=$(pool_user "$1")
    getent group "$MENU_PUBLIC_GROUP" >/dev/null || groupadd --system "$MENU_PUBLIC_GROUP"
    id -nG "$user" | tr ' ' '\n' | grep -qx "$MENU_PUBLIC_GROUP" ||
        usermod --append --groups "$MENU_PUBLIC_GROUP" "$user"
    install -d -m 2775 -o root -g "$MENU_PUBLIC_GROUP" "$MENU_PUBLIC_DIR"
}

ensure_pool_user() {
    local user
    user=$(pool_user "$1")
    if ! id -u "$user" >/dev/null 2>&1; then
        log "creating system user $user"
        useradd --system --user-group --no-create-home --home-dir /nonexistent \
            --shell /usr/sbin/nologin "$user"
    fi
    # The pool gives its socket to nginx's group (0660): only a member may.
    id -nG "$user" | tr ' ' '\n' | grep -qx www-data || usermod --append --groups www-data "$user"
}

# Starts the pool of service NAME unless its pid file names a running pool. A pool that is
# draining (SIGTERM: its socket is gone, its workers finish) is waited for, then replaced.
service_start() {
    local name=$1 bin=$BIN_DIR/pos-$1 pid_file socket pid deadline user log_file
    pid_file=$(service_pid_file "$name")
    socket=$(service_socket "$name")
    log_file=$(service_log_file "$name")
    if pid=$(running_pid "$pid_file" "pos-$name"); then
        if [[ -S $socket ]]; then
            log "$name pool already running (pid $pid)"
            return 0
        fi
        log "$name pool (pid $pid) is draining; waiting for it to exit"
        wait_gone "$pid" 20 || die "$name pool (pid $pid) has no socket and does not exit"
    fi
    [[ -x $bin ]] || die "no binary $bin (build first)"
    ensure_pool_user "$name"
    if publishes_menu "$name"; then ensure_menu_public_dir "$name"; fi
    user=$(pool_user "$name")
    install -d -m 0750 -o "$user" -g www-data "${pid_file%/*}"
    # The pool's log folder and file are its own: the redirect below (root's shell) must not
    # create a file the pool could not open again.
    install -d -m 0750 -o "$user" -g "$user" "${log_file%/*}"
    [[ -e $log_file ]] || install -m 0640 -o "$user" -g "$user" /dev/null "$log_file"
    rm -f "$pid_file"
    log "starting $name pool ($socket) as $user"
    # setsid: the pool outlives this script and is not hit by a Ctrl-C meant for it.
    (
        export_service_db_env "$name"
        export POS_SERVICE_SOCKET=$socket POS_PID_FILE=$pid_file
        # The public menu as files nginx serves (api.d/menu.conf): the menu service writes them,
        # the order service invalidates them when it changes stock (ensure_menu_public_dir).
        if publishes_menu "$name"; then export POS_MENU_PUBLISH_DIR=$MENU_PUBLIC_DIR; fi
        export POS_SOCKET_GROUP=${POS_SOCKET_GROUP:-www-data}
        # Close every descriptor past stderr: a pipe inherited from the caller (a test runner,
        # CI) would otherwise stay open in the pool and its workers, and the caller would wait
        # for it until the pool exits.
        for fd in /proc/self/fd/*; do
            fd=${fd##*/}
            ((fd > 2)) && eval "exec $fd>&-" 2>/dev/null
        done
        export HOME=/nonexistent
        # The pool opens its log itself (--log-file) and reopens it on SIGUSR1; the redirect
        # catches only what it says before that (a bad setting).
        exec setsid nohup setpriv --reuid="$user" --regid="$user" --init-groups --no-new-privs \
            --inh-caps=-all --bounding-set=-all "$bin" serve --log-file "$log_file" >>"$log_file" 2>&1 </dev/null
    ) &
    pid=$!
    # The manager writes its pid file and opens the socket; wait for both.
    deadline=$((SECONDS + 20))
    until running_pid "$pid_file" "pos-$name" >/dev/null && [[ -S $socket ]]; do
        if ! is_running "$pid" || ((SECONDS >= deadline)); then
            tail -n 40 "$log_file" >&2 || true
            die "$name pool did not start (log: $log_file)"
        fi
        sleep 0.1
    done
}

# Stops the pool whose pid file is run/NAME.pid: SIGTERM lets it drain, 15 s at most.
service_stop() {
    local name=$1
    stop_pid_file "$(service_pid_file "$name")" "pos-$name" TERM 15 "$name pool" ||
        log "$name pool is not running"
    rm -f "$(service_pid_file "$name")" "$(service_socket "$name")"
    # Nobody keeps the published menu up to date without the menu service: nginx must ask it.
    if [[ $name == menu ]]; then rm -rf "$MENU_PUBLIC_DIR"; fi
}

# The pids of a pool manager's live workers, space-separated (from /proc, quicker than
# children_of: a reload polls it).
pool_workers() {
    local pid pids=()
    read -r -a pids < <(cat /proc/"$1"/task/*/children 2>/dev/null) || true
    for pid in "${pids[@]}"; do
        is_running "$pid" && printf '%s ' "$pid"
    done
}

# Reloads the pool of service NAME without dropping a request: SIGHUP makes its manager start
# new workers from the binary now in BIN_DIR and retire the old ones once every new one accepts
# (a new binary that cannot start is refused and the old workers keep serving). Succeeds once
# only new workers run; fails if the pool is not running or its log reports a failed reload.
service_reload() {
    local name=$1 manager old_workers log_file log_size deadline pid now count
    manager=$(running_pid "$(service_pid_file "$name")" "pos-$name") || die "$name pool is not running"
    old_workers=" $(pool_workers "$manager") "
    log_file=$(service_log_file "$name")
    log_size=$(stat -c %s "$log_file" 2>/dev/null || echo 0)
    log "reloading $name pool (pid $manager)"
    kill -HUP "$manager"
    deadline=$((SECONDS + 60))
    while ((SECONDS < deadline)); do
        now=$(pool_workers "$manager")
        count=0
        for pid in $now; do
            [[ $old_workers != *" $pid "* ]] || continue 2
            count=$((count + 1))
        done
        ((count > 0 && count == $(wc -w <<<"$old_workers"))) && return 0
        if tail -c +"$((log_size + 1))" "$log_file" | grep -F '"reload to generation' >&2; then
            die "$name pool refused the new binary; its old workers keep serving (log: $log_file)"
        fi
        sleep 0.05
    done
    die "$name pool did not finish its reload within 60 s (log: $log_file)"
}

# Sends SIGUSR1 to the pool of service NAME: its manager reopens its log file (creating it
# when logrotate or a person renamed it), then every worker does. Waits until the file is there.
service_reopen_log() {
    local name=$1 manager log_file deadline
    manager=$(running_pid "$(service_pid_file "$name")" "pos-$name") || die "$name pool is not running"
    log_file=$(service_log_file "$name")
    kill -USR1 "$manager"
    deadline=$((SECONDS + 10))
    until [[ -e $log_file ]]; do
        ((SECONDS < deadline)) || die "$name pool (pid $manager) did not reopen $log_file"
        sleep 0.05
    done
}

# Names of pools that have a pid file in run/ (what up started, whatever the list says now).
started_services() {
    local file
    for file in "$RUN_DIR"/*/*.pid; do
        [[ -f $file ]] || continue
        file=${file##*/}
        printf '%s\n' "${file%.pid}"
    done
}

# --- nginx ----------------------------------------------------------------------------------------

nginx_cmd() { nginx -p "$NGINX_DIR/" -c "$NGINX_DIR/nginx.conf" "$@"; }

sed_escape() { printf '%s' "$1" | sed -e 's/[\\|&]/\\&/g'; }

# Renders the templates of nginx/ into $VAR/nginx/ (replacing the api.d/ and site.d/ of an
# earlier run). @WEB_DIR@ is the repo's web/ folder, which nginx serves the front ends from.
nginx_render() {
    local template target
    rm -rf "$NGINX_DIR/api.d" "$NGINX_DIR/site.d"
    mkdir -p "$NGINX_DIR/api.d" "$NGINX_DIR/site.d"
    for template in "$ROOT"/nginx/*.conf "$ROOT"/nginx/api.d/*.conf "$ROOT"/nginx/site.d/*.conf; do
        [[ -f $template ]] || continue
        target=$NGINX_DIR/${template#"$ROOT"/nginx/}
        sed -e "s|@VAR_DIR@|$(sed_escape "$VAR")|g" \
            -e "s|@NGINX_DIR@|$(sed_escape "$ROOT/nginx")|g" \
            -e "s|@WEB_DIR@|$(sed_escape "$ROOT/web")|g" \
            -e "s|@PORT@|$(sed_escape "$POS_PORT")|g" \
            -e "s|@API_RATE@|$(sed_escape "$POS_API_RATE")|g" \
            -e "s|@LOGIN_RATE@|$(sed_escape "$POS_LOGIN_RATE")|g" \
            -e "s|@GUEST_SESSION_RATE@|$(sed_escape "$POS_GUEST_SESSION_RATE")|g" \
            -e "s|@GUEST_ORDER_RATE@|$(sed_escape "$POS_GUEST_ORDER_RATE")|g" \
            -e "s|@CLIENT_TIMEOUT@|${POS_CLIENT_TIMEOUT_SECONDS}s|g" \
            -e "s|@CONN_LIMIT@|$POS_CONN_LIMIT|g" \
            "$template" >"$target"
    done
    # scripts/bench's own locations (nginx/bench.d/), only while it runs.
    rm -rf "$NGINX_DIR/bench.d"
    if [[ ${POS_BENCH_LOCATIONS:-} == 1 ]]; then
        mkdir -p "$NGINX_DIR/bench.d"
        for template in "$ROOT"/nginx/bench.d/*.conf; do
            sed -e "s|@VAR_DIR@|$(sed_escape "$VAR")|g" "$template" >"$NGINX_DIR/bench.d/${template##*/}"
        done
    fi
    if grep -rn '@[A-Z_]*@' "$NGINX_DIR"/*.conf "$NGINX_DIR"/api.d/ "$NGINX_DIR"/site.d/ >&2; then
        die "unreplaced placeholders in the rendered nginx config"
    fi
}

nginx_start() {
    local pid
    nginx_render
    nginx_cmd -t -q || die "nginx config test failed ($NGINX_DIR)"
    if pid=$(running_pid "$NGINX_PID_FILE" "$NGINX_DIR"); then
        nginx_reload "$pid"
    else
        log "starting nginx on $BASE_URL"
        nginx_cmd
    fi
}

# A reload only signals the master, which keeps its old config if it cannot apply the new one
# (e.g. a changed limit_req zone): succeed only once new workers run.
nginx_reload() {
    local master=$1 old_workers log_size deadline pid
    old_workers=" $(children_of "$master" | tr '\n' ' ') "
    log_size=$(stat -c %s "$NGINX_DIR/error.log" 2>/dev/null || echo 0)
    log "reloading nginx (pid $master)"
    kill -HUP "$master"
    deadline=$((SECONDS + 10))
    while ((SECONDS < deadline)); do
        for pid in $(children_of "$master"); do
            [[ $old_workers == *" $pid "* ]] || return 0
        done
        if tail -c +"$((log_size + 1))" "$NGINX_DIR/error.log" | grep -E '\[(emerg|alert)\]' >&2; then
            break
        fi
        sleep 0.1
    done
    die "nginx kept its old configuration; restart it: scripts/down && scripts/up"
}

nginx_stop() {
    stop_pid_file "$NGINX_PID_FILE" "$NGINX_DIR" QUIT 15 nginx || log "nginx is not running"
}

# The guest page URL of the first active table (the demo seed makes some), or nothing.
guest_demo_url() {
    local token
    token=$(db_query "SELECT token FROM guest_tables WHERE active = 1 ORDER BY id LIMIT 1" 2>/dev/null) || return 0
    [[ $token =~ ^[A-Za-z0-9_-]{43}$ ]] || return 0
    printf '%s/guest/?t=%s\n' "$POS_GUEST_BASE_URL" "$token"
}

# Logs in as admin through the stack's gateway and prints the bearer token; fails if it cannot.
admin_token() {
    local password token
    password=$(read_secret "$SECRETS_DIR/admin-password")
    token=$(curl -fsS "$BASE_URL/api/auth/login" -H 'Content-Type: application/json' \
        --data "{\"username\":\"admin\",\"password\":\"$password\"}" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
    [[ -n $token ]] || die "could not log in as admin on $BASE_URL"
    printf '%s\n' "$token"
}

# --- documents --------------------------------------------------------------------------------------

# Replaces the lines of FILE between "<!-- section: NAME -->" and "<!-- end: NAME -->" with the
# content of file CONTENT, keeping the rest (scripts/bench and bench-reports share
# docs/benchmarks.md); appends the section when FILE has none.
replace_doc_section() {
    local file=$1 name=$2 content=$3 start stop
    start="<!-- section: $name -->" stop="<!-- end: $name -->"
    [[ -f $file ]] || printf '# Benchmarks\n' >"$file"
    if grep -qxF -- "$start" "$file"; then
        awk -v start="$start" -v stop="$stop" -v content="$content" '
            $0 == start { print; while ((getline line < content) > 0) print line; skipping = 1; next }
            $0 == stop { skipping = 0 }
            !skipping { print }
        ' "$file" >"$file.tmp"
    else
        { cat "$file"; printf '\n%s\n' "$start"; cat "$content"; printf '%s\n' "$stop"; } >"$file.tmp"
    fi
    mv "$file.tmp" "$file"
}

# --- health ---------------------------------------------------------------------------------------

http_status() { curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$1" || true; }

# Waits up to 30 s until the gateway and every service answer 200 through nginx.
wait_for_health() {
    local deadline=$((SECONDS + 30)) paths path name pending
    paths=(/healthz)
    while read -r name; do paths+=("/api/health/$name"); done < <(services)
    while :; do
        pending=()
        for path in "${paths[@]}"; do
            [[ $(http_status "$BASE_URL$path") == 200 ]] || pending+=("$path")
        done
        ((${#pending[@]} == 0)) && return 0
        if ((SECONDS >= deadline)); then
            show_log_tails
            die "not healthy after 30 s: ${pending[*]}"
        fi
        sleep 0.3
    done
}
