import PosHTTP

extension GatewayClient {
    /// The longest `Retry-After` that is waited out. The gateway's per-address limits answer
    /// `Retry-After: 1`; a 429 asking for longer (a locked account: a minute) is returned.
    public static let longestRetryAfterWaited = 5

    /// `send`, but a 429 with a short `Retry-After` is retried after that many seconds (plus a
    /// little jitter, since tests log in in parallel), for up to `patience` seconds in all.
    /// For requests whose test is not about rate limiting, e.g. logins of test fixtures.
    public func sendRetryingWhenRateLimited(_ method: String, _ path: String, json: JSON? = nil,
                                            headers: [String: String] = [:], token: String? = nil,
                                            patience seconds: Double = 90) async throws -> TestResponse {
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        while true {
            let response = try await send(method, path, json: json, headers: headers, token: token)
            let wait = response.retryAfterSeconds ?? 1
            guard response.status == 429, wait <= Self.longestRetryAfterWaited else { return response }
            let pause = Duration.milliseconds(wait * 1000 + Int.random(in: 0...500))
            guard ContinuousClock.now + pause < deadline else { return response }
            try await Task.sleep(for: pause)
        }
    }
}
