import PosHTTP

/// A till (cash drawer) name. Payments, refunds and shifts name theirs with an optional
/// `till` field in the body (`?till=` on `GET /api/shifts/current`); without it, `main`.
/// A cafe with one drawer never needs to send it.
enum Till {
    static let defaultName = "main"
    static let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")

    /// The body's `till`, or `main` when absent; nil (with the error recorded) when invalid.
    static func read(_ body: inout JSONBody) -> String? {
        guard body.has("till"), body.object["till"] != .null else { return defaultName }
        return body.string("till", length: 1...32, allowed: allowed)
    }

    /// `?till=`, or `main`; 422 when invalid.
    static func fromQuery(_ request: HTTPRequest) throws -> String {
        guard let text = request.query["till"], !text.isEmpty else { return defaultName }
        guard text.count <= 32, text.allSatisfy({ allowed.contains($0) }) else {
            throw HTTPError.unprocessable(field: "till", "must be 1 to 32 letters, digits, '-', '_' or '.'")
        }
        return text
    }
}
