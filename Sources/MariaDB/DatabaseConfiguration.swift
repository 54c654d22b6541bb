/// Where and as whom to connect. A unix socket, when given, is used instead of host and port.
public struct DatabaseConfiguration: Sendable {
    public var host: String
    public var port: Int
    public var socket: String?
    public var user: String
    public var password: String
    public var database: String
    /// How long one network read or write may wait before the connection counts as lost (a
    /// hung or stopped server then gives an error instead of blocking a worker thread forever).
    /// Row-lock waits are kept shorter (`lockWaitSeconds`) so they fail as lock timeouts first.
    public var ioTimeoutSeconds: Int
    /// Connecting, including the server's greeting.
    public var connectTimeoutSeconds: Int

    public init(host: String = "127.0.0.1", port: Int = 3306, socket: String? = nil,
                user: String, password: String, database: String,
                ioTimeoutSeconds: Int = 5, connectTimeoutSeconds: Int = 2) {
        self.host = host
        self.port = port
        self.socket = socket
        self.user = user
        self.password = password
        self.database = database
        self.ioTimeoutSeconds = ioTimeoutSeconds
        self.connectTimeoutSeconds = connectTimeoutSeconds
    }

    /// `innodb_lock_wait_timeout` for the session: below the I/O timeout, so a long row-lock
    /// wait ends as a retryable lock timeout rather than a dropped connection.
    public var lockWaitSeconds: Int { max(1, ioTimeoutSeconds - 2) }
}
