import CMariaDB
import Metrics

/// Initialises the client library; must run once before any thread opens a connection.
public enum MariaDBLibrary {
    private static let initialised: Bool = {
        mysql_server_init(0, nil, nil) == 0
    }()

    public static func initialise() {
        _ = initialised
    }
}

/// One MariaDB connection with its prepared statements. Not shareable: each thread owns one
/// (Connector/C connections are not thread safe). Statements are prepared once per SQL text and
/// reused. A connection lost between statements is re-opened and the statement retried when
/// that is known to be safe (see `run`).
public final class Connection {
    public let configuration: DatabaseConfiguration
    private var handle: UnsafeMutablePointer<MYSQL>?
    private var statements: [String: PreparedStatement] = [:]
    /// True between `START TRANSACTION` and `COMMIT`/`ROLLBACK`.
    public private(set) var inTransaction = false
    /// What `afterCommit` registered in the current transaction.
    private var commitActions: [() -> Void] = []

    public init(_ configuration: DatabaseConfiguration) throws {
        MariaDBLibrary.initialise()
        mysql_thread_init()
        self.configuration = configuration
        try connect()
    }

    /// A connection that starts even while the server is down: the first statement connects
    /// (and fails with a connection error until the server is back). For long-lived workers.
    public init(connectingLazily configuration: DatabaseConfiguration) {
        MariaDBLibrary.initialise()
        mysql_thread_init()
        self.configuration = configuration
        try? connect()
    }

    deinit {
        close()
        mysql_thread_end()
    }

    /// Runs a query and returns every row.
    public func query(_ query: SQLQuery) throws -> [Row] {
        try run(query) { try $0.execute(query.binds, fetch: true).rows }
    }

    /// Runs a query expected to return at most one row.
    public func queryFirst(_ query: SQLQuery) throws -> Row? {
        try self.query(query).first
    }

    /// Runs a write and returns the affected row count and last insert id.
    @discardableResult
    public func execute(_ query: SQLQuery) throws -> ExecuteResult {
        try run(query) { try $0.execute(query.binds, fetch: false).result }
    }

    /// Checks the connection with a round trip, reconnecting once if it was lost.
    public func ping() throws {
        _ = try query("SELECT 1 AS ok")
    }

    /// Retry policy for a lost connection: inside a transaction never here (the transaction
    /// as a whole is retried); outside, a read is always retried once, and a write only when
    /// the client says the statement was not delivered (2006), never after 2013 where it may
    /// have been applied.
    private func run<T>(_ query: SQLQuery, _ body: (PreparedStatement) throws -> T) throws -> T {
        do {
            return try body(statement(for: query.sql))
        } catch let error as DatabaseError where error.function == PreparedStatement.storeResult {
            // A result that ended in an error leaves the client out of step with the server:
            // drop the connection (the server rolls back what was in progress and frees its
            // locks) rather than risk waiting on it.
            abandon()
            throw error
        } catch let error as DatabaseError where error.isConnectionLost && !inTransaction {
            guard query.isReadOnly || error.code == DatabaseError.serverGoneAway else { throw error }
            try reconnect()
            return try body(statement(for: query.sql))
        }
    }

    private func statement(for sql: String) throws -> PreparedStatement {
        if let cached = statements[sql] { return cached }
        guard let handle else { throw DatabaseError(function: "statement", code: DatabaseError.serverGoneAway, message: "not connected") }
        let statement = try PreparedStatement(connection: handle, sql: sql)
        statements[sql] = statement
        return statement
    }

    func reconnect() throws {
        Counter(label: "pos_db_reconnects_total").increment()
        close()
        try connect()
    }

    /// Closes the connection (the server rolls back what was in progress); the next statement
    /// or transaction connects again.
    func abandon() {
        close()
    }

    private func connect() throws {
        guard let handle = mysql_init(nil) else {
            throw DatabaseError(function: "mysql_init", code: 2008, message: "out of memory")
        }
        self.handle = handle
        let c = configuration
        mysql_options(handle, MYSQL_SET_CHARSET_NAME, "utf8mb4")
        var connectTimeout = UInt32(c.connectTimeoutSeconds)
        mysql_options(handle, MYSQL_OPT_CONNECT_TIMEOUT, &connectTimeout)
        var ioTimeout = UInt32(c.ioTimeoutSeconds)
        mysql_options(handle, MYSQL_OPT_READ_TIMEOUT, &ioTimeout)
        mysql_options(handle, MYSQL_OPT_WRITE_TIMEOUT, &ioTimeout)
        mysql_options(handle, MYSQL_INIT_COMMAND,
                      "SET time_zone = '+00:00', innodb_lock_wait_timeout = \(c.lockWaitSeconds)")
        let connected = mysql_real_connect(handle, c.socket == nil ? c.host : nil, c.user, c.password,
                                           c.database, UInt32(c.port), c.socket, 0)
        if connected == nil {
            let error = connectionError("mysql_real_connect")
            close()
            throw error
        }
    }

    private func close() {
        // The connection first: mysql_close detaches its statements, so closing them afterwards
        // sends nothing and waits for nothing.
        if let handle {
            mysql_close(handle)
            self.handle = nil
        }
        statements.removeAll()
        inTransaction = false
        commitActions.removeAll()
    }

    func connectionError(_ function: String) -> DatabaseError {
        guard let handle else { return DatabaseError(function: function, code: DatabaseError.serverGoneAway, message: "not connected") }
        return DatabaseError(function: function, code: Int(mysql_errno(handle)),
                             sqlState: String(cString: mysql_sqlstate(handle)),
                             message: String(cString: mysql_error(handle)))
    }

    /// Transaction control statements: fixed text, no values, so the text protocol is fine.
    func control(_ sql: StaticString) throws {
        guard let handle else { throw DatabaseError(function: "\(sql)", code: DatabaseError.serverGoneAway, message: "not connected") }
        let status = sql.withUTF8Buffer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { mysql_real_query(handle, $0.baseAddress, UInt($0.count)) }
        }
        if status != 0 { throw connectionError("\(sql)") }
    }

    func setInTransaction(_ value: Bool) { inTransaction = value }

    /// Runs `action` on this thread once the current transaction has committed, never if it
    /// rolls back (a retried transaction registers again); outside a transaction, at once. For
    /// effects outside the database that must not get ahead of the data (files, caches).
    public func afterCommit(_ action: @escaping () -> Void) {
        if inTransaction { commitActions.append(action) } else { action() }
    }

    /// Takes the registered actions (to run them after COMMIT, or to drop them).
    func takeCommitActions() -> [() -> Void] {
        defer { commitActions.removeAll() }
        return commitActions
    }
}
