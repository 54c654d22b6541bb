/// A guest at a table, as established by the gateway's guest-session check (`guest_only.conf`):
/// the session the `Authorization: Guest <token>` header belongs to and that session's table.
/// Never a staff member: a request carries either this or an `Identity`, never both.
public struct GuestIdentity: Sendable, Equatable {
    public let sessionID: Int
    public let tableID: Int

    public init(sessionID: Int, tableID: Int) {
        self.sessionID = sessionID
        self.tableID = tableID
    }

    /// Nil unless both gateway parameters are present and positive integers.
    package init?(sessionID: String?, tableID: String?) {
        guard let sessionID, let session = Int(sessionID), session > 0,
              let tableID, let table = Int(tableID), table > 0 else { return nil }
        self.init(sessionID: session, tableID: table)
    }
}

extension HTTPRequest {
    /// The guest session of the caller, or 401 when the gateway verified none for this request.
    public func requireGuest() throws -> GuestIdentity {
        guard let guest else {
            throw HTTPError.unauthorized("A valid guest session is required: send Authorization: Guest <session_token> from POST /api/guest/sessions.")
        }
        return guest
    }
}
