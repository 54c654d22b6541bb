/// Checks `condition` every `interval` seconds until it holds or `seconds` have passed;
/// returns whether it held. For promises of the form "within N seconds".
public func eventually(within seconds: Double, every interval: Double = 0.1,
                       _ condition: () async throws -> Bool) async rethrows -> Bool {
    let clock = ContinuousClock()
    let deadline = clock.now + .milliseconds(Int(seconds * 1000))
    while true {
        if try await condition() { return true }
        if clock.now >= deadline { return false }
        try? await Task.sleep(for: .milliseconds(Int(interval * 1000)))
    }
}
