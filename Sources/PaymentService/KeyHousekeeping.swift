import PosCore

/// Keeps `idempotency_keys` from growing without end: after about one in a hundred payments
/// or refunds, outside their transaction, deletes a batch of keys past the retention period
/// (`IdempotentRequest.retentionHours`, 48 h, so every key lives at least the promised 24 h).
/// A failure here is logged and never fails the request that triggered it.
enum KeyHousekeeping {
    static func purgeOccasionally(_ context: RequestContext, requestID: String, oneIn odds: Int = 100) {
        guard Int.random(in: 0..<odds) == 0 else { return }
        do {
            try IdempotentRequest.purgeExpired(context.db)
        } catch {
            context.logger.warning("purging expired idempotency keys failed: \(error)", requestID: requestID)
        }
    }
}
