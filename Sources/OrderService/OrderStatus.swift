/// Where an order is in its life. Status only moves forward:
/// `pending → submitted | cancelled` (guest orders, accepted or rejected by staff),
/// `open → submitted → ready → completed`, and `open | submitted → cancelled`.
enum OrderStatus: String, Sendable, CaseIterable {
    case pending, open, submitted, ready, completed, cancelled

    func canMove(to next: OrderStatus) -> Bool {
        switch (self, next) {
        case (.pending, .submitted), (.pending, .cancelled): true
        case (.open, .submitted), (.open, .cancelled): true
        case (.submitted, .ready), (.submitted, .cancelled): true
        case (.ready, .completed): true
        default: false
        }
    }

    /// Lines may be added only while the order is being rung up.
    var acceptsNewLines: Bool { self == .open }

    /// Stock has been taken for the order's lines (it was sent to the kitchen).
    var holdsStock: Bool { self == .submitted || self == .ready || self == .completed }
}

enum OrderType: String, Sendable {
    case dineIn = "dine_in"
    case takeaway
}
