import Foundation
import PosCoreTesting

/// `sql/grants.sql` read as data: which account may do what to which table or column. Every
/// statement of the file must be a `GRANT … ON cafe_pos.<table> TO '<account>'@'%'`; anything
/// else is an error, so nothing in the file can go unchecked.
struct DeclaredGrants: Sendable {
    struct Grant: Hashable, Sendable, CustomStringConvertible {
        let account: String
        let table: String
        let privilege: String
        /// Nil for the whole table.
        let column: String?
        var description: String { "\(account): \(privilege)\(column.map { " (\($0))" } ?? "") ON \(table)" }
    }

    let grants: Set<Grant>

    /// The accounts in the order the file first names them.
    let accounts: [String]

    /// Whether `account` may `privilege` the whole `table`, or (for a column) that column.
    func allows(_ account: String, _ privilege: String, on table: String, column: String? = nil) -> Bool {
        if grants.contains(Grant(account: account, table: table, privilege: privilege, column: nil)) { return true }
        guard let column else { return false }
        return grants.contains(Grant(account: account, table: table, privilege: privilege, column: column))
    }

    static let path = TestEnvironment.repositoryRoot.appendingPathComponent("sql/grants.sql").path

    static func fromRepository() throws -> DeclaredGrants {
        try parse(String(contentsOfFile: path, encoding: .utf8))
    }

    static func parse(_ text: String) throws -> DeclaredGrants {
        let withoutComments = text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in line.range(of: "--").map { String(line[..<$0.lowerBound]) } ?? String(line) }
            .joined(separator: "\n")
        let pattern = #/^GRANT\s+(?<privileges>.+?)\s+ON\s+cafe_pos\.(?<table>\w+)\s+TO\s+'(?<account>\w+)'@'%'$/#
            .dotMatchesNewlines()
        var grants: Set<Grant> = []
        var accounts: [String] = []
        for statement in withoutComments.split(separator: ";") {
            let trimmed = statement.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { continue }
            guard let match = trimmed.wholeMatch(of: pattern) else { throw GrantsFileError(statement: trimmed) }
            let account = String(match.account), table = String(match.table)
            if !accounts.contains(account) { accounts.append(account) }
            for privilege in topLevelItems(String(match.privileges)) {
                // `UPDATE (stock)` or `UPDATE (a, b)`: a grant on those columns only.
                if let open = privilege.firstIndex(of: "("), privilege.hasSuffix(")") {
                    let name = privilege[..<open].trimmingCharacters(in: .whitespaces).uppercased()
                    let columns = privilege[privilege.index(after: open)..<privilege.index(before: privilege.endIndex)]
                    for column in columns.split(separator: ",") {
                        grants.insert(Grant(account: account, table: table, privilege: name,
                                            column: column.trimmingCharacters(in: .whitespaces)))
                    }
                } else {
                    grants.insert(Grant(account: account, table: table, privilege: privilege.uppercased(), column: nil))
                }
            }
        }
        return DeclaredGrants(grants: grants, accounts: accounts)
    }

    /// `SELECT, UPDATE (a, b)` → [`SELECT`, `UPDATE (a, b)`]: commas inside parentheses stay.
    private static func topLevelItems(_ list: String) -> [String] {
        var items: [String] = [], current = "", depth = 0
        for character in list {
            if character == "(" { depth += 1 } else if character == ")" { depth -= 1 }
            if character == ",", depth == 0 {
                items.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            } else {
                current.append(character)
            }
        }
        items.append(current.trimmingCharacters(in: .whitespaces))
        return items.filter { !$0.isEmpty }
    }
}

struct GrantsFileError: Error, CustomStringConvertible {
    let statement: String
    var description: String { "sql/grants.sql holds a statement the grant tests cannot read: \(statement)" }
}
