/// A failed MariaDB call: the client function, the server's or client's error number, the
/// SQLSTATE and the message. Callers branch on `code`, never on the message.
public struct DatabaseError: Error, CustomStringConvertible, Sendable {
    public let function: String
    public let code: Int
    public let sqlState: String
    public let message: String

    public init(function: String, code: Int, sqlState: String = "HY000", message: String) {
        self.function = function
        self.code = code
        self.sqlState = sqlState
        self.message = message
    }

    public var description: String { "\(function): [\(code) \(sqlState)] \(message)" }

    // Codes the application reacts to.
    public static let duplicateEntry = 1062
    public static let lockWaitTimeout = 1205
    public static let deadlock = 1213
    public static let accessDenied = 1142
    public static let foreignKeyParentMissing = 1452
    public static let foreignKeyChildExists = 1451
    public static let serverGoneAway = 2006
    public static let serverLost = 2013
    /// Ours: the connection broke while COMMIT was in flight; it may or may not have happened.
    public static let commitOutcomeUnknown = 9001
    /// Ours: a row lacked a column or held a value of another type than the caller asked for.
    public static let decoding = 9002

    public var isDeadlock: Bool { code == Self.deadlock || code == Self.lockWaitTimeout }
    public var isDuplicateEntry: Bool { code == Self.duplicateEntry }
    /// The connection is gone; the statement may have reached the server (2013) or not (2006).
    public var isConnectionLost: Bool { code == Self.serverGoneAway || code == Self.serverLost }
    /// The server cannot be reached at all or the connection broke: the request may succeed
    /// later (2002/2003 cannot connect, 2006/2013 lost, 2055 lost during a read).
    public var isServerUnavailable: Bool { [2002, 2003, 2006, 2013, 2055].contains(code) }
    /// The server is out of disk space (1021) or a table could not grow (1114, "table is full"):
    /// the statement was refused whole, and writes work again once space returns.
    public var isOutOfSpace: Bool { code == 1021 || code == 1114 }
}
