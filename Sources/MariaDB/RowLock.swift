/// How a `SELECT` locks the rows it reads, until the transaction ends. Interpolate it at the
/// end of the query: `"SELECT … WHERE id = \(id)\(lock)"`.
public enum RowLock: Sendable {
    /// A consistent read: no lock.
    case none
    /// `LOCK IN SHARE MODE`: others may read-lock too, nobody may change the row.
    case share
    /// `FOR UPDATE`: nobody else may lock or change the row.
    case update

    var clause: String {
        switch self {
        case .none: ""
        case .share: " LOCK IN SHARE MODE"
        case .update: " FOR UPDATE"
        }
    }
}

extension SQLQuery.StringInterpolation {
    /// A locking clause: fixed SQL text, never a value.
    public mutating func appendInterpolation(_ lock: RowLock) {
        appendInterpolation(unsafeRaw: lock.clause)
    }
}
