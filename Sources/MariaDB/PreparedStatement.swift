import CMariaDB

/// A server-side prepared statement. Parameters are bound by type; result columns are fetched
/// as raw bytes sized from the server's reported maximum lengths, so nothing is truncated.
final class PreparedStatement {
    private let connection: UnsafeMutablePointer<MYSQL>
    private let handle: UnsafeMutablePointer<MYSQL_STMT>
    private let sql: String
    private let parameterCount: Int

    init(connection: UnsafeMutablePointer<MYSQL>, sql: String) throws {
        guard let handle = mysql_stmt_init(connection) else {
            throw DatabaseError(function: "mysql_stmt_init", code: Int(mysql_errno(connection)),
                                message: String(cString: mysql_error(connection)))
        }
        self.connection = connection
        self.handle = handle
        self.sql = sql
        let length = UInt(sql.utf8.count)
        let status = sql.withCString { mysql_stmt_prepare(handle, $0, length) }
        if status != 0 {
            let error = Self.error(handle, "mysql_stmt_prepare")
            mysql_stmt_close(handle)
            throw error
        }
        var updateMaxLength: my_bool = 1
        mysql_stmt_attr_set(handle, STMT_ATTR_UPDATE_MAX_LENGTH, &updateMaxLength)
        parameterCount = Int(mysql_stmt_param_count(handle))
    }

    deinit {
        mysql_stmt_close(handle)
    }

    /// Binds `values`, executes, and (when `fetch`) reads every row.
    func execute(_ values: [SQLValue], fetch: Bool) throws -> (rows: [Row], result: ExecuteResult) {
        guard values.count == parameterCount else {
            throw DatabaseError(function: "execute", code: 2034,
                                message: "\(values.count) values for \(parameterCount) placeholders in: \(sql)")
        }
        try withParameterBinds(values) { binds in
            if !binds.isEmpty, mysql_stmt_bind_param(handle, binds.baseAddress) != 0 {
                throw Self.error(handle, "mysql_stmt_bind_param")
            }
            if mysql_stmt_execute(handle) != 0 { throw Self.error(handle, "mysql_stmt_execute") }
        }
        // affected_rows is (my_ulonglong)-1 after a SELECT: report 0 rather than trap.
        let affected = mysql_stmt_affected_rows(handle)
        let result = ExecuteResult(affectedRows: affected == UInt64.max ? 0 : Int(truncatingIfNeeded: affected),
                                   lastInsertID: Int(truncatingIfNeeded: mysql_stmt_insert_id(handle)))
        guard let metadata = mysql_stmt_result_metadata(handle) else {
            return ([], result)
        }
        if mysql_stmt_store_result(handle) != 0 {
            // The server ended the result with an error (an INSERT … RETURNING that failed part
            // way, say): the client may be out of step with it, and freeing the statement's
            // result could wait for rows that never come. The caller drops the connection
            // (`Connection.run`).
            let error = Self.error(handle, Self.storeResult)
            mysql_free_result(metadata)
            throw error
        }
        defer {
            mysql_free_result(metadata)
            mysql_stmt_free_result(handle)
        }
        guard fetch else { return ([], result) }
        return (try fetchRows(metadata), result)
    }

