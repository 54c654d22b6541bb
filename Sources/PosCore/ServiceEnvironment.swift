import MariaDB
import PosHTTP
import PosMoney
#if canImport(Glibc)
import Glibc
#endif

/// A service's settings, read once from the environment (see README "Configuration").
public struct ServiceEnvironment: Sendable {
    /// Bodies past this are refused with 413: the HTTP layer's one limit, `HTTPRequest.maxBodyBytes`.
    public static let maxBodyBytes = HTTPRequest.maxBodyBytes

    public var serviceName: String
    public var socketPath: String
    /// Where the pool's processes leave their metrics (`POS_METRICS_DIR`, default
    /// `<socket's folder>/<service>.metrics`; see `MetricsSnapshots`).
    public var metricsDirectory: String
    public var pidFile: String?
    /// `POS_LOG_FILE`: the file a pool writes its log to, reopened on SIGUSR1 (`LogFile`); nil
    /// (unset or empty): standard output and error as the pool was started with.
    public var logFile: String?
    public var socketGroup: String?
    public var workers: Int
    public var threads: Int
    public var drainSeconds: Double
    public var database: DatabaseConfiguration
    public var tokenLifetimeSeconds: Int
    /// Enables `?delay_ms=` on the health route, for drain tests only.
    public var testHooks: Bool
    /// Whether menu prices include tax (`POS_PRICES_INCLUDE_TAX=1`) or tax is added on top.
    public var taxMode: TaxMode
    /// `POS_TIMEZONE` (default UTC) and `POS_DAY_START_HOUR` (default 4).
    public var businessDay: BusinessDay
    /// `POS_CAFE_NAME`, printed on receipts.
    public var cafeName: String
    /// `POS_CURRENCY` (ISO 4217, default EUR), for front ends (`GET /api/settings`).
    public var currency: String
    /// `POS_LOCALE` (BCP 47, default en-IE), for front ends (`GET /api/settings`).
    public var locale: String
    /// `POS_TIMEZONE` as configured, e.g. `Europe/Dublin` (the zone of `businessDay`).
    public var timeZoneIdentifier: String
    /// `POS_GUEST_BASE_URL` (default `http://127.0.0.1:<POS_PORT>`): what a table's QR code
    /// links to, followed by `/guest/?t=<table token>`. No trailing slash.
    public var guestBaseURL: String
    /// `POS_GUEST_SESSION_TTL_SECONDS` (default 7200): how long a guest session lasts.
    public var guestSessionLifetimeSeconds: Int

    public static func fromProcess(service: String) throws -> ServiceEnvironment {
        try read(service: service, from: ProcessEnvironment())
    }

