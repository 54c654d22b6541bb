/// A value made once per test process (a fixture menu, an item): concurrent first callers
/// share one attempt, and a failed attempt is forgotten so the next caller tries again.
public actor Once<Value: Sendable> {
    private let make: @Sendable () async throws -> Value
    private var task: Task<Value, any Error>?

    public init(_ make: @escaping @Sendable () async throws -> Value) {
        self.make = make
    }

    public func value() async throws -> Value {
        if let task { return try await task.value }
        let task = Task { try await make() }
        self.task = task
        do {
            return try await task.value
        } catch {
            self.task = nil
            throw error
        }
    }
}
