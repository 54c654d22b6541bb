import Testing
@testable import OrderService

@Suite("Order status only moves forward")
struct OrderStatusTests {
    static let allowed: Set<String> = [
        "pending→submitted", "pending→cancelled", "open→submitted", "open→cancelled",
        "submitted→ready", "submitted→cancelled", "ready→completed",
    ]

    @Test func exactlyTheDocumentedMovesAreAllowed() {
        for from in OrderStatus.allCases {
            for to in OrderStatus.allCases {
                let move = "\(from.rawValue)→\(to.rawValue)"
                #expect(from.canMove(to: to) == Self.allowed.contains(move), "\(move)")
            }
        }
    }

    @Test func finishedOrdersGoNowhere() {
        for to in OrderStatus.allCases {
            #expect(!OrderStatus.completed.canMove(to: to))
            #expect(!OrderStatus.cancelled.canMove(to: to))
        }
    }

    @Test func onlyOpenOrdersTakeNewLines() {
        #expect(OrderStatus.allCases.filter(\.acceptsNewLines) == [.open])
    }
}