    private func fetchRows(_ metadata: UnsafeMutablePointer<MYSQL_RES>) throws -> [Row] {
        let count = Int(mysql_num_fields(metadata))
        let fields = mysql_fetch_fields(metadata)!
        var names: [String] = []
        var capacities: [Int] = []
        for index in 0..<count {
            let field = fields[index]
            names.append(String(cString: field.name))
            capacities.append(max(Int(field.max_length), 1))
        }
        let columns = ColumnIndex(names: names)

        let buffers = capacities.map { UnsafeMutableRawPointer.allocate(byteCount: $0, alignment: 8) }
        let lengths = UnsafeMutablePointer<UInt>.allocate(capacity: count)
        let nulls = UnsafeMutablePointer<my_bool>.allocate(capacity: count)
        let binds = UnsafeMutablePointer<MYSQL_BIND>.allocate(capacity: count)
        defer {
            buffers.forEach { $0.deallocate() }
            lengths.deallocate()
            nulls.deallocate()
            binds.deallocate()
        }
        for index in 0..<count {
            var bind = MYSQL_BIND()
            bind.buffer_type = MYSQL_TYPE_BLOB
            bind.buffer = buffers[index]
            bind.buffer_length = UInt(capacities[index])
            bind.length = lengths + index
            bind.is_null = nulls + index
            (binds + index).initialize(to: bind)
        }
        if mysql_stmt_bind_result(handle, binds) != 0 { throw Self.error(handle, "mysql_stmt_bind_result") }

        var rows: [Row] = []
        rows.reserveCapacity(Int(mysql_stmt_num_rows(handle)))
        while true {
            let status = mysql_stmt_fetch(handle)
            if status == MYSQL_NO_DATA { break }
            if status == 1 { throw Self.error(handle, "mysql_stmt_fetch") }
            // MYSQL_DATA_TRUNCATED cannot happen: buffers are sized from max_length.
            var values: [[UInt8]?] = []
            values.reserveCapacity(count)
            for index in 0..<count {
                if nulls[index] != 0 {
                    values.append(nil)
                } else {
                    let length = min(Int(lengths[index]), capacities[index])
                    let bytes = UnsafeRawBufferPointer(start: buffers[index], count: length)
                    values.append(Array(bytes))
                }
            }
            rows.append(Row(columns: columns, values: values))
        }
        return rows
    }

    /// Builds MYSQL_BINDs whose buffers live for the duration of `body`.
    private func withParameterBinds<T>(_ values: [SQLValue], _ body: (UnsafeMutableBufferPointer<MYSQL_BIND>) throws -> T) throws -> T {
        let binds = UnsafeMutableBufferPointer<MYSQL_BIND>.allocate(capacity: values.count)
        var storage: [UnsafeMutableRawPointer] = []
        let lengths = UnsafeMutablePointer<UInt>.allocate(capacity: max(values.count, 1))
        defer {
            storage.forEach { $0.deallocate() }
            lengths.deallocate()
            binds.deallocate()
        }
        for (index, value) in values.enumerated() {
            var bind = MYSQL_BIND()
            switch value {
            case .null:
                bind.buffer_type = MYSQL_TYPE_NULL
            case .int(let number):
                let buffer = UnsafeMutableRawPointer.allocate(byteCount: 8, alignment: 8)
                buffer.storeBytes(of: number, as: Int64.self)
                storage.append(buffer)
                bind.buffer_type = MYSQL_TYPE_LONGLONG
                bind.buffer = buffer
            case .text(let text):
                let bytes = Array(text.utf8)
                bind.buffer_type = MYSQL_TYPE_STRING
                bind.buffer = copy(bytes, into: &storage)
                lengths[index] = UInt(bytes.count)
                bind.buffer_length = UInt(bytes.count)
                bind.length = lengths + index
            case .bytes(let bytes):
                bind.buffer_type = MYSQL_TYPE_BLOB
                bind.buffer = copy(bytes, into: &storage)
                lengths[index] = UInt(bytes.count)
                bind.buffer_length = UInt(bytes.count)
                bind.length = lengths + index
            }
            binds[index] = bind
        }
        return try body(binds)
    }

    private func copy(_ bytes: [UInt8], into storage: inout [UnsafeMutableRawPointer]) -> UnsafeMutableRawPointer {
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: max(bytes.count, 1), alignment: 8)
        if !bytes.isEmpty { bytes.withUnsafeBytes { buffer.copyMemory(from: $0.baseAddress!, byteCount: bytes.count) } }
        storage.append(buffer)
        return buffer
    }

    /// The function name of an error that leaves the connection unusable.
    static let storeResult = "mysql_stmt_store_result"

    private static func error(_ handle: UnsafeMutablePointer<MYSQL_STMT>, _ function: String) -> DatabaseError {
        DatabaseError(function: function, code: Int(mysql_stmt_errno(handle)),
                      sqlState: String(cString: mysql_stmt_sqlstate(handle)),
                      message: String(cString: mysql_stmt_error(handle)))
    }
}
