import PosHTTP

extension HTTPRequest {
    /// The token from `Authorization: Guest <token>`, if the scheme is Guest (any case).
    var guestToken: String? {
        guard let header = header("authorization") else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "guest" else { return nil }
        return String(parts[1])
    }
}
