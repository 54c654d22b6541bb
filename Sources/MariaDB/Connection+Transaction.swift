import Metrics

extension Connection {
    /// Runs `body` in one transaction and commits it; rolls back on any error.
    ///
    /// A deadlock or lock wait timeout, or a connection lost before COMMIT, restarts the whole
    /// body (up to `attempts` times): the server rolled everything back, so nothing is applied
    /// twice. A connection lost *during* COMMIT throws `commitOutcomeUnknown`: the caller must
    /// not assume either outcome (idempotency keys exist for that).
    @discardableResult
    public func transaction<T>(attempts: Int = 4, _ body: (Connection) throws -> T) throws -> T {
        var attempt = 1
        while true {
            do {
                return try transactionOnce(body)
            } catch let error as DatabaseError where attempt < attempts && (error.isDeadlock || error.isConnectionLost) {
                attempt += 1
                if error.isDeadlock { Counter(label: "pos_db_deadlock_retries_total").increment() }
                if error.isConnectionLost { try reconnect() }
            }
        }
    }

    /// Rolls the transaction back. If the ROLLBACK cannot be sent (a statement's failure left
    /// the client out of step with the server: "Commands out of sync"), the connection is
    /// closed instead: the server then rolls back and frees the transaction's row locks, which
    /// an open connection would hold for every other request to wait on. The next statement
    /// connects afresh.
    private func rollBack() {
        do {
            try control("ROLLBACK")
        } catch {
            abandon()
        }
    }

    private func transactionOnce<T>(_ body: (Connection) throws -> T) throws -> T {
        precondition(!inTransaction, "nested transaction")
        try control("START TRANSACTION")
        setInTransaction(true)
        let value: T
        do {
            value = try body(self)
        } catch {
            rollBack()
            setInTransaction(false)
            _ = takeCommitActions()
            throw error
        }
        do {
            try control("COMMIT")
            setInTransaction(false)
        } catch let error as DatabaseError where error.isConnectionLost {
            setInTransaction(false)
            _ = takeCommitActions()
            throw DatabaseError(function: "COMMIT", code: DatabaseError.commitOutcomeUnknown,
                                message: "connection lost during COMMIT: \(error.message)")
        } catch {
            rollBack()
            setInTransaction(false)
            _ = takeCommitActions()
            throw error
        }
        for action in takeCommitActions() { action() }
        return value
    }
}