    /// The settings in `env` (the process's environment, or it with a command's options in place
    /// of some variables); a `ConfigurationError` naming the first variable that is out of range.
    public static func read(service: String, from env: ProcessEnvironment) throws -> ServiceEnvironment {
        let timeZone = env["POS_TIMEZONE"].flatMap { $0.isEmpty ? nil : $0 } ?? "UTC"
        let gatewayPort = try env.int("POS_PORT", default: 8080, range: 1...65535)
        let socketPath = env["POS_SERVICE_SOCKET"] ?? "/tmp/pos-\(service).sock"
        return ServiceEnvironment(
            serviceName: service,
            socketPath: socketPath,
            metricsDirectory: env["POS_METRICS_DIR"].flatMap { $0.isEmpty ? nil : $0 }
                ?? socketFolder(socketPath) + "/\(service).metrics",
            pidFile: env["POS_PID_FILE"],
            logFile: env["POS_LOG_FILE"].flatMap { $0.isEmpty ? nil : $0 },
            socketGroup: env["POS_SOCKET_GROUP"] ?? "www-data",
            workers: try env.int("POS_WORKERS", default: 2, range: 1...64),
            threads: try env.int("POS_THREADS", default: 4, range: 1...64),
            drainSeconds: Double(try env.int("POS_DRAIN_SECONDS", default: 10, range: 1...300)),
            database: DatabaseConfiguration(
                host: env["POS_DB_HOST"] ?? "127.0.0.1",
                port: try env.int("POS_DB_PORT", default: 3306, range: 1...65535),
                socket: env["POS_DB_SOCKET"].flatMap { $0.isEmpty ? nil : $0 },
                user: env["POS_DB_USER"] ?? "pos_\(service)",
                password: env["POS_DB_PASSWORD"] ?? "",
                database: env["POS_DB_NAME"] ?? "cafe_pos",
                ioTimeoutSeconds: try env.int("POS_DB_TIMEOUT_SECONDS", default: 5, range: 3...300)),
            tokenLifetimeSeconds: try env.int("POS_TOKEN_TTL_SECONDS", default: 12 * 3600, range: 60...(30 * 86400)),
            testHooks: env["POS_ENABLE_TEST_HOOKS"] == "1",
            taxMode: env["POS_PRICES_INCLUDE_TAX"] == "1" ? .inclusive : .exclusive,
            businessDay: try BusinessDay(timeZoneIdentifier: timeZone,
                                         dayStartHour: try env.int("POS_DAY_START_HOUR", default: 4, range: 0...23)),
            cafeName: env["POS_CAFE_NAME"].flatMap { $0.isEmpty ? nil : String($0.prefix(42)) } ?? "Cafe POS",
            currency: try env.matching("POS_CURRENCY", default: "EUR", #/[A-Z]{3}/#, "three capital letters (ISO 4217)"),
            locale: try env.matching("POS_LOCALE", default: "en-IE", #/[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,6}/#,
                                     "a BCP 47 language tag like en-IE"),
            timeZoneIdentifier: timeZone,
            guestBaseURL: try env.matching("POS_GUEST_BASE_URL",
                                           default: "http://127.0.0.1:\(gatewayPort)",
                                           #/https?:\/\/[A-Za-z0-9.\-\[\]:]+(\/[A-Za-z0-9._~\-\/]*)?/#,
                                           "an http(s) URL without query or fragment").trimmingSuffix("/"),
            guestSessionLifetimeSeconds: try env.int("POS_GUEST_SESSION_TTL_SECONDS", default: 2 * 3600, range: 60...86400))
    }
}

/// The process environment with typed, checked accessors; `overriding` puts values (a command
/// line's options) in place of some variables without touching the process's own.
public struct ProcessEnvironment: Sendable {
    private var fixed: [String: String]?
    private var overrides: [String: String] = [:]

    /// The process's environment, read when a variable is asked for.
    public init() {}

    /// These variables only, not the process's (for tests).
    public init(_ variables: [String: String]) {
        fixed = variables
    }

    /// This environment with `values` in place of the variables they name.
    public func overriding(_ values: [String: String]) -> ProcessEnvironment {
        var copy = self
        copy.overrides.merge(values) { _, new in new }
        return copy
    }

    public subscript(name: String) -> String? {
        if let value = overrides[name] { return value }
        if let fixed { return fixed[name] }
        guard let value = getenv(name) else { return nil }
        return String(cString: value)
    }

    public func int(_ name: String, default fallback: Int, range: ClosedRange<Int>) throws -> Int {
        guard let text = self[name], !text.isEmpty else { return fallback }
        guard let value = Int(text), range.contains(value) else {
            throw ConfigurationError(message: "\(name)=\(text) must be a whole number in \(range)")
        }
        return value
    }
}

extension ProcessEnvironment {
    /// The variable's value when it matches `pattern` as a whole (`fallback` when unset or
    /// empty); a `ConfigurationError` naming `what` it should be otherwise.
    public func matching(_ name: String, default fallback: String, _ pattern: Regex<some Any>, _ what: String) throws -> String {
        guard let text = self[name], !text.isEmpty else { return fallback }
        guard text.count <= 200, (try? pattern.wholeMatch(in: text)) != nil else {
            throw ConfigurationError(message: "\(name)=\(text) must be \(what)")
        }
        return text
    }
}

extension String {
    func trimmingSuffix(_ suffix: String) -> String {
        var text = self
        while text.hasSuffix(suffix) { text.removeLast(suffix.count) }
        return text
    }
}

/// The folder of a unix socket path (`/run/cafe-pos/menu` of `/run/cafe-pos/menu/menu.sock`);
/// `/tmp` for a TCP address (`127.0.0.1:9001`).
private func socketFolder(_ socketPath: String) -> String {
    guard socketPath.hasPrefix("/"), let slash = socketPath.lastIndex(of: "/") else { return "/tmp" }
    return slash == socketPath.startIndex ? "/" : String(socketPath[..<slash])
}
